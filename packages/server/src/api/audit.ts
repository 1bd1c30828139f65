import { Type } from 'typebox';
import type { Static } from 'typebox';

/** One entry of the audit trail (ids only, no personal data). */
export const AuditEntryView = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorId: Type.Union([Type.Integer(), Type.Null()]),
  action: Type.String(),
  targetType: Type.Union([Type.String(), Type.Null()]),
  targetId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  prevHash: Type.String(),
  hash: Type.String(),
});
/** One entry of the audit trail. */
export type AuditEntryView = Static<typeof AuditEntryView>;

/** GET /api/audit query: newest first, pages by `beforeId`. */
export const AuditQuery = Type.Object({
  beforeId: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  action: Type.Optional(Type.String({ maxLength: 100 })),
});
/** GET /api/audit query. */
export type AuditQuery = Static<typeof AuditQuery>;

/** GET /api/audit answer: a page of entries and the `beforeId` of the next page (null at the end). */
export const AuditPage = Type.Object({
  entries: Type.Array(AuditEntryView),
  nextBeforeId: Type.Union([Type.Integer(), Type.Null()]),
});
/** GET /api/audit answer. */
export type AuditPage = Static<typeof AuditPage>;

/** GET /api/audit/verify answer: the chain is intact (how many entries, newest hash) or where it breaks. */
export const AuditVerifyResponse = Type.Union([
  Type.Object({
    ok: Type.Literal(true),
    entries: Type.Integer(),
    headId: Type.Union([Type.Integer(), Type.Null()]),
    headHash: Type.Union([Type.String(), Type.Null()]),
  }),
  Type.Object({
    ok: Type.Literal(false),
    firstBrokenId: Type.Integer(),
    reason: Type.String(),
  }),
]);
/** GET /api/audit/verify answer. */
export type AuditVerifyResponse = Static<typeof AuditVerifyResponse>;
