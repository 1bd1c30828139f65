import { describe, expect, it } from 'vitest';
import {
  type FeatureKind,
  ModelFormatError,
  matrixFromColumns,
  modelFromJson,
  modelToJson,
  predictMargin,
  seededRandom,
  trainGbdt,
} from '../../src/ml/index.js';

function mixedData(n: number, seed: number): { columns: Float64Array[]; label: Float64Array } {
  const random = seededRandom(seed);
  const x = new Float64Array(n);
  const cat = new Float64Array(n);
  const label = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = random.next() < 0.1 ? NaN : random.next() * 1e3 + 1 / 3;
    cat[i] = random.nextInt(12);
    label[i] = (x[i] as number) > 500 !== [2, 5, 11].includes(cat[i] as number) ? 1 : 0;
    if (random.next() < 0.1) label[i] = 1 - (label[i] as number);
  }
  return { columns: [x, cat], label };
}

describe('model JSON', () => {
  it('reloads a model that predicts bit-identically and serialises to the same text', () => {
    const kinds: FeatureKind[] = ['numeric', 'categorical'];
    const data = mixedData(2000, 1);
    const { model } = trainGbdt(
      data,
      { rounds: 25, maxDepth: 4, learningRate: 0.17 },
      { featureKinds: kinds },
    );
    const text = JSON.stringify(modelToJson(model));
    const loaded = modelFromJson(text);
    expect(JSON.stringify(modelToJson(loaded))).toBe(text);
    const probe = matrixFromColumns(mixedData(500, 2).columns);
    const a = predictMargin(model, probe);
    const b = predictMargin(loaded, probe);
    for (let i = 0; i < a.length; i++) expect(Object.is(a[i], b[i])).toBe(true);
  });

  it('carries the format name and version', () => {
    const { model } = trainGbdt(mixedData(200, 3), { rounds: 2 });
    const json = modelToJson(model);
    expect(json.format).toBe('probity-gbdt');
    expect(json.version).toBe(1);
  });

  it('rejects another format, another version and trees whose children point backwards', () => {
    const { model } = trainGbdt(mixedData(200, 3), { rounds: 2, maxDepth: 2 });
    const json = JSON.parse(JSON.stringify(modelToJson(model))) as Record<string, unknown>;
    expect(() => modelFromJson({ ...json, format: 'xgboost' })).toThrow(ModelFormatError);
    expect(() => modelFromJson({ ...json, version: 2 })).toThrow(/version/);
    const trees = json['trees'] as { left: number[] }[];
    (trees[0] as { left: number[] }).left[0] = 0;
    expect(() => modelFromJson(json)).toThrow(/out of order/);
  });
});

describe('batch prediction', () => {
  it('gives the compiled large-batch path the same bits as walking the trees row by row', () => {
    const kinds: FeatureKind[] = ['numeric', 'categorical'];
    const { model } = trainGbdt(
      mixedData(3000, 5),
      { rounds: 30, maxDepth: 5 },
      { featureKinds: kinds },
    );
    const probe = mixedData(5000, 6).columns;
    const batch = predictMargin(model, matrixFromColumns(probe));
    const rowMajor = new Float32Array(5000 * 2);
    for (let r = 0; r < 5000; r++) {
      rowMajor[2 * r] = probe[0]?.[r] as number;
      rowMajor[2 * r + 1] = probe[1]?.[r] as number;
    }
    const batch32 = predictMargin(model, {
      rows: 5000,
      cols: 2,
      values: rowMajor,
      layout: 'row-major',
    });
    for (let r = 0; r < 5000; r += 7) {
      const one = predictMargin(model, matrixFromColumns(probe.map((c) => c.subarray(r, r + 1))));
      expect(Object.is(one[0], batch[r])).toBe(true);
      const one32 = predictMargin(
        model,
        matrixFromColumns([
          Float64Array.of(rowMajor[2 * r] as number),
          Float64Array.of(rowMajor[2 * r + 1] as number),
        ]),
      );
      expect(Object.is(one32[0], batch32[r])).toBe(true);
    }
  });
});
