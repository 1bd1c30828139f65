import { contractTables } from '../contract/index.js';
import type { WarehouseConnection } from '../warehouse/index.js';
import { queryValues, sqlIdentifier, tableExists } from '../warehouse/index.js';
import { loadTables } from './warehouse-schema.js';

/** One row of the load history with its per-table reconciliation. */
export interface LoadRecord {
  readonly loadId: string;
  readonly datasetName: string | null;
  readonly location: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly read: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly extraColumns: Readonly<Record<string, readonly string[]>>;
  readonly ignoredFiles: readonly string[];
  readonly tables: Readonly<
    Record<
      string,
      {
        readonly file: string | null;
        readonly format: string | null;
        readonly bytes: number;
        readonly sha256: string | null;
        readonly read: number;
        readonly accepted: number;
        readonly rejected: number;
      }
    >
  >;
}

/** What the warehouse holds: rows per contract table and the last load. */
export interface WarehouseStatus {
  readonly tables: Readonly<Record<string, { readonly rows: number }>>;
  readonly lastLoad: LoadRecord | null;
  readonly loads: number;
}

const ts = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

/** Says what the warehouse holds; an empty warehouse has no last load. */
export async function warehouseStatus(conn: WarehouseConnection): Promise<WarehouseStatus> {
  const tables: Record<string, { rows: number }> = {};
  for (const t of contractTables) {
    if (!(await tableExists(conn, t.name))) continue;
    const [row] = await queryValues<{ n: bigint }>(
      conn,
      `SELECT count(*) AS n FROM ${sqlIdentifier(t.name)}`,
    );
    tables[t.name] = { rows: Number(row?.n ?? 0n) };
  }
  if (!(await tableExists(conn, loadTables.loads))) return { tables, lastLoad: null, loads: 0 };
  const [count] = await queryValues<{ n: bigint }>(
    conn,
    `SELECT count(*) AS n FROM ${loadTables.loads}`,
  );
  const [last] = await queryValues<Record<string, unknown>>(
    conn,
    `SELECT load_id, dataset_name, location, CAST(started_at AS VARCHAR) AS started_at,
       CAST(finished_at AS VARCHAR) AS finished_at, read, accepted, rejected, extra_columns, ignored_files
     FROM ${loadTables.loads} ORDER BY finished_at DESC LIMIT 1`,
  );
  if (!last) return { tables, lastLoad: null, loads: 0 };
  const files = await queryValues<Record<string, unknown>>(
    conn,
    `SELECT table_name, file, format, bytes, sha256, read, accepted, rejected
     FROM ${loadTables.files} WHERE load_id = $1`,
    [String(last['load_id'])],
  );
  const perTable: LoadRecord['tables'] = Object.fromEntries(
    files.map((f) => [
      String(f['table_name']),
      {
        file: (f['file'] as string | null) ?? null,
        format: (f['format'] as string | null) ?? null,
        bytes: Number(f['bytes'] ?? 0),
        sha256: (f['sha256'] as string | null) ?? null,
        read: Number(f['read']),
        accepted: Number(f['accepted']),
        rejected: Number(f['rejected']),
      },
    ]),
  );
  return {
    tables,
    loads: Number(count?.n ?? 0n),
    lastLoad: {
      loadId: String(last['load_id']),
      datasetName: (last['dataset_name'] as string | null) ?? null,
      location: String(last['location']),
      startedAt: ts(last['started_at']),
      finishedAt: ts(last['finished_at']),
      read: Number(last['read']),
      accepted: Number(last['accepted']),
      rejected: Number(last['rejected']),
      extraColumns: JSON.parse(String(last['extra_columns'])) as Record<string, string[]>,
      ignoredFiles: JSON.parse(String(last['ignored_files'])) as string[],
      tables: perTable,
    },
  };
}

/** A rejected row: where it was, what was wrong, and the row word for word. */
export interface RejectedRow {
  readonly table: string;
  readonly file: string;
  readonly line: number;
  readonly column: string | null;
  readonly reason: string;
  /** The row's fields as read (CSV text), by column; null when the row could not be split. */
  readonly values: Readonly<Record<string, string | null>> | null;
  /** The line as read, when the CSV reader could not split it into fields. */
  readonly rawLine: string | null;
}

/** The rejected rows of the last load, in file and line order. */
export async function listRejects(
  conn: WarehouseConnection,
  options: { table?: string; limit?: number; offset?: number } = {},
): Promise<RejectedRow[]> {
  if (!(await tableExists(conn, loadTables.rejects))) return [];
  const rows = await queryValues<Record<string, unknown>>(
    conn,
    `SELECT table_name, file, line, column_name, reason, raw_values, raw_line
     FROM ${loadTables.rejects}
     WHERE $1::VARCHAR IS NULL OR table_name = $1
     ORDER BY file, line LIMIT $2 OFFSET $3`,
    [options.table ?? null, options.limit ?? 1_000_000_000, options.offset ?? 0],
  );
  return rows.map((r) => ({
    table: String(r['table_name']),
    file: String(r['file']),
    line: Number(r['line']),
    column: (r['column_name'] as string | null) ?? null,
    reason: String(r['reason']),
    values:
      r['raw_values'] == null
        ? null
        : (JSON.parse(String(r['raw_values'])) as Record<string, string | null>),
    rawLine: (r['raw_line'] as string | null) ?? null,
  }));
}
