import { ServerError } from '../errors.js';

/** Stable codes of the errors case routes return. */
export const caseErrorCodes = {
  notFound: 'CASE_NOT_FOUND',
  forbidden: 'CASE_FORBIDDEN',
  badTransition: 'CASE_TRANSITION_NOT_ALLOWED',
  needsInvestigator: 'CASE_NEEDS_INVESTIGATOR',
  selfApproval: 'CASE_SELF_APPROVAL',
  noProposal: 'CASE_NO_CLOSURE_PROPOSAL',
  badAssignee: 'CASE_BAD_ASSIGNEE',
  excluded: 'CASE_PERSON_EXCLUDED',
  selfExclusion: 'CASE_SELF_EXCLUSION',
  subjectNotFound: 'CASE_SUBJECT_NOT_FOUND',
  noWarehouse: 'CASE_NO_WAREHOUSE',
  badRequest: 'CASE_BAD_REQUEST',
  shortJustification: 'REVEAL_JUSTIFICATION_TOO_SHORT',
} as const;

/** The case does not exist, or the person may not know it exists (excluded): always 404. */
export function caseNotFound(): ServerError {
  return new ServerError(caseErrorCodes.notFound, 404, 'No such case.');
}

/** The person sees the case but may not do this on it. */
export function caseForbidden(message = 'You may not do this on this case.'): ServerError {
  return new ServerError(caseErrorCodes.forbidden, 403, message);
}

/** A request that conflicts with the case's state (409). */
export function caseConflict(
  code: (typeof caseErrorCodes)[keyof typeof caseErrorCodes],
  message: string,
): ServerError {
  return new ServerError(code, 409, message);
}

/** A request whose content is wrong in a way the schema cannot say (400). */
export function caseBadRequest(
  code: (typeof caseErrorCodes)[keyof typeof caseErrorCodes],
  message: string,
): ServerError {
  return new ServerError(code, 400, message);
}
