import type { FastifyReply } from 'fastify';
import type { ServerConfig } from '../config.js';

/** Name of the session cookie. */
export const sessionCookieName = 'probity_session';

/** Set the session cookie: httpOnly, SameSite=Strict, Secure per configuration, API paths only. */
export function setSessionCookie(reply: FastifyReply, config: ServerConfig, token: string): void {
  reply.setCookie(sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.cookieSecure,
    path: '/api',
  });
}

/** Remove the session cookie from the browser. */
export function clearSessionCookie(reply: FastifyReply, config: ServerConfig): void {
  reply.clearCookie(sessionCookieName, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.cookieSecure,
    path: '/api',
  });
}
