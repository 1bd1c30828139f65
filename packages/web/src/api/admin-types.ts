// Shapes of the users, settings and audit APIs: the server's own types.
export type {
  AuditEntryView,
  AuditPage,
  AuditVerifyResponse,
  Settings,
  TemporaryPasswordResponse,
  UserList,
  UserSummary,
} from '@probity/server';
