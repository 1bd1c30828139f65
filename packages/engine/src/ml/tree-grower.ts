import type { BinnedData, FeatureBins } from './feature-bins.js';
import type { RegressionTree } from './regression-tree.js';
import { type SplitCandidate, type SplitParams, noSplit } from './split-finder.js';
import { TrainLevel } from './train-level.js';

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

/** What {@link growTree} keeps from one tree to the next. */
export interface GrowWorkspace {
  scratch: Uint32Array;
  /**
   * Histograms and split finding, on one thread or two; made on first use if null. A level serves
   * one training: one set of binned data, feature bins and split parameters.
   */
  level: TrainLevel | null;
}

/** A fresh, empty workspace for {@link growTree}. */
export function growWorkspace(): GrowWorkspace {
  return { scratch: new Uint32Array(0), level: null };
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
  /** Histogram slot, or −1 for a node that will not be split. */
  histogram: number;
  split: SplitCandidate;
}

/**
 * Grows one tree on the rows `rows` (reordered in place so that each leaf's rows are contiguous),
 * using only the listed features. Depthwise growth handles a level's nodes together (on two
 * threads when the workspace's level has a helper), lossguide growth one node at a time.
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
  const byColumn = binsByColumn(data);
  if (workspace.scratch.length < rows.length) workspace.scratch = new Uint32Array(rows.length);
  const scratch = workspace.scratch;
  const goesLeft = new Uint8Array(256);
  workspace.level ??= new TrainLevel(data, featureBins, params);
  const level = workspace.level;
  // The level's own row list (shared with its helper thread), unless the caller passed it.
  const inPlace = rows.buffer === level.rows.buffer && rows.byteOffset === level.rows.byteOffset;
  const nodeRows = inPlace ? rows : level.rows.subarray(0, rows.length);
  if (!inPlace) nodeRows.set(rows);
  level.setFeatures(features);

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

  let sumG = 0;
  let sumH = 0;
  const gradHess = level.gradHess;
  for (let i = 0; i < nodeRows.length; i++) {
    const r = nodeRows[i] as number;
    const g = gradient[r] as number;
    const h = hessian[r] as number;
    sumG += g;
    sumH += h;
    gradHess[2 * r] = g;
    gradHess[2 * r + 1] = h;
  }
  const root: PendingNode = {
    id: newNode(sumG, sumH),
    start: 0,
    end: nodeRows.length,
    depth: 0,
    sumG,
    sumH,
    histogram: level.allocate(),
    split: noSplit(),
  };
  level.addTask(0, nodeRows.length, root.histogram, -1, [sumG, sumH, 0, 0]);
  level.run();
  root.split = level.split(0, false);
  level.clearTasks();
  const pending: PendingNode[] = [root];
  let leaves = 1;
  const finishLeaf = (node: PendingNode): void => {
    leafNode.push(node.id);
    leafStart.push(node.start);
    leafEnd.push(node.end);
    if (node.histogram >= 0) level.release(node.histogram);
  };

  while (pending.length > 0) {
    // Depthwise: the whole level (pending holds the nodes in breadth-first order); lossguide: the
    // leaf with the best split.
    let take = 1;
    let pick = 0;
    if (params.growPolicy === 'lossguide') {
      for (let i = 1; i < pending.length; i++) {
        if ((pending[i] as PendingNode).split.gain > (pending[pick] as PendingNode).split.gain)
          pick = i;
      }
    } else {
      const depth = (pending[0] as PendingNode).depth;
      while (take < pending.length && (pending[take] as PendingNode).depth === depth) take++;
    }
    const batch = pending.splice(pick, take);
    const children: PendingNode[] = [];
    // Per task: the node built (its rows are the fewer) and its sibling.
    const built: PendingNode[] = [];
    const evaluateBuilt = (): void => {
      level.run();
      for (let i = 0; i < built.length; i += 2) {
        (built[i] as PendingNode).split = level.split(i >> 1, false);
        (built[i + 1] as PendingNode).split = level.split(i >> 1, true);
      }
      level.clearTasks();
      built.length = 0;
    };
    for (const node of batch) {
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
      // 1 for each bin that goes left: the loop then has no branch to mispredict (a row goes
      // either way at random), each row being written to both sides and kept on one.
      for (let b = 0; b < 256; b++) goesLeft[b] = (mask ? mask[b] === 1 : b <= t) ? 1 : 0;
      goesLeft[data.missing[f] as number] = missingLeft ? 1 : 0;
      const column = f * data.rows;
      let nl = node.start;
      let nr = 0;
      for (let i = node.start; i < node.end; i++) {
        const r = nodeRows[i] as number;
        const left = goesLeft[byColumn[column + r] as number] as number;
        nodeRows[nl] = r;
        scratch[nr] = r;
        nl += left;
        nr += left ^ 1;
      }
      nodeRows.set(scratch.subarray(0, nr), nl);

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
        threshold[id] =
          t < fb.upperBounds.length ? (fb.upperBounds[t] as number) : Number.MAX_VALUE;
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
        histogram: -1,
        split: noSplit(),
      };
      const rightNode: PendingNode = {
        id: rightId,
        start: nl,
        end: node.end,
        depth: node.depth + 1,
        sumG: node.sumG - lg,
        sumH: node.sumH - lh,
        histogram: -1,
        split: noSplit(),
      };
      leaves++;
      if (node.depth + 1 < maxDepth && leaves < maxLeaves) {
        const [small, large] =
          leftNode.end - leftNode.start <= rightNode.end - rightNode.start
            ? [leftNode, rightNode]
            : [rightNode, leftNode];
        small.histogram = level.allocate();
        // The parent's histogram becomes the larger child's: parent − smaller, in place.
        large.histogram = node.histogram;
        level.addTask(small.start, small.end, small.histogram, node.histogram, [
          small.sumG,
          small.sumH,
          large.sumG,
          large.sumH,
        ]);
        built.push(small, large);
        // One thread works node by node, while the node's rows are still in the cache.
        if (level.threads === 1) evaluateBuilt();
      } else {
        level.release(node.histogram);
      }
      children.push(leftNode, rightNode);
    }
    evaluateBuilt();
    pending.push(...children);
  }
  if (!inPlace) rows.set(nodeRows);

  // Covers: leaves sum their rows' hessians exactly; inner nodes sum their children, so that the
  // children's shares of a node add up to one (TreeSHAP relies on it).
  for (let i = 0; i < leafNode.length; i++) {
    let h = 0;
    for (let k = leafStart[i] as number; k < (leafEnd[i] as number); k++)
      h += hessian[nodeRows[k] as number] as number;
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
