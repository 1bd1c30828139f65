import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAnalysisBase, parseAnalysisConfig } from '../../src/analysis/index.js';
import type {
  ReleaseBreakdown,
  ReleaseSegmentId,
  ReleaseTimeRow,
  ReleaseTimesResult,
} from '../../src/indicators/index.js';
import {
  releaseCoverageSql,
  releaseResultsTableSql,
  releaseSegmentSql,
  releaseSegments,
  releaseTimelineSql,
  releaseTimes,
  releaseTimesTable,
} from '../../src/indicators/index.js';
import type { SqlValue, Warehouse } from '../../src/warehouse/index.js';
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

/** Milestones of a declaration: [name, hours after lodgement]. */
function milestones(id: string, lodged: string, steps: [string, number][]) {
  return steps.map(([milestone, hours]) => ({
    declaration_id: id,
    milestone,
    at: hoursAfter(lodged, hours),
  }));
}

/**
 * Ten declarations whose durations are chosen by hand:
 * lodgement → release from milestones A: D1 2 h, D2 5 h (a second, later
 * release milestone is ignored), D3 10 h, D4 30 h, D5 50 h (second quarter),
 * D6 −3 h (excluded, negative), D7 3000 h (excluded, above trsMaxHours);
 * from lodged_at/released_at at B (no milestones): D8 4 h, D9 100 h, D10 not released.
 */
async function loadTimeline(): Promise<void> {
  const conn = warehouse.connection;
  const plan: [string, string, string, number | null, string, string | null][] = [
    // id, office, lodged_at, released after (h), final channel, transport mode
    ['D1', 'A', '2025-01-10 08:00:00', 2, 'green', '1'],
    ['D2', 'A', '2025-01-11 08:00:00', 5, 'green', '1'],
    ['D3', 'A', '2025-01-12 08:00:00', 10, 'red', '1'],
    ['D4', 'A', '2025-01-13 08:00:00', 30, 'red', '1'],
    ['D5', 'A', '2025-04-14 08:00:00', 50, 'yellow', '1'],
    ['D6', 'A', '2025-01-15 08:00:00', 1, 'green', '1'],
    ['D7', 'A', '2025-01-16 08:00:00', 3000, 'green', '1'],
    ['D8', 'B', '2025-02-01 08:00:00', 4, 'green', '4'],
    ['D9', 'B', '2025-02-02 08:00:00', 100, 'red', null],
    ['D10', 'B', '2025-02-03 08:00:00', null, 'green', '4'],
  ];
  await insertRows(
    conn,
    'declarations',
    plan.map(([id, office, lodged, release, channel, transport]) =>
      declaration(id, {
        office_code: office,
        lodged_at: lodged,
        released_at: release === null ? null : hoursAfter(lodged, release),
        risk_channel: channel,
        final_channel: channel,
        transport_mode: transport,
      }),
    ),
  );
  const lodged = (id: string) => plan.find((p) => p[0] === id)?.[2] ?? '';
  const rows: Record<string, SqlValue>[] = [
    ...milestones('D1', lodged('D1'), [
      ['arrival', -10],
      ['lodgement', 0],
      ['assessment', 0.5],
      ['payment', 1],
      ['release', 2],
      ['exit', 5],
    ]),
    ...milestones('D2', lodged('D2'), [
      ['lodgement', 0],
      ['release', 8],
      ['release', 5],
    ]),
    // Goods lodged before they arrive: arrival → lodgement is −2 h.
    ...milestones('D3', lodged('D3'), [
      ['arrival', 2],
      ['lodgement', 0],
      ['release', 10],
    ]),
    ...milestones('D4', lodged('D4'), [
      ['arrival', -24],
      ['lodgement', 0],
      ['assessment', 1],
      ['payment', 2],
      ['inspection_start', 3],
      ['inspection_end', 7],
      ['release', 30],
    ]),
    ...milestones('D5', lodged('D5'), [
      ['lodgement', 0],
      ['release', 50],
    ]),
    ...milestones('D6', lodged('D6'), [
      ['lodgement', 0],
      ['release', -3],
    ]),
    ...milestones('D7', lodged('D7'), [
      ['lodgement', 0],
      ['release', 3000],
    ]),
  ];
  await insertRows(conn, 'milestones', rows);
  // Main items: D1 chapter 01 (section I), D4 chapter 84 (section XVI); others have none.
  await insertRows(conn, 'items', [
    { declaration_id: 'D1', item_no: 1, hs_code: '010121', declared_value: 500 },
    { declaration_id: 'D4', item_no: 1, hs_code: '847130', declared_value: 900 },
    { declaration_id: 'D4', item_no: 2, hs_code: '010121', declared_value: 100 },
  ]);
}

function find(
  result: ReleaseTimesResult,
  segment: ReleaseSegmentId,
  breakdown: ReleaseBreakdown,
  groupValue: string | null = null,
  period: string | null = null,
): ReleaseTimeRow {
  const row = result.rows.find(
    (r) =>
      r.segment === segment &&
      r.breakdown === breakdown &&
      r.groupValue === groupValue &&
      r.period === period,
  );
  if (!row) throw new Error(`no row ${segment} ${breakdown} ${groupValue} ${period}`);
  return row;
}

/** The figures of a row that a hand calculation gives, in a comparable shape. */
function figures(row: ReleaseTimeRow) {
  return {
    n: row.n,
    nExcluded: row.nExcluded,
    nNegative: row.nNegative,
    nFromDeclaration: row.nFromDeclaration,
    source: row.source,
  };
}

describe('releaseTimes', () => {
  it('computes lodgement → release overall from milestones and, without them, from lodged_at and released_at', async () => {
    await loadTimeline();
    const result = await releaseTimes(warehouse.connection, config);
    const overall = find(result, 'lodgement_release', 'overall');
    // Kept: 2, 4, 5, 10, 30, 50, 100 (D6 at −3 h and D7 at 3000 h excluded).
    expect(figures(overall)).toEqual({
      n: 7,
      nExcluded: 2,
      nNegative: 1,
      nFromDeclaration: 2,
      source: 'mixed',
    });
    expect(overall.meanHours).toBeCloseTo(201 / 7, 10);
    expect(overall.medianHours).toBeCloseTo(10, 10);
    // Type 7: h = (7 − 1) · 0.9 = 5.4 → x₆ + 0.4 (x₇ − x₆) = 50 + 0.4 · 50.
    expect(overall.p90Hours).toBeCloseTo(70, 10);
    expect(overall.minHours).toBeCloseTo(2, 10);
    expect(overall.maxHours).toBeCloseTo(100, 10);
    expect(overall.within24h).toBeCloseTo(4 / 7, 10);
    expect(overall.within48h).toBeCloseTo(5 / 7, 10);
    expect(result.coverage).toEqual({
      declarations: 10,
      withMilestones: 7,
      lodgementReleaseFromDeclaration: 2,
    });
  });

  it('breaks lodgement → release down by office, stating each office’s source', async () => {
    await loadTimeline();
    const result = await releaseTimes(warehouse.connection, config);
    const a = find(result, 'lodgement_release', 'office', 'A');
    // A: 2, 5, 10, 30, 50 → mean 19.4, median 10, p90 = 30 + 0.6 · 20 = 42.
    expect(figures(a)).toEqual({
      n: 5,
      nExcluded: 2,
      nNegative: 1,
      nFromDeclaration: 0,
      source: 'milestones',
    });
    expect(a.meanHours).toBeCloseTo(19.4, 10);
    expect(a.medianHours).toBeCloseTo(10, 10);
    expect(a.p90Hours).toBeCloseTo(42, 10);
    expect(a.within24h).toBeCloseTo(0.6, 10);
    expect(a.within48h).toBeCloseTo(0.8, 10);
    const b = find(result, 'lodgement_release', 'office', 'B');
    // B: 4, 100 (D10 not released) → median 52, p90 = 4 + 0.9 · 96 = 90.4.
    expect(figures(b)).toEqual({
      n: 2,
      nExcluded: 0,
      nNegative: 0,
      nFromDeclaration: 2,
      source: 'declaration',
    });
    expect(b.medianHours).toBeCloseTo(52, 10);
    expect(b.p90Hours).toBeCloseTo(90.4, 10);
    expect(b.within24h).toBeCloseTo(0.5, 10);
  });

  it('breaks lodgement → release down by final channel, transport mode and HS section', async () => {
    await loadTimeline();
    const result = await releaseTimes(warehouse.connection, config);
    const green = find(result, 'lodgement_release', 'channel', 'green');
    expect([green.n, green.nExcluded, green.medianHours]).toEqual([3, 2, 4]);
    const red = find(result, 'lodgement_release', 'channel', 'red');
    // red: 10, 30, 100 → mean 46.67, p90 = 30 + 0.8 · 70 = 86.
    expect(red.n).toBe(3);
    expect(red.meanHours).toBeCloseTo(140 / 3, 10);
    expect(red.p90Hours).toBeCloseTo(86, 10);
    expect(find(result, 'lodgement_release', 'channel', 'yellow').medianHours).toBeCloseTo(50, 10);

    expect(find(result, 'lodgement_release', 'transport_mode', '1').n).toBe(5);
    expect(find(result, 'lodgement_release', 'transport_mode', '4').medianHours).toBeCloseTo(4, 10);
    expect(find(result, 'lodgement_release', 'transport_mode', 'unknown').medianHours).toBeCloseTo(
      100,
      10,
    );

    expect(find(result, 'lodgement_release', 'hs_section', 'I').medianHours).toBeCloseTo(2, 10);
    expect(find(result, 'lodgement_release', 'hs_section', 'XVI').medianHours).toBeCloseTo(30, 10);
    const unknown = find(result, 'lodgement_release', 'hs_section', 'unknown');
    // 4, 5, 10, 50, 100 kept; D6 and D7 excluded.
    expect([unknown.n, unknown.nExcluded, unknown.medianHours]).toEqual([5, 2, 10]);
  });

  it('breaks lodgement → release down by office and quarter of lodgement', async () => {
    await loadTimeline();
    const result = await releaseTimes(warehouse.connection, config);
    const q1 = find(result, 'lodgement_release', 'office_period', 'A', '2025-Q1');
    // 2, 5, 10, 30 → mean 11.75, median 7.5, p90 = 10 + 0.7 · 20 = 24.
    expect([q1.n, q1.nExcluded]).toEqual([4, 2]);
    expect(q1.meanHours).toBeCloseTo(11.75, 10);
    expect(q1.medianHours).toBeCloseTo(7.5, 10);
    expect(q1.p90Hours).toBeCloseTo(24, 10);
    expect(q1.within24h).toBeCloseTo(0.75, 10);
    const q2 = find(result, 'lodgement_release', 'office_period', 'A', '2025-Q2');
    expect([q2.n, q2.medianHours]).toEqual([1, 50]);
    const b = find(result, 'lodgement_release', 'office_period', 'B', '2025-Q1');
    expect([b.n, b.medianHours, b.source]).toEqual([2, 52, 'declaration']);
    const periods = result.rows.filter((r) => r.breakdown === 'office_period').map((r) => r.period);
    expect(new Set(periods)).toEqual(new Set(['2025-Q1', '2025-Q2']));
    expect(
      result.rows.filter((r) => r.breakdown !== 'office_period').every((r) => r.period === null),
    ).toBe(true);
  });

  it('measures every segment between first milestones and excludes a pre-arrival lodgement as negative', async () => {
    await loadTimeline();
    const result = await releaseTimes(warehouse.connection, config);
    const arrival = find(result, 'arrival_lodgement', 'overall');
    // D1 10 h, D4 24 h; D3 −2 h (lodged before arrival) excluded.
    expect(figures(arrival)).toEqual({
      n: 2,
      nExcluded: 1,
      nNegative: 1,
      nFromDeclaration: 0,
      source: 'milestones',
    });
    expect(arrival.meanHours).toBeCloseTo(17, 10);
    expect(arrival.within24h).toBeNull();
    const total = find(result, 'arrival_release', 'overall');
    // D1 12 h, D3 8 h, D4 54 h → median 12, p90 = 12 + 0.8 · 42 = 45.6.
    expect(total.n).toBe(3);
    expect(total.medianHours).toBeCloseTo(12, 10);
    expect(total.p90Hours).toBeCloseTo(45.6, 10);
    expect(total.within24h).toBeCloseTo(2 / 3, 10);
    expect(total.within48h).toBeCloseTo(2 / 3, 10);
    expect(find(result, 'lodgement_assessment', 'overall').meanHours).toBeCloseTo(0.75, 10);
    expect(find(result, 'assessment_payment', 'overall').meanHours).toBeCloseTo(0.75, 10);
    const payment = find(result, 'payment_release', 'overall');
    expect([payment.n, payment.medianHours, payment.within24h, payment.within48h]).toEqual([
      2, 14.5, 0.5, 1,
    ]);
    const inspection = find(result, 'inspection', 'overall');
    expect([inspection.n, inspection.meanHours, inspection.within24h]).toEqual([1, 4, null]);
    expect(find(result, 'release_exit', 'overall').meanHours).toBeCloseTo(3, 10);
  });

  it('keeps a duration equal to trsMaxHours and excludes one above it', async () => {
    await loadTimeline();
    const result = await releaseTimes(
      warehouse.connection,
      parseAnalysisConfig({ period: 'quarter', trsMaxHours: 50 }),
    );
    const overall = find(result, 'lodgement_release', 'overall');
    // Kept 2, 4, 5, 10, 30, 50; excluded −3, 100, 3000.
    expect([overall.n, overall.nExcluded, overall.nNegative]).toEqual([6, 3, 1]);
    expect(overall.medianHours).toBeCloseTo(7.5, 10);
    expect(result.maxHours).toBe(50);
    expect(result.extremeRule.en).toContain('above 50 hours');
  });

  it('writes the same figures into analysis_release_times', async () => {
    await loadTimeline();
    const result = await releaseTimes(warehouse.connection, config);
    const stored = await queryValues<{
      n: bigint;
      n_excluded: bigint;
      median_h: number;
      p90_h: number;
      within_24h: number;
      source: string;
    }>(
      warehouse.connection,
      `SELECT n, n_excluded, median_h, p90_h, within_24h, source FROM ${releaseTimesTable}
       WHERE segment = $segment AND breakdown = $breakdown AND group_value = $office`,
      { segment: 'lodgement_release', breakdown: 'office', office: 'A' },
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.n).toBe(5n);
    expect(stored[0]?.n_excluded).toBe(2n);
    expect(stored[0]?.p90_h).toBeCloseTo(42, 10);
    expect(stored[0]?.source).toBe('milestones');
    const [count] = await queryValues<{ n: bigint }>(
      warehouse.connection,
      `SELECT count(*) AS n FROM ${releaseTimesTable}`,
    );
    expect(Number(count?.n)).toBe(result.rows.length);
    // JSON-ready: no bigint anywhere.
    expect(() => JSON.stringify(result)).not.toThrow();
  });

  it('gives every segment an overall row with n = 0 and no source on an empty warehouse', async () => {
    const result = await releaseTimes(warehouse.connection, config);
    expect(result.rows.map((r) => [r.segment, r.breakdown, r.n, r.source])).toEqual(
      releaseSegments.map((s) => [s.id, 'overall', 0, null]),
    );
    expect(result.coverage).toEqual({
      declarations: 0,
      withMilestones: 0,
      lodgementReleaseFromDeclaration: 0,
    });
  });

  it('generates SQL that DuckDB accepts for every segment', async () => {
    await loadTimeline();
    const conn = warehouse.connection;
    await buildAnalysisBase(conn, config);
    await execute(conn, releaseTimelineSql());
    for (const segment of releaseSegments) {
      await execute(conn, `EXPLAIN ${releaseSegmentSql(segment)}`, { maxHours: 100 });
    }
    await execute(conn, `EXPLAIN ${releaseCoverageSql()}`);
    await execute(conn, releaseResultsTableSql('probe_results'));
    await execute(conn, releaseResultsTableSql('probe_temp_results', true));
    const columns = await queryValues<{ column_name: string }>(
      conn,
      `SELECT column_name FROM duckdb_columns() WHERE table_name = 'probe_results' ORDER BY column_index`,
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      'segment',
      'breakdown',
      'group_value',
      'period',
      'n',
      'n_excluded',
      'n_negative',
      'n_from_declaration',
      'mean_h',
      'median_h',
      'p90_h',
      'min_h',
      'max_h',
      'within_24h',
      'within_48h',
      'source',
    ]);
  });
});
