import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAnalysisBase, parseAnalysisConfig } from '../../src/analysis/index.js';
import {
  buildEventTable,
  buildIntegrityBase,
  offHoursSql,
  standardisedIndicators,
  standardisedRows,
} from '../../src/indicators/index.js';
import { loadDataset } from '../../src/load/index.js';
import type { Warehouse } from '../../src/warehouse/index.js';
import { openWarehouse, queryValues } from '../../src/warehouse/index.js';

const header =
  'declaration_id,office_code,procedure,lodged_at,released_at,declarant_id,trader_id,risk_channel,final_channel,officer_id,assignment,inspected,declared_value,declared_duty';

/** `count` declarations of an officer in an office, `downgraded` of them sent green. */
function rows(
  prefix: string,
  office: string,
  officer: string,
  risk: 'red' | 'yellow',
  count: number,
  downgraded: number,
): string[] {
  return Array.from({ length: count }, (_, i) => {
    const final = i < downgraded ? 'green' : risk;
    return `${prefix}${i},${office},import,2025-02-03T09:00:00,2025-02-03T15:00:00,B1,T1,${risk},${final},${officer},auto,false,100,10`;
  });
}

let dir: string;
let warehouse: Warehouse;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'probity-integrity-'));
  warehouse = await openWarehouse(':memory:');
});
afterEach(async () => {
  warehouse.close();
  await rm(dir, { recursive: true, force: true });
});

describe('indirect standardisation of the downgrade indicator', () => {
  it('computes O, E and V with the unit left out of its peers, stratum by stratum', async () => {
    const lines = [
      header,
      // Office A, red: N = 40 declarations, S = 7 downgrades.
      ...rows('A1r', 'A', 'O1', 'red', 10, 4),
      ...rows('A2r', 'A', 'O2', 'red', 20, 2),
      ...rows('A3r', 'A', 'O3', 'red', 10, 1),
      // Office A, yellow: N = 10, S = 1.
      ...rows('A1y', 'A', 'O1', 'yellow', 5, 0),
      ...rows('A2y', 'A', 'O2', 'yellow', 5, 1),
      // Office B, red: O3 alone, so these rows have no peers and are left out.
      ...rows('B3r', 'B', 'O3', 'red', 5, 3),
    ];
    await writeFile(path.join(dir, 'declarations.csv'), lines.join('\n') + '\n');
    await loadDataset(warehouse.connection, dir);
    const config = parseAnalysisConfig({});
    await buildAnalysisBase(warehouse.connection, config);
    await buildIntegrityBase(warehouse.connection, config);
    const downgrade = standardisedIndicators.find((i) => i.id === 'downgrade');
    if (!downgrade) throw new Error('downgrade missing from the catalogue');
    await buildEventTable(warehouse.connection, downgrade);
    const result = await standardisedRows(warehouse.connection, config, downgrade, 'officer');
    // By hand, with p = (S − o)/(N − n) and V = (n + n²/(N − n))·p(1 − p):
    // O1: red p = 3/30 = 0.1, E = 1, V = (10 + 100/30)·0.09 = 1.2;
    //     yellow p = 1/5 = 0.2, E = 1, V = (5 + 25/5)·0.16 = 1.6.  → O 4, E 2, V 2.8, n 15.
    // O2: red p = 5/20 = 0.25, E = 5, V = (20 + 400/20)·0.1875 = 7.5;
    //     yellow p = 0/5 = 0, E = 0, V = 0.                        → O 3, E 5, V 7.5, n 25.
    // O3: A red p = 6/30 = 0.2, E = 2, V = (10 + 100/30)·0.16 = 2.1333;
    //     B red: no peers, left out (n_all 15, n 10).               → O 1, E 2, n 10.
    const byUnit = Object.fromEntries(result.map((r) => [r.unit, r]));
    expect(byUnit['O1']).toMatchObject({ office: 'A', n: 15, nAll: 15, observed: 4 });
    expect(byUnit['O1']?.expected).toBeCloseTo(2, 12);
    expect(byUnit['O1']?.variance).toBeCloseTo(2.8, 12);
    expect(byUnit['O2']).toMatchObject({ n: 25, observed: 3 });
    expect(byUnit['O2']?.expected).toBeCloseTo(5, 12);
    expect(byUnit['O2']?.variance).toBeCloseTo(7.5, 12);
    expect(byUnit['O3']).toMatchObject({ n: 10, nAll: 15, observed: 1 });
    expect(byUnit['O3']?.expected).toBeCloseTo(2, 12);
    expect(byUnit['O3']?.variance).toBeCloseTo(32 / 15, 12);

    // Offices are compared across offices, without the office stratum:
    // red N = 45, S = 10; A has 40 red (7), B 5 red (3).
    const offices = await standardisedRows(warehouse.connection, config, downgrade, 'office');
    const a = offices.find((r) => r.unit === 'A');
    // A: red p = 3/5 = 0.6, E = 24; yellow has no other office, left out.
    expect(a).toMatchObject({ n: 40, nAll: 50, observed: 7 });
    expect(a?.expected).toBeCloseTo(24, 12);
  });

  it('counts a release off hours by weekday and hour, with per-office hours', async () => {
    const config = parseAnalysisConfig({
      officeWorkingHours: { AIR: { start: 0, end: 24, days: [1, 2, 3, 4, 5, 6, 7] } },
    });
    const sql = offHoursSql(config, 't', 'o');
    const cases = await queryValues<{ o: string; t: string; off: boolean }>(
      warehouse.connection,
      `SELECT o, CAST(t AS VARCHAR) AS t, ${sql} AS off FROM (VALUES
        ('PORT', TIMESTAMP '2025-02-03 09:00:00'), -- Monday 09:00: working hours
        ('PORT', TIMESTAMP '2025-02-03 18:00:00'), -- Monday 18:00: the day has ended
        ('PORT', TIMESTAMP '2025-02-03 06:59:00'), -- Monday before 07:00
        ('PORT', TIMESTAMP '2025-02-08 10:00:00'), -- Saturday
        ('AIR', TIMESTAMP '2025-02-08 03:00:00')   -- the airport works around the clock
      ) AS v(o, t)`,
    );
    expect(cases.map((c) => c.off)).toEqual([false, true, true, true, false]);
  });
});
