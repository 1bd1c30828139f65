import type { CaseRow } from './case-types.js';

/** Deadline settings: days allowed per state, per case, and the "due soon" warning window. */
export interface CaseDeadlineSettings {
  /** Days a case may stay in one open state before it is overdue. */
  readonly stateDays: number;
  /** Days from opening to the case deadline when none is given. */
  readonly caseDays: number;
  /** A case is "due soon" this many days before it is due. */
  readonly dueSoonDays: number;
}

/** Defaults used when the settings do not say otherwise. */
export const defaultCaseDeadlines: CaseDeadlineSettings = Object.freeze({
  stateDays: 30,
  caseDays: 90,
  dueSoonDays: 7,
});

const dayMs = 86_400_000;

/** Adds whole days to an ISO timestamp. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * dayMs).toISOString();
}

/** When an open case is next due: the earlier of its case deadline and its state deadline. */
export function caseDueAt(row: CaseRow, settings: CaseDeadlineSettings): string | null {
  if (row.state === 'closed') return null;
  const stateDue = addDays(row.state_entered_at, settings.stateDays);
  return row.deadline !== null && row.deadline < stateDue ? row.deadline : stateDue;
}

/** The computed reminder flags of a case at `now`. */
export function deadlineFlags(
  row: CaseRow,
  settings: CaseDeadlineSettings,
  now: Date,
): { dueAt: string | null; overdue: boolean; dueSoon: boolean } {
  const dueAt = caseDueAt(row, settings);
  if (dueAt === null) return { dueAt, overdue: false, dueSoon: false };
  const due = Date.parse(dueAt);
  const overdue = due < now.getTime();
  return {
    dueAt,
    overdue,
    dueSoon: !overdue && due - now.getTime() <= settings.dueSoonDays * dayMs,
  };
}

/**
 * SQL expression (over `cases c`) giving the same due time as
 * {@link caseDueAt}; bind `@stateOffset` as `'+N days'`.
 */
export const caseDueAtSql = `CASE WHEN c.state = 'closed' THEN NULL ELSE min(coalesce(c.deadline, '9999'),
  strftime('%Y-%m-%dT%H:%M:%fZ', c.state_entered_at, @stateOffset)) END`;
