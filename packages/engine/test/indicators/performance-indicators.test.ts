import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAnalysisBase, parseAnalysisConfig } from '../../src/analysis/index.js';
import type {
  PerformanceIndicatorId,
  PerformanceResult,
  PerformanceRow,
} from '../../src/indicators/index.js';
import {
  analysisBaseExistsSql,
  daysPerMonth,
  performanceCatalogue,
  performanceDeclarationsSql,
  performanceIndicators,
  performancePostingsSql,
  performanceTable,
  postingLengthsSql,
} from '../../src/indicators/index.js';
import type { Warehouse } from '../../src/warehouse/index.js';
import { execute, queryValues } from '../../src/warehouse/index.js';
import {
  declaration,
  emptyContractWarehouse,
  hoursAfter,
  insertRows,
} from './performance-warehouse.js';

const config = parseAnalysisConfig({ period: 'quarter' });

let warehouse: Warehouse;
beforeEach(async () => {
  warehouse = await emptyContractWarehouse();
});
afterEach(() => warehouse.close());

/**
 * Eight declarations at two offices over two quarters:
 *
 * | id | office | quarter | risk → final | inspected | outcome | declared → assessed | assignment | release h |
 * |----|--------|---------|--------------|-----------|---------|---------------------|------------|-----------|
 * | P1 | A | Q1 | green → green  | no  |            | 100 → (100) | auto   | 2    |
 * | P2 | A | Q1 | red → red      | yes | finding    | 200 → 260   | manual | 30   |
 * | P3 | A | Q1 | red → green    | no  |            | 50 → (50)   | manual | 1    |
 * | P4 | A | Q1 | yellow → yellow| no  |            | 80 → 70     | (none) | 10   |
 * | P5 | A | Q2 | red → red      | yes | no_finding | 100 → 100   | auto   | 50   |
 * | P6 | A | Q2 | blue → blue    | no  |            | 40 → (40)   | auto   | not released |
 * | P7 | B | Q1 | green → red    | yes | finding    | 300 → 400   | auto   | 3000 (excluded) |
 * | P8 | B | Q1 | green → green  | no  |            | 10 → (10)   | (none) | 20   |
 */
async function loadDeclarations(): Promise<void> {
  const rows: [
    string,
    string,
    string,
    string,
    string,
    boolean,
    string | null,
    number,
    number | null,
    string | null,
    number | null,
  ][] = [
    ['P1', 'A', '2025-01-05 09:00:00', 'green', 'green', false, null, 100, null, 'auto', 2],
    ['P2', 'A', '2025-02-05 09:00:00', 'red', 'red', true, 'finding', 200, 260, 'manual', 30],
    ['P3', 'A', '2025-03-05 09:00:00', 'red', 'green', false, null, 50, null, 'manual', 1],
    ['P4', 'A', '2025-03-20 09:00:00', 'yellow', 'yellow', false, null, 80, 70, null, 10],
    ['P5', 'A', '2025-05-15 10:00:00', 'red', 'red', true, 'no_finding', 100, 100, 'auto', 50],
    ['P6', 'A', '2025-04-02 09:00:00', 'blue', 'blue', false, null, 40, null, 'auto', null],
    ['P7', 'B', '2025-01-15 09:00:00', 'green', 'red', true, 'finding', 300, 400, 'auto', 3000],
    ['P8', 'B', '2025-02-15 09:00:00', 'green', 'green', false, null, 10, null, null, 20],
  ];
  await insertRows(
    warehouse.connection,
    'declarations',
    rows.map(
      ([
        id,
        office,
        lodged,
        risk,
        final,
        inspected,
        outcome,
        declared,
        assessed,
        assignment,
        release,
      ]) =>
        declaration(id, {
          office_code: office,
          lodged_at: lodged,
          released_at: release === null ? null : hoursAfter(lodged, release),
          risk_channel: risk,
          final_channel: final,
          inspected,
          outcome,
          declared_duty: declared,
          assessed_duty: assessed,
          assignment,
        }),
    ),
  );
}

/**
 * Postings, the latest lodgement being 2025-05-15 (P5):
 * O1 at A 2024-01-01 – 2024-12-31, over before the data: left out;
 * O2 at A 2024-07-01 – 2025-03-31: 274 days, first quarter only;
 * O3 at A from 2025-02-01, current: to 2025-05-15, 104 days;
 * O4 at B 2025-01-01 – 2026-12-31: counted to 2025-05-15, 135 days;
 * O5 at B from 2025-06-01: starts after the latest lodgement, left out.
 */
async function loadPostings(): Promise<void> {
  await insertRows(warehouse.connection, 'officers', [
    { officer_id: 'O1', office_code: 'A', valid_from: '2024-01-01', valid_to: '2024-12-31' },
    { officer_id: 'O2', office_code: 'A', valid_from: '2024-07-01', valid_to: '2025-03-31' },
    { officer_id: 'O3', office_code: 'A', valid_from: '2025-02-01', valid_to: null },
    { officer_id: 'O4', office_code: 'B', valid_from: '2025-01-01', valid_to: '2026-12-31' },
    { officer_id: 'O5', office_code: 'B', valid_from: '2025-06-01', valid_to: null },
  ]);
}

function find(
  result: PerformanceResult,
  id: PerformanceIndicatorId,
  office: string | null,
  period: string | null,
): PerformanceRow {
  const row = result.rows.find(
    (r) => r.indicatorId === id && r.officeCode === office && r.period === period,
  );
  if (!row) throw new Error(`no row ${id} ${office} ${period}`);
  return row;
}

/** [value, numerator, denominator] of a row. */
const triple = (row: PerformanceRow) => [row.value, row.numerator, row.denominator];

describe('performanceIndicators', () => {
  it('computes channel shares, inspection rate and hit rate per office and quarter', async () => {
    await loadDeclarations();
    const result = await performanceIndicators(warehouse.connection, config);
    // Office A, first quarter: P1–P4.
    expect(triple(find(result, 'declarations_lodged', 'A', '2025-Q1'))).toEqual([4, 4, null]);
    expect(triple(find(result, 'share_green', 'A', '2025-Q1'))).toEqual([0.5, 2, 4]);
    expect(triple(find(result, 'share_yellow', 'A', '2025-Q1'))).toEqual([0.25, 1, 4]);
    expect(triple(find(result, 'share_red', 'A', '2025-Q1'))).toEqual([0.25, 1, 4]);
    expect(triple(find(result, 'share_blue', 'A', '2025-Q1'))).toEqual([0, 0, 4]);
    expect(triple(find(result, 'physical_inspection_rate', 'A', '2025-Q1'))).toEqual([0.25, 1, 4]);
    expect(triple(find(result, 'inspection_hit_rate', 'A', '2025-Q1'))).toEqual([1, 1, 1]);
    // Office A over both quarters: P1–P6, two inspections, one finding.
    expect(triple(find(result, 'inspection_hit_rate', 'A', null))).toEqual([0.5, 1, 2]);
    expect(triple(find(result, 'share_blue', 'A', null))).toEqual([1 / 6, 1, 6]);
    // Office B: P7 red, P8 green.
    expect(triple(find(result, 'share_red', 'B', null))).toEqual([0.5, 1, 2]);
    // Every office, first quarter: P1–P4, P7, P8.
    expect(triple(find(result, 'share_green', null, '2025-Q1'))).toEqual([0.5, 3, 6]);
    // Overall: 8 declarations, inspections P2, P5, P7, findings P2, P7.
    expect(triple(find(result, 'share_red', null, null))).toEqual([3 / 8, 3, 8]);
    expect(triple(find(result, 'inspection_hit_rate', null, null))).toEqual([2 / 3, 2, 3]);
    expect(triple(find(result, 'physical_inspection_rate', null, null))).toEqual([3 / 8, 3, 8]);
  });

  it('computes revenue collected, recovered by control and recovered per inspection', async () => {
    await loadDeclarations();
    const result = await performanceIndicators(warehouse.connection, config);
    // A Q1: collected 100 + 260 + 50 + 70; recovered 60 (P4's reduction counts 0).
    expect(triple(find(result, 'revenue_collected', 'A', '2025-Q1'))).toEqual([480, 480, null]);
    expect(triple(find(result, 'revenue_recovered', 'A', '2025-Q1'))).toEqual([60, 60, null]);
    expect(triple(find(result, 'recovery_per_inspection', 'A', '2025-Q1'))).toEqual([60, 60, 1]);
    // A overall: + P5 100 + P6 40; recovered 60 over 2 inspections.
    expect(triple(find(result, 'revenue_collected', 'A', null))).toEqual([620, 620, null]);
    expect(triple(find(result, 'recovery_per_inspection', 'A', null))).toEqual([30, 60, 2]);
    // Overall: + B 400 + 10; recovered 60 + 100 over 3 inspections.
    expect(triple(find(result, 'revenue_collected', null, null))).toEqual([1030, 1030, null]);
    expect(triple(find(result, 'revenue_recovered', null, null))).toEqual([160, 160, null]);
    const perInspection = find(result, 'recovery_per_inspection', null, null);
    expect(perInspection.value).toBeCloseTo(160 / 3, 10);
    expect([perInspection.numerator, perInspection.denominator]).toEqual([160, 3]);
  });

  it('computes channel override and manual assignment among declarations with an assignment', async () => {
    await loadDeclarations();
    const result = await performanceIndicators(warehouse.connection, config);
    expect(triple(find(result, 'channel_override_rate', 'A', '2025-Q1'))).toEqual([0.25, 1, 4]);
    expect(triple(find(result, 'channel_override_rate', null, null))).toEqual([0.25, 2, 8]);
    // A Q1: assigned P1, P2, P3; manual P2, P3.
    const manual = find(result, 'manual_assignment_rate', 'A', '2025-Q1');
    expect(manual.value).toBeCloseTo(2 / 3, 10);
    expect([manual.numerator, manual.denominator]).toEqual([2, 3]);
    // Overall: assigned P1, P2, P3, P5, P6, P7.
    expect(triple(find(result, 'manual_assignment_rate', null, null))).toEqual([2 / 6, 2, 6]);
    expect(triple(find(result, 'manual_assignment_rate', 'B', null))).toEqual([0, 0, 1]);
  });

  it('computes release times from lodged_at and released_at with the extreme-value rule', async () => {
    await loadDeclarations();
    const result = await performanceIndicators(warehouse.connection, config);
    // A Q1: 1, 2, 10, 30 → median 6, mean 10.75, p90 = 10 + 0.7 · 20 = 24.
    expect(triple(find(result, 'release_time_median', 'A', '2025-Q1'))).toEqual([6, null, 4]);
    expect(triple(find(result, 'release_time_mean', 'A', '2025-Q1'))).toEqual([10.75, 43, 4]);
    expect(find(result, 'release_time_p90', 'A', '2025-Q1').value).toBeCloseTo(24, 10);
    expect(triple(find(result, 'release_within_24h', 'A', '2025-Q1'))).toEqual([0.75, 3, 4]);
    expect(triple(find(result, 'release_within_48h', 'A', '2025-Q1'))).toEqual([1, 4, 4]);
    // B: P7 (3000 h) is above trsMaxHours and left out; P8 20 h remains.
    expect(triple(find(result, 'release_time_median', 'B', null))).toEqual([20, null, 1]);
    // Overall: 1, 2, 10, 20, 30, 50 → median 15, p90 = 30 + 0.5 · 20 = 40.
    expect(triple(find(result, 'release_time_median', null, null))).toEqual([15, null, 6]);
    expect(find(result, 'release_time_p90', null, null).value).toBeCloseTo(40, 10);
    expect(find(result, 'release_time_mean', null, null).value).toBeCloseTo(113 / 6, 10);
    expect(triple(find(result, 'release_within_24h', null, null))).toEqual([4 / 6, 4, 6]);
    expect(triple(find(result, 'release_within_48h', null, null))).toEqual([5 / 6, 5, 6]);
  });

  it('computes officer tenure per posting, current postings counted to the latest lodgement', async () => {
    await loadDeclarations();
    await loadPostings();
    const result = await performanceIndicators(warehouse.connection, config);
    const months = (...days: number[]) => days.map((d) => d / daysPerMonth);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const expectTenure = (office: string | null, period: string | null, days: number[]) => {
      const row = find(result, 'officer_tenure_months', office, period);
      expect(row.value).toBeCloseTo(mean(months(...days)), 10);
      expect(row.numerator).toBeCloseTo(days.reduce((a, b) => a + b, 0) / daysPerMonth, 10);
      expect(row.denominator).toBe(days.length);
    };
    expectTenure('A', '2025-Q1', [274, 104]);
    expectTenure('A', '2025-Q2', [104]);
    expectTenure('B', '2025-Q1', [135]);
    expectTenure('B', '2025-Q2', [135]);
    expectTenure(null, '2025-Q1', [274, 104, 135]);
    expectTenure('A', null, [274, 104]);
    expectTenure(null, null, [274, 104, 135]);
    // 513 days over three postings: 171 days ≈ 5.62 months.
    expect(find(result, 'officer_tenure_months', null, null).value).toBeCloseTo(5.6181, 4);
  });

  it('reports tenure as empty when no postings are loaded', async () => {
    await loadDeclarations();
    const result = await performanceIndicators(warehouse.connection, config);
    expect(triple(find(result, 'officer_tenure_months', null, null))).toEqual([null, null, 0]);
    expect(result.rows.filter((r) => r.indicatorId === 'officer_tenure_months')).toHaveLength(1);
  });

  it('labels periods by month when configured so', async () => {
    await loadDeclarations();
    await loadPostings();
    const result = await performanceIndicators(
      warehouse.connection,
      parseAnalysisConfig({ period: 'month' }),
    );
    expect(triple(find(result, 'declarations_lodged', 'A', '2025-03'))).toEqual([2, 2, null]);
    // March: O2 (to 31 March) and O3 at A; O4 at B.
    expect(find(result, 'officer_tenure_months', null, '2025-03').denominator).toBe(3);
    // April: O2 has left.
    expect(find(result, 'officer_tenure_months', 'A', '2025-04').denominator).toBe(1);
  });

  it('writes one row per indicator, office and period into analysis_performance', async () => {
    await loadDeclarations();
    await loadPostings();
    const result = await performanceIndicators(warehouse.connection, config);
    const stored = await queryValues<{ indicator_id: string; n: bigint }>(
      warehouse.connection,
      `SELECT indicator_id, count(*) AS n FROM ${performanceTable} GROUP BY 1 ORDER BY 1`,
    );
    // Declarations: A Q1, A Q2, B Q1, A, B, Q1, Q2, overall = 8 groups.
    // Tenure: A Q1, A Q2, B Q1, B Q2, Q1, Q2, A, B, overall = 9 groups.
    expect(Object.fromEntries(stored.map((r) => [r.indicator_id, Number(r.n)]))).toEqual(
      Object.fromEntries(
        performanceCatalogue.map((i) => [i.id, i.id === 'officer_tenure_months' ? 9 : 8]),
      ),
    );
    expect(result.rows).toHaveLength(stored.reduce((a, r) => a + Number(r.n), 0));
    const [green] = await queryValues<{ value: number; numerator: number; denominator: number }>(
      warehouse.connection,
      `SELECT value, numerator, denominator FROM ${performanceTable}
       WHERE indicator_id = $id AND office_code = $office AND period = $period`,
      { id: 'share_green', office: 'A', period: '2025-Q1' },
    );
    expect(green).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
    expect(result.catalogue.map((i) => i.id)).toEqual(performanceCatalogue.map((i) => i.id));
    expect(JSON.parse(JSON.stringify(result.catalogue[0]))).not.toHaveProperty('valueSql');
  });

  it('gives counts of 0 and empty shares on a warehouse without declarations', async () => {
    const result = await performanceIndicators(warehouse.connection, config);
    expect(triple(find(result, 'declarations_lodged', null, null))).toEqual([0, 0, null]);
    expect(triple(find(result, 'share_green', null, null))).toEqual([null, 0, 0]);
    expect(find(result, 'release_time_median', null, null).value).toBeNull();
  });

  it('generates SQL that DuckDB accepts for every indicator and period', async () => {
    await loadDeclarations();
    await loadPostings();
    const conn = warehouse.connection;
    await buildAnalysisBase(conn, config);
    await execute(conn, `EXPLAIN ${analysisBaseExistsSql()}`, { table: 'a_declarations' });
    await execute(conn, postingLengthsSql());
    await execute(conn, `EXPLAIN ${performanceDeclarationsSql()}`, { trsMaxHours: 100 });
    for (const period of ['month', 'quarter', 'year'] as const) {
      await execute(conn, `EXPLAIN ${performancePostingsSql(period)}`);
    }
    await execute(conn, `EXPLAIN ${performancePostingsSql('year', [])}`);
    for (const indicator of performanceCatalogue) {
      const source = indicator.source === 'declarations' ? 'a_declarations d' : 'a_perf_postings p';
      const list = [
        indicator.valueSql,
        indicator.numeratorSql ?? 'NULL',
        indicator.denominatorSql ?? 'NULL',
      ];
      await execute(conn, `EXPLAIN SELECT ${list.join(', ')} FROM ${source}`, { trsMaxHours: 100 });
    }
  });
});
