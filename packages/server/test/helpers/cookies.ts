import type { LightMyRequestResponse } from 'fastify';

/** The `name=value` of the session cookie a response sets, for the next inject call. */
export function sessionCookieFrom(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'probity_session');
  if (!cookie)
    throw new Error(`No session cookie in response ${response.statusCode}: ${response.body}`);
  return `probity_session=${cookie.value}`;
}
