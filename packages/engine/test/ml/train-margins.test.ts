import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { applyFeatureBins, fitFeatureBins } from '../../src/ml/feature-bins.js';
import type { FeatureKind } from '../../src/ml/feature-matrix.js';
import { seededRandom } from '../../src/ml/seeded-random.js';
import { TrainHelper } from '../../src/ml/train-helper.js';
import { TrainMargins, marginsWork } from '../../src/ml/train-margins.js';
import { type GrownTree, growTree } from '../../src/ml/tree-grower.js';

const params = {
  lambda: 1,
  gamma: 0,
  minChildWeight: 1,
  maxCatOneHot: 4,
  maxCatThreshold: 32,
  catSmooth: 10,
  maxDepth: 4,
  maxLeaves: 0,
  growPolicy: 'depthwise' as const,
  learningRate: 0.3,
};

/** A numeric feature with missing values and a categorical one, with a label that follows both. */
function problem(rows: number, seed: number): { columns: Float64Array[]; label: Float64Array } {
  const random = seededRandom(seed);
  const x = Float64Array.from({ length: rows }, () => (random.next() < 0.1 ? NaN : random.next()));
  const code = Float64Array.from({ length: rows }, () => Math.floor(random.next() * 12));
  const label = Float64Array.from(x, (v, r) =>
    (Number.isNaN(v) ? 0.6 : v) + ((code[r] as number) % 3 === 0 ? 0.5 : 0) > 0.8 ? 1 : 0,
  );
  return { columns: [x, code], label };
}

describe('margins after a tree, on two threads', () => {
  it('routes the rows outside the bag and the validation rows, and gives the same gradients', async () => {
    const kinds: FeatureKind[] = ['numeric', 'categorical'];
    const train = problem(9000, 1);
    const validation = problem(3000, 2);
    const featureBins = fitFeatureBins(train.columns, kinds);
    const data = applyFeatureBins(train.columns, featureBins);
    const valid = applyFeatureBins(validation.columns, featureBins);
    const n = train.label.length;
    const weight = new Float64Array(n).fill(1);
    const one = new TrainMargins('binary:logistic', data, train.label, weight, 0, valid);
    one.startGradients();
    // A tree grown on the even rows, with a categorical split.
    const rows = Uint32Array.from({ length: n / 2 }, (_, i) => 2 * i);
    const grown: GrownTree = growTree(
      data,
      featureBins,
      one.gradient,
      one.hessian,
      rows,
      Int32Array.of(0, 1),
      params,
    );
    expect(grown.leftBins.some((mask) => mask !== null)).toBe(true);
    for (let r = 0; r < n; r++) one.inBag[r] = r % 2 === 0 ? 1 : 0;
    one.update(grown, true);
    // The rows outside the bag and the validation rows reached their leaves' values.
    expect(one.margin[1]).not.toBe(0);
    expect(one.margin[0]).toBe(0);
    expect(new Set(one.validMargin).size).toBeGreaterThan(2);

    const helper = new TrainHelper([{ functions: [], runner: '() => {}' }, marginsWork]);
    try {
      const two = new TrainMargins(
        'binary:logistic',
        data,
        train.label,
        weight,
        0,
        valid,
        helper,
        1,
      );
      for (let k = 0; k < 100 && helper.helperChunks === 0; k++) {
        await sleep(20);
        two.margin.fill(0);
        two.validMargin.fill(0);
        two.inBag.set(one.inBag);
        two.update(grown, true);
        expect(Array.from(two.margin)).toEqual(Array.from(one.margin));
        expect(Array.from(two.validMargin)).toEqual(Array.from(one.validMargin));
        expect(Array.from(two.gradient)).toEqual(Array.from(one.gradient));
        expect(Array.from(two.hessian)).toEqual(Array.from(one.hessian));
      }
      expect(helper.helperChunks).toBeGreaterThan(0);
    } finally {
      await helper.close();
    }
  });
});
