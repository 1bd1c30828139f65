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
export { defaultSettings, getSettings } from './store/settings.js';
export { appendAudit, auditHead, verifyAuditChain } from './audit/audit-trail.js';
export type { AuditEntry, AuditEntryInput, AuditVerification } from './audit/audit-trail.js';
export { ensureFirstAdmin } from './auth/accounts.js';
export { roles, isRole } from './access/roles.js';
export type { AuthenticatedUser, Role } from './access/roles.js';
// API types (the web app imports these with `import type`).
export type * from './api/common.js';
export type * from './api/auth.js';
export type * from './api/users.js';
export type * from './api/settings.js';
export type * from './api/audit.js';
export type * from './api/cases.js';
export type * from './api/analytics-common.js';
export type * from './api/analytics-overview.js';
export type * from './api/analytics-release-times.js';
export type * from './api/analytics-integrity.js';
export type * from './api/analytics-mirror.js';
export type * from './api/analytics-data.js';
export type * from './api/reporting.js';
export type * from './api/surveys.js';
export type * from './api/transparency.js';
// Dashboards: compute the opening answers ahead (call after listen).
export { warmAnalytics } from './analytics/warm-analytics.js';
export { openAnalyticsReader } from './analytics/analytics-reader.js';
export type { AnalyticsReader } from './analytics/analytics-reader.js';
