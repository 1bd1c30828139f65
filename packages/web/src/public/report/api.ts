// The public reporting API, over fetch: no cookies (credentials 'omit'), JSON only.
import type {
  FollowUpSession,
  ReportChallenge,
  ReporterThread,
  ReportForm,
  ReportReceived,
} from '@probity/server';

/** An error the API answered with, keeping its stable code. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(url, {
    method,
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    cache: 'no-store',
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as
    (T & { error?: undefined }) | { error: { code: string; message: string } } | null;
  if (!res.ok || json === null || (json as { error?: unknown }).error) {
    const error = (json as { error?: { code: string; message: string } } | null)?.error;
    throw new ApiError(
      error?.code ?? 'HTTP_' + String(res.status),
      error?.message ?? res.statusText,
    );
  }
  return json as T;
}

/** The form: questions, recipients, salt, limits. */
export const reportForm = () => call<ReportForm>('GET', '/api/public/report-form');
/** A proof-of-work challenge. */
export const newChallenge = () => call<ReportChallenge>('POST', '/api/public/report-challenges');
/** Sends an encrypted report with a solved proof of work (`<challenge>.<nonce>`). */
export const sendReport = (body: unknown, proof: string) =>
  call<ReportReceived>('POST', '/api/public/reports', body, { 'x-report-proof': proof });
/** Enters a receipt (its lookup key), with a solved proof of work. */
export const followUp = (body: unknown, proof: string) =>
  call<FollowUpSession>('POST', '/api/public/reports/follow-up', body, {
    'x-report-proof': proof,
  });
/** The thread of the report the session token opened. */
export const readThread = (token: string) =>
  call<ReporterThread>('GET', '/api/public/reports/thread', undefined, {
    'x-report-session': token,
  });
/** Posts a message to the thread. */
export const postThreadMessage = (token: string, body: unknown) =>
  call<{ id: number }>('POST', '/api/public/reports/thread/messages', body, {
    'x-report-session': token,
  });
