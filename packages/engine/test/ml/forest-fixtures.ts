import { expect } from 'vitest';
import {
  type FeatureKind,
  type GbdtModel,
  leafOf,
  type RegressionTree,
  type SeededRandom,
  seededRandom,
} from '../../src/ml/index.js';

// Random forests and data shared by the scorer tests: every scorer must give the bits of the
// node-by-node walk (`reference`).

export const kinds: FeatureKind[] = ['numeric', 'categorical', 'numeric', 'categorical', 'numeric'];
/** Thresholds and data share a grid, so rows fall exactly on thresholds often. */
export const grid = [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2];

/** A random tree of exactly `depth` levels (one path reaches it), others stopping at random. */
/** Category codes 0 … codes − 1 and the numeric thresholds the trees and the data draw from. */
export interface ForestShape {
  readonly codes: number;
  readonly grid: readonly number[];
}
const smallShape: ForestShape = { codes: 10, grid };

export function randomTree(
  random: SeededRandom,
  depth: number,
  shape: ForestShape = smallShape,
): RegressionTree {
  const feature: number[] = [];
  const threshold: number[] = [];
  const defaultLeft: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const categories: (Float64Array | null)[] = [];
  const grow = (level: number, onDeepPath: boolean): number => {
    const node = feature.length;
    feature.push(-1);
    threshold.push(0);
    defaultLeft.push(0);
    left.push(-1);
    right.push(-1);
    value.push((random.next() - 0.5) * 0.37);
    categories.push(null);
    const split = level < depth && (onDeepPath || random.next() < 0.85);
    if (!split) return node;
    const f = random.nextInt(kinds.length);
    feature[node] = f;
    defaultLeft[node] = random.nextInt(2);
    if (kinds[f] === 'categorical') {
      const codes: number[] = [];
      for (let c = 0; c < shape.codes; c++) if (random.next() < 0.4) codes.push(c);
      categories[node] = Float64Array.from(codes);
    } else {
      threshold[node] = shape.grid[random.nextInt(shape.grid.length)] as number;
    }
    const deepLeft = random.next() < 0.5;
    left[node] = grow(level + 1, onDeepPath && deepLeft);
    right[node] = grow(level + 1, onDeepPath && !deepLeft);
    return node;
  };
  grow(0, true);
  const n = feature.length;
  return {
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    defaultLeft: Uint8Array.from(defaultLeft),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value: Float64Array.from(value),
    gain: new Float64Array(n),
    cover: new Float64Array(n),
    categories,
  };
}

/** One categorical split: rows whose code of `feature` is in `codes` go left. */
export function categoricalStump(
  feature: number,
  codes: readonly number[],
  missingLeft: boolean,
  values: readonly [number, number],
): RegressionTree {
  return {
    feature: Int32Array.from([feature, -1, -1]),
    threshold: new Float64Array(3),
    defaultLeft: Uint8Array.from([missingLeft ? 1 : 0, 0, 0]),
    left: Int32Array.from([1, -1, -1]),
    right: Int32Array.from([2, -1, -1]),
    value: Float64Array.from([0, ...values]),
    gain: new Float64Array(3),
    cover: new Float64Array(3),
    categories: [Float64Array.from(codes), null, null],
  };
}

export function randomModel(
  seed: number,
  depth: number,
  trees: number,
  shape: ForestShape = smallShape,
): GbdtModel {
  const random = seededRandom(seed);
  return {
    objective: 'binary:logistic',
    baseScore: -1.3,
    featureNames: kinds.map((_, f) => `f${f}`),
    featureKinds: kinds,
    trees: Array.from({ length: trees }, (_, t) =>
      randomTree(random, t === 0 ? depth : 1 + random.nextInt(depth), shape),
    ),
    params: {},
  };
}

/** Columns with missing values, ±Infinity, −0, values on and near the thresholds, unnamed codes. */
export function randomColumns(
  seed: number,
  rows: number,
  shape: ForestShape = smallShape,
): Float64Array[] {
  const random = seededRandom(seed);
  const special = [NaN, Infinity, -Infinity, -0];
  return kinds.map((kind) =>
    Float64Array.from({ length: rows }, () => {
      const u = random.next();
      if (u < 0.15) return NaN;
      if (kind === 'categorical') {
        if (u < 0.25) {
          const unnamed = [shape.codes, shape.codes + 1, 1e6, -1, 2.5, -0];
          return unnamed[random.nextInt(unnamed.length)] as number;
        }
        return random.nextInt(shape.codes);
      }
      if (u < 0.2) return special[random.nextInt(special.length)] as number;
      if (u < 0.5) return shape.grid[random.nextInt(shape.grid.length)] as number;
      if (u < 0.6) return (shape.grid[random.nextInt(shape.grid.length)] as number) + 1e-12;
      return random.next() * 5 - 2.5;
    }),
  );
}

/** Margins walking each tree node by node (the reference every scorer must equal). */
export function reference(model: GbdtModel, columns: readonly Float64Array[]): Float64Array {
  const rows = (columns[0] as Float64Array).length;
  return Float64Array.from({ length: rows }, (_, r) => {
    let sum = model.baseScore;
    for (const tree of model.trees) {
      sum += tree.value[leafOf(tree, (f) => columns[f]?.[r] as number)] as number;
    }
    return sum;
  });
}

export function expectSameBits(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  let differing = 0;
  for (let r = 0; r < expected.length; r++) if (!Object.is(actual[r], expected[r])) differing++;
  expect(differing).toBe(0);
}
