import { createHash } from 'node:crypto';
import { ServerError } from '../errors.js';
import type { Db } from '../store/database.js';
import { canonicalJson } from './canonical-json.js';

/**
 * What happened, by whom, to what. Ids only: never names, revealed ids or the
 * text of a justification (keep those in ordinary tables that retention can
 * delete; put a hash of them in `details` if the trail must vouch for them).
 */
export interface AuditEntryInput {
  /** User id of the person who acted, or null for the system / an unknown user. */
  actorId: number | null;
  /** Dotted action name, e.g. `auth.login`, `case.create`, `user.role_change`. */
  action: string;
  /** Kind of the thing acted on, e.g. `user`, `case`, `settings`. */
  targetType: string | null;
  /** Id of the thing acted on. */
  targetId: string | null;
  /** Extra facts without personal data (ids, codes, counts, hashes). */
  details?: Record<string, unknown>;
}

/** A stored audit entry with its place in the hash chain. */
export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** Result of {@link verifyAuditChain}: the number of entries checked, or the first broken one. */
export type AuditVerification =
  { ok: true; entries: number } | { ok: false; firstBrokenId: number; reason: string };

/** The `prev_hash` of the first entry. */
export const genesisHash = '0'.repeat(64);

interface AuditRow {
  id: number;
  at: string;
  actor_id: number | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

function entryHash(prevHash: string, entry: Omit<AuditEntry, 'prevHash' | 'hash'>): string {
  const content = canonicalJson({
    id: entry.id,
    at: entry.at,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details: entry.details,
  });
  return createHash('sha256').update(`${prevHash}\n${content}`).digest('hex');
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * Append one entry to the audit chain. Must run inside the transaction that
 * makes the change it records (`db.transaction(() => { change; appendAudit(...) })()`),
 * so the change and its record commit or fail together.
 */
export function appendAudit(db: Db, input: AuditEntryInput): AuditEntry {
  if (!db.inTransaction) {
    throw new ServerError(
      'AUDIT_OUTSIDE_TRANSACTION',
      500,
      'appendAudit must run inside the transaction of the change it records.',
    );
  }
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string } | undefined;
  const prevHash = last?.hash ?? genesisHash;
  const details = JSON.parse(canonicalJson(input.details ?? {})) as Record<string, unknown>;
  const entry = {
    id: (last?.id ?? 0) + 1,
    at: new Date().toISOString(),
    actorId: input.actorId,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    details,
  };
  const hash = entryHash(prevHash, entry);
  db.prepare(
    `INSERT INTO audit_log (id, at, actor_id, action, target_type, target_id, details, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.id,
    entry.at,
    entry.actorId,
    entry.action,
    entry.targetType,
    entry.targetId,
    canonicalJson(details),
    prevHash,
    hash,
  );
  return { ...entry, prevHash, hash };
}

/**
 * Walk the chain from the first entry and check each link: the previous hash
 * matches the entry before it (catches deleted or reordered entries) and the
 * hash matches the entry's content (catches edited entries). Names the first
 * broken entry. Deleting the newest entries is only visible against a head
 * recorded elsewhere (see {@link auditHead}).
 */
export function verifyAuditChain(db: Db): AuditVerification {
  let prevHash = genesisHash;
  let count = 0;
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as Iterable<AuditRow>;
  for (const row of rows) {
    if (row.prev_hash !== prevHash) {
      return {
        ok: false,
        firstBrokenId: row.id,
        reason:
          'its previous hash does not match the entry before it (an entry was deleted, inserted or moved)',
      };
    }
    let entry: AuditEntry;
    try {
      entry = toEntry(row);
    } catch {
      return { ok: false, firstBrokenId: row.id, reason: 'its details are not valid JSON' };
    }
    if (entryHash(prevHash, entry) !== row.hash) {
      return {
        ok: false,
        firstBrokenId: row.id,
        reason: 'its hash does not match its content (the entry was changed)',
      };
    }
    prevHash = row.hash;
    count += 1;
  }
  return { ok: true, entries: count };
}

/** The newest entry's id and hash: record it elsewhere to detect truncation of the chain. */
export function auditHead(db: Db): { id: number; hash: string } | null {
  return (
    (db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
      { id: number; hash: string } | undefined) ?? null
  );
}

/** A page of audit entries, newest first, with ids below `beforeId` when given. */
export function listAudit(
  db: Db,
  options: { beforeId?: number; limit: number; action?: string },
): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT * FROM audit_log
       WHERE (@beforeId IS NULL OR id < @beforeId) AND (@action IS NULL OR action = @action)
       ORDER BY id DESC LIMIT @limit`,
    )
    .all({
      beforeId: options.beforeId ?? null,
      action: options.action ?? null,
      limit: options.limit,
    }) as AuditRow[];
  return rows.map(toEntry);
}
