import type { CaseDeadlineSettings } from './case-deadlines.js';
import { defaultCaseDeadlines } from './case-deadlines.js';
import type { Db } from './case-types.js';

/** Settings keys (in the `settings` table, JSON numbers) that override the deadline defaults. */
export const caseSettingKeys = {
  stateDays: 'cases.stateDeadlineDays',
  caseDays: 'cases.caseDeadlineDays',
  dueSoonDays: 'cases.dueSoonDays',
} as const;

function positive(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 3650
      ? value
      : fallback;
  } catch {
    return fallback;
  }
}

/** The deadline settings in force: the stored settings where valid, else the defaults. */
export function readCaseDeadlineSettings(db: Db): CaseDeadlineSettings {
  const rows = db
    .prepare('SELECT key, value FROM settings WHERE key IN (?, ?, ?)')
    .all(caseSettingKeys.stateDays, caseSettingKeys.caseDays, caseSettingKeys.dueSoonDays) as {
    key: string;
    value: string;
  }[];
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  return {
    stateDays: positive(stored.get(caseSettingKeys.stateDays), defaultCaseDeadlines.stateDays),
    caseDays: positive(stored.get(caseSettingKeys.caseDays), defaultCaseDeadlines.caseDays),
    dueSoonDays: positive(
      stored.get(caseSettingKeys.dueSoonDays),
      defaultCaseDeadlines.dueSoonDays,
    ),
  };
}
