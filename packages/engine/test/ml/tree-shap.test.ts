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

  it('matches Shapley values computed by enumerating all feature subsets', () => {
    const { model } = trainGbdt(data(2000, 3), { rounds: 3, maxDepth: 3 }, { featureKinds: kinds });
    const probe = data(20, 4);
    const matrix = matrixFromColumns(probe.columns);
    const shap = treeShap(model, matrix);
    for (let r = 0; r < 20; r++) {
      const x = probe.columns.map((c) => c[r] as number);
      const expected = bruteForceShap(model.trees, x, 3);
      for (let f = 0; f < 3; f++)
        expect(shap.contributions[r * 3 + f]).toBeCloseTo(expected[f] as number, 12);
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
