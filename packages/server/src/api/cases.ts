/**
 * Request and response schemas of the case routes (docs/cases.md). A case's
 * subject appears only as a pseudonym; real ids leave the server only in the
 * reveal response.
 */
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { PageInfo, pageQuery } from './common.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);

/** A case's state. */
export const CaseState = Type.Enum(['received', 'triage', 'investigation', 'review', 'closed']);
/** A case's state. */
export type CaseState = Static<typeof CaseState>;
/** Closure outcome codes. */
export const CaseOutcome = Type.Enum([
  'substantiated',
  'unsubstantiated',
  'referred_to_prosecution',
  'administrative_action',
  'no_further_action',
]);
/** A closure outcome code. */
export type CaseOutcome = Static<typeof CaseOutcome>;
/** Priorities. */
export const CasePriority = Type.Enum(['low', 'normal', 'high', 'urgent']);
/** A case's priority. */
export type CasePriority = Static<typeof CasePriority>;
/** How a case was opened. */
export const CaseSource = Type.Enum(['unit_flag', 'pair', 'manual']);
/** How a case was opened. */
export type CaseSource = Static<typeof CaseSource>;
/** The kind of a case's subject. */
export const CaseSubjectKind = Type.Enum(['officer', 'declarant', 'trader', 'office', 'pair']);
/** The kind of a case's subject. */
export type CaseSubjectKind = Static<typeof CaseSubjectKind>;

/** `:id` of a case route. */
export const CaseIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
/** `:id` of a case route. */
export type CaseIdParams = Static<typeof CaseIdParams>;

/** A case's subject as the reader sees it: pseudonyms only. */
export const CaseSubject = Type.Object({
  kind: CaseSubjectKind,
  pseudonym: Type.String(),
  declarantPseudonym: Nullable(Type.String()),
});
/** A case's subject as the reader sees it. */
export type CaseSubject = Static<typeof CaseSubject>;

/** A person named on a case. */
export const CasePerson = Type.Object({ id: Type.Integer(), displayName: Type.String() });
/** A person named on a case. */
export type CasePerson = Static<typeof CasePerson>;

/** One case in a list (with its computed reminder flags). */
export const CaseSummary = Type.Object({
  id: Type.Integer(),
  reference: Type.String(),
  title: Type.String(),
  source: CaseSource,
  subject: Nullable(CaseSubject),
  indicator: Nullable(Type.String()),
  state: CaseState,
  priority: CasePriority,
  deadline: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  overdue: Type.Boolean(),
  dueSoon: Type.Boolean(),
  assignedTo: Nullable(CasePerson),
  outcome: Nullable(CaseOutcome),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
/** One case in a list. */
export type CaseSummary = Static<typeof CaseSummary>;

/** Query of GET /api/cases. */
export const CaseListQuery = Type.Object({
  state: Type.Optional(CaseState),
  mine: Type.Optional(Type.Boolean({ description: 'only cases assigned to me' })),
  overdue: Type.Optional(Type.Boolean()),
  ...pageQuery(200),
});
/** Query of GET /api/cases. */
export type CaseListQuery = Static<typeof CaseListQuery>;

/** Response of GET /api/cases. */
export const CaseList = Type.Object({
  ...PageInfo,
  cases: Type.Array(CaseSummary),
});
/** Response of GET /api/cases. */
export type CaseList = Static<typeof CaseList>;

/** Body of POST /api/cases: from a flagged unit, a flagged pair, or by hand. */
export const CaseCreateBody = Type.Object({
  title: Type.String({ minLength: 3, maxLength: 200 }),
  source: CaseSource,
  subject: Type.Optional(
    Type.Object({
      kind: CaseSubjectKind,
      pseudonym: Type.String({ minLength: 1, maxLength: 64 }),
      declarantPseudonym: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    }),
  ),
  indicator: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  priority: Type.Optional(CasePriority),
  deadline: Type.Optional(Type.String({ format: 'date-time' })),
});
/** Body of POST /api/cases. */
export type CaseCreateBody = Static<typeof CaseCreateBody>;

/** A note on a case. */
export const CaseNote = Type.Object({
  id: Type.Integer(),
  author: CasePerson,
  text: Type.String(),
  createdAt: Type.String(),
});
/** A note on a case. */
export type CaseNote = Static<typeof CaseNote>;

/** Evidence frozen when the case was opened; person ids inside are pseudonyms. */
export const CaseEvidence = Type.Object({
  frozenAt: Nullable(Type.String()),
  /** Declarations behind the flag in the warehouse at opening (more than were frozen when capped). */
  declarationsTotal: Type.Integer(),
  flags: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  pairs: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  declarations: Type.Array(
    Type.Object({
      declarationId: Type.String(),
      indicator: Nullable(Type.String()),
      data: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
});
/** Evidence frozen when the case was opened. */
export type CaseEvidence = Static<typeof CaseEvidence>;

/** What the reader may do on the case. */
export const CasePermissions = Type.Object({
  transition: Type.Boolean(),
  assign: Type.Boolean(),
  addNote: Type.Boolean(),
  manageAccess: Type.Boolean(),
  proposeClosure: Type.Boolean(),
  decideClosure: Type.Boolean(),
  reopen: Type.Boolean(),
  reveal: Type.Boolean(),
});
/** What the reader may do on the case. */
export type CasePermissions = Static<typeof CasePermissions>;

/** A pending closure proposal. */
export const CaseClosureProposal = Type.Object({
  id: Type.Integer(),
  proposedBy: CasePerson,
  proposedAt: Type.String(),
  outcome: CaseOutcome,
  reasons: Type.String(),
});
/** A pending closure proposal. */
export type CaseClosureProposal = Static<typeof CaseClosureProposal>;

/** Response of GET /api/cases/:id; an analyst who opened the case gets `view: 'summary'` with empty contents. */
export const CaseDetail = Type.Object({
  case: CaseSummary,
  view: Type.Enum(['full', 'summary']),
  outcomeReasons: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  createdBy: CasePerson,
  permissions: CasePermissions,
  pendingClosure: Nullable(CaseClosureProposal),
  notes: Type.Array(CaseNote),
  evidence: Nullable(CaseEvidence),
  access: Type.Array(CasePerson),
  exclusions: Type.Array(
    Type.Object({ person: CasePerson, reason: Type.String(), at: Type.String() }),
  ),
});
/** Response of GET /api/cases/:id. */
export type CaseDetail = Static<typeof CaseDetail>;

/** Body of POST /api/cases/:id/transition. */
export const CaseTransitionBody = Type.Object({
  to: CaseState,
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
});
/** Body of POST /api/cases/:id/transition. */
export type CaseTransitionBody = Static<typeof CaseTransitionBody>;

/** Body of POST /api/cases/:id/assign (null unassigns). */
export const CaseAssignBody = Type.Object({
  investigatorId: Nullable(Type.Integer({ minimum: 1 })),
  deadline: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
});
/** Body of POST /api/cases/:id/assign. */
export type CaseAssignBody = Static<typeof CaseAssignBody>;

/** Body of POST /api/cases/:id/notes. */
export const CaseNoteBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 10000 }) });
/** Body of POST /api/cases/:id/notes. */
export type CaseNoteBody = Static<typeof CaseNoteBody>;

/** Body of POST /api/cases/:id/exclusions: add (`lift` absent/false) or lift an exclusion. */
export const CaseExclusionBody = Type.Object({
  userId: Type.Integer({ minimum: 1 }),
  reason: Type.Optional(Type.String({ minLength: 5, maxLength: 2000 })),
  lift: Type.Optional(Type.Boolean()),
});
/** Body of POST /api/cases/:id/exclusions. */
export type CaseExclusionBody = Static<typeof CaseExclusionBody>;

/** Body of POST /api/cases/:id/access: grant (default) or revoke need-to-know access. */
export const CaseAccessBody = Type.Object({
  userId: Type.Integer({ minimum: 1 }),
  grant: Type.Optional(Type.Boolean({ default: true })),
});
/** Body of POST /api/cases/:id/access. */
export type CaseAccessBody = Static<typeof CaseAccessBody>;

/** Body of POST /api/cases/:id/close-proposal. */
export const CaseCloseProposalBody = Type.Object({
  outcome: CaseOutcome,
  reasons: Type.String({ minLength: 10, maxLength: 10000 }),
});
/** Body of POST /api/cases/:id/close-proposal. */
export type CaseCloseProposalBody = Static<typeof CaseCloseProposalBody>;

/** Body of POST /api/cases/:id/close-approval. */
export const CaseCloseApprovalBody = Type.Object({
  approve: Type.Boolean(),
  comment: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
});
/** Body of POST /api/cases/:id/close-approval. */
export type CaseCloseApprovalBody = Static<typeof CaseCloseApprovalBody>;

/** Body of POST /api/cases/:id/reopen. */
export const CaseReopenBody = Type.Object({
  reason: Type.String({ minLength: 10, maxLength: 2000 }),
});
/** Body of POST /api/cases/:id/reopen. */
export type CaseReopenBody = Static<typeof CaseReopenBody>;

/** One entry of a case's history. */
export const CaseHistoryEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor: Nullable(CasePerson),
  type: Type.String(),
  fromState: Nullable(CaseState),
  toState: Nullable(CaseState),
  details: Type.Record(Type.String(), Type.Unknown()),
});
/** One entry of a case's history. */
export type CaseHistoryEntry = Static<typeof CaseHistoryEntry>;

/** Response of GET /api/cases/:id/history. */
export const CaseHistory = Type.Object({ entries: Type.Array(CaseHistoryEntry) });
/** Response of GET /api/cases/:id/history. */
export type CaseHistory = Static<typeof CaseHistory>;

/** Response of GET /api/cases/statistics: counts only, no case contents. */
export const CaseStatistics = Type.Object({
  total: Type.Integer(),
  open: Type.Integer(),
  overdue: Type.Integer(),
  byState: Type.Record(Type.String(), Type.Integer()),
  byOutcome: Type.Record(Type.String(), Type.Integer()),
  bySource: Type.Record(Type.String(), Type.Integer()),
});
/** Response of GET /api/cases/statistics. */
export type CaseStatistics = Static<typeof CaseStatistics>;

/** Response of GET /api/cases/reminders: the reader's overdue and due-soon cases, and closures awaiting them. */
export const CaseReminders = Type.Object({
  overdue: Type.Array(CaseSummary),
  dueSoon: Type.Array(CaseSummary),
  awaitingApproval: Type.Array(CaseSummary),
});
/** Response of GET /api/cases/reminders. */
export type CaseReminders = Static<typeof CaseReminders>;

/** Body of POST /api/cases/:id/reveal. */
export const RevealBody = Type.Object({
  justification: Type.String({ minLength: 20, maxLength: 2000 }),
});
/** Body of POST /api/cases/:id/reveal. */
export type RevealBody = Static<typeof RevealBody>;

/** Response of POST /api/cases/:id/reveal: the real ids behind the subject's pseudonyms. */
export const RevealResponse = Type.Object({
  revealId: Type.Integer(),
  subjectKind: CaseSubjectKind,
  ids: Type.Array(
    Type.Object({
      kind: Type.Enum(['officer', 'declarant', 'trader', 'office']),
      pseudonym: Type.String(),
      id: Type.String(),
    }),
  ),
  revealedAt: Type.String(),
});
/** Response of POST /api/cases/:id/reveal. */
export type RevealResponse = Static<typeof RevealResponse>;

/** Response of a case change: the case as it now is. */
export const CaseChangeResponse = Type.Object({ case: CaseSummary });
/** Response of a case change. */
export type CaseChangeResponse = Static<typeof CaseChangeResponse>;

/** Query of GET /api/cases/assignees and /api/cases/people: leave out those excluded from `caseId`. */
export const CaseCandidatesQuery = Type.Object({
  caseId: Type.Optional(Type.Integer({ minimum: 1 })),
});
/** Query of GET /api/cases/assignees and /api/cases/people. */
export type CaseCandidatesQuery = Static<typeof CaseCandidatesQuery>;

/** Response of GET /api/cases/assignees (investigators) and /api/cases/people (all case staff). */
export const CaseCandidates = Type.Object({
  people: Type.Array(
    Type.Object({
      id: Type.Integer(),
      displayName: Type.String(),
      role: Type.Enum(['analyst', 'investigator', 'manager']),
    }),
  ),
});
/** Response of GET /api/cases/assignees and /api/cases/people. */
export type CaseCandidates = Static<typeof CaseCandidates>;
