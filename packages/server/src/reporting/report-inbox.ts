import type {
  ReportDetail,
  ReportOutcome,
  ReportReminders,
  ReportSummary,
} from '../api/reporting.js';
import type { AuthenticatedUser } from '../access/roles.js';
import { appendAudit } from '../audit/audit-trail.js';
import type { Db } from '../store/database.js';
import { reportClocks } from './report-clocks.js';
import { readThread } from './report-thread.js';
import { reportingError, reportingErrorCodes, reportNotFound } from './reporting-errors.js';
import { readReportingConfig } from './reporting-config.js';

interface ReportRow {
  id: number;
  reference: string;
  received_at: string;
  status: ReportSummary['status'];
  acknowledged_at: string | null;
  feedback_at: string | null;
  case_id: number | null;
  outcome: ReportOutcome | null;
  delete_after: string | null;
  attachments: number;
  messages: number;
  last_reporter_message_at: string | null;
}

const summaryColumns = `r.id, r.reference, r.received_at, r.status, r.acknowledged_at, r.feedback_at,
  r.case_id, r.outcome, r.delete_after,
  (SELECT count(*) FROM report_attachments a WHERE a.report_id = r.id) AS attachments,
  (SELECT count(*) FROM report_messages m WHERE m.report_id = r.id) AS messages,
  (SELECT max(created_at) FROM report_messages m WHERE m.report_id = r.id AND m.author = 'reporter')
    AS last_reporter_message_at`;

/**
 * A person sees a report when the reporter sealed its key to them and no one excluded them
 * (an excluded person's sealed key is deleted too). Others get 404, as for no report at all.
 */
const visibleSql = `EXISTS (SELECT 1 FROM report_keys k WHERE k.report_id = r.id AND k.user_id = @userId)
  AND NOT EXISTS (SELECT 1 FROM report_exclusions x WHERE x.report_id = r.id AND x.user_id = @userId)`;

function summary(row: ReportRow, now: Date): ReportSummary {
  return {
    id: row.id,
    reference: row.reference,
    receivedAt: row.received_at,
    status: row.status,
    acknowledgedAt: row.acknowledged_at,
    feedbackAt: row.feedback_at,
    ...reportClocks(
      {
        receivedAt: row.received_at,
        acknowledgedAt: row.acknowledged_at,
        feedbackAt: row.feedback_at,
      },
      now,
    ),
    attachments: row.attachments,
    messages: row.messages,
    lastReporterMessageAt: row.last_reporter_message_at,
    caseId: row.case_id,
    outcome: row.outcome,
    deleteAfter: row.delete_after,
  };
}

/** The reader's inbox: reports sealed to them, newest first, metadata and clocks only. */
export function listReports(db: Db, user: AuthenticatedUser, now: Date): ReportSummary[] {
  const rows = db
    .prepare(`SELECT ${summaryColumns} FROM reports r WHERE ${visibleSql} ORDER BY r.id DESC`)
    .all({ userId: user.id }) as ReportRow[];
  return rows.map((r) => summary(r, now));
}

/** A report the reader may see, or 404. */
export function loadReportFor(db: Db, user: AuthenticatedUser, reportId: number): ReportRow {
  const row = db
    .prepare(`SELECT ${summaryColumns} FROM reports r WHERE r.id = @reportId AND ${visibleSql}`)
    .get({ userId: user.id, reportId }) as ReportRow | undefined;
  if (!row) throw reportNotFound();
  return row;
}

/** One report for a recipient: the key sealed to them and the ciphertexts. */
export function reportDetail(
  db: Db,
  user: AuthenticatedUser,
  reportId: number,
  now: Date,
): ReportDetail {
  const row = loadReportFor(db, user, reportId);
  const key = db
    .prepare('SELECT sealed_key FROM report_keys WHERE report_id = ? AND user_id = ?')
    .get(reportId, user.id) as { sealed_key: string };
  const content = db
    .prepare('SELECT content_nonce, content FROM reports WHERE id = ?')
    .get(reportId) as { content_nonce: string; content: Buffer };
  const sizes = db
    .prepare(
      'SELECT length(ciphertext) - 16 AS size FROM report_attachments WHERE report_id = ? ORDER BY position',
    )
    .all(reportId) as { size: number }[];
  return {
    ...summary(row, now),
    sealedKey: key.sealed_key,
    content: { nonce: content.content_nonce, ciphertext: content.content.toString('base64') },
    attachmentSizes: sizes.map((s) => s.size),
    thread: readThread(db, reportId),
  };
}

/** An attachment's ciphertext (the reader must see the report). */
export function reportAttachment(
  db: Db,
  user: AuthenticatedUser,
  reportId: number,
  position: number,
): { nonce: string; ciphertext: string } {
  loadReportFor(db, user, reportId);
  const row = db
    .prepare(
      'SELECT nonce, ciphertext FROM report_attachments WHERE report_id = ? AND position = ?',
    )
    .get(reportId, position) as { nonce: string; ciphertext: Buffer } | undefined;
  if (!row) throw reportNotFound();
  return { nonce: row.nonce, ciphertext: row.ciphertext.toString('base64') };
}

/**
 * Moves a report to review, or closes it with an outcome: the outcome's retention period
 * (reporting settings) then sets when the report is deleted.
 */
export function setReportStatus(
  db: Db,
  user: AuthenticatedUser,
  reportId: number,
  status: 'in_review' | 'closed',
  outcome: ReportOutcome | undefined,
  now: Date,
): void {
  const row = loadReportFor(db, user, reportId);
  if (row.status === 'closed') {
    throw reportingError(reportingErrorCodes.closed, 409, 'The report is closed.');
  }
  if (status === 'closed' && !outcome) {
    throw reportingError(reportingErrorCodes.badStatus, 400, 'Closing a report needs an outcome.');
  }
  const at = now.toISOString();
  db.transaction(() => {
    if (status === 'closed' && outcome) {
      const days = readReportingConfig(db).retentionDays[outcome];
      const deleteAfter = new Date(now.getTime() + days * 86_400_000).toISOString();
      db.prepare(
        `UPDATE reports SET status = 'closed', outcome = ?, closed_at = ?, delete_after = ? WHERE id = ?`,
      ).run(outcome, at, deleteAfter, reportId);
    } else {
      db.prepare(`UPDATE reports SET status = 'in_review' WHERE id = ?`).run(reportId);
    }
    appendAudit(db, {
      actorId: user.id,
      action: 'report.status',
      targetType: 'report',
      targetId: String(reportId),
      details: { status, outcome: outcome ?? null },
    });
  })();
}

/** Days before a clock is due from which the reminders list it. */
export const reminderDays = { acknowledgement: 2, feedback: 14 } as const;

/**
 * The reader's open reports whose clocks are overdue or due soon (acknowledgement within 2
 * days, feedback within 14): what the workspace shows as reminders.
 */
export function reportReminders(db: Db, user: AuthenticatedUser, now: Date): ReportReminders {
  const out: ReportReminders = {
    acknowledgement: { overdue: [], dueSoon: [] },
    feedback: { overdue: [], dueSoon: [] },
  };
  const soon = (dueAt: string, days: number) =>
    new Date(dueAt).getTime() - now.getTime() <= days * 86_400_000;
  for (const r of listReports(db, user, now)) {
    if (r.status === 'closed') continue;
    if (r.acknowledgedAt === null) {
      const item = { id: r.id, reference: r.reference, dueAt: r.acknowledgementDueAt };
      if (r.acknowledgementOverdue) out.acknowledgement.overdue.push(item);
      else if (soon(r.acknowledgementDueAt, reminderDays.acknowledgement)) {
        out.acknowledgement.dueSoon.push(item);
      }
    }
    if (r.feedbackAt === null) {
      const item = { id: r.id, reference: r.reference, dueAt: r.feedbackDueAt };
      if (r.feedbackOverdue) out.feedback.overdue.push(item);
      else if (soon(r.feedbackDueAt, reminderDays.feedback)) out.feedback.dueSoon.push(item);
    }
  }
  return out;
}
