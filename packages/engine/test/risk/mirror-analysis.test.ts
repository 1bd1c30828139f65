import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAnalysisConfig } from '../../src/analysis/index.js';
import type { MirrorGapRow, MirrorShareRow } from '../../src/risk/index.js';
import { mirrorAnalysis } from '../../src/risk/index.js';
import type { Warehouse } from '../../src/warehouse/index.js';
import { openWarehouse, queryValues } from '../../src/warehouse/index.js';
import type { CsvRow } from './risk-dataset.js';
import { declaration, loadTestDataset } from './risk-dataset.js';

let warehouse: Warehouse;
beforeEach(async () => {
  warehouse = await openWarehouse(':memory:');
});
afterEach(() => warehouse.close());

/** A declaration with one item. */
function lodged(
  id: string,
  at: string,
  hs: string,
  value: number,
  extra: CsvRow = {},
  dutyRate: number | null = null,
): { declaration: CsvRow; item: CsvRow } {
  return {
    declaration: declaration(id, { lodged_at: at, declared_value: value, ...extra }),
    item: {
      declaration_id: id,
      item_no: 1,
      hs_code: hs,
      declared_value: value,
      duty_rate: dutyRate,
    },
  };
}

async function load(
  rows: { declaration: CsvRow; item: CsvRow }[],
  partner: CsvRow[],
  fx: CsvRow[],
  info?: Record<string, string>,
): Promise<void> {
  await loadTestDataset(
    warehouse.connection,
    {
      declarations: rows.map((r) => r.declaration),
      items: rows.map((r) => r.item),
      partner_exports: partner,
      fx_rates: fx,
    },
    info,
  );
}

const partnerRow = (period: string, country: string, hs6: string, value: number): CsvRow => ({
  period,
  partner_country: country,
  hs6,
  value_usd: value,
});

/**
 * Two products in XAF, 600 XAF per USD in January and 500 in February, no
 * rate for March; CIF = 1.06 × FOB:
 * - 090111 from BR, 2025-01: A1 600 000 + A2 1 200 000 XAF = 1 800 000 / 600
 *   = 3 000 USD; partner FOB 4 000 → CIF 4 240; gap 1 240; ratio 1.413333;
 *   log gap ln(1.413333) = 0.345951.
 * - 610910 from CN, 2025-02: B1 1 000 000 / 500 = 2 000 USD; FOB 2 000 →
 *   CIF 2 120; gap 120; ratio 1.06; log gap 0.0582689.
 * - C1 852872 from FR, 500 USD, no partner row: import only.
 * - DE 847130 2025-01 FOB 7 000, no import: partner only (CIF 7 420).
 * - M1 090111 from BR in March, 300 000 XAF, no rate: its cell is not compared.
 * - N1 without consignment country (60 000 XAF), E1 an export: not compared.
 * - BR 2024-12: before the first lodgement month.
 * mirrorTopShare 0.5 of 2 cells → the 090111 cell alone is a top-gap cell.
 * Shares over the compared flows (A1 X/O1 1 000, A2 Y/O2 2 000, B1 Y/O1
 * 2 000 USD): overall share in top cells 3 000 / 5 000 = 0.6.
 *   X: 1 000 of 1 000 → share 1, lift 1/0.6 = 1.6667, excess 1 000 − 600 = 400.
 *   Y: 2 000 of 4 000 → share 0.5, lift 0.8333, excess 2 000 − 2 400 = −400.
 *   O2: 2 000 of 2 000 → lift 1.6667, excess 800; O1: 1 000 of 3 000 →
 *   lift 0.5556, excess −800.
 */
async function loadTwoProducts(): Promise<void> {
  await load(
    [
      lodged('A1', '2025-01-10T09:00:00', '0901110000', 600_000, {
        partner_country: 'BR',
        declarant_id: 'X',
        office_code: 'O1',
      }),
      lodged('A2', '2025-01-20T09:00:00', '090111', 1_200_000, {
        partner_country: 'BR',
        declarant_id: 'Y',
        office_code: 'O2',
      }),
      lodged('B1', '2025-02-05T09:00:00', '61091000', 1_000_000, {
        partner_country: 'CN',
        declarant_id: 'Y',
        office_code: 'O1',
      }),
      lodged('C1', '2025-02-10T09:00:00', '852872', 250_000, {
        partner_country: 'FR',
        declarant_id: 'X',
      }),
      lodged('M1', '2025-03-03T09:00:00', '090111', 300_000, {
        partner_country: 'BR',
        declarant_id: 'X',
      }),
      lodged('N1', '2025-01-12T09:00:00', '090111', 60_000),
      lodged('E1', '2025-01-12T09:00:00', '090111', 999_999, {
        procedure: 'export',
        partner_country: 'BR',
      }),
    ],
    [
      partnerRow('2025-01', 'BR', '090111', 4000),
      partnerRow('2025-02', 'CN', '610910', 2000),
      partnerRow('2025-01', 'DE', '847130', 7000),
      partnerRow('2025-03', 'BR', '090111', 1000),
      partnerRow('2024-12', 'BR', '090111', 5000),
    ],
    [
      { period: '2025-01', currency: 'XAF', per_usd: 600 },
      { period: '2025-02', currency: 'XAF', per_usd: 500 },
      { period: '2025-01', currency: 'EUR', per_usd: 0.9 },
    ],
    { currency: 'XAF' },
  );
}

const config = parseAnalysisConfig({ mirrorTopShare: 0.5 });

describe('mirrorAnalysis', () => {
  it('converts declared values with the lodgement month rate and applies the CIF factor', async () => {
    await loadTwoProducts();
    const result = await mirrorAnalysis(warehouse.connection, config);
    expect(result).toMatchObject({ currency: 'XAF', currencySource: 'dataset.json' });
    expect(result.cifFobFactor).toBe(1.06);
    const gaps = await queryValues<MirrorGapRow>(
      warehouse.connection,
      `SELECT * FROM analysis_mirror_gaps ORDER BY gap_rank`,
    );
    expect(gaps).toHaveLength(2);
    const [coffee, shirts] = gaps;
    expect(coffee).toMatchObject({
      hs6: '090111',
      partner_country: 'BR',
      period: '2025-01',
      grain: 'month',
      declarations: 2,
      items: 2,
      declared_national: 1_800_000,
      gap_rank: 1,
      top_gap: true,
    });
    expect(coffee?.declared_usd).toBeCloseTo(3000, 9);
    expect(coffee?.partner_fob_usd).toBe(4000);
    expect(coffee?.partner_cif_usd).toBeCloseTo(4240, 9);
    expect(coffee?.gap_usd).toBeCloseTo(1240, 9);
    expect(coffee?.ratio).toBeCloseTo(1.4133333333, 9);
    expect(coffee?.log_gap).toBeCloseTo(Math.log(4240 / 3000), 12); // 0.345951
    expect(shirts).toMatchObject({ hs6: '610910', partner_country: 'CN', period: '2025-02' });
    expect(shirts?.declared_usd).toBeCloseTo(2000, 9);
    expect(shirts?.gap_usd).toBeCloseTo(120, 9);
    expect(shirts?.ratio).toBeCloseTo(1.06, 12);
    expect(shirts?.top_gap).toBe(false);
    expect(result.cells.map((c) => c.hs6)).toEqual(['090111']);
  });

  it('counts one-sided cells and the partner rows outside the dataset months', async () => {
    await loadTwoProducts();
    const { coverage } = await mirrorAnalysis(warehouse.connection, config);
    expect(coverage).toMatchObject({
      importItems: 6,
      importValueNational: 3_410_000,
      noPartnerCountry: { items: 1, valueNational: 60_000 },
      partialYear: { items: 0, valueNational: 0 },
      partnerRows: { total: 5, used: 4, outsideSpan: 1, partialYear: 0, superseded: 0 },
      cellsBoth: 2,
      cellsImportOnly: 1,
      cellsPartnerOnly: 1,
      topCells: 1,
    });
    expect(coverage.importOnlyUsd).toBeCloseTo(500, 9);
    expect(coverage.partnerOnlyCifUsd).toBeCloseTo(7420, 9);
    expect(coverage.matchedDeclaredUsd).toBeCloseTo(5000, 9);
    expect(coverage.matchedPartnerCifUsd).toBeCloseTo(6360, 9);
    expect(coverage.topGapUsd).toBeCloseTo(1240, 9);
  });

  it('reports the imports of a month without an exchange rate instead of dropping them', async () => {
    await loadTwoProducts();
    const result = await mirrorAnalysis(warehouse.connection, config);
    expect(result.coverage.noFx).toEqual({ items: 1, valueNational: 300_000, months: ['2025-03'] });
    expect(result.coverage.cellsNoFx).toEqual({ cells: 1, valueNational: 300_000 });
    expect(result.notes.join(' ')).toContain(
      '1 import items (300,000 XAF) have no exchange rate for their lodgement month (2025-03)',
    );
    const [noFxCell] = await queryValues<{ side: string; declared_usd: number | null }>(
      warehouse.connection,
      `SELECT side, declared_usd FROM a_mirror_cells WHERE period = '2025-03'`,
    );
    expect(noFxCell).toEqual({ side: 'no_fx', declared_usd: null });
  });

  it("measures each declarant's and office's share of the top-gap cells against the overall share", async () => {
    await loadTwoProducts();
    const result = await mirrorAnalysis(warehouse.connection, config);
    const pick = (r: MirrorShareRow) => [r.unit_id, r.declarations, r.declared_usd, r.top_gap_usd];
    expect(result.declarants.map(pick)).toEqual([
      ['X', 1, 1000, 1000],
      ['Y', 2, 4000, 2000],
    ]);
    const [x, y] = result.declarants;
    expect(x?.overall_share).toBeCloseTo(0.6, 12);
    expect(x?.lift).toBeCloseTo(1 / 0.6, 12);
    expect(x?.excess_usd).toBeCloseTo(400, 9);
    expect(y?.share_in_top).toBeCloseTo(0.5, 12);
    expect(y?.lift).toBeCloseTo(0.5 / 0.6, 12);
    expect(y?.excess_usd).toBeCloseTo(-400, 9);
    expect(result.offices.map((o) => [o.unit_id, o.rank])).toEqual([
      ['O2', 1],
      ['O1', 2],
    ]);
    expect(result.offices[0]?.excess_usd).toBeCloseTo(800, 9);
    expect(result.offices[1]?.lift).toBeCloseTo(1 / 3 / 0.6, 12);
    const persisted = await queryValues<{ kind: string; n: bigint }>(
      warehouse.connection,
      `SELECT kind, count(*) AS n FROM analysis_mirror_shares GROUP BY kind ORDER BY kind`,
    );
    expect(persisted).toEqual([
      { kind: 'declarant', n: 2n },
      { kind: 'office', n: 2n },
    ]);
  });

  it('aggregates imports to the year where the partner reports whole years', async () => {
    // USD dataset covering 2024-01 to 2025-02: 2024 is complete, 2025 is not.
    // BR 090111: 1 000 (Jan 2024) + 500 (Dec 2024) = 1 500 USD against the
    // annual 2024 row, FOB 2 000 → CIF 2 120, gap 620. The monthly 2024-06 row
    // is set aside (the annual row covers it); the 2025 row and the Feb 2025
    // import cover a year only in part; the 2023 row is outside the data.
    // CN has no partner rows; annual rows exist, so its imports form the
    // import-only cell 610910 × CN × 2024.
    const br = { partner_country: 'BR' };
    await load(
      [
        lodged('Y1', '2024-01-10T09:00:00', '090111', 1000, br),
        lodged('Y2', '2024-12-10T09:00:00', '090111', 500, br),
        lodged('Y3', '2025-02-01T09:00:00', '090111', 700, br),
        lodged('Y4', '2024-03-01T09:00:00', '610910', 400, { partner_country: 'CN' }),
      ],
      [
        partnerRow('2024', 'BR', '090111', 2000),
        partnerRow('2024-06', 'BR', '090111', 999),
        partnerRow('2025', 'BR', '090111', 5000),
        partnerRow('2023', 'BR', '090111', 3000),
      ],
      [],
      { currency: 'USD' },
    );
    const result = await mirrorAnalysis(warehouse.connection, config);
    expect(result.coverage.partnerRows).toEqual({
      total: 4,
      used: 1,
      outsideSpan: 1,
      partialYear: 1,
      superseded: 1,
    });
    expect(result.coverage.partialYear).toEqual({ items: 1, valueNational: 700 });
    expect(result.coverage.noFx.items).toBe(0);
    expect(result.cells).toHaveLength(1);
    expect(result.cells[0]).toMatchObject({
      hs6: '090111',
      partner_country: 'BR',
      period: '2024',
      grain: 'year',
      declarations: 2,
      declared_usd: 1500,
    });
    expect(result.cells[0]?.gap_usd).toBeCloseTo(620, 9);
    const [shirts] = await queryValues<{ period: string; side: string }>(
      warehouse.connection,
      `SELECT period, side FROM a_mirror_cells WHERE hs6 = '610910'`,
    );
    expect(shirts).toEqual({ period: '2024', side: 'import_only' });
  });

  it('fits the tariff–gap slope by weighted least squares as numpy does', async () => {
    // USD, January 2025, partner FR; tariff in points, declared and FOB in USD:
    //   010121  5%  1 000  1 000 | 020110 10%  2 000  2 200
    //   030211 15%  1 500  2 000 (items 1 000 at 20% and 500 at 5%: value-weighted 15%)
    //   040110 30%  3 000  4 500 | 050100 35%    500    900
    // y = ln(1.06 FOB / declared), w = declared / 8 000. Independent check:
    // python3 -c "import numpy as np; t=np.array([5,10,15,30,35.]);
    //   d=np.array([1000,2000,1500,3000,500.]); f=np.array([1000,2200,2000,4500,900.]);
    //   y=np.log(1.06*f/d); w=d/d.sum(); X=np.column_stack([np.ones(5),t]); sw=np.sqrt(w);
    //   beta,*_=np.linalg.lstsq(X*sw[:,None], y*sw, rcond=None); r=y-X@beta;
    //   s2=(w*r*r).sum()/3; cov=s2*np.linalg.inv(X.T@(w[:,None]*X));
    //   yb=(w*y).sum(); print(beta, np.sqrt(np.diag(cov)), 1-(w*r*r).sum()/(w*(y-yb)**2).sum())"
    // → intercept 0.01723839, slope 0.01587533; se 0.06103784, 0.00277337; R² 0.91612244.
    const fr = { partner_country: 'FR' };
    const at = '2025-01-15T09:00:00';
    const rows = [
      lodged('P1', at, '010121', 1000, fr, 0.05),
      lodged('P2', at, '020110', 2000, fr, 0.1),
      lodged('P3', at, '030211', 1500, fr, 0.2),
      lodged('P4', at, '040110', 3000, fr, 0.3),
      lodged('P5', at, '050100', 500, fr, 0.35),
    ];
    const p3 = rows[2];
    if (!p3) throw new Error('P3 missing');
    p3.item = { ...p3.item, declared_value: 1000 };
    const p3b = {
      declaration: declaration('P3B', { lodged_at: at, declared_value: 500, ...fr }),
      item: {
        declaration_id: 'P3B',
        item_no: 1,
        hs_code: '030211',
        declared_value: 500,
        duty_rate: 0.05,
      },
    };
    await load(
      [...rows, p3b],
      [
        partnerRow('2025-01', 'FR', '010121', 1000),
        partnerRow('2025-01', 'FR', '020110', 2200),
        partnerRow('2025-01', 'FR', '030211', 2000),
        partnerRow('2025-01', 'FR', '040110', 4500),
        partnerRow('2025-01', 'FR', '050100', 900),
      ],
      [],
      { currency: 'USD' },
    );
    const { tariffGap } = await mirrorAnalysis(warehouse.connection, config);
    expect(tariffGap.n).toBe(5);
    expect(tariffGap.slope).toBeCloseTo(0.01587533, 8);
    expect(tariffGap.se).toBeCloseTo(0.00277337, 8);
    expect(tariffGap.intercept).toBeCloseTo(0.01723839, 8);
    expect(tariffGap.r2).toBeCloseTo(0.91612244, 8);
    expect(tariffGap.points.map((p) => [p.hs6, p.tariff_pct, p.weight])).toEqual([
      ['010121', 5, 0.125],
      ['020110', 10, 0.25],
      ['030211', 15, 0.1875],
      ['040110', 30, 0.375],
      ['050100', 35, 0.0625],
    ]);
    expect(tariffGap.points[2]?.log_gap).toBeCloseTo(0.34595098, 8);
  });

  it('marks the ceiling of mirrorTopShare × cells as top gaps: 7 of 25 at 0.28', async () => {
    // 0.28 × 25 is 7.000000000000001 in floating point: a bare ceil would give 8.
    // Product k (0..24) declares 100 USD against a FOB of 100 + 10(k + 1): gaps grow with k.
    const rows = Array.from({ length: 25 }, (_, k) =>
      lodged(`G${k}`, '2025-01-10T09:00:00', `0101${String(k + 10)}`, 100, {
        partner_country: 'BR',
      }),
    );
    const partner = Array.from({ length: 25 }, (_, k) =>
      partnerRow('2025-01', 'BR', `0101${String(k + 10)}`, 100 + 10 * (k + 1)),
    );
    await load(rows, partner, [], { currency: 'USD' });
    const result = await mirrorAnalysis(
      warehouse.connection,
      parseAnalysisConfig({ mirrorTopShare: 0.28 }),
    );
    expect(result.coverage.cellsBoth).toBe(25);
    expect(result.coverage.topCells).toBe(7);
    expect(result.cells.map((c) => c.hs6).slice(0, 3)).toEqual(['010134', '010133', '010132']);
  });

  it('states that nothing could be compared when the currency is unknown', async () => {
    // No dataset.json and two currencies in fx_rates: no conversion possible.
    await load(
      [lodged('U1', '2025-01-10T09:00:00', '090111', 1000, { partner_country: 'BR' })],
      [partnerRow('2025-01', 'BR', '090111', 5)],
      [
        { period: '2025-01', currency: 'XAF', per_usd: 600 },
        { period: '2025-01', currency: 'XOF', per_usd: 600 },
      ],
    );
    const result = await mirrorAnalysis(warehouse.connection, config);
    expect(result).toMatchObject({ currency: null, currencySource: 'unknown', available: false });
    expect(result.coverage.noFx).toEqual({ items: 1, valueNational: 1000, months: ['2025-01'] });
    expect(result.notes[0]).toContain('does not name its currency');
    expect(result.tariffGap).toMatchObject({ n: 0, slope: null, se: null, r2: null });
  });

  it('takes the only currency of fx_rates when dataset.json names none, and says so', async () => {
    await load(
      [lodged('V1', '2025-01-10T09:00:00', '090111', 6000, { partner_country: 'BR' })],
      [partnerRow('2025-01', 'BR', '090111', 10)],
      [{ period: '2025-01', currency: 'XAF', per_usd: 600 }],
    );
    const result = await mirrorAnalysis(warehouse.connection, config);
    expect(result).toMatchObject({ currency: 'XAF', currencySource: 'fx_rates', available: true });
    expect(result.cells[0]?.declared_usd).toBeCloseTo(10, 12);
    expect(result.notes[0]).toContain('XAF, the only currency in fx_rates, was assumed');
  });

  it('runs on a dataset without partner statistics and persists empty tables', async () => {
    await loadTestDataset(
      warehouse.connection,
      {
        declarations: [declaration('D1', { declared_value: 10, partner_country: 'BR' })],
        items: [{ declaration_id: 'D1', item_no: 1, hs_code: '090111', declared_value: 10 }],
      },
      { currency: 'USD' },
    );
    const result = await mirrorAnalysis(warehouse.connection, config);
    expect(result.available).toBe(false);
    expect(result.notes).toContain('No partner export statistics (partner_exports) are loaded.');
    expect(result.coverage.cellsImportOnly).toBe(1);
    const counts = await queryValues<{ gaps: bigint; shares: bigint }>(
      warehouse.connection,
      `SELECT (SELECT count(*) FROM analysis_mirror_gaps) AS gaps,
        (SELECT count(*) FROM analysis_mirror_shares) AS shares`,
    );
    expect(counts).toEqual([{ gaps: 0n, shares: 0n }]);
  });
});
