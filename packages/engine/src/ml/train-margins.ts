import type { BinnedData } from './feature-bins.js';
import { type Objective, computeGradients } from './objectives.js';
import type { HelperWork, TrainHelper } from './train-helper.js';
import type { GrownTree } from './tree-grower.js';

/** A grown tree in flat arrays, to route binned rows (categorical nodes' masks in `masks`). */
interface FlatTree {
  feature: Int32Array;
  defaultLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  binThreshold: Uint8Array;
  value: Float64Array;
  /** Start of a node's mask of left bins in `masks` (256 each), or −1 for a numeric node. */
  maskAt: Int32Array;
  masks: Uint8Array;
}

/** What a chunk of the margin update reads and writes: shared memory when two threads train. */
interface MarginsShared {
  readonly objective: Objective;
  readonly data: BinnedData;
  readonly label: Float64Array;
  readonly weight: Float64Array;
  readonly margin: Float64Array;
  readonly gradient: Float64Array;
  readonly hessian: Float64Array;
  /** 1 for the rows the current tree was grown on (their margins are updated by the caller). */
  readonly inBag: Uint8Array;
  readonly valid: BinnedData | null;
  readonly validMargin: Float64Array;
  /** Chunks of training rows, chunks of validation rows, 1 if some rows are outside the bag. */
  readonly counts: Int32Array;
  tree: FlatTree;
}

/**
 * One chunk of the update after a tree: rows outside the bag (in a range of the training rows) or
 * validation rows (in a range of them) go down the tree and add its leaf's value to their margin;
 * the training range's gradients are then computed from the margins (all final, since the caller
 * updated the rows in the bag first). Elementwise, so the result does not depend on the chunks.
 * Runs on both threads (as source text on the helper): it may use only its arguments.
 */
function updateMarginsChunk(
  m: MarginsShared,
  chunk: number,
  gradients: typeof computeGradients,
): void {
  const { feature, defaultLeft, left, right, binThreshold, value, maskAt, masks } = m.tree;
  // The leaf reached by row r of binned data (the rule of tree-grower's partition).
  const leaf = (data: BinnedData, r: number): number => {
    const base = r * data.features;
    let node = 0;
    for (;;) {
      const f = feature[node] as number;
      if (f < 0) return node;
      const b = data.bins[base + f] as number;
      const mask = maskAt[node] as number;
      const goLeft =
        b === (data.missing[f] as number)
          ? defaultLeft[node] === 1
          : mask >= 0
            ? masks[mask + b] === 1
            : b <= (binThreshold[node] as number);
      node = goLeft ? (left[node] as number) : (right[node] as number);
    }
  };
  const trainChunks = m.counts[0] as number;
  if (chunk < trainChunks) {
    const n = m.margin.length;
    const start = Math.floor((chunk * n) / trainChunks);
    const end = Math.floor(((chunk + 1) * n) / trainChunks);
    if (m.counts[2] === 1) {
      for (let r = start; r < end; r++) {
        if (m.inBag[r] === 0)
          m.margin[r] = (m.margin[r] as number) + (value[leaf(m.data, r)] as number);
      }
    }
    gradients(
      m.objective,
      m.margin.subarray(start, end),
      m.label.subarray(start, end),
      m.weight.subarray(start, end),
      m.gradient.subarray(start, end),
      m.hessian.subarray(start, end),
    );
  } else if (m.valid) {
    const validChunks = m.counts[1] as number;
    const n = m.validMargin.length;
    const c = chunk - trainChunks;
    const end = Math.floor(((c + 1) * n) / validChunks);
    for (let r = Math.floor((c * n) / validChunks); r < end; r++) {
      m.validMargin[r] = (m.validMargin[r] as number) + (value[leaf(m.valid, r)] as number);
    }
  }
}

/** The margin update on the helper thread (see {@link TrainHelper}); its shared values: `margins`. */
export const marginsWork: HelperWork = {
  functions: [computeGradients, updateMarginsChunk],
  runner: '(shared, chunk) => updateMarginsChunk(shared.margins, chunk, computeGradients)',
};

/** Chunks of training and of validation rows on two threads (handed to whichever is free). */
const TRAIN_CHUNKS_ON_TWO_THREADS = 8;
const VALID_CHUNKS_ON_TWO_THREADS = 4;

/**
 * The margins and gradients of the training rows and the margins of the validation rows, updated
 * after each tree on one thread or two. The caller adds the leaf values of the rows in the bag
 * (it knows their leaves); {@link update} routes the others and computes the next gradients.
 */
export class TrainMargins {
  /** Margin of each training row. */
  readonly margin: Float64Array;
  /** Gradient and hessian of each training row at its margin. */
  readonly gradient: Float64Array;
  readonly hessian: Float64Array;
  /** 1 for the rows of the current tree's bag. */
  readonly inBag: Uint8Array;
  /** Margin of each validation row. */
  readonly validMargin: Float64Array;
  private readonly shared: MarginsShared;

  /**
   * `data`: the binned training rows (shared memory with a helper thread, as the level's);
   * `helper`: a helper thread that runs {@link marginsWork} as work number `kind`, or null.
   */
  constructor(
    objective: Objective,
    data: BinnedData,
    label: Float64Array,
    weight: Float64Array,
    baseScore: number,
    valid: BinnedData | null,
    private readonly helper: TrainHelper | null = null,
    private readonly kind = 1,
  ) {
    const n = label.length;
    const bytes = (count: number): ArrayBuffer | SharedArrayBuffer =>
      helper ? new SharedArrayBuffer(count) : new ArrayBuffer(count);
    const doubles = (count: number): Float64Array => new Float64Array(bytes(8 * count));
    this.margin = doubles(n).fill(baseScore);
    this.gradient = doubles(n);
    this.hessian = doubles(n);
    this.inBag = new Uint8Array(bytes(n));
    this.validMargin = doubles(valid ? valid.rows : 0).fill(baseScore);
    let sharedValid = valid;
    if (valid && helper) {
      const bins = new Uint8Array(bytes(valid.bins.length));
      bins.set(valid.bins);
      sharedValid = { ...valid, bins };
    }
    const counts = new Int32Array(bytes(12));
    counts[0] = helper ? TRAIN_CHUNKS_ON_TWO_THREADS : 1;
    counts[1] = valid ? (helper ? VALID_CHUNKS_ON_TWO_THREADS : 1) : 0;
    this.shared = {
      objective,
      data,
      label: doubles(n),
      weight: doubles(n),
      margin: this.margin,
      gradient: this.gradient,
      hessian: this.hessian,
      inBag: this.inBag,
      valid: sharedValid,
      validMargin: this.validMargin,
      counts,
      tree: this.flatTree(0),
    };
    this.shared.label.set(label);
    this.shared.weight.set(weight);
    this.helper?.share('margins', this.shared);
  }

  /** Computes the gradients at the current margins (before the first tree). */
  startGradients(): void {
    const { shared } = this;
    computeGradients(
      shared.objective,
      shared.margin,
      shared.label,
      shared.weight,
      shared.gradient,
      shared.hessian,
    );
  }

  /**
   * After the caller added `grown`'s leaf values to the margins of the rows in the bag: adds them
   * to the rows outside the bag (`inBag` 0; `outsideBag`: whether there are any) and to the
   * validation rows, then computes every training row's gradients for the next tree.
   */
  update(grown: GrownTree, outsideBag: boolean): void {
    const { shared } = this;
    const { feature, defaultLeft, left, right, value } = grown.tree;
    const nodes = feature.length;
    let categorical = 0;
    for (const mask of grown.leftBins) if (mask) categorical++;
    let tree = shared.tree;
    if (tree.feature.length < nodes || tree.masks.length < 256 * categorical) {
      tree = this.flatTree(Math.max(64, 2 * nodes));
      shared.tree = tree;
      this.helper?.share('margins', shared);
    }
    tree.feature.set(feature);
    tree.defaultLeft.set(defaultLeft);
    tree.left.set(left);
    tree.right.set(right);
    tree.binThreshold.set(grown.binThreshold);
    tree.value.set(value);
    let at = 0;
    for (let node = 0; node < nodes; node++) {
      const mask = grown.leftBins[node];
      tree.maskAt[node] = mask ? at : -1;
      if (mask) {
        tree.masks.set(mask, at);
        at += 256;
      }
    }
    shared.counts[2] = outsideBag ? 1 : 0;
    const chunks = (shared.counts[0] as number) + (shared.counts[1] as number);
    const gradients = computeGradients;
    if (this.helper) {
      this.helper.run(this.kind, chunks, (chunk) => updateMarginsChunk(shared, chunk, gradients));
    } else {
      for (let c = 0; c < chunks; c++) updateMarginsChunk(shared, c, gradients);
    }
  }

  /** Flat tree arrays for `nodes` nodes (shared memory with a helper thread). */
  private flatTree(nodes: number): FlatTree {
    const bytes = (count: number): ArrayBuffer | SharedArrayBuffer =>
      this.helper ? new SharedArrayBuffer(count) : new ArrayBuffer(count);
    return {
      feature: new Int32Array(bytes(4 * nodes)),
      defaultLeft: new Uint8Array(bytes(nodes)),
      left: new Int32Array(bytes(4 * nodes)),
      right: new Int32Array(bytes(4 * nodes)),
      binThreshold: new Uint8Array(bytes(nodes)),
      value: new Float64Array(bytes(8 * nodes)),
      maskAt: new Int32Array(bytes(4 * nodes)),
      masks: new Uint8Array(bytes(256 * nodes)),
    };
  }
}
