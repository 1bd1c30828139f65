import type { TableSpec } from '../contract/index.js';
import type { WarehouseConnection } from '../warehouse/index.js';
import { execute, sqlIdentifier } from '../warehouse/index.js';
import { storedType } from './row-checks.js';

/** Tables the loader keeps about itself. */
export const loadTables = {
  loads: 'probity_loads',
  files: 'probity_load_files',
  rejects: 'probity_rejects',
} as const;

/** Creates the loader's own tables when absent (load history, files, rejects). */
export async function ensureLoadTables(conn: WarehouseConnection): Promise<void> {
  await execute(
    conn,
    `CREATE TABLE IF NOT EXISTS ${loadTables.loads} (
      load_id VARCHAR PRIMARY KEY,
      dataset_name VARCHAR,
      location VARCHAR NOT NULL,
      dataset_json VARCHAR NOT NULL,
      started_at TIMESTAMP NOT NULL,
      finished_at TIMESTAMP NOT NULL,
      read BIGINT NOT NULL,
      accepted BIGINT NOT NULL,
      rejected BIGINT NOT NULL,
      extra_columns VARCHAR NOT NULL,
      ignored_files VARCHAR NOT NULL
    )`,
  );
  await execute(
    conn,
    `CREATE TABLE IF NOT EXISTS ${loadTables.files} (
      load_id VARCHAR NOT NULL,
      table_name VARCHAR NOT NULL,
      file VARCHAR,
      format VARCHAR,
      bytes BIGINT,
      sha256 VARCHAR,
      read BIGINT NOT NULL,
      accepted BIGINT NOT NULL,
      rejected BIGINT NOT NULL,
      PRIMARY KEY (load_id, table_name)
    )`,
  );
  await execute(
    conn,
    `CREATE TABLE IF NOT EXISTS ${loadTables.rejects} (
      load_id VARCHAR NOT NULL,
      table_name VARCHAR NOT NULL,
      file VARCHAR NOT NULL,
      line BIGINT NOT NULL,
      column_name VARCHAR,
      reason VARCHAR NOT NULL,
      raw_values VARCHAR,
      raw_line VARCHAR
    )`,
  );
}

/** `CREATE OR REPLACE TABLE` of the empty stored table of a contract table the dataset does not have. */
export function emptyTableSql(table: TableSpec): string {
  const cols = table.columns.map((c) => `${sqlIdentifier(c.name)} ${storedType(c)}`).join(', ');
  return `CREATE OR REPLACE TABLE ${sqlIdentifier(`load_${table.name}`)} (${cols})`;
}
