import type { FeatureMatrix } from './feature-matrix.js';
import type { GbdtModel } from './gbdt-model.js';
import { type RegressionTree, nextNode, treeDepth } from './regression-tree.js';

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

// The loops below keep every division off the chain of dependent operations (each factor such as
// (depth + 1) / (i + 1) does not depend on the previous step), so that the processor overlaps them;
// the results differ from the reference implementation's order of operations in the last bits only.
function extendPath(
  p: Path,
  at: number,
  depth: number,
  zero: number,
  one: number,
  feature: number,
): void {
  const weight = p.weight;
  p.feature[at + depth] = feature;
  p.zero[at + depth] = zero;
  p.one[at + depth] = one;
  weight[at + depth] = depth === 0 ? 1 : 0;
  const scale = 1 / (depth + 1);
  for (let i = depth - 1; i >= 0; i--) {
    const w = weight[at + i] as number;
    weight[at + i + 1] = (weight[at + i + 1] as number) + one * w * ((i + 1) * scale);
    weight[at + i] = zero * w * ((depth - i) * scale);
  }
}

function unwindPath(p: Path, at: number, depth: number, index: number): void {
  const weight = p.weight;
  const one = p.one[at + index] as number;
  const zero = p.zero[at + index] as number;
  if (one !== 0) {
    const up = (depth + 1) / one;
    const down = zero / (depth + 1);
    let next = weight[at + depth] as number;
    for (let i = depth - 1; i >= 0; i--) {
      const tmp = weight[at + i] as number;
      const w = next * (up / (i + 1));
      weight[at + i] = w;
      next = tmp - w * (down * (depth - i));
    }
  } else {
    const up = (depth + 1) / zero;
    for (let i = depth - 1; i >= 0; i--) {
      weight[at + i] = (weight[at + i] as number) * (up / (depth - i));
    }
  }
  for (let i = index; i < depth; i++) {
    p.feature[at + i] = p.feature[at + i + 1] as number;
    p.zero[at + i] = p.zero[at + i + 1] as number;
    p.one[at + i] = p.one[at + i + 1] as number;
  }
}

function unwoundPathSum(p: Path, at: number, depth: number, index: number): number {
  const weight = p.weight;
  const one = p.one[at + index] as number;
  const zero = p.zero[at + index] as number;
  let total = 0;
  if (one !== 0) {
    const up = (depth + 1) / one;
    const down = zero / (depth + 1);
    let next = weight[at + depth] as number;
    for (let i = depth - 1; i >= 0; i--) {
      const tmp = next * (up / (i + 1));
      total += tmp;
      next = (weight[at + i] as number) - tmp * (down * (depth - i));
    }
  } else if (zero !== 0) {
    const up = (depth + 1) / zero;
    for (let i = depth - 1; i >= 0; i--) total += (weight[at + i] as number) * (up / (depth - i));
  }
  return total;
}

/** Where the row's values are: feature f at values[base + f × stride]. */
interface RowView {
  values: Float64Array | Float32Array;
  base: number;
  stride: number;
}

function recurse(
  tree: RegressionTree,
  row: RowView,
  phi: Float64Array,
  phiBase: number,
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
  const { feature, zero, one, weight } = p;
  for (let i = 0; i < depth; i++) {
    feature[at + i] = feature[parentAt + i] as number;
    zero[at + i] = zero[parentAt + i] as number;
    one[at + i] = one[parentAt + i] as number;
    weight[at + i] = weight[parentAt + i] as number;
  }
  extendPath(p, at, depth, parentZero, parentOne, parentFeature);
  const split = tree.feature[node] as number;
  if (split < 0) {
    const leafValue = tree.value[node] as number;
    for (let i = 1; i <= depth; i++) {
      const w = unwoundPathSum(p, at, depth, i);
      const o = phiBase + (feature[at + i] as number);
      phi[o] =
        (phi[o] as number) + w * ((one[at + i] as number) - (zero[at + i] as number)) * leafValue;
    }
    return;
  }
  const hot = nextNode(tree, node, row.values[row.base + split * row.stride] as number);
  const cold = hot === tree.left[node] ? (tree.right[node] as number) : (tree.left[node] as number);
  const cover = tree.cover[node] as number;
  const hotZero = (tree.cover[hot] as number) / cover;
  const coldZero = (tree.cover[cold] as number) / cover;
  let incomingZero = 1;
  let incomingOne = 1;
  let index = 0;
  for (; index <= depth; index++) if ((feature[at + index] as number) === split) break;
  let d = depth;
  if (index !== depth + 1) {
    incomingZero = zero[at + index] as number;
    incomingOne = one[at + index] as number;
    unwindPath(p, at, d, index);
    d -= 1;
  }
  recurse(tree, row, phi, phiBase, hot, p, at, d + 1, hotZero * incomingZero, incomingOne, split);
  recurse(tree, row, phi, phiBase, cold, p, at, d + 1, coldZero * incomingZero, 0, split);
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

const depthOfTree = new WeakMap<RegressionTree, number>();

function cachedDepth(tree: RegressionTree): number {
  let depth = depthOfTree.get(tree);
  if (depth === undefined) {
    depth = treeDepth(tree);
    depthOfTree.set(tree, depth);
  }
  return depth;
}

/** Path storage for trees up to `maxDepth` deep: one copy of the path per level. */
function pathFor(maxDepth: number): Path {
  const depth = maxDepth + 2;
  const size = (depth * (depth + 1)) / 2;
  return {
    feature: new Int32Array(size),
    zero: new Float64Array(size),
    one: new Float64Array(size),
    weight: new Float64Array(size),
  };
}

/** SHAP values of one row for one tree, added into `phi` (one slot per feature). */
export function treeShapInto(
  tree: RegressionTree,
  valueOf: (feature: number) => number,
  phi: Float64Array,
): void {
  const nf = Math.max(0, ...tree.feature) + 1;
  const values = Float64Array.from({ length: nf }, (_, f) => valueOf(f));
  recurse(
    tree,
    { values, base: 0, stride: 1 },
    phi,
    0,
    0,
    pathFor(cachedDepth(tree)),
    0,
    0,
    1,
    1,
    -1,
  );
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
  // One path buffer for all rows and trees (sized for the deepest tree): no allocation per call.
  let deepest = 0;
  for (const tree of model.trees) deepest = Math.max(deepest, cachedDepth(tree));
  const path = pathFor(deepest);
  const row: RowView = { values, base: 0, stride: layout === 'row-major' ? 1 : rows };
  for (let r = 0; r < rows; r++) {
    row.base = layout === 'row-major' ? r * cols : r;
    for (const tree of model.trees) {
      recurse(tree, row, contributions, r * features, 0, path, 0, 0, 1, 1, -1);
    }
  }
  return { contributions, features, bias };
}
