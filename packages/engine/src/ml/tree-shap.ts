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

/**
 * A tree's SHAP contributions precomputed per leaf and per pattern of the row (Fast TreeSHAP v2,
 * Yang 2021, "Fast TreeSHAP: Accelerating SHAP Value Computation for Trees"). A leaf's share of
 * the contributions depends on the row only through which of the features on the leaf's path the
 * row agrees with (the "one" fractions, 0 or 1; the "zero" fractions are cover ratios, fixed): for
 * a path of d distinct features there are 2^d patterns, and for each the d contributions are
 * computed once, with the same path functions as the recursion. Scoring a row is then, per leaf,
 * finding its pattern and adding d numbers: O(L·D) per tree instead of O(L·D²) with divisions.
 */
interface LeafTables {
  /** All nodes, parents before children (depth first). */
  readonly order: Int32Array;
  /** Per node: its parent (−1 for the root) and 1 when it is its parent's left child. */
  readonly parent: Int32Array;
  readonly isLeft: Uint8Array;
  /**
   * Per inner node: the position of its feature among the distinct features of the path from the
   * root to it (a feature's first test on a path fixes its position for every leaf below).
   */
  readonly bit: Int32Array;
  /** Per node: its leaf number, or −1 for an inner node. */
  readonly leafNumber: Int32Array;
  /** Per leaf: first entry of its distinct features in `features`; one more at the end. */
  readonly featureStart: Int32Array;
  readonly features: Int32Array;
  /** Per leaf: offset of its table in `values` (pattern p, feature k at offset + p × d + k). */
  readonly valueStart: Float64Array;
  readonly values: Float64Array;
}

/** A tree whose tables would exceed this many numbers keeps the recursion. */
const MAX_TABLE_PER_TREE = 1 << 16;
/** Beyond this many numbers for a whole model, the remaining trees keep the recursion. */
const MAX_TABLE_PER_MODEL = 1 << 23;
/**
 * From this many rows, treeShap builds the leaf tables (once per model: 0.19 s for the demo's 170
 * trees of depth 6, after which a row costs about a quarter of the recursion; measured 1 December).
 */
const TABLES_FROM_ROWS = 64;

function leafTables(tree: RegressionTree): LeafTables | null {
  const n = tree.feature.length;
  const order: number[] = [];
  const parent = new Int32Array(n).fill(-1);
  const isLeft = new Uint8Array(n);
  const bit = new Int32Array(n).fill(-1);
  const leafNumber = new Int32Array(n).fill(-1);
  const leaves: { node: number; seen: number[]; zero: number[] }[] = [];
  let size = 0;
  // seen: distinct features from the root down; zero: their cover fractions so far.
  const walk = (node: number, seen: number[], zero: number[]): void => {
    order.push(node);
    const f = tree.feature[node] as number;
    if (f < 0) {
      leafNumber[node] = leaves.length;
      leaves.push({ node, seen, zero });
      size += seen.length << seen.length;
      return;
    }
    let k = seen.indexOf(f);
    const nextSeen = k < 0 ? [...seen, f] : seen;
    if (k < 0) k = seen.length;
    bit[node] = k;
    for (const [child, left] of [
      [tree.left[node] as number, 1],
      [tree.right[node] as number, 0],
    ] as const) {
      parent[child] = node;
      isLeft[child] = left;
      const nextZero = [...zero];
      const ratio = (tree.cover[child] as number) / (tree.cover[node] as number);
      nextZero[k] = (nextZero[k] ?? 1) * ratio;
      walk(child, nextSeen, nextZero);
    }
  };
  walk(0, [], []);
  if (size > MAX_TABLE_PER_TREE) return null;
  const featureStart = new Int32Array(leaves.length + 1);
  const valueStart = new Float64Array(leaves.length + 1);
  const features: number[] = [];
  const values = new Float64Array(size);
  const depth = Math.max(0, ...leaves.map((l) => l.seen.length));
  const p = pathFor(depth);
  let offset = 0;
  leaves.forEach(({ node: leaf, seen, zero }, l) => {
    const d = seen.length;
    features.push(...seen);
    featureStart[l + 1] = features.length;
    valueStart[l] = offset;
    const leafValue = tree.value[leaf] as number;
    for (let pattern = 0; pattern < 1 << d; pattern++) {
      extendPath(p, 0, 0, 1, 1, -1);
      for (let k = 0; k < d; k++) {
        extendPath(p, 0, k + 1, zero[k] as number, (pattern >> k) & 1, seen[k] as number);
      }
      for (let k = 0; k < d; k++) {
        const w = unwoundPathSum(p, 0, d, k + 1);
        values[offset + k] = w * ((p.one[k + 1] as number) - (p.zero[k + 1] as number)) * leafValue;
      }
      offset += d;
    }
  });
  valueStart[leaves.length] = offset;
  return {
    order: Int32Array.from(order),
    parent,
    isLeft,
    bit,
    leafNumber,
    featureStart,
    features: Int32Array.from(features),
    valueStart,
    values,
  };
}

const tablesOf = new WeakMap<GbdtModel, readonly (LeafTables | null)[]>();

/** Leaf tables for the model's trees, in order, while the model's budget lasts (null: recursion). */
function modelTables(model: GbdtModel): readonly (LeafTables | null)[] {
  const cached = tablesOf.get(model);
  if (cached) return cached;
  let budget = MAX_TABLE_PER_MODEL;
  const tables = model.trees.map((tree) => {
    if (budget <= 0) return null;
    const t = leafTables(tree);
    if (t) budget -= t.values.length;
    return budget >= 0 ? t : null;
  });
  tablesOf.set(model, tables);
  return tables;
}

/**
 * Adds one row's contributions from one tree's leaf tables into phi[phiBase + feature]. Going down
 * the tree, a node's pattern is its parent's, with the parent's feature's bit cleared when the row
 * goes the other way at the parent; a leaf's pattern picks its table row.
 */
function addFromTables(
  tree: RegressionTree,
  t: LeafTables,
  row: RowView,
  goesLeft: Uint8Array,
  patterns: Int32Array,
  phi: Float64Array,
  phiBase: number,
): void {
  const { order, parent, isLeft, bit, leafNumber, featureStart, features, valueStart, values } = t;
  patterns[0] = -1;
  for (let i = 0; i < order.length; i++) {
    const node = order[i] as number;
    const up = parent[node] as number;
    let pattern = -1;
    if (up >= 0) {
      pattern = patterns[up] as number;
      if (goesLeft[up] !== isLeft[node]) pattern &= ~(1 << (bit[up] as number));
      patterns[node] = pattern;
    }
    const l = leafNumber[node] as number;
    if (l < 0) {
      const f = tree.feature[node] as number;
      const next = nextNode(tree, node, row.values[row.base + f * row.stride] as number);
      goesLeft[node] = next === tree.left[node] ? 1 : 0;
      continue;
    }
    const first = featureStart[l] as number;
    const d = (featureStart[l + 1] as number) - first;
    const base = (valueStart[l] as number) + (pattern & ((1 << d) - 1)) * d;
    for (let k = 0; k < d; k++) {
      const o = phiBase + (features[first + k] as number);
      phi[o] = (phi[o] as number) + (values[base + k] as number);
    }
  }
}

/** Exact TreeSHAP contributions (on the margin scale) for every row of a matrix. */
export function treeShap(model: GbdtModel, matrix: FeatureMatrix): ShapValues {
  const features = model.featureNames.length;
  const { rows, cols, values, layout } = matrix;
  const contributions = new Float64Array(rows * features);
  let bias = model.baseScore;
  for (const tree of model.trees) bias += treeExpectation(tree);
  // Leaf tables where they fit (a few rows do not repay building them), the recursion elsewhere.
  const tables: readonly (LeafTables | null)[] =
    rows >= TABLES_FROM_ROWS ? modelTables(model) : model.trees.map(() => null);
  // One path buffer for all rows and trees (sized for the deepest tree): no allocation per call.
  let deepest = 0;
  let widest = 0;
  for (const tree of model.trees) {
    deepest = Math.max(deepest, cachedDepth(tree));
    widest = Math.max(widest, tree.feature.length);
  }
  const path = pathFor(deepest);
  const goesLeft = new Uint8Array(widest);
  const patterns = new Int32Array(widest);
  const row: RowView = { values, base: 0, stride: layout === 'row-major' ? 1 : rows };
  // Trees outside, rows inside: a tree's tables (up to 512 KB) stay in the cache for all rows.
  model.trees.forEach((tree, t) => {
    const table = tables[t];
    for (let r = 0; r < rows; r++) {
      row.base = layout === 'row-major' ? r * cols : r;
      if (table) addFromTables(tree, table, row, goesLeft, patterns, contributions, r * features);
      else recurse(tree, row, contributions, r * features, 0, path, 0, 0, 1, 1, -1);
    }
  });
  return { contributions, features, bias };
}
