import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDataset } from '../../src/load/index.js';
import type { WarehouseConnection } from '../../src/warehouse/index.js';

/** A row of a contract table as written to CSV (null = empty cell). */
export type CsvRow = Readonly<Record<string, string | number | boolean | null>>;

function csv(rows: readonly CsvRow[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: CsvRow[string] | undefined) => (v === null || v === undefined ? '' : String(v));
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join(
    '\n',
  );
}

/** A minimal valid import declaration; `extra` overrides or adds columns. */
export function declaration(id: string, extra: CsvRow = {}): CsvRow {
  return {
    declaration_id: id,
    office_code: 'O1',
    procedure: 'import',
    lodged_at: '2025-01-15T10:00:00',
    declarant_id: 'B1',
    trader_id: 'T1',
    partner_country: null,
    risk_channel: 'green',
    final_channel: 'green',
    inspected: false,
    declared_value: 0,
    declared_duty: 0,
    ...extra,
  };
}

/**
 * Writes the tables (and dataset.json when given) as a dataset folder, loads
 * it into the warehouse through the real loader and checks nothing was
 * rejected, so a test's rows are exactly what the analysis sees.
 */
export async function loadTestDataset(
  conn: WarehouseConnection,
  tables: Readonly<Record<string, readonly CsvRow[]>>,
  info?: Readonly<Record<string, string>>,
): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'probity-risk-'));
  try {
    for (const [name, rows] of Object.entries(tables)) {
      if (rows.length === 0) continue; // an absent table, as a dataset without that file
      await writeFile(path.join(dir, `${name}.csv`), csv(rows));
    }
    if (info) await writeFile(path.join(dir, 'dataset.json'), JSON.stringify(info));
    const summary = await loadDataset(conn, dir);
    if (summary.rejected > 0) {
      throw new Error(`test dataset has ${summary.rejected} rejected rows`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
