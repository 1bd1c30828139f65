import type { CaseList, CaseListQuery, CaseStatistics, CaseSummary } from '../api/cases.js';
import { visibleCasesSql } from './case-access.js';
import type { CaseDeadlineSettings } from './case-deadlines.js';
import { caseDueAtSql, deadlineFlags } from './case-deadlines.js';
import type { CaseActor, CaseRow, Db } from './case-types.js';

/** A person's id and display name, or null. */
export function personById(db: Db, id: number | null): { id: number; displayName: string } | null {
  if (id === null) return null;
  const r = db.prepare('SELECT display_name FROM users WHERE id = ?').get(id) as
    { display_name: string } | undefined;
  return { id, displayName: r?.display_name ?? `#${id}` };
}

/** A case as listed: subject as pseudonyms, computed reminder flags. */
export function caseSummary(
  db: Db,
  row: CaseRow,
  settings: CaseDeadlineSettings,
  now: Date,
  /** `summary` (an analyst's view) leaves out who investigates. */
  view: 'full' | 'summary' = 'full',
): CaseSummary {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    source: row.source,
    subject:
      row.subject_kind === null || row.subject_pseudonym === null
        ? null
        : {
            kind: row.subject_kind,
            pseudonym: row.subject_pseudonym,
            declarantPseudonym: row.pair_declarant_pseudonym,
          },
    indicator: row.indicator,
    state: row.state,
    priority: row.priority,
    deadline: row.deadline,
    ...deadlineFlags(row, settings, now),
    assignedTo: view === 'full' ? personById(db, row.assigned_to) : null,
    outcome: row.outcome,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The cases a person may know exist, filtered and paginated, most urgent first. */
export function listCases(
  db: Db,
  actor: CaseActor,
  query: CaseListQuery,
  settings: CaseDeadlineSettings,
  now: Date,
): CaseList {
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const conditions = [visibleCasesSql];
  if (query.state) conditions.push('c.state = @state');
  if (query.mine) conditions.push('c.assigned_to = @actorId');
  if (query.overdue !== undefined) {
    conditions.push(`coalesce((${caseDueAtSql}) < @now, 0) = @overdue`);
  }
  const params = {
    actorId: actor.id,
    actorRole: actor.role,
    state: query.state ?? null,
    now: now.toISOString(),
    overdue: query.overdue ? 1 : 0,
    stateOffset: `+${settings.stateDays} days`,
    limit,
    offset,
  };
  const where = conditions.join(' AND ');
  const view = actor.role === 'analyst' ? 'summary' : 'full';
  // better-sqlite3 refuses named parameters a statement does not use.
  const bind = (sql: string) =>
    Object.fromEntries(Object.entries(params).filter(([k]) => sql.includes(`@${k}`)));
  const countSql = `SELECT count(*) AS n FROM cases c WHERE ${where}`;
  const total = (db.prepare(countSql).get(bind(countSql)) as { n: number }).n;
  const listSql = `SELECT c.* FROM cases c WHERE ${where}
     ORDER BY c.state = 'closed', ${caseDueAtSql}, c.id DESC LIMIT @limit OFFSET @offset`;
  const rows = db.prepare(listSql).all(bind(listSql)) as CaseRow[];
  return { total, limit, offset, cases: rows.map((r) => caseSummary(db, r, settings, now, view)) };
}

/** Counts by state, outcome and source (no case contents): for auditors and managers. */
export function caseStatistics(db: Db, settings: CaseDeadlineSettings, now: Date): CaseStatistics {
  const count = (column: 'state' | 'outcome' | 'source') =>
    Object.fromEntries(
      (
        db
          .prepare(
            `SELECT ${column} AS k, count(*) AS n FROM cases WHERE ${column} IS NOT NULL GROUP BY ${column}`,
          )
          .all() as { k: string; n: number }[]
      ).map((r) => [r.k, r.n]),
    );
  const byState = count('state');
  const total = Object.values(byState).reduce((a, b) => a + b, 0);
  const overdue = db
    .prepare(`SELECT count(*) AS n FROM cases c WHERE (${caseDueAtSql}) < @now`)
    .get({ now: now.toISOString(), stateOffset: `+${settings.stateDays} days` }) as { n: number };
  return {
    total,
    open: total - (byState['closed'] ?? 0),
    overdue: overdue.n,
    byState,
    byOutcome: count('outcome'),
    bySource: count('source'),
  };
}

/** The reader's reminders: their open cases overdue or due soon, and (managers) closures to decide. */
export function caseReminders(
  db: Db,
  actor: CaseActor,
  settings: CaseDeadlineSettings,
  now: Date,
): { overdue: CaseSummary[]; dueSoon: CaseSummary[]; awaitingApproval: CaseSummary[] } {
  const mine =
    actor.role === 'manager'
      ? "c.state != 'closed'"
      : "c.state != 'closed' AND c.assigned_to = @actorId";
  const rows = db
    .prepare(`SELECT c.* FROM cases c WHERE ${visibleCasesSql} AND ${mine} ORDER BY c.id`)
    .all({ actorId: actor.id, actorRole: actor.role }) as CaseRow[];
  const summaries = rows.map((r) => caseSummary(db, r, settings, now));
  const awaiting =
    actor.role === 'manager'
      ? rows.filter(
          (r) =>
            r.state === 'review' &&
            db
              .prepare(
                'SELECT 1 FROM case_closure_approvals WHERE case_id = ? AND decision IS NULL AND proposed_by != ?',
              )
              .get(r.id, actor.id) !== undefined,
        )
      : [];
  return {
    overdue: summaries.filter((s) => s.overdue),
    dueSoon: summaries.filter((s) => s.dueSoon),
    awaitingApproval: awaiting.map((r) => caseSummary(db, r, settings, now)),
  };
}
