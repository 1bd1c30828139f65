import { readCaseRow } from './case-access.js';
import { caseConflict, caseErrorCodes, caseNotFound } from './case-errors.js';
import { recordCaseChange } from './case-history.js';
import type { Db } from './case-types.js';

/** What a retention erasure removed from one case. */
export interface CaseErasure {
  notes: number;
  evidence: number;
  reveals: number;
  events: number;
}

const erased = '[erased]';

/** Whether a case's personal data has been erased under retention. */
export function isCaseErased(db: Db, caseId: number): boolean {
  return (
    db
      .prepare("SELECT 1 FROM case_events WHERE case_id = ? AND type = 'retention_erase'")
      .get(caseId) !== undefined
  );
}

/**
 * Retention hook: erases the personal data of a closed case (subject ids and
 * pseudonyms, title, notes, frozen evidence, reveals, texts of reasons and
 * justifications, history details) and keeps its skeleton (reference, states,
 * dates, outcome code, who acted) for statistics. The audit chain is not
 * touched, so it still verifies; the erasure itself is recorded on it. Call
 * it from a retention job (no route exposes it).
 */
export function eraseCasePersonalData(
  db: Db,
  caseId: number,
  actorId: number | null,
  now: Date,
): CaseErasure {
  return db.transaction(() => {
    const row = readCaseRow(db, caseId);
    if (!row) throw caseNotFound();
    if (isCaseErased(db, caseId)) return { notes: 0, evidence: 0, reveals: 0, events: 0 };
    if (row.state !== 'closed') {
      throw caseConflict(caseErrorCodes.badTransition, 'Only a closed case can be erased.');
    }
    const notes = db.prepare('DELETE FROM case_notes WHERE case_id = ?').run(caseId).changes;
    const evidence = db.prepare('DELETE FROM case_evidence WHERE case_id = ?').run(caseId).changes;
    const reveals = db.prepare('DELETE FROM case_reveals WHERE case_id = ?').run(caseId).changes;
    db.prepare('UPDATE case_exclusions SET reason = ? WHERE case_id = ?').run(erased, caseId);
    db.prepare(
      'UPDATE case_closure_approvals SET reasons = ?, decision_comment = NULL WHERE case_id = ?',
    ).run(erased, caseId);
    const events = db
      .prepare("UPDATE case_events SET details = '{}' WHERE case_id = ?")
      .run(caseId).changes;
    db.prepare(
      `UPDATE cases SET title = ?, subject_id = NULL, subject_pseudonym = NULL,
         pair_declarant_id = NULL, pair_declarant_pseudonym = NULL, outcome_reasons = ?
       WHERE id = ?`,
    ).run(erased, erased, caseId);
    const counts = { notes, evidence, reveals, events };
    recordCaseChange(db, {
      caseId,
      actorId,
      type: 'retention_erase',
      at: now.toISOString(),
      details: counts,
      audit: counts,
    });
    return counts;
  })();
}

/**
 * Retention job: erases the personal data of every case closed more than
 * `retentionDays` ago and not yet erased (the `retentionDays` setting).
 * Returns the ids of the cases erased.
 */
export function eraseExpiredCases(db: Db, retentionDays: number, now: Date): number[] {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const due = db
    .prepare(
      `SELECT id FROM cases c WHERE c.state = 'closed' AND c.closed_at < ?
         AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'retention_erase')
       ORDER BY id`,
    )
    .all(cutoff) as { id: number }[];
  for (const { id } of due) eraseCasePersonalData(db, id, null, now);
  return due.map((r) => r.id);
}
