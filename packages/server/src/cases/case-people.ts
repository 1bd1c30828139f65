import { isExcluded, loadCaseFor } from './case-access.js';
import type { CaseActor, Db } from './case-types.js';

/** A person a manager may name on a case (assign, grant, exclude). */
export interface CaseCandidate {
  id: number;
  displayName: string;
  role: 'analyst' | 'investigator' | 'manager';
}

/**
 * Active staff who can be named on a case: investigators only (for
 * assignment and grants) or everyone who could see a case (for exclusions).
 * With `caseId`, people excluded from that case are left out.
 */
export function caseCandidates(
  db: Db,
  actor: CaseActor,
  options: { investigatorsOnly: boolean; caseId?: number },
): CaseCandidate[] {
  if (options.caseId !== undefined) loadCaseFor(db, actor, options.caseId, 'full');
  const roles = options.investigatorsOnly
    ? "('investigator')"
    : "('analyst', 'investigator', 'manager')";
  const people = db
    .prepare(
      `SELECT id, display_name AS displayName, role FROM users
       WHERE disabled = 0 AND role IN ${roles} ORDER BY display_name COLLATE NOCASE, id`,
    )
    .all() as CaseCandidate[];
  const caseId = options.caseId;
  return caseId === undefined ? people : people.filter((p) => !isExcluded(db, caseId, p.id));
}
