import type { Role } from '../access/roles.js';
import type { Db } from '../store/database.js';

/** The application-state database handle, as the store exposes it. */
export type { Db };

/** The states of a case, in their usual order. */
export const caseStates = ['received', 'triage', 'investigation', 'review', 'closed'] as const;
/** A case's state. */
export type CaseState = (typeof caseStates)[number];

/** How a case came about: a flagged unit, a flagged officer × declarant pair, or by hand. */
export const caseSources = ['unit_flag', 'pair', 'manual'] as const;
/** A case's source. */
export type CaseSource = (typeof caseSources)[number];

/** Kinds of subject a case can be about (a pair is an officer and a declarant). */
export const subjectKinds = ['officer', 'declarant', 'trader', 'office', 'pair'] as const;
/** A case subject's kind. */
export type SubjectKind = (typeof subjectKinds)[number];

/** Outcome codes a closure records. */
export const caseOutcomes = [
  'substantiated',
  'unsubstantiated',
  'referred_to_prosecution',
  'administrative_action',
  'no_further_action',
] as const;
/** A closure outcome. */
export type CaseOutcome = (typeof caseOutcomes)[number];

/** Priorities. */
export const casePriorities = ['low', 'normal', 'high', 'urgent'] as const;
/** A case's priority. */
export type CasePriority = (typeof casePriorities)[number];

/** The person acting on a case (from the session). */
export interface CaseActor {
  readonly id: number;
  readonly role: Role;
}

/** A row of the `cases` table. */
export interface CaseRow {
  id: number;
  reference: string;
  title: string;
  source: CaseSource;
  subject_kind: SubjectKind | null;
  subject_id: string | null;
  subject_pseudonym: string | null;
  pair_declarant_id: string | null;
  pair_declarant_pseudonym: string | null;
  indicator: string | null;
  state: CaseState;
  priority: CasePriority;
  deadline: string | null;
  state_entered_at: string;
  assigned_to: number | null;
  outcome: CaseOutcome | null;
  outcome_reasons: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}
