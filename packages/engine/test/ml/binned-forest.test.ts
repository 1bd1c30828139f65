import { describe, expect, it } from 'vitest';
import { binForest, scoreBinnedForest } from '../../src/ml/binned-forest.js';
import { compileForest } from '../../src/ml/compiled-forest.js';
import {
  type FeatureKind,
  type GbdtModel,
  matrixFromColumns,
  modelFromJson,
  modelToJson,
  predictMargin,
  seededRandom,
  trainGbdt,
} from '../../src/ml/index.js';

const kinds: FeatureKind[] = ['numeric', 'categorical', 'numeric'];

function data(n: number, seed: number): { columns: Float64Array[]; label: Float64Array } {
  const random = seededRandom(seed);
  const x = new Float64Array(n);
  const cat = new Float64Array(n);
  const z = new Float64Array(n);
  const label = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = random.next() < 0.1 ? NaN : random.next() * 100;
    cat[i] = random.next() < 0.05 ? NaN : random.nextInt(30);
    z[i] = random.next() < 0.3 ? NaN : random.next() - 0.5;
    const logit = ((x[i] as number) > 40 ? 1 : -1) + ((cat[i] as number) % 3 === 0 ? 1.5 : 0);
    label[i] = random.next() < 1 / (1 + Math.exp(-logit - (z[i] as number))) ? 1 : 0;
  }
  return { columns: [x, cat, z], label };
}

/** Margins walking the trees one row at a time (the reference the fast paths must equal). */
function rowByRow(model: GbdtModel, columns: readonly Float64Array[]): Float64Array {
  const rows = (columns[0] as Float64Array).length;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    out[r] = predictMargin(
      model,
      matrixFromColumns(columns.map((c) => c.subarray(r, r + 1))),
    )[0] as number;
  }
  return out;
}

/** Probe rows at the edges: every threshold exactly, its neighbours, ±Infinity, −0, unseen codes. */
function edgeProbe(model: GbdtModel, rows: number): Float64Array[] {
  const random = seededRandom(11);
  const thresholds = [0, 2].map((f) => {
    const t: number[] = [];
    for (const tree of model.trees)
      tree.feature.forEach((g, n) => {
        if (g === f) t.push(tree.threshold[n] as number);
      });
    return t;
  });
  const pick = <T>(a: readonly T[]): T => a[random.nextInt(a.length)] as T;
  const special = [NaN, Infinity, -Infinity, -0, 0];
  const numeric = (t: number[]): number => {
    const u = random.next();
    if (u < 0.3) return pick(t);
    if (u < 0.4) return pick(t) + 1e-9;
    if (u < 0.5) return pick(special);
    return random.next() * 120 - 10;
  };
  const x = new Float64Array(rows);
  const cat = new Float64Array(rows);
  const z = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    x[r] = numeric(thresholds[0] as number[]);
    z[r] = numeric(thresholds[1] as number[]);
    const u = random.next();
    cat[r] = u < 0.1 ? NaN : u < 0.2 ? pick([30, 31, 1e6, -1, 2.5, -0]) : random.nextInt(30);
  }
  return [x, cat, z];
}

describe('binned forest', () => {
  const { model } = trainGbdt(data(4000, 1), { rounds: 40, maxDepth: 6 }, { featureKinds: kinds });

  it('gives the same bits as walking the trees row by row, on edge values and across blocks', () => {
    const probe = edgeProbe(model, 9001);
    const forest = binForest(model);
    expect(forest).not.toBeNull();
    const out = new Float64Array(9001);
    scoreBinnedForest(
      forest as NonNullable<typeof forest>,
      matrixFromColumns(probe).values,
      9001,
      1,
      9001,
      out,
    );
    const reference = rowByRow(model, probe);
    for (let r = 0; r < 9001; r++) expect(Object.is(out[r], reference[r])).toBe(true);
  });

  it('reads Float32 row-major blocks like the compiled trees', () => {
    const probe = edgeProbe(model, 5003);
    const values = new Float32Array(5003 * 3);
    for (let r = 0; r < 5003; r++)
      for (let f = 0; f < 3; f++) values[3 * r + f] = probe[f]?.[r] as number;
    const binned = predictMargin(model, { rows: 5003, cols: 3, values, layout: 'row-major' });
    const compiled = new Float64Array(5003).fill(model.baseScore);
    compileForest(model)(values, 5003, 3, 1, compiled);
    for (let r = 0; r < 5003; r++) expect(Object.is(binned[r], compiled[r])).toBe(true);
    // Both against the row-by-row walk of the values as Float32 rounds them.
    const reference = rowByRow(
      model,
      probe.map((c) => Float64Array.from(Float32Array.from(c))),
    );
    for (let r = 0; r < 5003; r++) expect(Object.is(binned[r], reference[r])).toBe(true);
  });

  it('scores a large batch in segments (scorer trial) with the same bits, in both layouts', () => {
    const rows = 6 * 8192 + 1234;
    const probe = edgeProbe(model, rows);
    const columnMajor = predictMargin(model, matrixFromColumns(probe));
    const values = new Float32Array(rows * 3);
    for (let r = 0; r < rows; r++)
      for (let f = 0; f < 3; f++) values[3 * r + f] = probe[f]?.[r] as number;
    // A copy of the model: the scorer is chosen once per model object, on its first large batch.
    const copy = modelFromJson(modelToJson(model));
    const rowMajor = predictMargin(copy, { rows, cols: 3, values, layout: 'row-major' });
    const compiled = new Float64Array(rows).fill(model.baseScore);
    compileForest(model)(values, rows, 3, 1, compiled);
    const sample: number[] = [];
    for (let r = 0; r < rows; r += 53) sample.push(r);
    const reference = rowByRow(
      model,
      probe.map((c) => Float64Array.from(sample, (r) => c[r] as number)),
    );
    sample.forEach((r, i) => expect(Object.is(columnMajor[r], reference[i])).toBe(true));
    // The trial may pick the compiled trees: check the row-major batch against the walk too.
    const referenceFloat32 = rowByRow(
      model,
      probe.map((c) => Float64Array.from(sample, (r) => Math.fround(c[r] as number))),
    );
    sample.forEach((r, i) => expect(Object.is(rowMajor[r], referenceFloat32[i])).toBe(true));
    for (let r = 0; r < rows; r++) expect(Object.is(rowMajor[r], compiled[r])).toBe(true);
  });

  it('declines trees deeper than its layout allows, and batch prediction still matches', () => {
    const deep = trainGbdt(
      data(3000, 2),
      { rounds: 5, maxDepth: 0, maxLeaves: 400, growPolicy: 'lossguide', minChildWeight: 0 },
      { featureKinds: kinds },
    ).model;
    const depthOf = (t: GbdtModel['trees'][number], n = 0): number =>
      (t.feature[n] as number) < 0
        ? 0
        : 1 + Math.max(depthOf(t, t.left[n] as number), depthOf(t, t.right[n] as number));
    const depth = Math.max(...deep.trees.map((t) => depthOf(t)));
    expect(depth).toBeGreaterThan(12);
    expect(binForest(deep)).toBeNull();
    const probe = edgeProbe(deep, 2500);
    const batch = predictMargin(deep, matrixFromColumns(probe));
    const reference = rowByRow(deep, probe);
    for (let r = 0; r < 2500; r++) expect(Object.is(batch[r], reference[r])).toBe(true);
  });
});
