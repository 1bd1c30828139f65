import type { ReportingSettings } from '../api/reporting.js';
import { appendAudit } from '../audit/audit-trail.js';
import type { Db } from '../store/database.js';

/** The reporting channel's settings plus the installation's public receipt salt (base64). */
export interface ReportingConfig extends ReportingSettings {
  readonly receiptSalt: string;
}

interface ConfigRow {
  receipt_salt: string;
  pow_difficulty: number;
  submissions_per_hour: number;
  follow_up_failures_per_minute: number;
  retention_days: string;
}

/** Reads the reporting settings (one row, created by migration 0003 with a random salt). */
export function readReportingConfig(db: Db): ReportingConfig {
  const row = db.prepare('SELECT * FROM reporting_config WHERE id = 1').get() as ConfigRow;
  return {
    receiptSalt: Buffer.from(row.receipt_salt, 'hex').toString('base64'),
    proofOfWorkBits: row.pow_difficulty,
    submissionsPerHour: row.submissions_per_hour,
    followUpFailuresPerMinute: row.follow_up_failures_per_minute,
    retentionDays: JSON.parse(row.retention_days) as ReportingSettings['retentionDays'],
  };
}

/** Replaces the reporting settings (admins), on the audit trail. */
export function updateReportingConfig(
  db: Db,
  actorId: number,
  settings: ReportingSettings,
): ReportingConfig {
  db.transaction(() => {
    db.prepare(
      `UPDATE reporting_config SET pow_difficulty = ?, submissions_per_hour = ?,
         follow_up_failures_per_minute = ?, retention_days = ? WHERE id = 1`,
    ).run(
      settings.proofOfWorkBits,
      settings.submissionsPerHour,
      settings.followUpFailuresPerMinute,
      JSON.stringify(settings.retentionDays),
    );
    appendAudit(db, {
      actorId,
      action: 'reporting.settings',
      targetType: null,
      targetId: null,
      details: { ...settings },
    });
  })();
  return readReportingConfig(db);
}
