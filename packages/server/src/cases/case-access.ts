import { caseForbidden, caseNotFound } from './case-errors.js';
import type { CaseActor, CaseRow, Db } from './case-types.js';

/**
 * What a person may see of a case: `full` (investigation contents), `summary`
 * (an analyst's view of a case they opened: no notes, evidence, history),
 * or `none` (they may not know the case exists).
 */
export type CaseVisibility = 'full' | 'summary' | 'none';

/** What the person may do on the case (also returned to the web app). */
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

/** Whether a person is excluded from a case (conflict of interest). */
export function isExcluded(db: Db, caseId: number, userId: number): boolean {
  return (
    db
      .prepare('SELECT 1 FROM case_exclusions WHERE case_id = ? AND user_id = ?')
      .get(caseId, userId) !== undefined
  );
}

/** Whether a person holds an explicit need-to-know grant on a case. */
export function hasGrant(db: Db, caseId: number, userId: number): boolean {
  return (
    db
      .prepare('SELECT 1 FROM case_access WHERE case_id = ? AND user_id = ?')
      .get(caseId, userId) !== undefined
  );
}

/** How much of a case a person may see (exclusion always wins). */
export function caseVisibility(db: Db, actor: CaseActor, row: CaseRow): CaseVisibility {
  if (isExcluded(db, row.id, actor.id)) return 'none';
  switch (actor.role) {
    case 'manager':
      return 'full';
    case 'investigator':
      return row.assigned_to === actor.id || hasGrant(db, row.id, actor.id) ? 'full' : 'none';
    case 'analyst':
      return row.created_by === actor.id ? 'summary' : 'none';
    default:
      return 'none';
  }
}

/**
 * SQL condition (over `cases c`) selecting the cases a person may know
 * exist; bind `@actorId` and `@actorRole`. Mirrors {@link caseVisibility}.
 */
export const visibleCasesSql = `NOT EXISTS (SELECT 1 FROM case_exclusions x WHERE x.case_id = c.id AND x.user_id = @actorId)
  AND (@actorRole = 'manager'
    OR (@actorRole = 'investigator' AND (c.assigned_to = @actorId
      OR EXISTS (SELECT 1 FROM case_access a WHERE a.case_id = c.id AND a.user_id = @actorId)))
    OR (@actorRole = 'analyst' AND c.created_by = @actorId))`;

/** Reads a case row, or undefined. */
export function readCaseRow(db: Db, caseId: number): CaseRow | undefined {
  return db.prepare('SELECT * FROM cases WHERE id = ?').get(caseId) as CaseRow | undefined;
}

/**
 * Loads a case the person may see at least at `need` level; a case they may
 * not know exists is a 404 (never 403), one they see too little of a 403.
 */
export function loadCaseFor(
  db: Db,
  actor: CaseActor,
  caseId: number,
  need: 'summary' | 'full' = 'full',
): { row: CaseRow; visibility: Exclude<CaseVisibility, 'none'> } {
  const row = readCaseRow(db, caseId);
  if (!row) throw caseNotFound();
  const visibility = caseVisibility(db, actor, row);
  if (visibility === 'none') throw caseNotFound();
  if (need === 'full' && visibility !== 'full') throw caseForbidden();
  return { row, visibility };
}

/** What a person who sees the case may do on it. */
export function casePermissions(
  db: Db,
  actor: CaseActor,
  row: CaseRow,
  visibility: CaseVisibility,
): CasePermissions {
  const full = visibility === 'full';
  const manager = full && actor.role === 'manager';
  const assigned = full && actor.role === 'investigator' && row.assigned_to === actor.id;
  const lead = manager || assigned;
  const open = row.state !== 'closed';
  const proposal = pendingProposer(db, row.id);
  return {
    transition: lead && (row.state === 'received' || row.state === 'triage'),
    assign: manager && open,
    addNote: full && open,
    manageAccess: manager,
    proposeClosure: lead && row.state === 'investigation',
    decideClosure: manager && row.state === 'review' && proposal !== actor.id,
    reopen: manager && row.state === 'closed',
    reveal: lead && open && row.subject_id !== null,
  };
}

/** The proposer of the case's pending closure proposal, if any. */
export function pendingProposer(db: Db, caseId: number): number | undefined {
  const r = db
    .prepare(
      'SELECT proposed_by FROM case_closure_approvals WHERE case_id = ? AND decision IS NULL ORDER BY id DESC LIMIT 1',
    )
    .get(caseId) as { proposed_by: number } | undefined;
  return r?.proposed_by;
}

/** Throws 403 unless the permission holds. */
export function requirePermission(allowed: boolean, message?: string): void {
  if (!allowed) throw caseForbidden(message);
}
