import { Type } from 'typebox';
import type { Static } from 'typebox';

/** Workspace settings the admin sets: thresholds shown to users, case deadlines, retention. */
export const Settings = Type.Object({
  fdrLevel: Type.Number({
    exclusiveMinimum: 0,
    maximum: 0.5,
    description: 'q below this flags a unit (false discovery rate)',
  }),
  watchLevel: Type.Number({
    exclusiveMinimum: 0,
    maximum: 1,
    description: 'q below this (but not below fdrLevel) puts a unit on watch',
  }),
  minVolume: Type.Integer({
    minimum: 1,
    maximum: 1_000_000,
    description: 'Units with fewer eligible declarations are shown as insufficient data',
  }),
  caseDeadlineDays: Type.Integer({
    minimum: 1,
    maximum: 3650,
    description: 'Default deadline of a new case, in days',
  }),
  caseReminderDays: Type.Integer({
    minimum: 0,
    maximum: 365,
    description: 'Remind the assignee this many days before a deadline',
  }),
  retentionDays: Type.Integer({
    minimum: 30,
    maximum: 36500,
    description: 'Personal data of closed cases is deleted this many days after closure',
  }),
});
/** Workspace settings. */
export type Settings = Static<typeof Settings>;

/** PUT /api/settings body: any subset of the settings. */
export const SettingsUpdate = Type.Partial(Settings, { minProperties: 1 });
/** PUT /api/settings body. */
export type SettingsUpdate = Static<typeof SettingsUpdate>;
