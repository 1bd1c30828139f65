import { getSettings } from '../store/settings.js';
import type { CaseDeadlineSettings } from './case-deadlines.js';
import { defaultCaseDeadlines } from './case-deadlines.js';
import type { Db } from './case-types.js';

/**
 * The deadline settings in force, from the workspace settings (PUT
 * /api/settings): `caseDeadlineDays` gives a new case its deadline,
 * `caseReminderDays` the "due soon" window. The days allowed per state are
 * not a workspace setting yet: {@link defaultCaseDeadlines}.
 */
export function readCaseDeadlineSettings(db: Db): CaseDeadlineSettings {
  const settings = getSettings(db);
  return {
    stateDays: defaultCaseDeadlines.stateDays,
    caseDays: settings.caseDeadlineDays,
    dueSoonDays: settings.caseReminderDays,
  };
}
