// JSON calls of the public pages: no cookies (credentials 'omit'), no referrer, no cache.

/** An error the API answered with, keeping its stable code. */
export class PublicApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Calls the API and returns its JSON, or throws {@link PublicApiError}. */
export async function publicCall<T>(
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new PublicApiError('NETWORK', 0, 'The server cannot be reached.');
  }
  const json = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  if (!res.ok || json === null || json.error) {
    throw new PublicApiError(
      json?.error?.code ?? `HTTP_${res.status}`,
      res.status,
      json?.error?.message ?? res.statusText,
    );
  }
  return json as T;
}
