import type { ReportMessage } from '../api/reporting.js';
import { appendAudit } from '../audit/audit-trail.js';
import type { Db } from '../store/database.js';
import { maxAttachmentsInAll } from './questionnaire.js';
import { reportingError, reportingErrorCodes } from './reporting-errors.js';

interface MessageRow {
  id: number;
  author: ReportMessage['author'];
  kind: ReportMessage['kind'];
  created_at: string;
  nonce: string;
  ciphertext: Buffer;
}

/** A report's thread (ciphertext), oldest first. */
export function readThread(db: Db, reportId: number): ReportMessage[] {
  const rows = db
    .prepare(
      'SELECT id, author, kind, created_at, nonce, ciphertext FROM report_messages WHERE report_id = ? ORDER BY id',
    )
    .all(reportId) as MessageRow[];
  return rows.map((r) => ({
    id: r.id,
    author: r.author,
    kind: r.kind,
    createdAt: r.created_at,
    nonce: r.nonce,
    ciphertext: r.ciphertext.toString('base64'),
  }));
}

/** How many messages the reporter has sent on a report since `since`. */
export function reporterMessagesSince(db: Db, reportId: number, since: Date): number {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM report_messages
       WHERE report_id = ? AND author = 'reporter' AND created_at > ?`,
    )
    .get(reportId, since.toISOString()) as { n: number };
  return row.n;
}

/**
 * Appends a message (ciphertext) to a report's thread; a recipient's acknowledgement or
 * feedback also stamps the report's clock. Audited without content.
 */
export function postMessage(
  db: Db,
  input: {
    reportId: number;
    author: ReportMessage['author'];
    authorId: number | null;
    kind: ReportMessage['kind'];
    message: { nonce: string; ciphertext: string };
    /** Files the reporter adds, at the next free positions (in order). */
    attachments?: readonly { position: number; nonce: string; ciphertext: string }[];
  },
  now: Date,
): { id: number; createdAt: string } {
  const createdAt = now.toISOString();
  const files = input.attachments ?? [];
  return db.transaction(() => {
    if (files.length > 0) {
      const { n } = db
        .prepare('SELECT count(*) AS n FROM report_attachments WHERE report_id = ?')
        .get(input.reportId) as { n: number };
      if (n + files.length > maxAttachmentsInAll) {
        throw reportingError(
          reportingErrorCodes.tooLarge,
          413,
          `A report holds at most ${maxAttachmentsInAll} files.`,
        );
      }
      if (files.some((f, i) => f.position !== n + i)) {
        throw reportingError(
          reportingErrorCodes.attachmentConflict,
          409,
          'Files were added meanwhile; reload the thread and send again.',
        );
      }
      const insert = db.prepare(
        'INSERT INTO report_attachments (report_id, position, nonce, ciphertext) VALUES (?, ?, ?, ?)',
      );
      for (const f of files) {
        insert.run(input.reportId, f.position, f.nonce, Buffer.from(f.ciphertext, 'base64'));
      }
    }
    const info = db
      .prepare(
        `INSERT INTO report_messages (report_id, author, author_id, kind, created_at, nonce, ciphertext)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.reportId,
        input.author,
        input.authorId,
        input.kind,
        createdAt,
        input.message.nonce,
        Buffer.from(input.message.ciphertext, 'base64'),
      );
    if (input.kind === 'acknowledgement') {
      db.prepare(
        `UPDATE reports SET acknowledged_at = coalesce(acknowledged_at, ?),
           status = CASE WHEN status = 'new' THEN 'acknowledged' ELSE status END WHERE id = ?`,
      ).run(createdAt, input.reportId);
    }
    if (input.kind === 'feedback') {
      db.prepare('UPDATE reports SET feedback_at = coalesce(feedback_at, ?) WHERE id = ?').run(
        createdAt,
        input.reportId,
      );
    }
    const id = Number(info.lastInsertRowid);
    appendAudit(db, {
      actorId: input.authorId,
      action: 'report.message',
      targetType: 'report',
      targetId: String(input.reportId),
      details: {
        messageId: id,
        author: input.author,
        kind: input.kind,
        attachments: files.length,
      },
    });
    return { id, createdAt };
  })();
}
