import type { AnalyticsErrorCode } from '../api/analytics-common.js';
import { analyticsErrorCodes } from '../api/analytics-common.js';
import { ServerError } from '../errors.js';

/** An expected error of the dashboard routes, with its stable code and HTTP status. */
export function analyticsError(
  code: AnalyticsErrorCode,
  message: string,
  cause?: unknown,
): ServerError {
  return new ServerError(code, analyticsErrorCodes[code], message, { cause });
}
