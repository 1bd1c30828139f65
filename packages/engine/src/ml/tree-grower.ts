import type { BinnedData, FeatureBins } from './feature-bins.js';
import { buildHistogram, histogramOffsets, subtractHistogram } from './gradient-histogram.js';
import type { HistogramHelper } from './histogram-helper.js';
import type { RegressionTree } from './regression-tree.js';
import { type SplitCandidate, type SplitParams, findBestSplit } from './split-finder.js';

/** Limits and regularisation for growing one tree. */
export interface GrowParams extends SplitParams {
  /** Maximum depth (0 = no limit). */
  readonly maxDepth: number;
  /** Maximum number of leaves (0 = no limit). */
  readonly maxLeaves: number;
  /** `depthwise` splits level by level (XGBoost); `lossguide` splits the best leaf first (LightGBM). */
  readonly growPolicy: 'depthwise' | 'lossguide';
  /** Shrinkage applied to leaf values. */
  readonly learningRate: number;
}

/** A grown tree, plus where its training rows ended up (for updating the margins). */
export interface GrownTree {
  readonly tree: RegressionTree;
  /** Numeric split bins and categorical bin masks, to route binned rows. */
  readonly binThreshold: Uint8Array;
  readonly leftBins: readonly (Uint8Array | null)[];
  /** Leaf node of each range of `rows`: rows[leafStart[i]..leafEnd[i]) reached leafNode[i]. */
  readonly leafNode: Int32Array;
  readonly leafStart: Int32Array;
  readonly leafEnd: Int32Array;
}

/** Buffers reused from one tree to the next (histograms are large: features × 4 KiB). */
export interface GrowWorkspace {
  scratch: Uint32Array;
  /** Histogram layout, set on first use (a workspace serves one set of feature bins). */
  offsets: Int32Array | null;
  /** Interleaved gradient and hessian of each row. */
  gradHess: Float64Array;
  /** A second thread for large histograms; `rows` and `gradHess` must then be its shared buffers. */
  helper: HistogramHelper | null;
  readonly histograms: Float64Array[];
}

/** A fresh, empty workspace for {@link growTree}. */
export function growWorkspace(): GrowWorkspace {
  return {
    scratch: new Uint32Array(0),
    offsets: null,
    gradHess: new Float64Array(0),
    helper: null,
    histograms: [],
  };
}

const columnBins = new WeakMap<BinnedData, Uint8Array>();

/**
 * The bins again, column by column (feature f's bins at f × rows + r): partitioning reads one
 * feature of rows in any order, which in the row-major bins is a cache miss per row.
 */
function binsByColumn(data: BinnedData): Uint8Array {
  let columns = columnBins.get(data);
  if (!columns) {
    const { rows, features, bins } = data;
    columns = new Uint8Array(rows * features);
    for (let r = 0; r < rows; r++) {
      for (let f = 0; f < features; f++) columns[f * rows + r] = bins[r * features + f] as number;
    }
    columnBins.set(data, columns);
  }
  return columns;
}

interface PendingNode {
  id: number;
  start: number;
  end: number;
  depth: number;
  sumG: number;
  sumH: number;
  histogram: Float64Array;
  split: SplitCandidate;
}

/**
 * Grows one tree on the rows `rows` (reordered in place so that each leaf's rows are contiguous),
 * using only the listed features.
 */
export function growTree(
  data: BinnedData,
  featureBins: readonly FeatureBins[],
  gradient: Float64Array,
  hessian: Float64Array,
  rows: Uint32Array,
  features: Int32Array,
  params: GrowParams,
  workspace: GrowWorkspace = growWorkspace(),
): GrownTree {
  const nf = data.features;
  const byColumn = binsByColumn(data);
  if (workspace.scratch.length < rows.length) workspace.scratch = new Uint32Array(rows.length);
  const scratch = workspace.scratch;
  const pool = workspace.histograms;
  if (!workspace.offsets) workspace.offsets = histogramOffsets(featureBins);
  const offsets = workspace.offsets;
  const size = offsets[nf] as number;
  const allocate = (): Float64Array => pool.pop() ?? new Float64Array(size);

  const feature: number[] = [];
  const threshold: number[] = [];
  const binThreshold: number[] = [];
  const defaultLeft: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const gain: number[] = [];
  const cover: number[] = [];
  const categories: (Float64Array | null)[] = [];
  const leftBins: (Uint8Array | null)[] = [];
  const leafNode: number[] = [];
  const leafStart: number[] = [];
  const leafEnd: number[] = [];

  const newNode = (sumG: number, sumH: number): number => {
    feature.push(-1);
    threshold.push(0);
    binThreshold.push(0);
    defaultLeft.push(0);
    left.push(-1);
    right.push(-1);
    value.push((-sumG / (sumH + params.lambda)) * params.learningRate);
    gain.push(0);
    cover.push(sumH);
    categories.push(null);
    leftBins.push(null);
    return feature.length - 1;
  };
  const maxDepth = params.maxDepth > 0 ? params.maxDepth : Infinity;
  const maxLeaves = params.maxLeaves > 0 ? params.maxLeaves : Infinity;
  const evaluate = (node: PendingNode): void => {
    if (node.depth < maxDepth) {
      node.split = findBestSplit(
        node.histogram,
        offsets,
        featureBins,
        features,
        node.sumG,
        node.sumH,
        params,
      );
    }
  };
  const emptySplit = (): SplitCandidate => ({
    gain: -Infinity,
    feature: -1,
    binThreshold: 0,
    defaultLeft: false,
    leftBins: null,
    leftGradient: 0,
    leftHessian: 0,
  });

  let sumG = 0;
  let sumH = 0;
  for (const r of rows) {
    sumG += gradient[r] as number;
    sumH += hessian[r] as number;
  }
  if (workspace.gradHess.length < 2 * data.rows)
    workspace.gradHess = new Float64Array(2 * data.rows);
  const gradHess = workspace.gradHess;
  for (const r of rows) {
    gradHess[2 * r] = gradient[r] as number;
    gradHess[2 * r + 1] = hessian[r] as number;
  }
  const rootHistogram = allocate();
  const helper =
    workspace.helper && workspace.helper.rows.buffer === rows.buffer ? workspace.helper : null;
  const build = (start: number, end: number, histogram: Float64Array): void => {
    if (helper) helper.build(data, start, end, features, histogram);
    else buildHistogram(data, offsets, rows, start, end, gradHess, features, histogram);
  };
  build(0, rows.length, rootHistogram);
  const root: PendingNode = {
    id: newNode(sumG, sumH),
    start: 0,
    end: rows.length,
    depth: 0,
    sumG,
    sumH,
    histogram: rootHistogram,
    split: emptySplit(),
  };
  evaluate(root);
  const pending: PendingNode[] = [root];
  let leaves = 1;
  const finishLeaf = (node: PendingNode): void => {
    leafNode.push(node.id);
    leafStart.push(node.start);
    leafEnd.push(node.end);
    pool.push(node.histogram);
  };

  while (pending.length > 0) {
    let pick = 0;
    if (params.growPolicy === 'lossguide') {
      for (let i = 1; i < pending.length; i++) {
        if ((pending[i] as PendingNode).split.gain > (pending[pick] as PendingNode).split.gain)
          pick = i;
      }
    }
    const node = pending.splice(pick, 1)[0] as PendingNode;
    const split = node.split;
    if (
      leaves >= maxLeaves ||
      split.feature < 0 ||
      !(split.gain > params.gamma) ||
      split.gain <= 0
    ) {
      finishLeaf(node);
      continue;
    }
    // Stable partition of the node's rows into left then right.
    const f = split.feature;
    const mask = split.leftBins;
    const t = split.binThreshold;
    const missingLeft = split.defaultLeft;
    const missingBin = data.missing[f] as number;
    const column = f * data.rows;
    let nl = node.start;
    let nr = 0;
    for (let i = node.start; i < node.end; i++) {
      const r = rows[i] as number;
      const b = byColumn[column + r] as number;
      const goLeft = b === missingBin ? missingLeft : mask ? mask[b] === 1 : b <= t;
      if (goLeft) rows[nl++] = r;
      else scratch[nr++] = r;
    }
    rows.set(scratch.subarray(0, nr), nl);

    const lg = split.leftGradient;
    const lh = split.leftHessian;
    const leftId = newNode(lg, lh);
    const rightId = newNode(node.sumG - lg, node.sumH - lh);
    const id = node.id;
    feature[id] = f;
    binThreshold[id] = t;
    const fb = featureBins[f] as FeatureBins;
    if (mask) {
      const cats: number[] = [];
      for (let b = 0; b < fb.binCount; b++)
        if (mask[b] === 1) cats.push(fb.categories[b] as number);
      categories[id] = Float64Array.from(cats).sort();
      leftBins[id] = mask;
    } else {
      threshold[id] = t < fb.upperBounds.length ? (fb.upperBounds[t] as number) : Number.MAX_VALUE;
    }
    defaultLeft[id] = missingLeft ? 1 : 0;
    left[id] = leftId;
    right[id] = rightId;
    gain[id] = split.gain;

    const leftNode: PendingNode = {
      id: leftId,
      start: node.start,
      end: nl,
      depth: node.depth + 1,
      sumG: lg,
      sumH: lh,
      histogram: node.histogram,
      split: emptySplit(),
    };
    const rightNode: PendingNode = {
      id: rightId,
      start: nl,
      end: node.end,
      depth: node.depth + 1,
      sumG: node.sumG - lg,
      sumH: node.sumH - lh,
      histogram: node.histogram,
      split: emptySplit(),
    };
    leaves++;
    const childrenMaySplit = node.depth + 1 < maxDepth && leaves < maxLeaves;
    if (childrenMaySplit) {
      const [small, large] =
        leftNode.end - leftNode.start <= rightNode.end - rightNode.start
          ? [leftNode, rightNode]
          : [rightNode, leftNode];
      small.histogram = allocate();
      build(small.start, small.end, small.histogram);
      // The parent's histogram becomes the larger child's: parent − smaller, in place.
      subtractHistogram(offsets, node.histogram, small.histogram, features, node.histogram);
      large.histogram = node.histogram;
      evaluate(leftNode);
      evaluate(rightNode);
    } else {
      leftNode.histogram = node.histogram;
      rightNode.histogram = allocate();
    }
    pending.push(leftNode, rightNode);
  }

  // Covers: leaves sum their rows' hessians exactly; inner nodes sum their children, so that the
  // children's shares of a node add up to one (TreeSHAP relies on it).
  for (let i = 0; i < leafNode.length; i++) {
    let h = 0;
    for (let k = leafStart[i] as number; k < (leafEnd[i] as number); k++)
      h += hessian[rows[k] as number] as number;
    cover[leafNode[i] as number] = h;
  }
  for (let id = feature.length - 1; id >= 0; id--) {
    if ((feature[id] as number) >= 0)
      cover[id] = (cover[left[id] as number] as number) + (cover[right[id] as number] as number);
  }
  return {
    tree: {
      feature: Int32Array.from(feature),
      threshold: Float64Array.from(threshold),
      defaultLeft: Uint8Array.from(defaultLeft),
      left: Int32Array.from(left),
      right: Int32Array.from(right),
      value: Float64Array.from(value),
      gain: Float64Array.from(gain),
      cover: Float64Array.from(cover),
      categories,
    },
    binThreshold: Uint8Array.from(binThreshold),
    leftBins,
    leafNode: Int32Array.from(leafNode),
    leafStart: Int32Array.from(leafStart),
    leafEnd: Int32Array.from(leafEnd),
  };
}

/** Leaf reached by binned row `r` (used for rows outside the bag and for validation data). */
export function binnedLeaf(grown: GrownTree, data: BinnedData, r: number): number {
  const { feature, defaultLeft, left, right } = grown.tree;
  const base = r * data.features;
  let node = 0;
  for (;;) {
    const f = feature[node] as number;
    if (f < 0) return node;
    const b = data.bins[base + f] as number;
    const mask = grown.leftBins[node];
    const goLeft =
      b === (data.missing[f] as number)
        ? defaultLeft[node] === 1
        : mask
          ? mask[b] === 1
          : b <= (grown.binThreshold[node] as number);
    node = goLeft ? (left[node] as number) : (right[node] as number);
  }
}
