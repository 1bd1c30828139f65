import { randomUUID } from 'node:crypto';
import type { DatasetInfo, TableSpec } from '../contract/index.js';
import { contractTables } from '../contract/index.js';
import { EngineError } from '../errors.js';
import type { WarehouseConnection } from '../warehouse/index.js';
import { execute, queryValues, sqlIdentifier } from '../warehouse/index.js';
import { readCsvHeader } from './csv-header.js';
import type { TableFile } from './dataset-source.js';
import { fileSha256, openDatasetSource } from './dataset-source.js';
import { insertRejectsSql, lateRejectsSql } from './reject-rows.js';
import type { StageInput } from './stage-table.js';
import {
  extraColumns,
  rereadLateRowsSql,
  stageTableSql,
  staging,
  stagingNames,
} from './stage-table.js';
import { emptyTableSql, ensureLoadTables, loadTables } from './warehouse-schema.js';

/** Rows read, accepted and rejected for one table, with the file they came from. */
export interface TableReconciliation {
  readonly file: string | null;
  readonly format: 'csv' | 'parquet' | null;
  readonly bytes: number;
  readonly sha256: string | null;
  readonly read: number;
  readonly accepted: number;
  readonly rejected: number;
}

/** What a load did: the reconciliation of every table and what it noticed. */
export interface LoadSummary {
  readonly loadId: string;
  readonly dataset: { readonly location: string; readonly info: DatasetInfo };
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly tables: Readonly<Record<string, TableReconciliation>>;
  readonly read: number;
  readonly accepted: number;
  readonly rejected: number;
  /** Columns not in the contract, per table: kept as text and offered to the risk model. */
  readonly extraColumns: Readonly<Record<string, readonly string[]>>;
  /** Files of the dataset that are not contract tables (not loaded). */
  readonly ignoredFiles: readonly string[];
}

/** A step of a load, for progress display. */
export interface LoadProgress {
  readonly step: number;
  readonly steps: number;
  readonly table: string;
  readonly stage: 'reading' | 'checking' | 'saving';
  /** Share of the current step done, when DuckDB reports it. */
  readonly fraction?: number;
}

/** Options of a load. */
export interface LoadOptions {
  readonly onProgress?: (progress: LoadProgress) => void;
}

interface PreparedFile {
  readonly file: TableFile;
  readonly input: StageInput;
}

/**
 * Loads a dataset (folder or `.zip`) into the warehouse, replacing the
 * previous one in a single transaction: every row is checked against the
 * data contract, bad rows go to the rejects table with file, line, column and
 * reason, and each table is reconciled (read = accepted + rejected). A
 * missing file or column, or any failure midway, leaves the warehouse as it was.
 */
export async function loadDataset(
  conn: WarehouseConnection,
  location: string,
  options: LoadOptions = {},
): Promise<LoadSummary> {
  const startedAt = new Date();
  const source = await openDatasetSource(location);
  try {
    const encoding = source.info.encoding ?? 'utf-8';
    const prepared: PreparedFile[] = [];
    for (const file of source.files) {
      const table = contractTables.find((t) => t.name === file.table);
      if (!table) continue;
      const fileColumns =
        file.format === 'csv'
          ? await readCsvHeader(file.path, file.displayName, encoding)
          : await parquetColumns(conn, file);
      checkColumns(table, file, fileColumns);
      prepared.push({ file, input: { table, format: file.format, fileColumns, encoding } });
    }
    const hashes = new Map(
      await Promise.all(
        prepared.map(async (p) => [p.file.table, await fileSha256(p.file.path)] as const),
      ),
    );

    const loadId = randomUUID();
    const tables: Record<string, TableReconciliation> = {};
    const extras: Record<string, readonly string[]> = {};
    const steps = prepared.length * 2 + 1;
    let step = 0;
    const progress = (table: string, stage: LoadProgress['stage'], fraction?: number) =>
      options.onProgress?.({
        step,
        steps,
        table,
        stage,
        ...(fraction === undefined ? {} : { fraction }),
      });

    await execute(conn, 'BEGIN TRANSACTION');
    try {
      await ensureLoadTables(conn);
      await execute(conn, `DELETE FROM ${loadTables.rejects}`);
      for (const table of contractTables) {
        const p = prepared.find((x) => x.input.table === table);
        if (!p) {
          await execute(conn, emptyTableSql(table));
          await createContractView(conn, table, []);
          tables[table.name] = emptyReconciliation;
          continue;
        }
        step++;
        progress(table.name, 'reading', 0);
        // DuckDB reports no progress within these statements (it stays at -1),
        // so progress is shown per step.
        await execute(conn, stageTableSql(p.input), {
          path: p.file.path,
          tz: source.info.timezone ?? 'UTC',
        });
        step++;
        progress(table.name, 'checking');
        const counts = await finishTable(conn, loadId, p);
        tables[table.name] = {
          file: p.file.displayName,
          format: p.file.format,
          bytes: p.file.bytes,
          sha256: hashes.get(table.name) ?? null,
          ...counts,
        };
        const extra = extraColumns(p.input);
        if (extra.length > 0) extras[table.name] = extra;
      }
      step++;
      progress('', 'saving');
      const totals = sumCounts(Object.values(tables));
      const finishedAt = new Date();
      await execute(
        conn,
        `INSERT INTO ${loadTables.loads} VALUES ($1, $2, $3, $4, $5::TIMESTAMP, $6::TIMESTAMP, $7, $8, $9, $10, $11)`,
        [
          loadId,
          source.info.name ?? null,
          source.location,
          JSON.stringify(source.info),
          startedAt.toISOString(),
          finishedAt.toISOString(),
          totals.read,
          totals.accepted,
          totals.rejected,
          JSON.stringify(extras),
          JSON.stringify(source.ignoredFiles),
        ],
      );
      for (const [name, t] of Object.entries(tables)) {
        await execute(
          conn,
          `INSERT INTO ${loadTables.files} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [loadId, name, t.file, t.format, t.bytes, t.sha256, t.read, t.accepted, t.rejected],
        );
      }
      await execute(conn, 'COMMIT');
      return {
        loadId,
        dataset: { location: source.location, info: source.info },
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        tables,
        ...totals,
        extraColumns: extras,
        ignoredFiles: source.ignoredFiles,
      };
    } catch (error) {
      await execute(conn, 'ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      for (const p of prepared) await dropStaging(conn, p.input.table.name);
    }
  } finally {
    await source.cleanup();
  }
}

const emptyReconciliation: TableReconciliation = {
  file: null,
  format: null,
  bytes: 0,
  sha256: null,
  read: 0,
  accepted: 0,
  rejected: 0,
};

function sumCounts(list: readonly TableReconciliation[]) {
  return list.reduce(
    (acc, t) => ({
      read: acc.read + t.read,
      accepted: acc.accepted + t.accepted,
      rejected: acc.rejected + t.rejected,
    }),
    { read: 0, accepted: 0, rejected: 0 },
  );
}

async function parquetColumns(conn: WarehouseConnection, file: TableFile): Promise<string[]> {
  try {
    const rows = await queryValues<{ column_name: string }>(
      conn,
      'DESCRIBE SELECT * FROM read_parquet($1)',
      [file.path],
    );
    return rows.map((r) => r.column_name.trim());
  } catch (error) {
    throw new EngineError(
      'PROBITY_UNREADABLE_FILE',
      `${file.displayName}: cannot be read as Parquet (${(error as Error).message.split('\n')[0]})`,
      { cause: error },
    );
  }
}

/** Stops the load, before anything is written, when a header is unusable. */
function checkColumns(table: TableSpec, file: TableFile, columns: readonly string[]): void {
  const seen = new Set<string>();
  for (const [i, name] of columns.entries()) {
    if (name === '') {
      throw new EngineError(
        'PROBITY_MISSING_COLUMN',
        `${file.displayName}: column ${i + 1} of the header has no name`,
      );
    }
    if (name.startsWith('__')) {
      throw new EngineError(
        'PROBITY_DUPLICATE_COLUMN',
        `${file.displayName}: column name ${name} is reserved (names may not start with __)`,
      );
    }
    if (seen.has(name)) {
      throw new EngineError(
        'PROBITY_DUPLICATE_COLUMN',
        `${file.displayName}: column ${name} appears twice in the header`,
      );
    }
    seen.add(name);
  }
  for (const col of table.columns.filter((c) => c.required)) {
    if (seen.has(col.name)) continue;
    const nearly = columns.find((c) => c.toLowerCase() === col.name);
    throw new EngineError(
      'PROBITY_MISSING_COLUMN',
      `${file.displayName}: required column ${col.name} is missing` +
        (nearly ? ` (found ${nearly}: column names are lower case)` : ''),
    );
  }
}

/**
 * After staging: finds duplicate keys and orphans, writes the accepted rows
 * to the final table, and the rejects (with physical line numbers) to the
 * rejects table. Returns the table's reconciliation counts.
 */
async function finishTable(
  conn: WarehouseConnection,
  loadId: string,
  p: PreparedFile,
): Promise<{ read: number; accepted: number; rejected: number }> {
  const table = p.input.table;
  const names = stagingNames(table.name);
  const q = sqlIdentifier;
  const rid = staging.rowId;
  await execute(conn, lateRejectsSql(table));
  if (p.input.format === 'csv') {
    await execute(
      conn,
      `CREATE OR REPLACE TEMP TABLE ${q(names.parse)} AS
       SELECT line AS record, min_by(column_name, column_idx) AS column_name,
         min_by(error_type, column_idx) AS error_type, min_by(error_message, column_idx) AS error_message,
         trim(any_value(csv_line), chr(13) || chr(10)) AS raw_line
       FROM ${q(names.rejects)} GROUP BY line`,
    );
  } else {
    await execute(
      conn,
      `CREATE OR REPLACE TEMP TABLE ${q(names.parse)} (
         record BIGINT, column_name VARCHAR, error_type VARCHAR, error_message VARCHAR, raw_line VARCHAR)`,
    );
  }
  const [late] = await queryValues<{ n: bigint }>(
    conn,
    `SELECT count(*) AS n FROM ${q(names.late)}`,
  );
  if ((late?.n ?? 0n) > 0n) {
    await execute(conn, rereadLateRowsSql(p.input), { path: p.file.path });
  } else {
    await execute(
      conn,
      `CREATE OR REPLACE TEMP TABLE ${q(names.lateRaw)} (${rid} BIGINT, ${staging.rawValues} VARCHAR)`,
    );
  }
  await execute(conn, insertRejectsSql(table, p.input.format), [loadId, p.file.displayName]);
  const [before] = await queryValues<{ staged: bigint; parse: bigint }>(
    conn,
    `SELECT (SELECT count(*) FROM ${q(names.staged)}) AS staged,
            (SELECT count(*) FROM ${q(names.parse)}) AS parse`,
  );
  // Keys of rejected rows, so that children can say their parent was rejected.
  const keyColumn = table.key?.[0];
  await execute(
    conn,
    keyColumn
      ? `CREATE OR REPLACE TEMP TABLE ${q(names.rejectedKeys)} AS
         SELECT DISTINCT ${q(keyColumn)} FROM ${q(names.staged)}
         WHERE ${staging.problem} IS NOT NULL OR ${rid} IN (SELECT ${rid} FROM ${q(names.late)})`
      : `CREATE OR REPLACE TEMP TABLE ${q(names.rejectedKeys)} (k VARCHAR)`,
  );
  // The rejected rows leave the stored table (they are in the rejects table,
  // word for word); what remains is exactly the accepted rows.
  await execute(
    conn,
    `DELETE FROM ${q(names.staged)}
     WHERE ${staging.problem} IS NOT NULL OR ${rid} IN (SELECT ${rid} FROM ${q(names.late)})`,
  );
  await createContractView(conn, table, extraColumns(p.input));
  const [after] = await queryValues<{ accepted: bigint; rejected: bigint }>(
    conn,
    `SELECT (SELECT count(*) FROM ${q(table.name)}) AS accepted,
            (SELECT count(*) FROM ${loadTables.rejects} WHERE load_id = $1 AND table_name = $2) AS rejected`,
    [loadId, table.name],
  );
  const read = Number(before?.staged ?? 0n) + Number(before?.parse ?? 0n);
  const accepted = Number(after?.accepted ?? 0n);
  const rejected = Number(after?.rejected ?? 0n);
  if (read !== accepted + rejected) {
    throw new EngineError(
      'PROBITY_WAREHOUSE',
      `${p.file.displayName}: reconciliation failed (read ${read}, accepted ${accepted}, rejected ${rejected}); nothing was changed`,
    );
  }
  return { read, accepted, rejected };
}

/**
 * The contract table as users and the analysis see it: a view of the stored
 * rows with the contract's columns and the extra columns of the file (the
 * loader's bookkeeping columns hidden). A table of the same name left by an
 * earlier version of Probity is replaced.
 */
async function createContractView(
  conn: WarehouseConnection,
  table: TableSpec,
  extras: readonly string[],
): Promise<void> {
  const q = sqlIdentifier;
  const existing = await queryValues<{ table_type: string }>(
    conn,
    `SELECT table_type FROM information_schema.tables WHERE table_schema = 'main' AND table_name = $1`,
    [table.name],
  );
  if (existing[0]?.table_type === 'BASE TABLE') {
    await execute(conn, `DROP TABLE ${q(table.name)}`);
  }
  const cols = [...table.columns.map((c) => c.name), ...extras].map(q).join(', ');
  await execute(
    conn,
    `CREATE OR REPLACE VIEW ${q(table.name)} AS SELECT ${cols} FROM ${q(stagingNames(table.name).staged)}`,
  );
}

async function dropStaging(conn: WarehouseConnection, table: string): Promise<void> {
  const names = stagingNames(table);
  for (const t of [
    names.late,
    names.parse,
    names.lateRaw,
    names.rejectedKeys,
    names.rejects,
    names.scans,
    `${names.rejects}_again`,
    `${names.scans}_again`,
  ]) {
    await execute(conn, `DROP TABLE IF EXISTS ${sqlIdentifier(t)}`).catch(() => undefined);
  }
}
