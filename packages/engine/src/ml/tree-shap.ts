import type { FeatureMatrix } from './feature-matrix.js';
import type { GbdtModel } from './gbdt-model.js';
import { type RegressionTree, nextNode } from './regression-tree.js';

/**
 * Exact TreeSHAP (Lundberg, Erion, Lee 2018, "Consistent individualized feature attribution for
 * tree ensembles", Algorithm 2), ported from the reference implementation in the `shap` package.
 * The path holds, for each feature met on the way down, the share of cover that flows when the
 * feature is absent (zero) or present (one), and the permutation weights of the subsets.
 */
interface Path {
  feature: Int32Array;
  zero: Float64Array;
  one: Float64Array;
  weight: Float64Array;
}

function extendPath(
  p: Path,
  at: number,
  depth: number,
  zero: number,
  one: number,
  feature: number,
): void {
  p.feature[at + depth] = feature;
  p.zero[at + depth] = zero;
  p.one[at + depth] = one;
  p.weight[at + depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    p.weight[at + i + 1] =
      (p.weight[at + i + 1] as number) +
      (one * (p.weight[at + i] as number) * (i + 1)) / (depth + 1);
    p.weight[at + i] = (zero * (p.weight[at + i] as number) * (depth - i)) / (depth + 1);
  }
}

function unwindPath(p: Path, at: number, depth: number, index: number): void {
  const one = p.one[at + index] as number;
  const zero = p.zero[at + index] as number;
  let next = p.weight[at + depth] as number;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = p.weight[at + i] as number;
      p.weight[at + i] = (next * (depth + 1)) / ((i + 1) * one);
      next = tmp - ((p.weight[at + i] as number) * zero * (depth - i)) / (depth + 1);
    } else {
      p.weight[at + i] = ((p.weight[at + i] as number) * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = index; i < depth; i++) {
    p.feature[at + i] = p.feature[at + i + 1] as number;
    p.zero[at + i] = p.zero[at + i + 1] as number;
    p.one[at + i] = p.one[at + i + 1] as number;
  }
}

function unwoundPathSum(p: Path, at: number, depth: number, index: number): number {
  const one = p.one[at + index] as number;
  const zero = p.zero[at + index] as number;
  let next = p.weight[at + depth] as number;
  let total = 0;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = (next * (depth + 1)) / ((i + 1) * one);
      total += tmp;
      next = (p.weight[at + i] as number) - tmp * zero * ((depth - i) / (depth + 1));
    } else if (zero !== 0) {
      total += (p.weight[at + i] as number) / zero / ((depth - i) / (depth + 1));
    }
  }
  return total;
}

function recurse(
  tree: RegressionTree,
  valueOf: (feature: number) => number,
  phi: Float64Array,
  node: number,
  p: Path,
  parentAt: number,
  depth: number,
  parentZero: number,
  parentOne: number,
  parentFeature: number,
): void {
  // Each level works on its own copy of the path, stored after the parent's.
  const at = parentAt + depth;
  for (let i = 0; i < depth; i++) {
    p.feature[at + i] = p.feature[parentAt + i] as number;
    p.zero[at + i] = p.zero[parentAt + i] as number;
    p.one[at + i] = p.one[parentAt + i] as number;
    p.weight[at + i] = p.weight[parentAt + i] as number;
  }
  extendPath(p, at, depth, parentZero, parentOne, parentFeature);
  const split = tree.feature[node] as number;
  if (split < 0) {
    const leafValue = tree.value[node] as number;
    for (let i = 1; i <= depth; i++) {
      const w = unwoundPathSum(p, at, depth, i);
      const f = p.feature[at + i] as number;
      phi[f] =
        (phi[f] as number) +
        w * ((p.one[at + i] as number) - (p.zero[at + i] as number)) * leafValue;
    }
    return;
  }
  const hot = nextNode(tree, node, valueOf(split));
  const cold = hot === tree.left[node] ? (tree.right[node] as number) : (tree.left[node] as number);
  const cover = tree.cover[node] as number;
  const hotZero = (tree.cover[hot] as number) / cover;
  const coldZero = (tree.cover[cold] as number) / cover;
  let incomingZero = 1;
  let incomingOne = 1;
  let index = 0;
  for (; index <= depth; index++) if ((p.feature[at + index] as number) === split) break;
  let d = depth;
  if (index !== depth + 1) {
    incomingZero = p.zero[at + index] as number;
    incomingOne = p.one[at + index] as number;
    unwindPath(p, at, d, index);
    d -= 1;
  }
  recurse(tree, valueOf, phi, hot, p, at, d + 1, hotZero * incomingZero, incomingOne, split);
  recurse(tree, valueOf, phi, cold, p, at, d + 1, coldZero * incomingZero, 0, split);
}

/** Cover-weighted mean output of a tree: its contribution to the SHAP bias term. */
export function treeExpectation(tree: RegressionTree, node = 0): number {
  if ((tree.feature[node] as number) < 0) return tree.value[node] as number;
  const l = tree.left[node] as number;
  const r = tree.right[node] as number;
  const c = tree.cover[node] as number;
  if (c === 0) return tree.value[node] as number;
  return (
    ((tree.cover[l] as number) * treeExpectation(tree, l) +
      (tree.cover[r] as number) * treeExpectation(tree, r)) /
    c
  );
}

function maxDepthOf(tree: RegressionTree, node = 0): number {
  if ((tree.feature[node] as number) < 0) return 0;
  return (
    1 +
    Math.max(
      maxDepthOf(tree, tree.left[node] as number),
      maxDepthOf(tree, tree.right[node] as number),
    )
  );
}

/** SHAP values of one row for one tree, added into `phi` (one slot per feature). */
export function treeShapInto(
  tree: RegressionTree,
  valueOf: (feature: number) => number,
  phi: Float64Array,
): void {
  const depth = maxDepthOf(tree) + 2;
  const size = (depth * (depth + 1)) / 2;
  const p: Path = {
    feature: new Int32Array(size),
    zero: new Float64Array(size),
    one: new Float64Array(size),
    weight: new Float64Array(size),
  };
  recurse(tree, valueOf, phi, 0, p, 0, 0, 1, 1, -1);
}

/** Per-row SHAP contributions and the bias; contributions plus bias sum to the row's margin. */
export interface ShapValues {
  /** rows × features, row-major. */
  readonly contributions: Float64Array;
  readonly features: number;
  /** Expected margin: base score plus each tree's cover-weighted mean output. */
  readonly bias: number;
}

/** Exact TreeSHAP contributions (on the margin scale) for every row of a matrix. */
export function treeShap(model: GbdtModel, matrix: FeatureMatrix): ShapValues {
  const features = model.featureNames.length;
  const { rows, cols, values, layout } = matrix;
  const contributions = new Float64Array(rows * features);
  let bias = model.baseScore;
  for (const tree of model.trees) bias += treeExpectation(tree);
  for (let r = 0; r < rows; r++) {
    const valueOf =
      layout === 'row-major'
        ? (f: number): number => values[r * cols + f] as number
        : (f: number): number => values[f * rows + r] as number;
    const phi = contributions.subarray(r * features, (r + 1) * features);
    for (const tree of model.trees) treeShapInto(tree, valueOf, phi);
  }
  return { contributions, features, bias };
}
