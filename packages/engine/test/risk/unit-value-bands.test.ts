import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAnalysisConfig } from '../../src/analysis/index.js';
import {
  itemValuesSql,
  unitValueBands,
  unitValueBandsSql,
  unitValueSummarySql,
} from '../../src/risk/index.js';
import type { Warehouse } from '../../src/warehouse/index.js';
import { execute, openWarehouse, queryValues } from '../../src/warehouse/index.js';
import type { CsvRow } from './risk-dataset.js';
import { declaration, loadTestDataset } from './risk-dataset.js';

/**
 * Every item weighs 100 kg, so declared_value = 100 × value per kg; values
 * per kg are powers of two so that log2 values are whole numbers (and
 * ln v = log2 v · ln 2).
 *
 * HS6 090111, origin BR (6 items), value per kg 8, 8, 16, 16, 32, 0.5:
 *   log2 = 3, 3, 4, 4, 5, −1 → median 3.5;
 *   |dev| = 0.5, 0.5, 0.5, 0.5, 1.5, 4.5 → MAD = 0.5 (log2) = 0.5 ln 2;
 *   scaled 1.4826 × 0.5 = 0.7413; band 3.5 ± 3 × 0.7413 = [1.2761, 5.7239] (log2)
 *   → 2.4218 to 52.85 per kg. The 0.5/kg item is below it.
 * HS6 090111, origin VN (3 items: fewer than 5, so the HS6 band applies),
 *   value per kg 2, 2, 0.01 (log2 0.01 = −6.6439).
 * HS6 090111, no origin, declared value 0: not in any band's distribution,
 *   value per kg 0, below any band.
 * HS6 090111 over all 9 valued items: log2 = −6.64, −1, 1, 1, 3, 3, 4, 4, 5
 *   → median 3; |dev| = 9.64, 4, 2, 2, 0, 0, 1, 1, 2 → sorted
 *   0, 0, 1, 1, 2, 2, 2, 4, 9.64 → MAD = 2; scaled 2.9652;
 *   band 3 ± 8.8956 = [−5.8956, 11.8956] → 0.016798 to 3809 per kg.
 *   The VN 0.01/kg item is below it; the BR 0.5/kg item would not be,
 *   which shows the origin band is the one applied to BR items.
 * HS6 100630 (5 items) value per kg 2, 2, 2, 2, 4: log2 1, 1, 1, 1, 2 →
 *   median 1, MAD 0 → mean |dev| = 0.2 → scale 1.2533 × 0.2 = 0.25066;
 *   band 1 ± 0.75198 = [0.24802, 1.75198] → 1.1877 to 3.3678 per kg.
 * HS6 610910 (4 items): too few for a band.
 */
const perKg: [string, string, string | null, number, number | null][] = [
  // [declaration, hs_code, origin, value per kg, assessed value]
  ['BR1', '0901110000', 'BR', 8, null],
  ['BR2', '0901110010', 'BR', 8, 800],
  ['BR3', '090111', 'BR', 16, null],
  ['BR4', '090111', 'BR', 16, null],
  ['BR5', '090111', 'BR', 32, null],
  ['BR6', '090111', 'BR', 0.5, 1500],
  ['VN1', '090111', 'VN', 2, null],
  ['VN2', '090111', 'VN', 2, null],
  ['VN3', '090111', 'VN', 0.01, null],
  ['ZERO', '090111', null, 0, null],
  ['R1', '100630', 'TH', 2, null],
  ['R2', '100630', 'TH', 2, null],
  ['R3', '100630', 'TH', 2, null],
  ['R4', '100630', 'TH', 2, null],
  ['R5', '100630', 'TH', 4, null],
  ['S1', '610910', 'CN', 1, null],
  ['S2', '610910', 'CN', 1, null],
  ['S3', '610910', 'CN', 1, null],
  ['S4', '610910', 'CN', 0.001, null],
];

const log2Band = (median: number, scale: number, k = 3) => ({
  low: 2 ** (median - k * scale),
  high: 2 ** (median + k * scale),
});

let warehouse: Warehouse;
beforeEach(async () => {
  warehouse = await openWarehouse(':memory:');
  const items: CsvRow[] = perKg.map(([id, hs, origin, v, assessed]) => ({
    declaration_id: id,
    item_no: 1,
    hs_code: hs,
    origin_country: origin,
    net_mass_kg: 100,
    declared_value: v * 100,
    assessed_value: assessed,
  }));
  // One item without net mass: no value per kg, never judged.
  items.push({
    declaration_id: 'NOMASS',
    item_no: 1,
    hs_code: '090111',
    origin_country: 'BR',
    net_mass_kg: null,
    declared_value: 5,
    assessed_value: null,
  });
  const declarations = items.map((i) => declaration(String(i.declaration_id)));
  await loadTestDataset(warehouse.connection, { declarations, items });
});
afterEach(() => warehouse.close());

const config = parseAnalysisConfig({ minBandItems: 5, madK: 3 });

interface BandRow {
  hs6: string;
  origin_country: string | null;
  n: number;
  median_log: number;
  mad_log: number;
  low_value_per_kg: number;
  high_value_per_kg: number;
  scale_method: string;
}

interface ItemRow {
  declaration_id: string;
  hs6: string;
  value_per_kg: number | null;
  band_low_per_kg: number | null;
  band_level: string | null;
  below_band: boolean | null;
  reassessed: boolean;
  robust_z: number | null;
}

async function bands(): Promise<BandRow[]> {
  return queryValues<BandRow>(
    warehouse.connection,
    `SELECT * FROM analysis_unit_value_bands ORDER BY hs6, origin_country NULLS FIRST`,
  );
}

async function item(id: string): Promise<ItemRow> {
  const [row] = await queryValues<ItemRow>(
    warehouse.connection,
    `SELECT * FROM a_item_values WHERE declaration_id = $id`,
    { id },
  );
  if (!row) throw new Error(`no item ${id}`);
  return row;
}

describe('unitValueBands', () => {
  it('forms a band per HS6 and per HS6 × origin only where there are enough items', async () => {
    await unitValueBands(warehouse.connection, config);
    const rows = await bands();
    expect(rows.map((r) => [r.hs6, r.origin_country, r.n])).toEqual([
      ['090111', null, 9],
      ['090111', 'BR', 6],
      ['100630', null, 5],
      ['100630', 'TH', 5],
    ]);
  });

  it('sets the band at median ± k × 1.4826 × MAD of ln(value per kg)', async () => {
    await unitValueBands(warehouse.connection, config);
    const [hs6, br] = await bands();
    // HS6 090111: median 3, MAD 2 (log2); BR: median 3.5, MAD 0.5 (log2).
    expect(hs6?.median_log).toBeCloseTo(3 * Math.LN2, 12);
    expect(hs6?.mad_log).toBeCloseTo(1.4826 * 2 * Math.LN2, 12);
    expect(hs6?.scale_method).toBe('mad');
    const hs6Band = log2Band(3, 1.4826 * 2);
    expect(hs6?.low_value_per_kg).toBeCloseTo(hs6Band.low, 9); // 0.016798
    expect(hs6?.high_value_per_kg).toBeCloseTo(hs6Band.high, 6); // 3809
    expect(br?.median_log).toBeCloseTo(3.5 * Math.LN2, 12);
    expect(br?.mad_log).toBeCloseTo(1.4826 * 0.5 * Math.LN2, 12);
    expect(br?.low_value_per_kg).toBeCloseTo(log2Band(3.5, 0.7413).low, 9); // 2.4218
    expect(br?.high_value_per_kg).toBeCloseTo(log2Band(3.5, 0.7413).high, 6); // 52.85
  });

  it('falls back to 1.2533 × the mean absolute deviation when the MAD is 0', async () => {
    await unitValueBands(warehouse.connection, config);
    const rice = (await bands()).find((r) => r.hs6 === '100630' && r.origin_country === null);
    expect(rice?.scale_method).toBe('mean_ad');
    expect(rice?.mad_log).toBeCloseTo(1.2533 * 0.2 * Math.LN2, 12);
    expect(rice?.low_value_per_kg).toBeCloseTo(log2Band(1, 1.2533 * 0.2).low, 9); // 1.1877
    expect(rice?.high_value_per_kg).toBeCloseTo(log2Band(1, 1.2533 * 0.2).high, 9); // 3.3678
  });

  it('judges an item against its origin band only where that origin has enough items', async () => {
    await unitValueBands(warehouse.connection, config);
    const brLow = await item('BR6');
    expect(brLow.band_level).toBe('hs6_origin');
    expect(brLow.band_low_per_kg).toBeCloseTo(2.42183, 4);
    // 0.5/kg is below the BR band (2.42) though well inside the HS6 band (0.0168).
    expect(brLow.below_band).toBe(true);
    const vn = await item('VN3');
    expect(vn.band_level).toBe('hs6');
    expect(vn.band_low_per_kg).toBeCloseTo(0.016798, 5);
    expect(vn.below_band).toBe(true);
    expect((await item('VN1')).below_band).toBe(false);
    expect((await item('BR3')).below_band).toBe(false);
  });

  it('flags below_band and reassessed independently', async () => {
    await unitValueBands(warehouse.connection, config);
    // BR6: below, re-assessed from 50 to 1500. VN3: below, accepted as declared.
    expect(await item('BR6')).toMatchObject({ below_band: true, reassessed: true });
    expect(await item('VN3')).toMatchObject({ below_band: true, reassessed: false });
    // BR2: assessed value equal to the declared value is not a re-assessment.
    expect(await item('BR2')).toMatchObject({ below_band: false, reassessed: false });
  });

  it('treats a zero declared value with a positive mass as below the band', async () => {
    await unitValueBands(warehouse.connection, config);
    expect(await item('ZERO')).toMatchObject({
      value_per_kg: 0,
      band_level: 'hs6',
      below_band: true,
      robust_z: null,
    });
  });

  it('leaves band_level and below_band NULL where there is no value per kg or no band', async () => {
    await unitValueBands(warehouse.connection, config);
    expect(await item('NOMASS')).toMatchObject({
      value_per_kg: null,
      band_level: null,
      band_low_per_kg: null,
      below_band: null,
    });
    expect(await item('S4')).toMatchObject({
      value_per_kg: 0.001,
      band_level: null,
      band_low_per_kg: null,
      below_band: null,
    });
  });

  it('reports the robust z of a judged item on the log scale', async () => {
    await unitValueBands(warehouse.connection, config);
    // VN3: (log2 0.01 − 3) / 2.9652 in log2 units (ln 2 cancels).
    expect((await item('VN3')).robust_z).toBeCloseTo((Math.log2(0.01) - 3) / 2.9652, 10);
  });

  it('summarises the bands and the items judged', async () => {
    const summary = await unitValueBands(warehouse.connection, config);
    expect(summary).toEqual({
      hs6Bands: 2,
      originBands: 2,
      items: 20,
      itemsWithValuePerKg: 19,
      // 10 of HS6 090111 (not NOMASS) and 5 of 100630; 610910 has no band.
      itemsBanded: 15,
      // 6 BR items of 090111 and 5 TH items of 100630.
      itemsOriginBand: 11,
      // BR6, VN3, ZERO, and R5 is above (not below).
      itemsBelowBand: 3,
      itemsBelowBandNotReassessed: 2,
      madK: 3,
      minBandItems: 5,
    });
  });

  it('needs minBandItems items: with 20 (the default) no band forms here', async () => {
    const summary = await unitValueBands(warehouse.connection, parseAnalysisConfig({}));
    expect(summary.hs6Bands + summary.originBands).toBe(0);
    expect((await item('VN3')).below_band).toBeNull();
  });

  it('generates SQL that DuckDB accepts', async () => {
    await unitValueBands(warehouse.connection, config);
    for (const sql of [unitValueBandsSql(), itemValuesSql(), unitValueSummarySql()]) {
      await expect(
        execute(warehouse.connection, `EXPLAIN ${sql}`, { min: 5, k: 3 }),
      ).resolves.toBeUndefined();
    }
  });
});
