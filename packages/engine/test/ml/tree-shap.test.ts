import { describe, expect, it } from 'vitest';
import {
  type FeatureKind,
  type RegressionTree,
  featureImportance,
  matrixFromColumns,
  nextNode,
  predictMargin,
  seededRandom,
  trainGbdt,
  treeShap,
} from '../../src/ml/index.js';
import { kinds as kinds5, randomColumns, randomModel } from './forest-fixtures.js';

function data(n: number, seed: number): { columns: Float64Array[]; label: Float64Array } {
  const random = seededRandom(seed);
  const columns = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const label = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = random.next();
    const b = random.next();
    const c = random.nextInt(5);
    (columns[0] as Float64Array)[i] = random.next() < 0.15 ? NaN : a;
    (columns[1] as Float64Array)[i] = b;
    (columns[2] as Float64Array)[i] = c;
    label[i] = (a > 0.6 && b < 0.5) || c === 3 || random.next() < 0.1 ? 1 : 0;
  }
  return { columns, label };
}

/** E[f(x) | x_S]: features in S follow x, the others split by cover (TreeSHAP's path expectation). */
function conditional(tree: RegressionTree, x: number[], subset: Set<number>, node = 0): number {
  const f = tree.feature[node] as number;
  if (f < 0) return tree.value[node] as number;
  if (subset.has(f)) return conditional(tree, x, subset, nextNode(tree, node, x[f] as number));
  const l = tree.left[node] as number;
  const r = tree.right[node] as number;
  const c = tree.cover[node] as number;
  return (
    ((tree.cover[l] as number) * conditional(tree, x, subset, l) +
      (tree.cover[r] as number) * conditional(tree, x, subset, r)) /
    c
  );
}

function factorial(k: number): number {
  return k <= 1 ? 1 : k * factorial(k - 1);
}

/** Shapley values by enumerating every subset of the features. */
function bruteForceShap(trees: readonly RegressionTree[], x: number[], m: number): number[] {
  const phi = new Array<number>(m).fill(0);
  for (let i = 0; i < m; i++) {
    for (let mask = 0; mask < 1 << m; mask++) {
      if (mask & (1 << i)) continue;
      const subset = new Set<number>();
      for (let j = 0; j < m; j++) if (mask & (1 << j)) subset.add(j);
      const weight = (factorial(subset.size) * factorial(m - subset.size - 1)) / factorial(m);
      const withI = new Set(subset).add(i);
      for (const tree of trees) {
        phi[i] =
          (phi[i] as number) +
          weight * (conditional(tree, x, withI) - conditional(tree, x, subset));
      }
    }
  }
  return phi;
}

const kinds: FeatureKind[] = ['numeric', 'numeric', 'categorical'];

describe('treeShap', () => {
  it('gives contributions that sum with the bias to the margin of every row', () => {
    const train = data(3000, 1);
    const { model } = trainGbdt(train, { rounds: 40, maxDepth: 6 }, { featureKinds: kinds });
    const probe = matrixFromColumns(data(300, 2).columns);
    const margin = predictMargin(model, probe);
    const shap = treeShap(model, probe);
    for (let r = 0; r < probe.rows; r++) {
      let sum = shap.bias;
      for (let f = 0; f < 3; f++) sum += shap.contributions[r * 3 + f] as number;
      expect(Math.abs(sum - (margin[r] as number))).toBeLessThan(1e-9);
    }
  });

  // 20 rows take the recursion, 200 the leaf tables (from 64 rows).
  for (const rows of [20, 200]) {
    it(`matches Shapley values computed by enumerating all feature subsets (${rows} rows)`, () => {
      const { model } = trainGbdt(
        data(2000, 3),
        { rounds: 3, maxDepth: 3 },
        { featureKinds: kinds },
      );
      const probe = data(rows, 4);
      const matrix = matrixFromColumns(probe.columns);
      const shap = treeShap(model, matrix);
      for (let r = 0; r < rows; r++) {
        const x = probe.columns.map((c) => c[r] as number);
        const expected = bruteForceShap(model.trees, x, 3);
        for (let f = 0; f < 3; f++)
          expect(shap.contributions[r * 3 + f]).toBeCloseTo(expected[f] as number, 12);
      }
    });
  }

  it('gives the contributions of the recursion from the leaf tables, on deep trees that reuse features', () => {
    // Depth 8 over 5 features: most paths test a feature twice or more; categorical sets and
    // missing values included. Covers come from routing rows, as training records them.
    const model = randomModel(21, 8, 30);
    const route = randomColumns(22, 5000);
    const trees = model.trees.map((tree) => {
      const cover = new Float64Array(tree.feature.length).fill(1);
      for (let r = 0; r < 5000; r++) {
        let node = 0;
        cover[0] = (cover[0] as number) + 1;
        while ((tree.feature[node] as number) >= 0) {
          node = nextNode(tree, node, route[tree.feature[node] as number]?.[r] as number);
          cover[node] = (cover[node] as number) + 1;
        }
      }
      // A parent's cover is the sum of its children's, as in training.
      const sum = (node: number): number => {
        if ((tree.feature[node] as number) < 0) return cover[node] as number;
        cover[node] = sum(tree.left[node] as number) + sum(tree.right[node] as number);
        return cover[node] as number;
      };
      sum(0);
      return { ...tree, cover };
    });
    const covered = { ...model, trees };
    const columns = randomColumns(23, 400);
    const tables = treeShap(covered, matrixFromColumns(columns));
    let compared = 0;
    for (let start = 0; start < 400; start += 40) {
      const part = matrixFromColumns(columns.map((c) => c.subarray(start, start + 40)));
      const recursion = treeShap(covered, part);
      for (let i = 0; i < recursion.contributions.length; i++) {
        const expected = recursion.contributions[i] as number;
        const actual = tables.contributions[start * kinds5.length + i] as number;
        expect(Math.abs(actual - expected)).toBeLessThan(1e-12 * (1 + Math.abs(expected)));
        if (expected !== 0) compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
    const margin = predictMargin(covered, matrixFromColumns(columns));
    for (let r = 0; r < 400; r++) {
      let sum = tables.bias;
      for (let f = 0; f < kinds5.length; f++)
        sum += tables.contributions[r * kinds5.length + f] as number;
      expect(Math.abs(sum - (margin[r] as number))).toBeLessThan(1e-9);
    }
  });

  it('ranks the features that drive the label above pure noise', () => {
    const train = data(3000, 5);
    const noise = Float64Array.from({ length: 3000 }, (_, i) => (i * 7919) % 1000);
    const { model } = trainGbdt(
      { columns: [...train.columns, noise], label: train.label },
      { rounds: 20, maxDepth: 3 },
      { featureKinds: [...kinds, 'numeric'], featureNames: ['a', 'b', 'c', 'noise'] },
    );
    const probe = matrixFromColumns([...data(200, 6).columns, noise.subarray(0, 200)]);
    const importance = featureImportance(model, probe);
    const shapRank = [...importance]
      .sort((x, y) => y.meanAbsShap - x.meanAbsShap)
      .map((i) => i.feature);
    expect(shapRank[3]).toBe('noise');
    expect(importance[3]?.feature).toBe('noise');
    expect(importance.every((i) => i.cover >= 0 && i.splits >= 0)).toBe(true);
  });
});
