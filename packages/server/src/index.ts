// The server's public names. Other packages import only from here.
export { buildApp } from './app.js';
export type { AppDependencies, ProbityApp, RouteEntry } from './app.js';
export { serverConfig } from './config.js';
export type { LogLevel, ServerConfig, ServerConfigInput } from './config.js';
export { ServerError } from './errors.js';
export { openStore, migrate, schemaVersion } from './store/database.js';
export type { Db, Store } from './store/database.js';
export { migrations } from './store/migrations/index.js';
export type { Migration } from './store/migrations/index.js';
export { appendAudit, auditHead, verifyAuditChain } from './audit/audit-trail.js';
export type { AuditEntry, AuditEntryInput, AuditVerification } from './audit/audit-trail.js';
export { roles, isRole } from './access/roles.js';
export type { AuthenticatedUser, Role } from './access/roles.js';
// API types (the web app imports these with `import type`).
export type * from './api/common.js';
// Case API types (CASES).
export type {
  CaseAccessBody,
  CaseAssignBody,
  CaseChangeResponse,
  CaseCloseApprovalBody,
  CaseCloseProposalBody,
  CaseClosureProposal,
  CaseCreateBody,
  CaseDetail,
  CaseEvidence,
  CaseExclusionBody,
  CaseHistory,
  CaseHistoryEntry,
  CaseIdParams,
  CaseList,
  CaseListQuery,
  CaseNote,
  CaseNoteBody,
  CaseOutcome,
  CasePermissions,
  CasePerson,
  CasePriority,
  CaseReminders,
  CaseReopenBody,
  CaseSource,
  CaseState,
  CaseStatistics,
  CaseSubject,
  CaseSubjectKind,
  CaseSummary,
  CaseTransitionBody,
  RevealBody,
  RevealResponse,
} from './api/cases.js';
