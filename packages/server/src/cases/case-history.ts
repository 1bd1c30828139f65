import { createHash } from 'node:crypto';
import { appendAudit } from '../audit/audit-trail.js';
import type { CaseState, Db } from './case-types.js';

/** One change to a case, written to its history and to the audit trail. */
export interface CaseChange {
  readonly caseId: number;
  /** Null for the system (e.g. a retention job). */
  readonly actorId: number | null;
  /** Event type, e.g. `transition`; the audit action is `case.<type>` unless `auditAction` says. */
  readonly type: string;
  readonly from?: CaseState | null;
  readonly to?: CaseState | null;
  /** Stored in the case history (may hold personal data: retention deletes it). */
  readonly details?: Record<string, unknown>;
  /** Stored in the audit chain: ids, states, codes and hashes only, never personal data. */
  readonly audit?: Record<string, unknown>;
  readonly auditAction?: string;
  readonly at: string;
}

/** SHA-256 (hex) of a text, for the audit chain to commit to a text it must not hold. */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Records a change: a `case_events` row, the case's `updated_at`, and an
 * audit entry. Call inside the transaction that makes the change.
 */
export function recordCaseChange(db: Db, change: CaseChange): number {
  const info = db
    .prepare(
      `INSERT INTO case_events (case_id, at, actor_id, type, from_state, to_state, details)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      change.caseId,
      change.at,
      change.actorId,
      change.type,
      change.from ?? null,
      change.to ?? null,
      JSON.stringify(change.details ?? {}),
    );
  db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(change.at, change.caseId);
  const details: Record<string, unknown> = { event: Number(info.lastInsertRowid) };
  if (change.from !== undefined) details['from'] = change.from;
  if (change.to !== undefined) details['to'] = change.to;
  appendAudit(db, {
    actorId: change.actorId,
    action: change.auditAction ?? `case.${change.type}`,
    targetType: 'case',
    targetId: String(change.caseId),
    details: { ...details, ...change.audit },
  });
  return Number(info.lastInsertRowid);
}

/** A case history entry as read back. */
export interface CaseEventRow {
  id: number;
  at: string;
  actor_id: number | null;
  type: string;
  from_state: CaseState | null;
  to_state: CaseState | null;
  details: string;
}

/** The history of a case, oldest first. */
export function readCaseHistory(db: Db, caseId: number): CaseEventRow[] {
  return db
    .prepare(
      'SELECT id, at, actor_id, type, from_state, to_state, details FROM case_events WHERE case_id = ? ORDER BY id',
    )
    .all(caseId) as CaseEventRow[];
}
