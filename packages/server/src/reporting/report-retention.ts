import { appendAudit } from '../audit/audit-trail.js';
import type { Db } from '../store/database.js';

/**
 * Deletes a report for real: its row, sealed keys, attachments, messages and exclusions
 * (cascade), with SQLite's `secure_delete` on (freed pages are overwritten with zeros) and a
 * WAL checkpoint that truncates the log, so no copy of the ciphertext stays in the files. The
 * audit trail records the deletion with the report id and counts, never content.
 */
export function deleteReport(
  db: Db,
  reportId: number,
  actorId: number | null,
  reason: 'manual' | 'retention',
): boolean {
  db.pragma('secure_delete = ON');
  const deleted = db.transaction(() => {
    const counts = db
      .prepare(
        `SELECT (SELECT count(*) FROM report_attachments WHERE report_id = @id) AS attachments,
                (SELECT count(*) FROM report_messages WHERE report_id = @id) AS messages,
                outcome FROM reports WHERE id = @id`,
      )
      .get({ id: reportId }) as
      { attachments: number; messages: number; outcome: string | null } | undefined;
    if (!counts) return false;
    db.prepare('DELETE FROM reports WHERE id = ?').run(reportId);
    appendAudit(db, {
      actorId,
      action: 'report.delete',
      targetType: 'report',
      targetId: String(reportId),
      details: { reason, ...counts },
    });
    return true;
  })();
  if (deleted) db.pragma('wal_checkpoint(TRUNCATE)');
  return deleted;
}

/** Deletes every closed report past its retention date; returns their ids. */
export function deleteExpiredReports(db: Db, now: Date): number[] {
  const ids = (
    db
      .prepare('SELECT id FROM reports WHERE delete_after IS NOT NULL AND delete_after <= ?')
      .all(now.toISOString()) as { id: number }[]
  ).map((r) => r.id);
  for (const id of ids) deleteReport(db, id, null, 'retention');
  return ids;
}
