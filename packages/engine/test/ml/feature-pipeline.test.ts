import { describe, expect, it } from 'vitest';
import {
  applyFeaturePipeline,
  applyCountEncoding,
  fitFeaturePipeline,
  outOfFoldTargetEncoding,
  type TextTable,
} from '../../src/ml/index.js';

function table(rows: string[][], names: string[]): TextTable {
  return { names, columns: names.map((_, j) => rows.map((r) => r[j] as string)) };
}

describe('category encodings', () => {
  it('encodes each training row without its own label', () => {
    // One category, four rows, labels 1 1 0 0. Whatever the folds, a row's encoding is built from
    // the other folds only, so it can never equal the full-data mean when folds differ in labels.
    const codes = Int32Array.of(0, 0, 0, 0, -1);
    const label = Float64Array.of(1, 1, 0, 0, 1);
    const { train, encoding } = outOfFoldTargetEncoding(codes, label, 1, {
      folds: 4,
      smoothing: 0,
      seed: 1,
    });
    // Full-data mean of category 0: 2 / 4.
    expect(encoding.means[0]).toBe(0.5);
    expect(train[4]).toBeNaN();
    // With smoothing 0 the encoding of a row is the mean label of the other folds' rows of its
    // category, so it never includes the row itself: rows labelled 1 get at most 1/3 + …
    for (let i = 0; i < 4; i++) expect(train[i]).not.toBe(label[i]);
  });

  it('pulls rare categories to the prior with smoothing', () => {
    const { encoding } = outOfFoldTargetEncoding(
      Int32Array.of(0, 1, 1, 1, 1),
      Float64Array.of(1, 0, 0, 0, 0),
      2,
      {
        smoothing: 1,
      },
    );
    // Prior 1/5. Category 0: (1 + 0.2) / (1 + 1) = 0.6; category 1: (0 + 0.2) / (4 + 1) = 0.04.
    expect(encoding.means[0]).toBeCloseTo(0.6, 15);
    expect(encoding.means[1]).toBeCloseTo(0.04, 15);
  });

  it('counts categories, unseen ones as zero', () => {
    expect(
      Array.from(applyCountEncoding(Int32Array.of(0, 1, 5, -1), Float64Array.of(3, 7))),
    ).toEqual([3, 7, 0, NaN]);
  });
});

describe('feature pipeline', () => {
  const names = ['id', 'hs', 'origin', 'departure', 'mass', 'price', 'mode', 'trader', 'fraud'];
  const rows: string[][] = [];
  for (let i = 0; i < 400; i++) {
    const hs = String(100000 + (i % 50) * 1013).padStart(6, '0');
    rows.push([
      String(i),
      hs,
      ['CN', 'US', 'DE', 'KR'][i % 4] as string,
      ['CN', 'US', 'JP', 'KR'][(i >> 2) % 4] as string,
      `${10 + (i % 7)}.5`,
      String(100 * (1 + (i % 11))),
      ['10', '40'][i % 2] as string,
      `T${i % 60}`,
      String(i % 5 === 0 ? 1 : 0),
    ]);
  }
  const train = table(rows, names);
  const label = Float64Array.from(rows, (r) => Number(r[8]));

  it('types columns, encodes categories and derives generic features', () => {
    const { pipeline, train: out } = fitFeaturePipeline(train, label, { exclude: ['id', 'fraud'] });
    expect(out.names).toEqual(
      expect.arrayContaining(['hs', 'hs:target', 'hs:count', 'hs[:2]', 'hs[:4]:target']),
    );
    expect(out.names).toEqual(
      expect.arrayContaining(['origin', 'mode:category', 'trader:target', 'trader:count']),
    );
    expect(out.names).toContain('origin = departure');
    expect(out.names).toEqual(expect.arrayContaining(['trader × hs:target', 'trader × hs:count']));
    expect(out.names).toContain('price / mass');
    expect(out.names).toContain('price / mass ÷ median by hs');
    expect(out.names).toEqual(
      expect.arrayContaining([
        'price / mass ÷ median by hs[:2]',
        'price / mass ÷ median by hs[:4]',
      ]),
    );
    expect(out.names).not.toContain('id');
    expect(out.kinds[out.names.indexOf('origin')]).toBe('categorical');
    expect(pipeline.format).toBe('probity-feature-pipeline');
    const equal = out.columns[out.names.indexOf('origin = departure')] as Float64Array;
    expect(equal[0]).toBe(1); // CN and CN
    expect(equal[1]).toBe(0); // US and CN
  });

  it('applies the same transforms to new data and copes with unseen values', () => {
    const { pipeline, train: out } = fitFeaturePipeline(train, label, { exclude: ['id', 'fraud'] });
    const fresh = table([['9999', '999999', 'FR', 'FR', '5.0', '50', '30', 'NEW', '']], names);
    const applied = applyFeaturePipeline(pipeline, fresh);
    expect(applied.names).toEqual(out.names);
    const at = (n: string): number =>
      (applied.columns[applied.names.indexOf(n)] as Float64Array)[0] as number;
    expect(at('trader:count')).toBe(0);
    expect(at('trader:target')).toBeCloseTo(80 / 400, 12);
    expect(at('origin')).toBeNaN();
    expect(at('origin = departure')).toBe(1);
    expect(at('price / mass')).toBe(50 / 5);
    // Non-training rows get the full-data encoding, identical when applied to the training table.
    const again = applyFeaturePipeline(pipeline, train);
    expect(Array.from(again.columns[again.names.indexOf('mass')] as Float64Array)).toEqual(
      Array.from(out.columns[out.names.indexOf('mass')] as Float64Array),
    );
  });

  it('compares an amount with its median within the code and within each prefix of the code', () => {
    // Headings 0101 (prices 100, 300, 50: median 100) and 0201 (10, 30: median 20); code 010120
    // has one row, too few for a median of its own.
    const columns = ['hs', 'price', 'fraud'];
    const small = table(
      [
        ['010110', '100', '0'],
        ['010110', '300', '1'],
        ['010120', '50', '0'],
        ['020110', '10', '0'],
        ['020110', '30', '1'],
      ],
      columns,
    );
    const { pipeline, train: out } = fitFeaturePipeline(small, Float64Array.of(0, 1, 0, 0, 1), {
      exclude: ['fraud'],
      maxNativeCategories: 2,
    });
    const column = (o: typeof out, n: string): number[] =>
      Array.from(o.columns[o.names.indexOf(n)] as Float64Array);
    expect(column(out, 'price ÷ median by hs')).toEqual([0.5, 1.5, NaN, 0.5, 1.5]);
    expect(column(out, 'price ÷ median by hs[:4]')).toEqual([1, 3, 0.5, 0.5, 1.5]);
    expect(column(out, 'price ÷ median by hs[:2]')).toEqual([1, 3, 0.5, 0.5, 1.5]);
    // A code unseen in training still has its heading's median.
    const fresh = applyFeaturePipeline(pipeline, table([['010199', '200', '']], columns));
    expect(column(fresh, 'price ÷ median by hs')).toEqual([NaN]);
    expect(column(fresh, 'price ÷ median by hs[:4]')).toEqual([2]);
  });

  it('leaves out derived features when asked', () => {
    const { train: out } = fitFeaturePipeline(train, label, {
      exclude: ['id', 'fraud'],
      derived: false,
    });
    expect(out.names.some((n) => n.includes('/') || n.includes('='))).toBe(false);
  });
});
