// Local shapes of the case API until '@probity/server' exports them.

export type CaseState = 'received' | 'triage' | 'investigation' | 'review' | 'closed';
export type CaseOutcome =
  | 'substantiated'
  | 'unsubstantiated'
  | 'referred_to_prosecution'
  | 'administrative_action'
  | 'no_further_action';
export type CasePriority = 'low' | 'normal' | 'high' | 'urgent';
export type CaseSource = 'unit_flag' | 'pair' | 'manual';
export type CaseSubjectKind = 'officer' | 'declarant' | 'trader' | 'office' | 'pair';

export interface CaseSubject {
  kind: CaseSubjectKind;
  pseudonym: string;
  declarantPseudonym: string | null;
}
export interface CasePerson {
  id: number;
  displayName: string;
}
export interface CaseSummary {
  id: number;
  reference: string;
  title: string;
  source: CaseSource;
  subject: CaseSubject | null;
  indicator: string | null;
  state: CaseState;
  priority: CasePriority;
  deadline: string | null;
  dueAt: string | null;
  overdue: boolean;
  dueSoon: boolean;
  assignedTo: CasePerson | null;
  outcome: CaseOutcome | null;
  createdAt: string;
  updatedAt: string;
}
export interface CaseList {
  total: number;
  limit: number;
  offset: number;
  cases: CaseSummary[];
}
export interface CaseCreateBody {
  title: string;
  source: CaseSource;
  subject?: { kind: CaseSubjectKind; pseudonym: string; declarantPseudonym?: string };
  indicator?: string;
  priority?: CasePriority;
  deadline?: string;
}
export interface CaseNote {
  id: number;
  author: CasePerson;
  text: string;
  createdAt: string;
}
export interface CaseEvidence {
  frozenAt: string | null;
  flags: Record<string, unknown>[];
  pairs: Record<string, unknown>[];
  declarations: {
    declarationId: string;
    indicator: string | null;
    data: Record<string, unknown>;
  }[];
}
export interface CasePermissions {
  transition: boolean;
  assign: boolean;
  addNote: boolean;
  manageAccess: boolean;
  proposeClosure: boolean;
  decideClosure: boolean;
  reopen: boolean;
  reveal: boolean;
}
export interface CaseClosureProposal {
  id: number;
  proposedBy: CasePerson;
  proposedAt: string;
  outcome: CaseOutcome;
  reasons: string;
}
export interface CaseDetail {
  case: CaseSummary;
  view: 'full' | 'summary';
  outcomeReasons: string | null;
  closedAt: string | null;
  createdBy: CasePerson;
  permissions: CasePermissions;
  pendingClosure: CaseClosureProposal | null;
  notes: CaseNote[];
  evidence: CaseEvidence | null;
  access: CasePerson[];
  exclusions: { person: CasePerson; reason: string; at: string }[];
}
export interface CaseHistoryEntry {
  id: number;
  at: string;
  actor: CasePerson | null;
  type: string;
  fromState: CaseState | null;
  toState: CaseState | null;
  details: Record<string, unknown>;
}
export interface CaseHistory {
  entries: CaseHistoryEntry[];
}
export interface RevealResponse {
  revealId: number;
  subjectKind: CaseSubjectKind;
  ids: { kind: 'officer' | 'declarant' | 'trader' | 'office'; pseudonym: string; id: string }[];
  revealedAt: string;
}
export interface CaseChangeResponse {
  case: CaseSummary;
}
