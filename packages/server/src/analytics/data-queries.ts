import type { UnitKind } from '@probity/engine';
import { contractTables, tableExists } from '@probity/engine';
import type {
  LoadView,
  LoadsResponse,
  RejectedRowView,
  RejectsQuery,
  RejectsResponse,
} from '../api/analytics-data.js';
import { analyticsError } from './analytics-errors.js';
import type { AnalyticsReader } from './analytics-reader.js';
import { toCount, toText } from './json-values.js';

/** The latest load's id (the cache version of the data routes), or `DATA_MISSING`. */
export async function latestLoadId(reader: AnalyticsReader): Promise<string> {
  const missing = () =>
    analyticsError('DATA_MISSING', 'The warehouse holds no load yet: run `probity load`.');
  if (!(await tableExists(reader.connection, 'probity_loads'))) throw missing();
  const [row] = await reader.query<{ load_id: string }>(
    `SELECT load_id FROM probity_loads ORDER BY finished_at DESC, load_id LIMIT 1`,
  );
  if (!row) throw missing();
  return row.load_id;
}

/** Every load, latest first, with its files and their reconciliation; rows per contract table. */
export async function loads(reader: AnalyticsReader): Promise<LoadsResponse> {
  const [loadRows, fileRows] = await Promise.all([
    reader.query<Record<string, unknown>>(
      `SELECT load_id, dataset_name, CAST(started_at AS VARCHAR) AS started_at,
         CAST(finished_at AS VARCHAR) AS finished_at, read, accepted, rejected
       FROM probity_loads ORDER BY finished_at DESC, load_id`,
    ),
    reader.query<Record<string, unknown>>(
      `SELECT load_id, table_name, file, format, bytes, sha256, read, accepted, rejected
       FROM probity_load_files ORDER BY load_id, table_name`,
    ),
  ]);
  const tables: LoadsResponse['tables'] = [];
  for (const t of contractTables) {
    if (!(await tableExists(reader.connection, t.name))) continue;
    const [row] = await reader.query<{ n: number }>(
      `SELECT CAST(count(*) AS DOUBLE) AS n FROM ${t.name}`,
    );
    tables.push({ table: t.name, rows: toCount(row?.n) });
  }
  return {
    tables,
    loads: loadRows.map((l): LoadView => {
      const read = toCount(l['read']);
      const accepted = toCount(l['accepted']);
      const rejected = toCount(l['rejected']);
      return {
        loadId: String(l['load_id']),
        datasetName: toText(l['dataset_name']),
        startedAt: String(l['started_at']),
        finishedAt: String(l['finished_at']),
        read,
        accepted,
        rejected,
        reconciled: read === accepted + rejected,
        files: fileRows
          .filter((f) => f['load_id'] === l['load_id'])
          .map((f) => {
            const fileRead = toCount(f['read']);
            const fileAccepted = toCount(f['accepted']);
            const fileRejected = toCount(f['rejected']);
            return {
              table: String(f['table_name']),
              file: toText(f['file']),
              format: toText(f['format']),
              bytes: toCount(f['bytes']),
              sha256: toText(f['sha256']),
              read: fileRead,
              accepted: fileAccepted,
              rejected: fileRejected,
              reconciled: fileRead === fileAccepted + fileRejected,
            };
          }),
      };
    }),
  };
}

/** Personal columns holding an officer, declarant or trader id, and the kind of unit they name. */
const personColumns: Readonly<Record<string, UnitKind>> = {
  officer_id: 'officer',
  channel_changed_by: 'officer',
  declarant_id: 'declarant',
  trader_id: 'trader',
};

/** Personal columns of each contract table (data contract: `personal: true`). */
const personalColumns = new Map(
  contractTables.map((t) => [
    t.name,
    new Set(t.columns.filter((c) => c.personal).map((c) => c.name)),
  ]),
);

/** A personal value not naming a unit is replaced by this. */
export const withheld = '[withheld]';

/**
 * A rejected row with its personal values replaced: ids of officers,
 * declarants and traders by their pseudonyms, other personal values
 * withheld, and those values also replaced wherever the reason quotes them.
 */
export function pseudonymiseRejectedRow(
  row: Record<string, unknown>,
  label: (kind: UnitKind, id: string) => string,
): RejectedRowView {
  const table = String(row['table_name']);
  const personal = personalColumns.get(table) ?? new Set<string>();
  const raw =
    row['raw_values'] == null
      ? null
      : (JSON.parse(String(row['raw_values'])) as Record<string, string | null>);
  let reason = String(row['reason']);
  let values: Record<string, string | null> | null = null;
  if (raw) {
    values = {};
    for (const [column, value] of Object.entries(raw)) {
      const kind = personColumns[column];
      if (value === null || value === '' || (!personal.has(column) && !kind)) {
        values[column] = value;
        continue;
      }
      const shown = kind ? label(kind, value) : withheld;
      values[column] = shown;
      reason = reason.split(value).join(shown);
    }
  }
  return {
    table,
    file: String(row['file']),
    line: toCount(row['line']),
    column: toText(row['column_name']),
    reason,
    values,
    rawLineWithheld: row['raw_line'] != null,
  };
}

/** One page of a load's rejected rows (file and line order) and the counts by table and reason. */
export async function rejects(
  reader: AnalyticsReader,
  loadId: string,
  query: RejectsQuery,
  label: (kind: UnitKind, id: string) => string,
): Promise<RejectsResponse> {
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const params = { load: loadId, table: query.table ?? null, limit, offset };
  if (!(await tableExists(reader.connection, 'probity_rejects'))) {
    return { loadId, total: 0, limit, offset, summary: [], items: [] };
  }
  const where = `load_id = $load AND ($table::VARCHAR IS NULL OR table_name = $table)`;
  const [rows, summary] = await Promise.all([
    reader.query<Record<string, unknown>>(
      `SELECT table_name, file, line, column_name, reason, raw_values, raw_line
       FROM probity_rejects WHERE ${where} ORDER BY file, line LIMIT $limit OFFSET $offset`,
      params,
    ),
    reader.query<{ table_name: string; column_name: string | null; n: number }>(
      `SELECT table_name, column_name, CAST(count(*) AS DOUBLE) AS n FROM probity_rejects
       WHERE ${where} GROUP BY table_name, column_name ORDER BY n DESC, table_name, column_name`,
      params,
    ),
  ]);
  return {
    loadId,
    total: summary.reduce((s, r) => s + toCount(r.n), 0),
    limit,
    offset,
    summary: summary.map((r) => ({
      table: r.table_name,
      column: r.column_name,
      rows: toCount(r.n),
    })),
    items: rows.map((r) => pseudonymiseRejectedRow(r, label)),
  };
}
