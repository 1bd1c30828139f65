import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { ReportSubmission, ReporterThread } from '../api/reporting.js';
import { appendAudit } from '../audit/audit-trail.js';
import type { Db } from '../store/database.js';
import { reportingError, reportingErrorCodes } from './reporting-errors.js';
import { maxAttachmentBytes } from './questionnaire.js';
import { readThread } from './report-thread.js';

/** HMAC-SHA-256 (hex) of a receipt's lookup key under the pepper: what the server stores. */
export function lookupHash(receiptKey: string, pepper: Buffer): string {
  return createHmac('sha256', pepper).update(Buffer.from(receiptKey, 'base64')).digest('hex');
}

/** A random public reference, e.g. `R-7KQ2M9XD` (says nothing about order or time). */
function newReference(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  let out = '';
  for (const byte of randomBytes(8)) out += alphabet[byte % 32];
  return `R-${out}`;
}

/** Active recipients (public keys the form lists). */
export function activeRecipientIds(db: Db): Set<number> {
  const rows = db
    .prepare(
      `SELECT r.user_id AS id FROM report_recipients r JOIN users u ON u.id = r.user_id
       WHERE r.status = 'active' AND u.disabled = 0 AND u.role IN ('investigator', 'manager')`,
    )
    .all() as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

/**
 * Stores a report encrypted in the browser: ciphertext, one sealed key per chosen recipient,
 * attachments, and the SHA-256 of the receipt's lookup key. One transaction: a report is
 * stored whole or not at all. The audit entry holds the report id and counts only.
 */
export function storeReport(
  db: Db,
  body: ReportSubmission,
  pepper: Buffer,
  now: Date,
): { id: number; reference: string; receivedAt: string } {
  const active = activeRecipientIds(db);
  const chosen = new Set(body.sealedKeys.map((k) => k.recipientId));
  if (chosen.size !== body.sealedKeys.length || [...chosen].some((id) => !active.has(id))) {
    throw reportingError(
      reportingErrorCodes.badRecipients,
      400,
      'The recipients have changed; reload the page and send again.',
    );
  }
  for (const a of body.attachments) {
    if (Buffer.byteLength(a.ciphertext, 'base64') > maxAttachmentBytes + 16) {
      throw reportingError(reportingErrorCodes.tooLarge, 413, 'An attachment exceeds 10 MB.');
    }
  }
  const receivedAt = now.toISOString();
  return db.transaction(() => {
    const reference = newReference();
    const info = db
      .prepare(
        `INSERT INTO reports (reference, received_at, status, lookup_hash, reporter_key_wrap,
           content_nonce, content) VALUES (?, ?, 'new', ?, ?, ?, ?)`,
      )
      .run(
        reference,
        receivedAt,
        lookupHash(body.receiptKey, pepper),
        JSON.stringify(body.reporterKeyWrap),
        body.content.nonce,
        Buffer.from(body.content.ciphertext, 'base64'),
      );
    const id = Number(info.lastInsertRowid);
    const key = db.prepare(
      'INSERT INTO report_keys (report_id, user_id, sealed_key) VALUES (?, ?, ?)',
    );
    for (const k of body.sealedKeys) key.run(id, k.recipientId, k.sealedKey);
    const file = db.prepare(
      'INSERT INTO report_attachments (report_id, position, nonce, ciphertext) VALUES (?, ?, ?, ?)',
    );
    body.attachments.forEach((a, i) =>
      file.run(id, i, a.nonce, Buffer.from(a.ciphertext, 'base64')),
    );
    appendAudit(db, {
      actorId: null,
      action: 'report.received',
      targetType: 'report',
      targetId: String(id),
      details: { recipients: body.sealedKeys.length, attachments: body.attachments.length },
    });
    return { id, reference, receivedAt };
  })();
}

/** The report whose receipt gives this lookup key, or null (a wrong receipt). */
export function findReportByReceipt(db: Db, receiptKey: string, pepper: Buffer): number | null {
  const row = db
    .prepare('SELECT id FROM reports WHERE lookup_hash = ?')
    .get(lookupHash(receiptKey, pepper)) as { id: number } | undefined;
  return row?.id ?? null;
}

/** What the returning reporter reads. */
export function reporterThread(db: Db, reportId: number): ReporterThread {
  const row = db
    .prepare(
      'SELECT reference, received_at, status, reporter_key_wrap, content_nonce, content FROM reports WHERE id = ?',
    )
    .get(reportId) as
    | {
        reference: string;
        received_at: string;
        status: ReporterThread['status'];
        reporter_key_wrap: string;
        content_nonce: string;
        content: Buffer;
      }
    | undefined;
  if (!row) {
    throw reportingError(reportingErrorCodes.sessionExpired, 401, 'Enter your receipt again.');
  }
  return {
    reference: row.reference,
    receivedAt: row.received_at,
    status: row.status,
    reporterKeyWrap: JSON.parse(row.reporter_key_wrap) as ReporterThread['reporterKeyWrap'],
    content: { nonce: row.content_nonce, ciphertext: row.content.toString('base64') },
    attachmentCount: (
      db
        .prepare('SELECT count(*) AS n FROM report_attachments WHERE report_id = ?')
        .get(reportId) as { n: number }
    ).n,
    messages: readThread(db, reportId),
  };
}

/**
 * Follow-up sessions: a random token the page keeps in memory (never a cookie), valid 30
 * minutes after the receipt was entered. Only the token's SHA-256 is kept, in memory.
 */
export class FollowUpSessions {
  private readonly sessions = new Map<string, { reportId: number; expires: number }>();

  open(reportId: number, now: Date): { token: string; expiresAt: string } {
    for (const [k, s] of this.sessions) if (s.expires < now.getTime()) this.sessions.delete(k);
    const token = randomBytes(32).toString('base64url');
    const expires = now.getTime() + 30 * 60_000;
    this.sessions.set(createHash('sha256').update(token).digest('hex'), { reportId, expires });
    return { token, expiresAt: new Date(expires).toISOString() };
  }

  /** The report of a live token; throws 401 otherwise. */
  reportOf(token: string | undefined, now: Date): number {
    const s = token
      ? this.sessions.get(createHash('sha256').update(token).digest('hex'))
      : undefined;
    if (!s || s.expires < now.getTime()) {
      throw reportingError(reportingErrorCodes.sessionExpired, 401, 'Enter your receipt again.');
    }
    return s.reportId;
  }
}
