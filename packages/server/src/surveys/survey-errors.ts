import { ServerError } from '../errors.js';

/** Stable codes of the survey routes' expected errors, with their HTTP status. */
export const surveyErrorCodes = {
  SURVEY_NOT_FOUND: 404,
  QUESTIONNAIRE_UNKNOWN: 400,
  SURVEY_DATES_INVALID: 400,
  SURVEY_NOT_OPEN: 409,
  SURVEY_CLOSED: 409,
  SURVEY_ROUND_OPEN: 409,
  SURVEY_NOT_INVITATION: 409,
  INVITATION_INVALID: 403,
  SURVEY_ANSWER_INVALID: 400,
  SURVEY_BUSY: 429,
  SURVEY_ROUNDS_NOT_COMPARABLE: 409,
} as const;

/** A survey error code. */
export type SurveyErrorCode = keyof typeof surveyErrorCodes;

/** An expected error of the survey routes. */
export function surveyError(code: SurveyErrorCode, message: string): ServerError {
  return new ServerError(code, surveyErrorCodes[code], message);
}
