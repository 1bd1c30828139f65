import { coreTables } from './0001-core.js';
import { caseTables } from './0002-cases.js';
import { reportingTables } from './0003-reporting.js';
import { surveyTables } from './0004-surveys.js';

/** One schema change: applied once, in order, inside a transaction. */
export interface Migration {
  /** 1, 2, 3…: equals the migration's position in {@link migrations}. */
  readonly version: number;
  /** Short kebab-case name, for messages. */
  readonly name: string;
  /** SQL statements run in one transaction. */
  readonly sql: string;
}

/** Every migration, oldest first. Add new ones at the end; never edit a released one. */
export const migrations: readonly Migration[] = [
  coreTables,
  caseTables,
  reportingTables,
  surveyTables,
];
