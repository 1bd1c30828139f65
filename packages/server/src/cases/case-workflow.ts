import {
  casePermissions,
  isExcluded,
  loadCaseFor,
  pendingProposer,
  requirePermission,
} from './case-access.js';
import { caseConflict, caseErrorCodes, caseForbidden } from './case-errors.js';
import { recordCaseChange, textHash } from './case-history.js';
import { isCaseErased } from './case-retention.js';
import type { CaseActor, CaseOutcome, CaseRow, CaseState, Db } from './case-types.js';

/** Forward moves the transition route makes; review and closed are reached by closure only. */
const manualTransitions: Partial<Record<CaseState, CaseState>> = {
  received: 'triage',
  triage: 'investigation',
};

function permitted(db: Db, actor: CaseActor, caseId: number) {
  const { row, visibility } = loadCaseFor(db, actor, caseId, 'full');
  return { row, can: casePermissions(db, actor, row, visibility) };
}

function setState(db: Db, row: CaseRow, to: CaseState, at: string): void {
  db.prepare('UPDATE cases SET state = ?, state_entered_at = ? WHERE id = ?').run(to, at, row.id);
}

/** Moves a case received → triage or triage → investigation (the latter needs an investigator). */
export function transitionCase(
  db: Db,
  actor: CaseActor,
  caseId: number,
  to: CaseState,
  reason: string | null,
  now: Date,
): void {
  db.transaction(() => {
    const { row } = permitted(db, actor, caseId);
    const lead =
      actor.role === 'manager' || (actor.role === 'investigator' && row.assigned_to === actor.id);
    requirePermission(lead, 'Only the assigned investigator or a manager moves a case.');
    if (manualTransitions[row.state] !== to) {
      throw caseConflict(
        caseErrorCodes.badTransition,
        `A case cannot move from ${row.state} to ${to} this way.`,
      );
    }
    if (to === 'investigation' && row.assigned_to === null) {
      throw caseConflict(caseErrorCodes.needsInvestigator, 'Assign an investigator first.');
    }
    const at = now.toISOString();
    setState(db, row, to, at);
    recordCaseChange(db, {
      caseId,
      actorId: actor.id,
      type: 'transition',
      from: row.state,
      to,
      at,
      details: reason ? { reason } : {},
      audit: reason ? { reasonSha256: textHash(reason) } : {},
    });
  })();
}

/** Assigns (or unassigns, with null) the investigator and optionally sets the case deadline. */
export function assignCase(
  db: Db,
  actor: CaseActor,
  caseId: number,
  input: { investigatorId: number | null; deadline?: string | null },
  now: Date,
): void {
  db.transaction(() => {
    const { row, can } = permitted(db, actor, caseId);
    requirePermission(can.assign, 'Only a manager assigns cases.');
    if (input.investigatorId !== null) {
      const user = db.prepare('SELECT role FROM users WHERE id = ?').get(input.investigatorId) as
        { role: string } | undefined;
      if (user?.role !== 'investigator') {
        throw caseConflict(caseErrorCodes.badAssignee, 'Cases are assigned to investigators.');
      }
      if (isExcluded(db, caseId, input.investigatorId)) {
        throw caseConflict(caseErrorCodes.excluded, 'This person is excluded from the case.');
      }
    }
    const deadline = input.deadline === undefined ? row.deadline : input.deadline;
    db.prepare('UPDATE cases SET assigned_to = ?, deadline = ? WHERE id = ?').run(
      input.investigatorId,
      deadline,
      caseId,
    );
    const details = { from: row.assigned_to, to: input.investigatorId, deadline };
    recordCaseChange(db, {
      caseId,
      actorId: actor.id,
      type: 'assign',
      at: now.toISOString(),
      details,
      audit: { assignee: input.investigatorId, previous: row.assigned_to, deadline },
    });
  })();
}

/** Adds a note to an open case. Returns the note id. */
export function addCaseNote(
  db: Db,
  actor: CaseActor,
  caseId: number,
  text: string,
  now: Date,
): number {
  return db.transaction(() => {
    const { can } = permitted(db, actor, caseId);
    requirePermission(can.addNote);
    const at = now.toISOString();
    const info = db
      .prepare('INSERT INTO case_notes (case_id, author_id, text, created_at) VALUES (?, ?, ?, ?)')
      .run(caseId, actor.id, text, at);
    const noteId = Number(info.lastInsertRowid);
    recordCaseChange(db, {
      caseId,
      actorId: actor.id,
      type: 'note',
      at,
      details: { noteId },
      audit: { noteId, textSha256: textHash(text) },
    });
    return noteId;
  })();
}

/** Investigator proposes closure with an outcome and reasons: the case goes to review. */
export function proposeClosure(
  db: Db,
  actor: CaseActor,
  caseId: number,
  outcome: CaseOutcome,
  reasons: string,
  now: Date,
): void {
  db.transaction(() => {
    const { row, can } = permitted(db, actor, caseId);
    if (!can.proposeClosure) {
      if (row.state !== 'investigation') {
        throw caseConflict(caseErrorCodes.badTransition, 'Closure is proposed from investigation.');
      }
      throw caseForbidden('Only the assigned investigator or a manager proposes closure.');
    }
    const at = now.toISOString();
    const info = db
      .prepare(
        `INSERT INTO case_closure_approvals (case_id, proposed_by, proposed_at, outcome, reasons)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(caseId, actor.id, at, outcome, reasons);
    setState(db, row, 'review', at);
    const proposalId = Number(info.lastInsertRowid);
    recordCaseChange(db, {
      caseId,
      actorId: actor.id,
      type: 'close_proposal',
      from: row.state,
      to: 'review',
      at,
      details: { proposalId, outcome, reasons },
      audit: { proposalId, outcome, reasonsSha256: textHash(reasons) },
    });
  })();
}

/**
 * A manager other than the proposer approves (case closed with the proposed
 * outcome) or rejects (back to investigation) the pending closure.
 */
export function decideClosure(
  db: Db,
  actor: CaseActor,
  caseId: number,
  approve: boolean,
  comment: string | null,
  now: Date,
): void {
  db.transaction(() => {
    const { row, can } = permitted(db, actor, caseId);
    const proposer = pendingProposer(db, caseId);
    if (row.state !== 'review' || proposer === undefined) {
      throw caseConflict(caseErrorCodes.noProposal, 'No closure proposal awaits a decision.');
    }
    if (proposer === actor.id) {
      throw caseForbidden('The person who proposed closure cannot decide on it.');
    }
    requirePermission(can.decideClosure, 'Only a manager decides on closure.');
    const proposal = db
      .prepare(
        'SELECT id, outcome, reasons FROM case_closure_approvals WHERE case_id = ? AND decision IS NULL ORDER BY id DESC LIMIT 1',
      )
      .get(caseId) as { id: number; outcome: CaseOutcome; reasons: string };
    const at = now.toISOString();
    db.prepare(
      `UPDATE case_closure_approvals SET decided_by = ?, decided_at = ?, decision = ?, decision_comment = ?
       WHERE id = ?`,
    ).run(actor.id, at, approve ? 'approved' : 'rejected', comment, proposal.id);
    const to: CaseState = approve ? 'closed' : 'investigation';
    setState(db, row, to, at);
    if (approve) {
      db.prepare(
        'UPDATE cases SET outcome = ?, outcome_reasons = ?, closed_at = ? WHERE id = ?',
      ).run(proposal.outcome, proposal.reasons, at, caseId);
    }
    recordCaseChange(db, {
      caseId,
      actorId: actor.id,
      type: approve ? 'close_approved' : 'close_rejected',
      from: 'review',
      to,
      at,
      details: { proposalId: proposal.id, outcome: proposal.outcome, comment },
      audit: {
        proposalId: proposal.id,
        proposer,
        outcome: proposal.outcome,
        ...(comment ? { commentSha256: textHash(comment) } : {}),
      },
    });
  })();
}

/** A manager reopens a closed case, giving a reason: it goes back to investigation. */
export function reopenCase(
  db: Db,
  actor: CaseActor,
  caseId: number,
  reason: string,
  now: Date,
): void {
  db.transaction(() => {
    const { row, can } = permitted(db, actor, caseId);
    if (row.state !== 'closed') {
      throw caseConflict(caseErrorCodes.badTransition, 'Only a closed case can be reopened.');
    }
    requirePermission(can.reopen, 'Only a manager reopens a case.');
    if (isCaseErased(db, caseId)) {
      throw caseConflict(caseErrorCodes.badTransition, 'This case was erased under retention.');
    }
    const at = now.toISOString();
    setState(db, row, 'investigation', at);
    db.prepare(
      'UPDATE cases SET outcome = NULL, outcome_reasons = NULL, closed_at = NULL WHERE id = ?',
    ).run(caseId);
    recordCaseChange(db, {
      caseId,
      actorId: actor.id,
      type: 'reopen',
      from: 'closed',
      to: 'investigation',
      at,
      details: { reason, previousOutcome: row.outcome },
      audit: { reasonSha256: textHash(reason), previousOutcome: row.outcome },
    });
  })();
}
