import { ServerError } from '../errors.js';

/** Stable codes of the reporting channel's expected errors (docs/reporting-channel.md). */
export const reportingErrorCodes = {
  notFound: 'REPORT_NOT_FOUND',
  receiptUnknown: 'REPORT_RECEIPT_UNKNOWN',
  sessionExpired: 'REPORT_SESSION_EXPIRED',
  proofInvalid: 'REPORT_PROOF_INVALID',
  busy: 'REPORT_CHANNEL_BUSY',
  followUpThrottled: 'REPORT_FOLLOW_UP_THROTTLED',
  badRecipients: 'REPORT_BAD_RECIPIENTS',
  tooLarge: 'REPORT_TOO_LARGE',
  noRecipients: 'REPORT_NO_RECIPIENTS',
  keyMissing: 'REPORT_KEY_MISSING',
  badStatus: 'REPORT_BAD_STATUS',
  alreadyTriaged: 'REPORT_ALREADY_TRIAGED',
  selfExclusion: 'REPORT_SELF_EXCLUSION',
  closed: 'REPORT_CLOSED',
  badQuestionnaire: 'REPORT_BAD_QUESTIONNAIRE',
  resealRefused: 'REPORT_RESEAL_REFUSED',
  attachmentConflict: 'REPORT_ATTACHMENT_CONFLICT',
} as const;

/** A reporting error with its stable code. */
export function reportingError(
  code: (typeof reportingErrorCodes)[keyof typeof reportingErrorCodes],
  statusCode: number,
  message: string,
): ServerError {
  return new ServerError(code, statusCode, message);
}

/** 404 for a report the reader may not know exists (or that does not exist). */
export function reportNotFound(): ServerError {
  return reportingError(reportingErrorCodes.notFound, 404, 'No such report.');
}
