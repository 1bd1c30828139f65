import type { Settings } from '../api/settings.js';
import { appendAudit } from '../audit/audit-trail.js';
import type { Db } from './database.js';

/** Settings before an admin changes them (analysis thresholds as in the engine's defaults). */
export const defaultSettings: Readonly<Settings> = Object.freeze({
  fdrLevel: 0.05,
  watchLevel: 0.2,
  minVolume: 30,
  caseDeadlineDays: 30,
  caseReminderDays: 7,
  retentionDays: 1825,
});

const keys = Object.keys(defaultSettings) as (keyof Settings)[];

/** The current settings: stored values over the defaults. */
export function getSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as {
    key: string;
    value: string;
  }[];
  const settings: Settings = { ...defaultSettings };
  for (const row of rows) {
    if ((keys as string[]).includes(row.key)) {
      (settings as Record<string, unknown>)[row.key] = JSON.parse(row.value) as unknown;
    }
  }
  return settings;
}

/** Change some settings (already validated by the route schema), audited in the same transaction. */
export function updateSettings(db: Db, actorId: number, changes: Partial<Settings>): Settings {
  return db.transaction(() => {
    const before = getSettings(db);
    const merged = { ...before, ...changes };
    const changed = keys.filter(
      (key) => changes[key] !== undefined && changes[key] !== before[key],
    );
    const now = new Date().toISOString();
    const upsert = db.prepare(
      `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
                                       updated_by = excluded.updated_by`,
    );
    for (const key of changed) upsert.run(key, JSON.stringify(merged[key]), now, actorId);
    if (changed.length > 0) {
      appendAudit(db, {
        actorId,
        action: 'settings.change',
        targetType: 'settings',
        targetId: null,
        details: Object.fromEntries(
          changed.map((key) => [key, { from: before[key], to: merged[key] }]),
        ),
      });
    }
    return merged;
  })();
}
