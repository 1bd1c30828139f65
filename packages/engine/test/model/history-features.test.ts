import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PRIOR_STRENGTH,
  baseFeatures,
  buildRawFeatures,
  checkFeatureLeakage,
  featureMatrixSql,
  learnFeatureReference,
  rawFeatureTable,
  rawFeaturesSql,
  writeFeatureReference,
} from '../../src/model/index.js';
import type { Warehouse } from '../../src/warehouse/index.js';
import { execute, openWarehouse, queryValues } from '../../src/warehouse/index.js';

/**
 * A tiny warehouse written by hand. Declarant B1 has three controls whose outcome was known
 * (released) before T = 2025-03-10 10:00, one of them a finding; a fourth control released after T
 * (outcome not yet known) and a fifth lodged and released exactly at T (a tie) must not count.
 * Declarant B2 has one earlier control without finding.
 */
let warehouse: Warehouse;

const declarations: [
  string,
  string,
  string | null,
  string,
  string,
  string | null,
  number,
  number | null,
][] = [
  // id, lodged_at, released_at, declarant, trader, outcome, declared_duty, assessed_duty
  ['D1', '2025-03-01 09:00:00', '2025-03-02 09:00:00', 'B1', 'T1', 'finding', 100, 150],
  ['D2', '2025-03-03 09:00:00', '2025-03-04 09:00:00', 'B1', 'T1', 'no_finding', 100, null],
  ['D3', '2025-03-05 09:00:00', '2025-03-06 09:00:00', 'B1', 'T2', 'no_finding', 100, null],
  ['D4', '2025-03-09 09:00:00', '2025-03-12 09:00:00', 'B1', 'T1', 'finding', 100, 130],
  ['D5', '2025-03-10 10:00:00', '2025-03-10 10:00:00', 'B1', 'T1', 'finding', 100, 120],
  ['D6', '2025-03-02 09:00:00', '2025-03-03 09:00:00', 'B2', 'T3', 'no_finding', 100, null],
  ['DT', '2025-03-10 10:00:00', null, 'B1', 'T1', null, 100, null],
];

beforeAll(async () => {
  warehouse = await openWarehouse(':memory:');
  const conn = warehouse.connection;
  await execute(
    conn,
    `CREATE TABLE declarations (declaration_id VARCHAR, office_code VARCHAR, procedure VARCHAR,
      lodged_at TIMESTAMP, released_at TIMESTAMP, declarant_id VARCHAR, trader_id VARCHAR,
      partner_country VARCHAR, transport_mode VARCHAR, risk_channel VARCHAR, final_channel VARCHAR,
      channel_changed_by VARCHAR, officer_id VARCHAR, assignment VARCHAR, inspected BOOLEAN,
      outcome VARCHAR, declared_value DOUBLE, declared_duty DOUBLE, assessed_duty DOUBLE,
      risk_score DOUBLE)`,
  );
  await execute(
    conn,
    `CREATE TABLE items (declaration_id VARCHAR, item_no INTEGER, hs_code VARCHAR,
      origin_country VARCHAR, description VARCHAR, quantity DOUBLE, quantity_unit VARCHAR,
      net_mass_kg DOUBLE, declared_value DOUBLE, assessed_value DOUBLE, duty_rate DOUBLE,
      declared_duty DOUBLE, assessed_duty DOUBLE)`,
  );
  for (const [id, lodged, released, declarant, trader, outcome, duty, assessed] of declarations) {
    await execute(
      conn,
      `INSERT INTO declarations VALUES ($1, 'O1', 'import', CAST($2 AS TIMESTAMP),
        CAST($3 AS TIMESTAMP), $4, $5, 'CN', '1', 'red', 'red', NULL, 'X1', 'auto',
        $6 IS NOT NULL, $6, 1000, $7, $8, 0.5)`,
      [id, lodged, released, declarant, trader, outcome, duty, assessed],
    );
    await execute(
      conn,
      `INSERT INTO items VALUES ($1, 1, '851712', 'FR', NULL, NULL, NULL, 10, 1000, NULL, 0.1, $2, NULL)`,
      [id, duty],
    );
  }
  await buildRawFeatures(conn);
});

afterAll(() => warehouse.close());

describe('history features', () => {
  it('counts only the controls whose outcome was known before lodgement, ties excluded', async () => {
    const [row] = await queryValues<Record<string, number>>(
      warehouse.connection,
      `SELECT declarant_earlier_controls, declarant_earlier_finding_rate,
              trader_earlier_controls, trader_earlier_finding_rate, hs6_earlier_controls
       FROM ${rawFeatureTable} WHERE declaration_id = 'DT'`,
    );
    // Earlier known controls overall: D1 (finding), D2, D3, D6 → overall earlier rate 1/4.
    const m = DEFAULT_PRIOR_STRENGTH;
    expect(row?.['declarant_earlier_controls']).toBe(3);
    expect(row?.['declarant_earlier_finding_rate']).toBeCloseTo((1 + m * 0.25) / (3 + m), 12);
    // Trader T1: D1 (finding) and D2; D4 and D5 are not yet known.
    expect(row?.['trader_earlier_controls']).toBe(2);
    expect(row?.['trader_earlier_finding_rate']).toBeCloseTo((1 + m * 0.25) / (2 + m), 12);
    expect(row?.['hs6_earlier_controls']).toBe(4);
  });

  it('gives the first declaration no history and no rate', async () => {
    const [row] = await queryValues<Record<string, number | null>>(
      warehouse.connection,
      `SELECT declarant_earlier_controls, declarant_earlier_finding_rate
       FROM ${rawFeatureTable} WHERE declaration_id = 'D1'`,
    );
    expect(row?.['declarant_earlier_controls']).toBe(0);
    expect(row?.['declarant_earlier_finding_rate']).toBeNull();
  });

  it('labels controlled declarations and measures revenue as assessed minus declared duty', async () => {
    const rows = await queryValues<{
      declaration_id: string;
      label: number | null;
      revenue: number | null;
    }>(
      warehouse.connection,
      `SELECT declaration_id, label, revenue FROM ${rawFeatureTable} ORDER BY declaration_id`,
    );
    const byId = new Map(rows.map((r) => [r.declaration_id, r]));
    expect(byId.get('D1')).toMatchObject({ label: 1, revenue: 50 });
    expect(byId.get('D2')).toMatchObject({ label: 0, revenue: 0 });
    expect(byId.get('DT')).toMatchObject({ label: null, revenue: null });
  });

  it('generates SQL that DuckDB accepts (EXPLAIN)', async () => {
    const conn = warehouse.connection;
    await execute(
      conn,
      `EXPLAIN ${rawFeaturesSql({ lodgedBefore: '2025-03-05' }).replace(/^CREATE OR REPLACE TEMP TABLE \S+ AS/, '')}`,
      {
        lodged_before: '2025-03-05',
      },
    );
    const reference = await learnFeatureReference(conn, baseFeatures, { beforeEpoch: 2e9 });
    await writeFeatureReference(conn, reference);
    await execute(conn, `EXPLAIN ${featureMatrixSql(baseFeatures, reference, rawFeatureTable)}`);
    expect(reference.dictionaries['office_code']).toEqual([]);
  });
});

describe('leakage check on same-time declarations', () => {
  it('passes the history features, which ignore declarations lodged at the same moment', async () => {
    const report = await checkFeatureLeakage(warehouse.connection);
    expect(report.cutoffs.some((c) => c.includes('keeping only D5'))).toBe(true);
    expect(report.ok).toBe(true);
  });

  it('fails a running count whose window takes in rows lodged at the same time', async () => {
    const report = await checkFeatureLeakage(warehouse.connection, {
      extraSql: [
        {
          name: 'running_count',
          sql: `count(*) OVER (PARTITION BY r.declarant_id ORDER BY r.lodged_at
                  RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`,
        },
      ],
    });
    expect(report.ok).toBe(false);
    expect(report.leaking).toEqual([
      expect.objectContaining({
        feature: 'running_count',
        example: { declarationId: 'D5', full: '6', truncated: '5' },
      }),
    ]);
  });
});
