import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnSpec } from '../../src/contract/index.js';
import { contractTables, datasetInfoSchema } from '../../src/contract/index.js';
import { DemoError, generateDemo } from '../../src/demo/index.js';
import type { DemoSummary } from '../../src/demo/index.js';
import { loadDataset } from '../../src/load/index.js';
import { openWarehouse } from '../../src/warehouse/index.js';
import { readCsv } from './read-csv.js';
import type { ParsedCsv } from './read-csv.js';

const declarations = 3000;
let root: string;
let first: string;
let summary: DemoSummary;
const tables = new Map<string, ParsedCsv>();

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'probity-demo-'));
  first = path.join(root, 'a');
  summary = await generateDemo({
    dir: first,
    declarations,
    seed: 7,
    truthFile: path.join(root, 'truth.json'),
  });
  for (const t of contractTables) tables.set(t.name, readCsv(path.join(first, `${t.name}.csv`)));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const table = (name: string): ParsedCsv => {
  const t = tables.get(name);
  if (!t) throw new Error(`${name} not generated`);
  return t;
};

const timestamp = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
const date = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const decimal = /^-?\d+(\.\d+)?$/;

/** Why a value breaks its column's contract rules, or null when it is fine. */
function breach(column: ColumnSpec, value: string): string | null {
  if (value === '') return column.required ? 'required value is missing' : null;
  switch (column.type) {
    case 'timestamp':
      if (!timestamp.test(value) || Number.isNaN(Date.parse(`${value}Z`))) return 'bad timestamp';
      break;
    case 'date':
      if (!date.test(value) || Number.isNaN(Date.parse(value))) return 'bad date';
      break;
    case 'decimal':
      if (!decimal.test(value)) return 'bad decimal';
      break;
    case 'integer':
      if (!/^-?\d+$/.test(value)) return 'bad integer';
      break;
    case 'boolean':
      if (value !== 'true' && value !== 'false') return 'bad boolean';
      break;
    case 'text':
      break;
  }
  if (column.codeList && !column.codeList.codes.includes(value)) return 'unknown code';
  if (column.shape && !new RegExp(`^(?:${column.shape.pattern})$`).test(value)) return 'bad shape';
  const n = Number(value);
  if (column.nonNegative && n < 0) return 'negative';
  if (column.min !== undefined && n < column.min) return 'below minimum';
  if (column.max !== undefined && n > column.max) return 'above maximum';
  return null;
}

describe('generateDemo', () => {
  it('writes every contract table and dataset.json, and nothing else, into the folder', async () => {
    const files = (await readdir(first)).sort();
    expect(files).toEqual([...contractTables.map((t) => `${t.name}.csv`), 'dataset.json'].sort());
    const info = JSON.parse(await readFile(path.join(first, 'dataset.json'), 'utf8'));
    expect(datasetInfoSchema.safeParse(info).success).toBe(true);
    expect(info).toMatchObject({ country: 'CM', currency: 'XAF', timezone: 'Africa/Douala' });
  });

  it('writes each file with exactly the contract columns, in contract order', () => {
    for (const t of contractTables) {
      expect(table(t.name).header, t.name).toEqual(t.columns.map((c) => c.name));
      expect(table(t.name).ragged, t.name).toBe(0);
    }
  });

  it('writes the requested number of declarations and reports the row counts it wrote', () => {
    expect(table('declarations').rows).toHaveLength(declarations);
    for (const t of contractTables) {
      expect(summary.rows[t.name], t.name).toBe(table(t.name).rows.length);
    }
    expect(table('items').rows.length).toBeGreaterThan(declarations * 1.5);
  });

  it('writes only values that pass the contract rules of their column', () => {
    const problems: string[] = [];
    for (const t of contractTables) {
      for (const [i, row] of table(t.name).rows.entries()) {
        for (const column of t.columns) {
          const why = breach(column, row[column.name] ?? '');
          if (why && problems.length < 10) {
            problems.push(`${t.name} row ${i + 2} ${column.name}=${row[column.name]}: ${why}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('never repeats a key, and never releases before lodgement', () => {
    for (const t of contractTables) {
      if (!t.key) continue;
      const keys = table(t.name).rows.map((r) => t.key?.map((k) => r[k]).join('\u0000'));
      expect(new Set(keys).size, t.name).toBe(keys.length);
    }
    for (const d of table('declarations').rows) {
      if (d['released_at']) expect(d['released_at'] >= (d['lodged_at'] ?? '')).toBe(true);
    }
    for (const p of table('officers').rows) {
      if (p['valid_to']) expect(p['valid_to'] >= (p['valid_from'] ?? '')).toBe(true);
    }
  });

  it('gives every item and milestone its declaration, and items numbered from 1', () => {
    const ids = new Set(table('declarations').rows.map((d) => d['declaration_id']));
    for (const name of ['items', 'milestones']) {
      const orphans = table(name).rows.filter((r) => !ids.has(r['declaration_id']));
      expect(orphans, name).toEqual([]);
    }
    const withItems = new Set(table('items').rows.map((r) => r['declaration_id']));
    expect(withItems.size).toBe(ids.size);
    const firstLines = table('items').rows.filter((r) => r['item_no'] === '1');
    expect(firstLines).toHaveLength(ids.size);
  });

  it('keeps declarations consistent: totals of items, officers of offices, channel changes', () => {
    const itemTotals = new Map<string, number>();
    for (const it of table('items').rows) {
      const id = it['declaration_id'] ?? '';
      itemTotals.set(id, (itemTotals.get(id) ?? 0) + Number(it['declared_value']));
    }
    const officers = new Set(table('officers').rows.map((r) => r['officer_id']));
    const offices = new Set(table('offices').rows.map((r) => r['office_code']));
    for (const d of table('declarations').rows) {
      expect(Number(d['declared_value'])).toBe(itemTotals.get(d['declaration_id'] ?? ''));
      expect(offices.has(d['office_code'])).toBe(true);
      if (d['officer_id']) expect(officers.has(d['officer_id'])).toBe(true);
      expect(d['channel_changed_by'] !== '').toBe(d['risk_channel'] !== d['final_channel']);
      if (d['inspected'] === 'true') expect(d['final_channel']).toBe('red');
      if (d['assessed_duty']) expect(d['outcome']).toBe('finding');
    }
  });

  it('puts the lodgement and release milestones exactly at lodged_at and released_at', () => {
    const byId = new Map(table('declarations').rows.map((d) => [d['declaration_id'], d]));
    let releases = 0;
    for (const m of table('milestones').rows) {
      const d = byId.get(m['declaration_id']);
      if (m['milestone'] === 'lodgement') expect(m['at']).toBe(d?.['lodged_at']);
      if (m['milestone'] === 'release') {
        releases++;
        expect(m['at']).toBe(d?.['released_at']);
      }
    }
    const released = table('declarations').rows.filter((d) => d['released_at']).length;
    expect(releases).toBe(released);
    expect(released).toBeLessThan(declarations);
  });

  it('orders each timeline: lodgement, assessment, payment, inspection, release, exit; arrival before release', () => {
    const order = [
      'lodgement',
      'assessment',
      'payment',
      'inspection_start',
      'inspection_end',
      'release',
      'exit',
    ];
    const timelines = new Map<string, Map<string, string>>();
    for (const m of table('milestones').rows) {
      const id = m['declaration_id'] ?? '';
      const line = timelines.get(id) ?? new Map<string, string>();
      line.set(m['milestone'] ?? '', m['at'] ?? '');
      timelines.set(id, line);
    }
    const disordered: string[] = [];
    for (const [id, line] of timelines) {
      const times = order.filter((k) => line.has(k)).map((k) => line.get(k) ?? '');
      const release = line.get('release');
      const arrival = line.get('arrival') ?? '';
      if (times.join() !== [...times].sort().join() || (release && arrival > release)) {
        disordered.push(id);
      }
    }
    expect(disordered).toEqual([]);
    const inspected = table('declarations').rows.filter(
      (d) => d['inspected'] === 'true' && d['released_at'],
    );
    for (const d of inspected.slice(0, 200)) {
      expect(timelines.get(d['declaration_id'] ?? '')?.has('inspection_start')).toBe(true);
    }
  });

  it('writes HS codes as 8 to 10 digit text with leading zeros kept', () => {
    const codes = table('items').rows.map((r) => r['hs_code'] ?? '');
    expect(codes.every((c) => /^\d{8,10}$/.test(c))).toBe(true);
    expect(codes.some((c) => c.startsWith('0'))).toBe(true);
  });

  it('quotes a field holding a comma, as RFC 4180 requires', async () => {
    const text = await readFile(path.join(first, 'offices.csv'), 'utf8');
    expect(text).toContain('"Douala Port, Bureau des Douanes du Port"');
    expect(table('offices').rows[0]?.['name']).toBe('Douala Port, Bureau des Douanes du Port');
  });

  it('is deterministic: the same seed gives byte-identical files, another seed different ones', async () => {
    const again = path.join(root, 'b');
    const other = path.join(root, 'c');
    await generateDemo({ dir: again, declarations, seed: 7 });
    await generateDemo({ dir: other, declarations, seed: 8 });
    for (const file of await readdir(first)) {
      const a = await readFile(path.join(first, file));
      expect(a.equals(await readFile(path.join(again, file))), file).toBe(true);
    }
    const a = await readFile(path.join(first, 'declarations.csv'));
    expect(a.equals(await readFile(path.join(other, 'declarations.csv')))).toBe(false);
  });

  it('writes the truth only to the truth file, never into the dataset folder', async () => {
    const truth = JSON.parse(await readFile(path.join(root, 'truth.json'), 'utf8'));
    expect(truth).toEqual(JSON.parse(JSON.stringify(summary.truth)));
    for (const file of await readdir(first)) {
      const text = await readFile(path.join(first, file), 'utf8');
      expect(text, file).not.toMatch(/corrupt|collud|scheme|pair_concentration|truth/i);
    }
    await expect(
      generateDemo({
        dir: path.join(root, 'd'),
        declarations: 10,
        truthFile: path.join(root, 'd', 't.json'),
      }),
    ).rejects.toThrow(DemoError);
    expect(existsSync(path.join(root, 'd', 't.json'))).toBe(false);
  });

  it('describes in the truth every officer of officers.csv and the planted pairs', () => {
    const truth = summary.truth;
    const ids = new Set(table('officers').rows.map((r) => r['officer_id']));
    expect(new Set(truth.officers.map((o) => o.officer_id))).toEqual(ids);
    const corrupt = truth.officers.filter((o) => o.corrupt);
    expect(corrupt.length).toBeGreaterThanOrEqual(6);
    expect(corrupt.length).toBeLessThanOrEqual(10);
    expect(truth.pairs.length).toBeGreaterThanOrEqual(3);
    const planted = new Set(corrupt.flatMap((o) => o.schemes));
    for (const s of [
      'downgrade',
      'red_uninspected',
      'low_detection',
      'low_uplift',
      'manual_assignment',
      'fast_red',
      'undervaluation',
      'pair_concentration',
      'off_hours',
    ]) {
      expect(planted.has(s as never), s).toBe(true);
    }
    for (const o of truth.officers) if (!o.corrupt) expect(o.schemes).toEqual([]);
    const traps = new Set(truth.officers.flatMap((o) => o.traps));
    expect([...traps].sort()).toEqual([
      'able_inspector',
      'high_risk_office',
      'low_volume',
      'rotating',
    ]);
  });

  it('refuses a number of declarations that is not a positive whole number', async () => {
    await expect(generateDemo({ dir: path.join(root, 'e'), declarations: 0 })).rejects.toThrow(
      /--declarations/,
    );
    await expect(generateDemo({ dir: path.join(root, 'e'), declarations: 2.5 })).rejects.toThrow(
      DemoError,
    );
  });

  it('loads into the warehouse with zero rejects', async () => {
    const warehouse = await openWarehouse(':memory:');
    try {
      const loaded = await loadDataset(warehouse.connection, first);
      expect(loaded.rejected).toBe(0);
      expect(loaded.accepted).toBe(loaded.read);
      expect(loaded.tables['declarations']?.accepted).toBe(declarations);
    } finally {
      warehouse.close();
    }
  });
});
