/**
 * Named server errors with stable codes. Expected errors keep their code and
 * message in the API response (`{ error: { code, message } }`); anything else
 * becomes a generic 500 with the details only in the log.
 */

/** An expected failure the client may see: stable `code`, HTTP status, human message. */
export class ServerError extends Error {
  override readonly name = 'ServerError';

  /**
   * @param code stable machine-readable code, UPPER_SNAKE_CASE (e.g. `NOT_FOUND`)
   * @param statusCode HTTP status sent to the client
   * @param message human-readable message, safe to show to the client
   * @param options the original `cause`, kept for the log
   */
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** 401: no valid session. */
export function unauthenticated(message = 'Authentication required.'): ServerError {
  return new ServerError('UNAUTHENTICATED', 401, message);
}

/** 403: authenticated but not allowed. */
export function forbidden(message = 'You are not allowed to do this.'): ServerError {
  return new ServerError('FORBIDDEN', 403, message);
}

/** 404: the resource does not exist (or the caller may not know it exists). */
export function notFound(message = 'Not found.'): ServerError {
  return new ServerError('NOT_FOUND', 404, message);
}

/** 400: a request that passed schema validation but breaks a rule. */
export function badRequest(code: string, message: string): ServerError {
  return new ServerError(code, 400, message);
}

/** 409: the request conflicts with the current state. */
export function conflict(code: string, message: string): ServerError {
  return new ServerError(code, 409, message);
}

/** True if `error` is a {@link ServerError}. */
export function isServerError(error: unknown): error is ServerError {
  return error instanceof ServerError;
}
