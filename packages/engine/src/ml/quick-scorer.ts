import { type BinnedForest, binForest, binRows } from './binned-forest.js';
import type { GbdtModel } from './gbdt-model.js';
import type { RegressionTree } from './regression-tree.js';

/**
 * A model prepared for QuickScorer (Lucchese et al., SIGIR 2015). Each tree's leaves sit at fixed
 * positions of a complete tree of the model's depth D ≤ 6 (a shallow leaf at the leftmost position
 * under it), one bit each in a 32-bit word (D ≤ 5) or two. An inner node whose test is false for a
 * row (the row goes right) clears the bits of its left subtree; once every false node of every tree
 * has cleared its bits, the row's leaf in each tree is the lowest bit left. Positions aligned to a
 * complete tree make every left subtree fit in one word, so a false node is one AND.
 *
 * The false nodes of a row come from its bins (those of `binForest`: bin 0 missing, then one per
 * other code): per column and bin, a range of `entries`. For a numeric column the nodes are
 * sorted by threshold, and the range for a bin is the prefix of thresholds below it; for a
 * categorical column each bin has its own list, with the nodes of one tree merged.
 *
 * A false node costs one AND, but every false node of every tree counts, not only those on the
 * row's path: about half the inner nodes against the binned trees' one step per level. On this
 * machine it is faster than the binned trees for trees of depth 1 to 3 and slower from depth 4
 * (see docs/risk-model.md), so `predictMargin` times it against them per model.
 */
export interface QuickScorer {
  readonly trees: number;
  /** 32-bit words of leaf bits per tree: 1 or 2. */
  readonly words: number;
  readonly baseScore: number;
  readonly binned: BinnedForest;
  /** Per column: index of its bin 0 in `rangeFrom` and `rangeTo` (in entries, not numbers). */
  readonly binOffset: Int32Array;
  readonly rangeFrom: Int32Array;
  readonly rangeTo: Int32Array;
  /** Per false node, two numbers: tree × words + word, and the word's bits to keep. */
  readonly entries: Int32Array;
  /** Per tree t and leaf position p: output, at t × 32 × words + p. */
  readonly leaves: Float64Array;
}

/** Rows scored together: their leaf bits (trees × words × 4 bytes each) stay in the L2 cache. */
const BLOCK = 64;
const MAX_DEPTH = 6;
/** Beyond this many entries the lists cost too much memory; the caller uses another scorer. */
const MAX_ENTRIES = 1 << 24;

const cache = new WeakMap<GbdtModel, QuickScorer | null>();

/**
 * Prepares a model for `scoreQuickScorer`, or returns null when it does not fit: trees deeper than
 * 6 (more than 64 leaf positions), or a model `binForest` declines.
 */
export function quickScorer(model: GbdtModel): QuickScorer | null {
  if (cache.has(model)) return cache.get(model) ?? null;
  const scorer = build(model);
  cache.set(model, scorer);
  return scorer;
}

interface Entry {
  readonly word: number;
  readonly mask: number;
  /** Numeric: the threshold's index among the column's sorted thresholds. */
  readonly rank: number;
  readonly missingLeft: boolean;
  /** Categorical: the codes that go left. */
  readonly codes: Set<number> | null;
}

function build(model: GbdtModel): QuickScorer | null {
  const binned = binForest(model);
  if (!binned || binned.depth > MAX_DEPTH) return null;
  const depth = binned.depth;
  const words = depth <= 5 ? 1 : 2;
  const trees = model.trees.length;
  const { columns, sorted, named, categorical } = binned;
  const columnOf = new Map<number, number>();
  columns.forEach((f, col) => columnOf.set(f, col));
  const entries: Entry[][] = Array.from({ length: columns.length }, () => []);
  const leaves = new Float64Array(trees * 32 * words);
  let total = 0;
  model.trees.forEach((tree: RegressionTree, t) => {
    const fill = (node: number, level: number, position: number): void => {
      const f = tree.feature[node] as number;
      if (f < 0) {
        leaves[t * 32 * words + position] = tree.value[node] as number;
        return;
      }
      const col = columnOf.get(f) as number;
      // The left subtree holds positions [position, position + half), within one word.
      const half = 1 << (depth - level - 1);
      const shift = position & 31;
      const cleared = half === 32 ? -1 : ((1 << half) - 1) << shift;
      const set = tree.categories[node] ?? null;
      entries[col]?.push({
        word: t * words + (position >> 5),
        mask: ~cleared,
        rank: set ? -1 : (sorted[col] as Float64Array).indexOf(tree.threshold[node] as number),
        missingLeft: tree.defaultLeft[node] === 1,
        codes: set ? new Set(set) : null,
      });
      total++;
      fill(tree.left[node] as number, level + 1, position);
      fill(tree.right[node] as number, level + 1, position + half);
    };
    fill(0, 0, 0);
  });
  if (total > MAX_ENTRIES) return null;
  const nodeWord: number[] = [];
  const nodeMask: number[] = [];
  const binOffset = new Int32Array(columns.length);
  const rangeFrom: number[] = [];
  const rangeTo: number[] = [];
  const push = (list: readonly Entry[]): void => {
    for (const e of list) {
      nodeWord.push(e.word);
      nodeMask.push(e.mask);
    }
  };
  for (let col = 0; col < columns.length; col++) {
    const list = entries[col] as Entry[];
    const count = named[col] as number;
    binOffset[col] = rangeFrom.length;
    // Bin 0 (missing): the nodes that send a missing value right.
    rangeFrom.push(nodeWord.length);
    push(list.filter((e) => !e.missingLeft));
    rangeTo.push(nodeWord.length);
    if (categorical[col] === 0) {
      // Bin b ≥ 1 holds values above b − 1 thresholds: false at the nodes of rank < b − 1.
      const byRank = [...list].sort((a, b) => a.rank - b.rank);
      const start = nodeWord.length;
      push(byRank);
      let below = 0;
      for (let b = 1; b <= count + 1; b++) {
        while (below < byRank.length && (byRank[below] as Entry).rank < b - 1) below++;
        rangeFrom.push(start);
        rangeTo.push(start + below);
      }
    } else {
      // Bin b in 1..count is the b-th named code, bin count + 1 any other code: false where the
      // code is not among those going left.
      const codes = sorted[col] as Float64Array;
      for (let b = 1; b <= count + 1; b++) {
        const code = b <= count ? (codes[b - 1] as number) : Number.NaN;
        rangeFrom.push(nodeWord.length);
        // Nodes of one tree testing this column combine into one entry per word.
        const merged = new Map<number, number>();
        for (const e of list) {
          if ((e.codes as Set<number>).has(code)) continue;
          merged.set(e.word, (merged.get(e.word) ?? -1) & e.mask);
        }
        for (const [word, mask] of merged) {
          nodeWord.push(word);
          nodeMask.push(mask);
        }
        rangeTo.push(nodeWord.length);
        if (nodeWord.length > MAX_ENTRIES) return null;
      }
    }
  }
  return {
    trees,
    words,
    baseScore: model.baseScore,
    binned,
    binOffset,
    rangeFrom: Int32Array.from(rangeFrom),
    rangeTo: Int32Array.from(rangeTo),
    entries: Int32Array.from({ length: 2 * nodeWord.length }, (_, i) =>
      i % 2 === 0 ? (nodeWord[i >> 1] as number) : (nodeMask[i >> 1] as number),
    ),
    leaves,
  };
}

/** Clears, in `masks` (row r's words from r × stride), the left subtrees of each row's false nodes. */
function applyColumn(
  scorer: QuickScorer,
  bins: Uint16Array,
  binsAt: number,
  offset: number,
  count: number,
  stride: number,
  masks: Int32Array,
): void {
  const { rangeFrom, rangeTo, entries } = scorer;
  for (let r = 0; r < count; r++) {
    const b = offset + (bins[binsAt + r] as number);
    const end = 2 * (rangeTo[b] as number);
    const base = r * stride;
    let i = 2 * (rangeFrom[b] as number);
    for (; i + 2 < end; i += 4) {
      const w0 = base + (entries[i] as number);
      const w1 = base + (entries[i + 2] as number);
      const m0 = entries[i + 1] as number;
      const m1 = entries[i + 3] as number;
      masks[w0] = (masks[w0] as number) & m0;
      masks[w1] = (masks[w1] as number) & m1;
    }
    if (i < end) {
      const w = base + (entries[i] as number);
      masks[w] = (masks[w] as number) & (entries[i + 1] as number);
    }
  }
}

/** Adds, for each of `count` rows, the leaf of each tree (lowest bit left) to the base score. */
function sumLeaves(
  scorer: QuickScorer,
  masks: Int32Array,
  count: number,
  out: Float64Array,
  to: number,
): void {
  const { trees, words, leaves, baseScore } = scorer;
  const stride = trees * words;
  for (let r = 0; r < count; r++) {
    const base = r * stride;
    let sum = baseScore;
    if (words === 1) {
      for (let t = 0; t < trees; t++) {
        const m = masks[base + t] as number;
        sum += leaves[t * 32 + 31 - Math.clz32(m & -m)] as number;
      }
    } else {
      for (let t = 0; t < trees; t++) {
        const lo = masks[base + 2 * t] as number;
        const hi = masks[base + 2 * t + 1] as number;
        // All ones when lo has a bit left, else zero: pick lo or hi without a branch.
        const some = (lo | -lo) >> 31;
        const m = (lo & some) | (hi & ~some);
        sum += leaves[t * 64 + (32 & ~some) + 31 - Math.clz32(m & -m)] as number;
      }
    }
    out[to + r] = sum;
  }
}

/**
 * Adds the trees' outputs of `rows` rows (cell (r, f) at r × rowStride + f × colStride) to the
 * base score, into `out`. Trees are added in order, so results equal the other scorers' bits.
 */
export function scoreQuickScorer(
  scorer: QuickScorer,
  values: Float64Array | Float32Array,
  rows: number,
  rowStride: number,
  colStride: number,
  out: Float64Array,
): void {
  const { columns } = scorer.binned;
  const stride = scorer.trees * scorer.words;
  const bins = new Uint16Array(Math.max(1, columns.length) * BLOCK);
  const masks = new Int32Array(BLOCK * stride);
  for (let begin = 0; begin < rows; begin += BLOCK) {
    const count = Math.min(BLOCK, rows - begin);
    masks.fill(-1);
    for (let col = 0; col < columns.length; col++) {
      binRows(scorer.binned, col, values, begin, count, rowStride, colStride, bins, col * BLOCK);
      applyColumn(scorer, bins, col * BLOCK, scorer.binOffset[col] as number, count, stride, masks);
    }
    sumLeaves(scorer, masks, count, out, begin);
  }
}
