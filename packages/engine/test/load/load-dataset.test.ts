import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../src/warehouse/index.js';
import { execute, openWarehouse, queryValues } from '../../src/warehouse/index.js';
import { listRejects, loadDataset, warehouseStatus } from '../../src/load/index.js';

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/load/', import.meta.url));
const fixture = (name: string) => path.join(fixtures, name);

let warehouse: Warehouse;
beforeEach(async () => {
  warehouse = await openWarehouse(':memory:');
});
afterEach(() => warehouse.close());

/** [table, line, column, reason] of every reject, in file and line order. */
async function rejects(): Promise<[string, number, string | null, string][]> {
  return (await listRejects(warehouse.connection)).map((r) => [
    r.table,
    r.line,
    r.column,
    r.reason,
  ]);
}

/** read/accepted/rejected per table present in the dataset. */
function counts(summary: Awaited<ReturnType<typeof loadDataset>>) {
  return Object.fromEntries(
    Object.entries(summary.tables)
      .filter(([, t]) => t.file !== null)
      .map(([name, t]) => [name, [t.read, t.accepted, t.rejected]]),
  );
}

const cases: {
  name: string;
  rule: string;
  counts: Record<string, [number, number, number]>;
  rejects: [string, number, string | null, string][];
}[] = [
  {
    name: 'bad-number',
    rule: 'rejects a number written with a decimal comma',
    counts: { declarations: [3, 2, 1] },
    rejects: [
      ['declarations', 4, 'declared_value', "'12,5' is not a number with . as decimal point"],
    ],
  },
  {
    name: 'required-missing',
    rule: 'rejects a row whose required value is empty',
    counts: { declarations: [2, 1, 1] },
    rejects: [['declarations', 3, 'office_code', 'required value is missing']],
  },
  {
    name: 'unknown-channel',
    rule: 'rejects an unknown channel and accepts a known one in capitals',
    counts: { declarations: [3, 2, 1] },
    rejects: [
      [
        'declarations',
        3,
        'final_channel',
        "'purple' is not an allowed final_channel (allowed: green, yellow, red, blue)",
      ],
    ],
  },
  {
    name: 'unknown-codes',
    rule: 'rejects unknown procedure, outcome, transport mode, assignment and country codes',
    counts: { declarations: [6, 1, 5] },
    rejects: [
      [
        'declarations',
        3,
        'procedure',
        "'imports' is not an allowed procedure (allowed: import, export, transit)",
      ],
      [
        'declarations',
        4,
        'outcome',
        "'found' is not an allowed outcome (allowed: no_finding, finding)",
      ],
      [
        'declarations',
        5,
        'transport_mode',
        "'6' is not an allowed transport_mode (allowed: 1, 2, 3, 4, 5, 7, 8, 9)",
      ],
      [
        'declarations',
        6,
        'assignment',
        "'random' is not an allowed assignment (allowed: auto, manual)",
      ],
      ['declarations', 7, 'partner_country', "'UK' is not an ISO 3166-1 alpha-2 country code"],
    ],
  },
  {
    name: 'bad-boolean',
    rule: 'rejects a boolean that is not true/false, 1/0 or yes/no',
    counts: { declarations: [3, 2, 1] },
    rejects: [['declarations', 4, 'inspected', "'maybe' is not true/false, 1/0 or yes/no"]],
  },
  {
    name: 'duplicate-id',
    rule: 'keeps the first of two rows with the same declaration_id and rejects the second',
    counts: { declarations: [3, 2, 1] },
    rejects: [
      ['declarations', 4, 'declaration_id', "repeats declaration_id 'D1' first seen on line 2"],
    ],
  },
  {
    name: 'release-before-lodgement',
    rule: 'rejects a release before lodgement',
    counts: { declarations: [2, 1, 1] },
    rejects: [
      [
        'declarations',
        3,
        'released_at',
        'released_at 2025-03-14 09:29:59 is before lodged_at 2025-03-14 09:30:00: goods cannot be released before the declaration was lodged',
      ],
    ],
  },
  {
    name: 'negative-money',
    rule: 'rejects negative money and mass',
    counts: { declarations: [2, 1, 1], items: [1, 0, 1] },
    rejects: [
      ['declarations', 3, 'declared_duty', 'negative value -1 is not allowed'],
      ['items', 2, 'net_mass_kg', 'negative value -5 is not allowed'],
    ],
  },
  {
    name: 'bad-dates',
    rule: 'rejects dates that do not parse, timestamps without a time, and postings that end before they start',
    counts: { declarations: [4, 1, 3], officers: [3, 1, 2] },
    rejects: [
      [
        'declarations',
        3,
        'lodged_at',
        "'2025-02-30T10:00:00' is not an ISO 8601 date and time such as 2025-03-14T09:30:00",
      ],
      [
        'declarations',
        4,
        'lodged_at',
        "'14/03/2025 09:30' is not an ISO 8601 date and time such as 2025-03-14T09:30:00",
      ],
      [
        'declarations',
        5,
        'released_at',
        "'2025-03-14' has no time of day (expected an ISO 8601 date and time such as 2025-03-14T09:30:00)",
      ],
      ['officers', 3, 'valid_from', "'2025-13-01' is not a date YYYY-MM-DD"],
      [
        'officers',
        4,
        'valid_to',
        'valid_to 2025-05-31 is before valid_from 2025-06-01: a posting cannot end before it starts',
      ],
    ],
  },
  {
    name: 'orphans',
    rule: 'rejects items and milestones whose declaration is missing or rejected',
    counts: { declarations: [2, 1, 1], items: [4, 1, 3], milestones: [3, 1, 2] },
    rejects: [
      ['declarations', 3, 'declared_value', "'x' is not a number with . as decimal point"],
      ['items', 3, 'declaration_id', "declaration 'D9' is not in declarations"],
      ['items', 4, 'declaration_id', "declaration 'D2' was rejected (see its row in declarations)"],
      [
        'items',
        5,
        'declaration_id',
        "repeats declaration_id + item_no 'D1 / 1' first seen on line 2",
      ],
      ['milestones', 3, 'declaration_id', "declaration 'D7' is not in declarations"],
      [
        'milestones',
        4,
        'milestone',
        "'gate_out' is not an allowed milestone (allowed: arrival, lodgement, assessment, payment, inspection_start, inspection_end, release, exit)",
      ],
    ],
  },
  {
    name: 'hs-and-codes',
    rule: 'rejects HS codes, periods, unit and currency codes of the wrong shape, item 0 and a zero exchange rate',
    counts: {
      declarations: [1, 1, 0],
      items: [5, 1, 4],
      partner_exports: [2, 1, 1],
      fx_rates: [4, 1, 3],
    },
    rejects: [
      ['fx_rates', 3, 'currency', "'FCFA' is not an ISO 4217 currency code"],
      ['fx_rates', 4, 'period', "'2025-3' does not have the expected shape: `YYYY-MM`"],
      ['fx_rates', 5, 'per_usd', '0 must be above 0'],
      [
        'items',
        3,
        'hs_code',
        "'87.03.23' does not have the expected shape: 6 to 10 digits, leading zeros kept",
      ],
      [
        'items',
        4,
        'hs_code',
        "'12345' does not have the expected shape: 6 to 10 digits, leading zeros kept",
      ],
      [
        'items',
        5,
        'quantity_unit',
        "'kilogram' does not have the expected shape: a UN/ECE Rec. 20 code: 2 or 3 capital letters or digits",
      ],
      ['items', 6, 'item_no', '0 must be at least 1'],
      ['partner_exports', 3, 'hs6', "'8703' does not have the expected shape: exactly 6 digits"],
    ],
  },
  {
    name: 'field-count',
    rule: 'rejects rows with too few or too many fields',
    counts: { declarations: [4, 2, 2] },
    rejects: [
      ['declarations', 3, 'declared_duty', 'fewer fields than the header'],
      ['declarations', 4, null, 'more fields than the header'],
    ],
  },
  {
    name: 'latin1-rejected',
    rule: 'rejects a row holding Latin-1 bytes when the dataset does not say it is Latin-1',
    counts: { declarations: [2, 1, 1] },
    rejects: [
      [
        'declarations',
        2,
        'officer_id',
        'bytes that are not valid UTF-8 (if the file is Latin-1, say "encoding": "latin-1" in dataset.json)',
      ],
    ],
  },
  {
    name: 'real-export',
    rule: 'counts physical lines across a quoted line break (BOM, CRLF, reordered columns)',
    counts: { declarations: [4, 3, 1] },
    rejects: [
      [
        'declarations',
        5,
        'final_channel',
        "'purple' is not an allowed final_channel (allowed: green, yellow, red, blue)",
      ],
    ],
  },
];

describe('loadDataset on the bad-input corpus', () => {
  for (const c of cases) {
    it(`${c.rule} (${c.name})`, async () => {
      const summary = await loadDataset(warehouse.connection, fixture(c.name));
      expect(counts(summary)).toEqual(c.counts);
      expect(await rejects()).toEqual(c.rejects);
      for (const t of Object.values(summary.tables)) expect(t.read).toBe(t.accepted + t.rejected);
    });
  }

  it('covers every fixture folder with a case', async () => {
    const folders = (await readdir(fixtures)).filter((f) => !f.startsWith('missing-'));
    const covered = new Set([...cases.map((c) => c.name), 'latin1-declared']);
    expect(folders.filter((f) => !covered.has(f))).toEqual([]);
  });
});

describe('loadDataset on what real exports contain', () => {
  it('keeps quoted commas, quotes and line breaks, and extra columns, word for word', async () => {
    const summary = await loadDataset(warehouse.connection, fixture('real-export'));
    expect(summary.extraColumns).toEqual({ declarations: ['broker_note'] });
    const rows = await queryValues<{ declaration_id: string; broker_note: string | null }>(
      warehouse.connection,
      'SELECT declaration_id, broker_note FROM declarations ORDER BY declaration_id',
    );
    expect(rows).toEqual([
      { declaration_id: 'D1', broker_note: 'plain, with a comma' },
      { declaration_id: 'D2', broker_note: 'two\r\nlines and "quotes"' },
      { declaration_id: 'D4', broker_note: null },
    ]);
    const [reject] = await listRejects(warehouse.connection);
    expect(reject?.values).toMatchObject({
      declaration_id: 'D3',
      final_channel: 'purple',
      broker_note: 'after the multi-line field',
    });
  });

  it('decodes Latin-1 when dataset.json says so', async () => {
    const summary = await loadDataset(warehouse.connection, fixture('latin1-declared'));
    expect(counts(summary)).toEqual({ declarations: [2, 2, 0] });
    const rows = await queryValues<{ officer_id: string }>(
      warehouse.connection,
      "SELECT officer_id FROM declarations WHERE declaration_id = 'D1'",
    );
    expect(rows).toEqual([{ officer_id: 'René' }]);
  });

  it('converts timestamps with an offset to the dataset time zone', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'probity-tz-'));
    try {
      await writeFile(
        path.join(dir, 'declarations.csv'),
        'declaration_id,office_code,procedure,lodged_at,declarant_id,trader_id,risk_channel,final_channel,inspected,declared_value,declared_duty\n' +
          'D1,X,import,2025-03-14T09:30:00+02:00,B,T,green,green,false,1,0\n' +
          'D2,X,import,2025-03-14T09:30:00Z,B,T,green,green,false,1,0\n' +
          'D3,X,import,2025-03-14 09:30,B,T,green,green,false,1,0\n',
      );
      await writeFile(path.join(dir, 'dataset.json'), '{"timezone": "Africa/Douala"}');
      await loadDataset(warehouse.connection, dir);
      const rows = await queryValues<{ t: string }>(
        warehouse.connection,
        'SELECT CAST(lodged_at AS VARCHAR) AS t FROM declarations ORDER BY declaration_id',
      );
      // Douala is UTC+1 all year: 09:30+02:00 = 08:30 local, 09:30Z = 10:30 local.
      expect(rows.map((r) => r.t)).toEqual([
        '2025-03-14 08:30:00',
        '2025-03-14 10:30:00',
        '2025-03-14 09:30:00',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('loads the same rows from Parquet and from a zip as from CSV', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'probity-formats-'));
    try {
      const csvSummary = await loadDataset(warehouse.connection, fixture('orphans'));
      const parquetDir = path.join(dir, 'parquet');
      await mkdir(parquetDir);
      for (const t of ['declarations', 'items', 'milestones']) {
        const src = path.join(fixture('orphans'), `${t}.csv`);
        await execute(
          warehouse.connection,
          `COPY (SELECT * FROM read_csv($1, all_varchar = true)) TO '${path.join(parquetDir, `${t}.parquet`)}' (FORMAT parquet)`,
          [src],
        );
      }
      const parquetSummary = await loadDataset(warehouse.connection, parquetDir);
      expect(counts(parquetSummary)).toEqual(counts(csvSummary));
      const parquetRejects = (await rejects()).map(([t, line, col]) => [t, line, col]);
      // Parquet has no header line: the line is the row number.
      expect(parquetRejects).toEqual([
        ['declarations', 2, 'declared_value'],
        ['items', 2, 'declaration_id'],
        ['items', 3, 'declaration_id'],
        ['items', 4, 'declaration_id'],
        ['milestones', 2, 'declaration_id'],
        ['milestones', 3, 'milestone'],
      ]);

      const files: Record<string, Uint8Array> = {};
      for (const f of await readdir(fixture('orphans'))) {
        files[`export/${f}`] = new Uint8Array(await readFile(path.join(fixture('orphans'), f)));
      }
      const zip = path.join(dir, 'export.zip');
      await writeFile(zip, zipSync(files));
      const zipSummary = await loadDataset(warehouse.connection, zip);
      expect(counts(zipSummary)).toEqual(counts(csvSummary));
      expect(zipSummary.tables['items']?.sha256).toBe(csvSummary.tables['items']?.sha256);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('loadDataset line numbers on a large file', () => {
  it('keeps physical line numbers exact across a parallel read of several megabytes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'probity-lines-'));
    try {
      const header =
        'declaration_id,office_code,procedure,lodged_at,declarant_id,trader_id,risk_channel,final_channel,inspected,declared_value,declared_duty,note\n';
      const rows: string[] = [];
      for (let i = 0; i < 250_000; i++) {
        const channel = i === 200_000 ? 'purple' : 'green';
        const note = i === 1_000 || i === 150_000 ? '"two\nlines"' : 'plain';
        const fields =
          i === 100_000
            ? 'X'
            : `D${i},CMDLA,import,2025-03-14T09:30:00,B1,T1,green,${channel},false,1,0,${note}`;
        rows.push(fields);
      }
      await writeFile(path.join(dir, 'declarations.csv'), header + rows.join('\n') + '\n');
      const summary = await loadDataset(warehouse.connection, dir);
      expect(summary.tables['declarations']).toMatchObject({ read: 250_000, rejected: 2 });
      // Row i sits on line i + 2, plus one for each earlier quoted line break
      // (after rows 1,000 and 150,000): row 100,000 on line 100,003 and row
      // 200,000 on line 200,004.
      expect((await rejects()).map(([, line, column]) => [line, column])).toEqual([
        [100_003, 'office_code'],
        [200_004, 'final_channel'],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('loadDataset keeps the warehouse whole', () => {
  it('replaces the previous load instead of doubling it', async () => {
    await loadDataset(warehouse.connection, fixture('orphans'));
    await loadDataset(warehouse.connection, fixture('orphans'));
    const status = await warehouseStatus(warehouse.connection);
    expect(status.tables['declarations']).toEqual({ rows: 1 });
    expect(status.tables['items']).toEqual({ rows: 1 });
    expect(status.loads).toBe(2);
    expect(await listRejects(warehouse.connection)).toHaveLength(6);
  });

  it('stops on a missing required column, naming file and column, and changes nothing', async () => {
    await loadDataset(warehouse.connection, fixture('duplicate-id'));
    const before = await warehouseStatus(warehouse.connection);
    await expect(loadDataset(warehouse.connection, fixture('missing-column'))).rejects.toThrow(
      'declarations.csv: required column trader_id is missing (found Trader_ID: column names are lower case)',
    );
    expect(await warehouseStatus(warehouse.connection)).toEqual(before);
  });

  it('stops on a missing required table and changes nothing', async () => {
    await loadDataset(warehouse.connection, fixture('duplicate-id'));
    const before = await warehouseStatus(warehouse.connection);
    await expect(loadDataset(warehouse.connection, fixture('missing-table'))).rejects.toMatchObject(
      {
        code: 'PROBITY_MISSING_TABLE',
      },
    );
    expect(await warehouseStatus(warehouse.connection)).toEqual(before);
  });

  it('stops on an unreadable dataset.json with the field and reason', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'probity-info-'));
    try {
      await writeFile(
        path.join(dir, 'declarations.csv'),
        await readFile(path.join(fixture('duplicate-id'), 'declarations.csv')),
      );
      await writeFile(path.join(dir, 'dataset.json'), '{"timezone": "Mars/Olympus"}');
      await expect(loadDataset(warehouse.connection, dir)).rejects.toThrow(
        /dataset.json: field timezone: not an IANA time zone name/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
