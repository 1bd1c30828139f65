import type { AuthenticatedUser } from '../access/roles.js';
import { appendAudit } from '../audit/audit-trail.js';
import { excludeFromCase } from '../cases/case-grants.js';
import type { OpenCaseContext } from '../cases/case-open.js';
import { openCase } from '../cases/case-open.js';
import type { Db } from '../store/database.js';
import { loadReportFor } from './report-inbox.js';
import { activeRecipientIds } from './report-submit.js';
import { reportingError, reportingErrorCodes } from './reporting-errors.js';

/**
 * Opens a case for a report (managers). The case is `manual`, titled by the manager (by
 * default "Report R-…"), and holds no word of the report: the server cannot read it. Conflict
 * of interest carries over: everyone excluded from the report, and every active recipient the
 * reporter left out, is excluded from the case, so an implicated manager does not see it.
 */
export async function triageReport(
  ctx: OpenCaseContext,
  user: AuthenticatedUser,
  reportId: number,
  body: { title?: string | undefined; priority?: 'low' | 'normal' | 'high' | 'urgent' | undefined },
): Promise<number> {
  const db = ctx.db;
  const report = loadReportFor(db, user, reportId);
  if (report.case_id !== null) {
    throw reportingError(reportingErrorCodes.alreadyTriaged, 409, 'The report already has a case.');
  }
  const actor = { id: user.id, role: user.role };
  const caseId = await openCase(ctx, actor, {
    title: body.title ?? `Report ${report.reference}`,
    source: 'manual',
    ...(body.priority ? { priority: body.priority } : {}),
  });
  db.transaction(() => {
    const holders = new Set(
      (
        db.prepare('SELECT user_id FROM report_keys WHERE report_id = ?').all(reportId) as {
          user_id: number;
        }[]
      ).map((r) => r.user_id),
    );
    const excluded = db
      .prepare('SELECT user_id, reason FROM report_exclusions WHERE report_id = ?')
      .all(reportId) as { user_id: number; reason: string }[];
    const reasons = new Map(excluded.map((x) => [x.user_id, x.reason]));
    for (const id of activeRecipientIds(db)) {
      if (!holders.has(id) && !reasons.has(id)) reasons.set(id, 'Left out by the reporter.');
    }
    for (const [userId, reason] of reasons) {
      if (userId !== user.id) excludeFromCase(db, actor, caseId, userId, reason, ctx.now);
    }
    db.prepare(`UPDATE reports SET case_id = ?, status = 'in_review' WHERE id = ?`).run(
      caseId,
      reportId,
    );
    appendAudit(db, {
      actorId: user.id,
      action: 'report.triage',
      targetType: 'report',
      targetId: String(reportId),
      details: { caseId, exclusions: reasons.size },
    });
  })();
  return caseId;
}

/**
 * Excludes a person from a report (managers; conflict of interest): their sealed key is
 * deleted, the report disappears from their inbox (404 like a report that does not exist),
 * and they are excluded from the report's case too.
 */
export function excludeFromReport(
  db: Db,
  user: AuthenticatedUser,
  reportId: number,
  userId: number,
  reason: string,
  now: Date,
): void {
  const report = loadReportFor(db, user, reportId);
  if (userId === user.id) {
    throw reportingError(
      reportingErrorCodes.selfExclusion,
      409,
      'Ask another manager to exclude you.',
    );
  }
  const target = db.prepare('SELECT id FROM users WHERE id = ?').get(userId);
  if (!target) throw reportingError(reportingErrorCodes.badRecipients, 400, 'No such person.');
  db.transaction(() => {
    db.prepare(
      `INSERT INTO report_exclusions (report_id, user_id, reason, excluded_by, excluded_at)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT (report_id, user_id) DO UPDATE SET reason = excluded.reason`,
    ).run(reportId, userId, reason, user.id, now.toISOString());
    db.prepare('DELETE FROM report_keys WHERE report_id = ? AND user_id = ?').run(reportId, userId);
    if (report.case_id !== null) {
      excludeFromCase(db, { id: user.id, role: user.role }, report.case_id, userId, reason, now);
    }
    appendAudit(db, {
      actorId: user.id,
      action: 'report.exclusion',
      targetType: 'report',
      targetId: String(reportId),
      details: { userId },
    });
  })();
}

/**
 * Seals a report's key to a recipient who joined after it was received (managers who read the
 * report do it in their browser; the server stores the new sealed key). Refused for someone
 * who was already an active recipient when the report came in (the reporter left them out),
 * for someone excluded, and for keys not active.
 */
export function resealReport(
  db: Db,
  user: AuthenticatedUser,
  reportId: number,
  recipientId: number,
  sealedKey: string,
): void {
  loadReportFor(db, user, reportId);
  const refuse = (message: string) =>
    reportingError(reportingErrorCodes.resealRefused, 409, message);
  const target = db
    .prepare(
      `SELECT r.status, coalesce(r.decided_at, r.registered_at) AS active_since, u.disabled, u.role
       FROM report_recipients r JOIN users u ON u.id = r.user_id WHERE r.user_id = ?`,
    )
    .get(recipientId) as
    { status: string; active_since: string; disabled: number; role: string } | undefined;
  if (!target || target.status !== 'active' || target.disabled === 1) {
    throw refuse('That person is not an active recipient.');
  }
  const report = db.prepare('SELECT received_at FROM reports WHERE id = ?').get(reportId) as {
    received_at: string;
  };
  if (target.active_since <= report.received_at) {
    throw refuse('The reporter left this person out.');
  }
  const excluded = db
    .prepare('SELECT 1 FROM report_exclusions WHERE report_id = ? AND user_id = ?')
    .get(reportId, recipientId);
  if (excluded) throw refuse('That person is excluded from the report.');
  db.transaction(() => {
    const info = db
      .prepare(
        'INSERT INTO report_keys (report_id, user_id, sealed_key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      )
      .run(reportId, recipientId, sealedKey);
    if (info.changes === 0) throw refuse('That person already holds the key.');
    appendAudit(db, {
      actorId: user.id,
      action: 'report.reseal',
      targetType: 'report',
      targetId: String(reportId),
      details: { recipientId },
    });
  })();
}
