import { casePermissions, isExcluded, loadCaseFor, requirePermission } from './case-access.js';
import { caseConflict, caseErrorCodes, caseNotFound } from './case-errors.js';
import { recordCaseChange, textHash } from './case-history.js';
import type { CaseActor, Db } from './case-types.js';

function managerOf(db: Db, actor: CaseActor, caseId: number) {
  const { row, visibility } = loadCaseFor(db, actor, caseId, 'full');
  requirePermission(
    casePermissions(db, actor, row, visibility).manageAccess,
    'Only a manager manages access to a case.',
  );
  return row;
}

function userRole(db: Db, userId: number): string {
  const user = db.prepare('SELECT role FROM users WHERE id = ?').get(userId) as
    { role: string } | undefined;
  if (!user) throw caseConflict(caseErrorCodes.badAssignee, 'No such user.');
  return user.role;
}

/** Grants an investigator need-to-know access to a case (managers see all cases anyway). */
export function grantCaseAccess(
  db: Db,
  actor: CaseActor,
  caseId: number,
  userId: number,
  now: Date,
): void {
  db.transaction(() => {
    managerOf(db, actor, caseId);
    if (userRole(db, userId) !== 'investigator') {
      throw caseConflict(caseErrorCodes.badAssignee, 'Access is granted to investigators.');
    }
    if (isExcluded(db, caseId, userId)) {
      throw caseConflict(caseErrorCodes.excluded, 'This person is excluded from the case.');
    }
    const at = now.toISOString();
    db.prepare(
      'INSERT OR IGNORE INTO case_access (case_id, user_id, granted_by, granted_at) VALUES (?, ?, ?, ?)',
    ).run(caseId, userId, actor.id, at);
    recordCaseChange(db, {
      caseId,
      actorId: actor.id,
      type: 'access_grant',
      at,
      details: { userId },
      audit: { userId },
    });
  })();
}

/** Withdraws a need-to-know grant. */
export function revokeCaseAccess(
  db: Db,
  actor: CaseActor,
  caseId: number,
  userId: number,
  now: Date,
): void {
  db.transaction(() => {
    managerOf(db, actor, caseId);
    const at = now.toISOString();
    db.prepare('DELETE FROM case_access WHERE case_id = ? AND user_id = ?').run(caseId, userId);
    recordCaseChange(db, {
      caseId,
      actorId: actor.id,
      type: 'access_revoke',
      at,
      details: { userId },
      audit: { userId },
    });
  })();
}

/**
 * Excludes a person from a case for conflict of interest: their grant goes,
 * an assignment to them ends, and from now on they cannot see the case exists.
 */
export function excludeFromCase(
  db: Db,
  actor: CaseActor,
  caseId: number,
  userId: number,
  reason: string,
  now: Date,
): void {
  db.transaction(() => {
    const row = managerOf(db, actor, caseId);
    if (userId === actor.id) {
      throw caseConflict(caseErrorCodes.selfExclusion, 'Ask another manager to exclude you.');
    }
    userRole(db, userId);
    const at = now.toISOString();
    db.prepare(
      `INSERT INTO case_exclusions (case_id, user_id, reason, excluded_by, excluded_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (case_id, user_id) DO UPDATE SET reason = excluded.reason`,
    ).run(caseId, userId, reason, actor.id, at);
    db.prepare('DELETE FROM case_access WHERE case_id = ? AND user_id = ?').run(caseId, userId);
    const unassigned = row.assigned_to === userId;
    if (unassigned) db.prepare('UPDATE cases SET assigned_to = NULL WHERE id = ?').run(caseId);
    recordCaseChange(db, {
      caseId,
      actorId: actor.id,
      type: 'exclusion',
      at,
      details: { userId, reason, unassigned },
      audit: { userId, unassigned, reasonSha256: textHash(reason) },
    });
  })();
}

/** Lifts an exclusion (the person regains nothing by it: access must be granted again). */
export function liftCaseExclusion(
  db: Db,
  actor: CaseActor,
  caseId: number,
  userId: number,
  now: Date,
): void {
  db.transaction(() => {
    managerOf(db, actor, caseId);
    const info = db
      .prepare('DELETE FROM case_exclusions WHERE case_id = ? AND user_id = ?')
      .run(caseId, userId);
    if (info.changes === 0) throw caseNotFound();
    const at = now.toISOString();
    recordCaseChange(db, {
      caseId,
      actorId: actor.id,
      type: 'exclusion_lift',
      at,
      details: { userId },
      audit: { userId },
    });
  })();
}
