import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  analyzeWarehouse,
  defaultAnalysisConfig,
  generateDemo,
  loadDataset,
  openWarehouse,
  queryRows,
  standardExtensions,
} from '@probity/engine';
import type { Warehouse } from '@probity/engine';

/** A demo warehouse loaded (with a few rejected rows) and analysed, opened read-only. */
export interface AnalyticsFixture {
  readonly dir: string;
  readonly file: string;
  readonly warehouse: Warehouse;
  /** Every real officer, declarant and trader id in the warehouse. */
  readonly realIds: readonly string[];
  /** Removes the files (after the app and the warehouse are closed). */
  cleanup(): Promise<void>;
}

/** Replaces the 1-based data line `n` of a CSV file by `edit(line)`. */
async function editCsvLine(file: string, n: number, edit: (line: string) => string): Promise<void> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const line = lines[n];
  if (line === undefined) throw new Error(`${file} has no line ${n}`);
  lines[n] = edit(line);
  await writeFile(file, lines.join('\n'));
}

/**
 * Generates a demo administration (`declarations`, seed 5), breaks two rows
 * so the load rejects them (a bad date; a repeated officer posting), loads
 * and analyses it with the standard extensions, and reopens it read-only.
 */
export async function analyticsFixture(declarations = 8000): Promise<AnalyticsFixture> {
  const dir = await mkdtemp(path.join(tmpdir(), 'probity-analytics-'));
  const data = path.join(dir, 'data');
  const file = path.join(dir, 'warehouse.duckdb');
  await generateDemo({ dir: data, declarations, seed: 5 });
  await editCsvLine(path.join(data, 'declarations.csv'), 2, (line) => {
    const fields = line.split(',');
    fields[3] = 'not-a-date';
    return fields.join(',');
  });
  const officers = path.join(data, 'officers.csv');
  const officerLines = (await readFile(officers, 'utf8')).trimEnd().split('\n');
  await writeFile(officers, [...officerLines, officerLines[1] ?? ''].join('\n') + '\n');

  const writer = await openWarehouse(file);
  try {
    await loadDataset(writer.connection, data);
    await analyzeWarehouse(writer.connection, defaultAnalysisConfig, {
      extensions: standardExtensions(),
    });
  } finally {
    writer.close();
  }
  const warehouse = await openWarehouse(file, { readOnly: true });
  const ids = await queryRows<{ id: string }>(
    warehouse.connection,
    `SELECT officer_id AS id FROM declarations WHERE officer_id IS NOT NULL
     UNION SELECT channel_changed_by FROM declarations WHERE channel_changed_by IS NOT NULL
     UNION SELECT declarant_id FROM declarations UNION SELECT trader_id FROM declarations
     UNION SELECT officer_id FROM officers
     UNION SELECT unit_id FROM analysis_units WHERE kind <> 'office'`,
  );
  return {
    dir,
    file,
    warehouse,
    realIds: ids.map((r) => r.id),
    async cleanup() {
      warehouse.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Real ids found anywhere in a response body (an empty list is the expected answer). */
export function leakedIds(body: string, realIds: readonly string[]): string[] {
  return realIds.filter((id) => body.includes(id));
}
