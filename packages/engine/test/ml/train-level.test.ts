import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { applyFeatureBins, fitFeatureBins } from '../../src/ml/feature-bins.js';
import type { FeatureKind } from '../../src/ml/feature-matrix.js';
import { seededRandom } from '../../src/ml/seeded-random.js';
import type { SplitCandidate } from '../../src/ml/split-finder.js';
import { TrainHelper } from '../../src/ml/train-helper.js';
import { TrainLevel, levelWork } from '../../src/ml/train-level.js';

const params = {
  lambda: 1,
  gamma: 0,
  minChildWeight: 1,
  maxCatOneHot: 4,
  maxCatThreshold: 32,
  catSmooth: 10,
};

/**
 * Ten features: numeric ones with missing values, categorical ones (few and many categories), and
 * a copy of feature 0 as feature 9 (in another chunk on two threads), whose gains tie with 0's.
 */
function problem(rows: number): {
  data: ReturnType<typeof applyFeatureBins>;
  featureBins: ReturnType<typeof fitFeatureBins>;
  gradHess: Float64Array;
} {
  const random = seededRandom(3);
  const kinds: FeatureKind[] = ['numeric', 'categorical', 'numeric', 'categorical'];
  kinds.push(...Array<FeatureKind>(6).fill('numeric'));
  const columns = kinds.map((kind, f) =>
    Float64Array.from({ length: rows }, () => {
      if (kind === 'categorical') return Math.floor(random.next() * (f === 1 ? 3 : 40));
      return random.next() < 0.1 ? NaN : Math.round(random.next() * 500) / 10;
    }),
  );
  columns[9] = Float64Array.from(columns[0] ?? []);
  const featureBins = fitFeatureBins(columns, kinds);
  const data = applyFeatureBins(columns, featureBins);
  // The first half of the rows follows a set of categories, the second a numeric threshold.
  const label = Float64Array.from({ length: rows }, (_, r) =>
    r < rows / 2 ? ((columns[3]?.[r] ?? 0) % 3 === 0 ? 1 : 0) : (columns[0]?.[r] ?? 0) > 30 ? 1 : 0,
  );
  const gradHess = new Float64Array(2 * rows);
  for (let r = 0; r < rows; r++) {
    const p = 0.2 + 0.6 * random.next();
    gradHess[2 * r] = p - (label[r] as number);
    gradHess[2 * r + 1] = p * (1 - p);
  }
  return { data, featureBins, gradHess };
}

/**
 * The root over all rows and a node of its first half, then three nodes of a third of the rows
 * each, two of them with their sibling derived from the root's or the half's histogram: the
 * splits of all eight nodes.
 */
function levelSplits(level: TrainLevel, rows: number, gradHess: Float64Array): SplitCandidate[] {
  level.gradHess.set(gradHess);
  // Not the natural order, so that the tasks gather rows.
  for (let i = 0; i < rows; i++) level.rows[i] = rows - 1 - i;
  level.setFeatures(Int32Array.from({ length: 10 }, (_, f) => f));
  const sum = (start: number, end: number, k: 0 | 1): number => {
    let s = 0;
    for (let i = start; i < end; i++) s += gradHess[2 * (level.rows[i] as number) + k] as number;
    return s;
  };
  const sums = (start: number, end: number): [number, number] => [
    sum(start, end, 0),
    sum(start, end, 1),
  ];
  const half = rows >> 1;
  const third = Math.floor(rows / 3);
  const [g, h] = sums(0, rows);
  const [gHalf, hHalf] = sums(0, half);
  const root = level.allocate();
  const firstHalf = level.allocate();
  level.addTask(0, rows, root, -1, [g, h, 0, 0]);
  level.addTask(0, half, firstHalf, -1, [gHalf, hHalf, 0, 0]);
  level.run();
  const splits = [level.split(0, false), level.split(1, false)];
  level.clearTasks();
  const [g1, h1] = sums(0, third);
  const [g2, h2] = sums(third, 2 * third);
  const [g3, h3] = sums(2 * third, rows);
  const slots = [level.allocate(), level.allocate(), level.allocate()] as const;
  level.addTask(0, third, slots[0], root, [g1, h1, g - g1, h - h1]);
  level.addTask(third, 2 * third, slots[1], -1, [g2, h2, 0, 0]);
  level.addTask(2 * third, rows, slots[2], firstHalf, [g3, h3, gHalf - g3, hHalf - h3]);
  level.run();
  splits.push(level.split(0, false), level.split(0, true), level.split(1, false));
  splits.push(level.split(2, false), level.split(2, true));
  level.clearTasks();
  for (const slot of [root, firstHalf, ...slots]) level.release(slot);
  return splits;
}

describe('a tree level on two threads', () => {
  it('finds the same splits, to the bit, whichever thread runs which chunk of features', async () => {
    const rows = 12_000;
    const { data, featureBins, gradHess } = problem(rows);
    const one = new TrainLevel(data, featureBins, params);
    const expected = levelSplits(one, rows, gradHess);
    expect(expected.some((s) => s.leftBins !== null)).toBe(true);
    // Ties go to the first feature, as on one thread.
    expect(expected.some((s) => s.feature === 0)).toBe(true);
    expect(expected.some((s) => s.feature === 9)).toBe(false);
    const helper = new TrainHelper([levelWork]);
    const two = new TrainLevel(data, featureBins, params, helper);
    try {
      // Straight after start-up the helper is usually still loading and the caller runs every
      // chunk; later the helper takes some, unless it is not scheduled in time: try a while.
      expect(levelSplits(two, rows, gradHess)).toEqual(expected);
      for (let k = 0; k < 100 && two.helperChunks === 0; k++) {
        await sleep(20);
        expect(levelSplits(two, rows, gradHess)).toEqual(expected);
      }
      expect(two.helperChunks).toBeGreaterThan(0);
    } finally {
      await helper.close();
    }
  });

  it('runs its helper in a process whose eval code is an ES module (node --input-type=module -e)', async () => {
    const rows = 9000;
    const { data, featureBins, gradHess } = problem(rows);
    const helper = new TrainHelper([levelWork], ['--input-type=module']);
    const level = new TrainLevel(data, featureBins, params, helper);
    try {
      for (let k = 0; k < 100 && level.helperChunks === 0; k++) {
        await sleep(20);
        levelSplits(level, rows, gradHess);
      }
      expect(level.helperChunks).toBeGreaterThan(0);
    } finally {
      await helper.close();
    }
  });
});
