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
