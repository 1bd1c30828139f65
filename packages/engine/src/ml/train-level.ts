import type { BinnedData, FeatureBins } from './feature-bins.js';
import { buildHistogram, histogramOffsets, subtractHistogram } from './gradient-histogram.js';
import {
  type SplitCandidate,
  type SplitParams,
  findBestSplit,
  noSplit,
  splitFinderFunctions,
} from './split-finder.js';
import type { HelperWork, TrainHelper } from './train-helper.js';

/** What a chunk of a level's work reads and writes: shared memory when two threads train. */
interface LevelShared {
  readonly data: BinnedData;
  readonly offsets: Int32Array;
  readonly featureBins: readonly FeatureBins[];
  readonly params: SplitParams;
  readonly rows: Uint32Array;
  readonly gradHess: Float64Array;
  /** The tree's features; a chunk's are features[featureStart[c]..featureStart[c + 1]). */
  readonly features: Int32Array;
  readonly featureStart: Int32Array;
  /** A chunk's tasks are taskStart[g]..taskStart[g + 1] − 1 (g: the chunk's group of tasks). */
  readonly taskStart: Int32Array;
  /** Feature chunks of the current work (chunk = group of tasks × feature chunks + feature chunk). */
  readonly counts: Int32Array;
  /** Per task: start and end of the rows to build, its histogram slot, the parent's slot or −1. */
  tasks: Int32Array;
  /** Per task: gradient and hessian sums of the node built, then of its sibling. */
  sums: Float64Array;
  /** Per node evaluated and feature chunk: that chunk's best split (see {@link RESULT_SIZE}). */
  results: Float64Array;
  /** Per node evaluated and feature chunk: the bins going left of a categorical best split. */
  masks: Uint8Array;
  readonly histograms: Float64Array[];
}

/** The loops a chunk runs, passed in so that the helper thread can run its own copies. */
interface Kernels {
  readonly buildHistogram: typeof buildHistogram;
  readonly subtractHistogram: typeof subtractHistogram;
  readonly findBestSplit: typeof findBestSplit;
}

/** Doubles per split in `results`: gain, feature, bin threshold, default left, left sums. */
const RESULT_SIZE = 6;

/**
 * One chunk of a level's work: for each of its tasks, over its features only, build the node's
 * histogram, derive its sibling's (parent − node, in the parent's slot) and find both best splits.
 * Each feature's sums are made by one thread in row order, so they do not depend on the chunks.
 * Runs on both threads (as source text on the helper): it may use only its arguments.
 */
function growChunk(level: LevelShared, chunk: number, kernels: Kernels): void {
  const { data, offsets, featureBins, params, rows, gradHess, tasks, sums, histograms } = level;
  const featureChunks = level.counts[0] as number;
  const c = chunk % featureChunks;
  const group = (chunk - c) / featureChunks;
  const features = level.features.subarray(
    level.featureStart[c] as number,
    level.featureStart[c + 1] as number,
  );
  const featureOffsets = new Int32Array(features.length);
  for (let j = 0; j < features.length; j++)
    featureOffsets[j] = offsets[features[j] as number] as number;
  const evaluate = (node: number, histogram: Float64Array, sumG: number, sumH: number): void => {
    const split = kernels.findBestSplit(
      histogram,
      offsets,
      featureBins,
      features,
      sumG,
      sumH,
      params,
    );
    // RESULT_SIZE doubles per record (this source cannot name the constant).
    const record = node * featureChunks + c;
    const o = record * 6;
    level.results[o] = split.gain;
    level.results[o + 1] = split.feature;
    level.results[o + 2] = split.binThreshold;
    level.results[o + 3] = split.defaultLeft ? 1 : 0;
    level.results[o + 4] = split.leftGradient;
    level.results[o + 5] = split.leftHessian;
    if (split.leftBins) level.masks.set(split.leftBins, record * 256);
  };
  const last = level.taskStart[group + 1] as number;
  for (let t = level.taskStart[group] as number; t < last; t++) {
    const start = tasks[4 * t] as number;
    const end = tasks[4 * t + 1] as number;
    const node = histograms[tasks[4 * t + 2] as number] as Float64Array;
    const parentSlot = tasks[4 * t + 3] as number;
    kernels.buildHistogram(
      data,
      offsets,
      rows,
      start,
      end,
      gradHess,
      features,
      featureOffsets,
      node,
    );
    evaluate(2 * t, node, sums[4 * t] as number, sums[4 * t + 1] as number);
    if (parentSlot >= 0) {
      const parent = histograms[parentSlot] as Float64Array;
      kernels.subtractHistogram(offsets, parent, node, features, parent);
      evaluate(2 * t + 1, parent, sums[4 * t + 2] as number, sums[4 * t + 3] as number);
    }
  }
}

/** A level's work on the helper thread (see {@link TrainHelper}); its shared values: `level.*`. */
export const levelWork: HelperWork = {
  functions: [buildHistogram, subtractHistogram, ...splitFinderFunctions, growChunk],
  runner:
    '(shared, chunk) => growChunk(shared.level, chunk, { buildHistogram, subtractHistogram, findBestSplit })',
};

/**
 * Chunks of a piece of work on two threads, handed to whichever thread is free: enough that the
 * last one leaves little waiting, few enough that repeating the per-row and per-node work of a
 * chunk costs little.
 */
const CHUNKS_ON_TWO_THREADS = 8;
/** Fewest features in a chunk (each chunk reads its nodes' rows again). */
const MIN_CHUNK_FEATURES = 3;
/** The work of a node's histograms and split search beyond its rows, in rows (see taskGroups). */
const NODE_COST_IN_ROWS = 1000;

/**
 * The nodes of one tree level whose histograms and best splits are wanted, computed together on
 * one thread or two. Two threads share the work in chunks: groups of nodes of about the same
 * work and, when the nodes are few (the top levels), groups of features of each node. The trees
 * are the same bits on one thread or two: each histogram sum is made by one thread in the same
 * order, and a node's best splits from its feature chunks are merged in feature order, the first
 * best winning ties as on one thread. Histograms live in numbered slots.
 */
export class TrainLevel {
  /** The rows of the nodes, reordered as they split (shared with the helper thread). */
  readonly rows: Uint32Array;
  /** Interleaved gradient and hessian of each row (shared with the helper thread). */
  readonly gradHess: Float64Array;
  private readonly shared: LevelShared;
  private readonly helper: TrainHelper | null;
  private readonly free: number[] = [];
  private readonly histogramSize: number;
  private taskCount = 0;
  private featureCount = 0;

  /**
   * `helper`: a helper thread that runs {@link levelWork} as work number `kind` (its owner closes
   * it), or null for one thread.
   */
  constructor(
    data: BinnedData,
    featureBins: readonly FeatureBins[],
    params: SplitParams,
    helper: TrainHelper | null = null,
    private readonly kind = 0,
  ) {
    const two = helper !== null;
    const bytes = (n: number): ArrayBuffer | SharedArrayBuffer =>
      two ? new SharedArrayBuffer(n) : new ArrayBuffer(n);
    const offsets = histogramOffsets(featureBins);
    this.histogramSize = offsets[featureBins.length] as number;
    let bins = data.bins;
    if (two) {
      bins = new Uint8Array(bytes(data.bins.length));
      bins.set(data.bins);
    }
    this.rows = new Uint32Array(bytes(4 * data.rows));
    this.gradHess = new Float64Array(bytes(16 * data.rows));
    this.shared = {
      data: { rows: data.rows, features: data.features, bins, missing: data.missing },
      offsets,
      featureBins,
      params: {
        lambda: params.lambda,
        gamma: params.gamma,
        minChildWeight: params.minChildWeight,
        maxCatOneHot: params.maxCatOneHot,
        maxCatThreshold: params.maxCatThreshold,
        catSmooth: params.catSmooth,
      },
      rows: this.rows,
      gradHess: this.gradHess,
      features: new Int32Array(bytes(4 * Math.max(1, data.features))),
      featureStart: new Int32Array(bytes(4 * (CHUNKS_ON_TWO_THREADS + 1))),
      taskStart: new Int32Array(bytes(4 * (CHUNKS_ON_TWO_THREADS + 1))),
      counts: new Int32Array(bytes(4)),
      tasks: new Int32Array(0),
      sums: new Float64Array(0),
      results: new Float64Array(0),
      masks: new Uint8Array(0),
      histograms: [],
    };
    this.helper = helper;
    this.post();
  }

  /** The binned data the level reads (shared memory with a helper thread). */
  get data(): BinnedData {
    return this.shared.data;
  }

  /** 1, or 2 with a helper thread. */
  get threads(): number {
    return this.helper ? 2 : 1;
  }

  /** Chunks run on the helper thread so far. */
  get helperChunks(): number {
    return this.helper?.helperChunks ?? 0;
  }

  /** The features of the next tree (in the order in which ties are settled). */
  setFeatures(features: Int32Array): void {
    this.shared.features.set(features);
    this.featureCount = features.length;
  }

  /** A free histogram slot. */
  allocate(): number {
    const slot = this.free.pop();
    if (slot !== undefined) return slot;
    const histogram = new Float64Array(
      this.helper
        ? new SharedArrayBuffer(8 * this.histogramSize)
        : new ArrayBuffer(8 * this.histogramSize),
    );
    const histograms = this.shared.histograms;
    histograms.push(histogram);
    this.post();
    return histograms.length - 1;
  }

  /** Gives a histogram slot back. */
  release(slot: number): void {
    this.free.push(slot);
  }

  /**
   * Adds a node to build from rows[start..end) into histogram slot `slot`; when `parent` ≥ 0 its
   * sibling's histogram is then derived in the parent's slot. Returns the task's number. The tasks
   * of a run are independent: no task's parent is another's slot (two threads run them at once).
   */
  addTask(
    start: number,
    end: number,
    slot: number,
    parent: number,
    sums: readonly [number, number, number, number],
  ): number {
    const { shared } = this;
    const t = this.taskCount++;
    if (shared.tasks.length < 4 * this.taskCount) {
      const capacity = Math.max(16, 2 * this.taskCount);
      const tasks = new Int32Array(this.bytes(16 * capacity));
      tasks.set(shared.tasks);
      const taskSums = new Float64Array(this.bytes(32 * capacity));
      taskSums.set(shared.sums);
      shared.tasks = tasks;
      shared.sums = taskSums;
      this.post();
    }
    shared.tasks.set([start, end, slot, parent], 4 * t);
    shared.sums.set(sums, 4 * t);
    return t;
  }

  /** Builds the histograms and finds the best splits of the tasks added since the last run. */
  run(): void {
    const { shared } = this;
    const tasks = this.taskCount;
    if (tasks === 0) return;
    const groups = this.helper ? this.taskGroups() : 1;
    let featureChunks = 1;
    if (this.helper) {
      featureChunks = Math.min(
        Math.floor(CHUNKS_ON_TWO_THREADS / groups),
        Math.floor(this.featureCount / MIN_CHUNK_FEATURES),
      );
      // An even number, or one thread would have a chunk more than the other at the top levels.
      if (featureChunks > 1) featureChunks -= featureChunks % 2;
      featureChunks = Math.max(1, featureChunks);
    }
    for (let c = 0; c <= featureChunks; c++)
      shared.featureStart[c] = Math.round((c * this.featureCount) / featureChunks);
    shared.counts[0] = featureChunks;
    const records = 2 * tasks * featureChunks;
    if (shared.results.length < RESULT_SIZE * records) {
      const capacity = Math.max(64, 2 * records);
      shared.results = new Float64Array(this.bytes(8 * RESULT_SIZE * capacity));
      shared.masks = new Uint8Array(this.bytes(256 * capacity));
      this.post();
    }
    const kernels: Kernels = { buildHistogram, subtractHistogram, findBestSplit };
    if (this.helper) {
      this.helper.run(this.kind, groups * featureChunks, (chunk) =>
        growChunk(shared, chunk, kernels),
      );
    } else {
      shared.taskStart[0] = 0;
      shared.taskStart[1] = tasks;
      growChunk(shared, 0, kernels);
    }
  }

  /**
   * Splits the tasks into groups of about the same work (contiguous, in taskStart), at most
   * {@link CHUNKS_ON_TWO_THREADS}; returns their number.
   */
  private taskGroups(): number {
    const { tasks, taskStart } = this.shared;
    const count = this.taskCount;
    const cost = (t: number): number =>
      (tasks[4 * t + 1] as number) - (tasks[4 * t] as number) + NODE_COST_IN_ROWS;
    let total = 0;
    for (let t = 0; t < count; t++) total += cost(t);
    const groups = Math.min(count, CHUNKS_ON_TWO_THREADS);
    let g = 0;
    let sum = 0;
    taskStart[0] = 0;
    for (let t = 0; t < count && g < groups - 1; t++) {
      sum += cost(t);
      // Close the group once it holds its share, leaving a task for each group still to come.
      if (sum >= ((g + 1) * total) / groups || count - (t + 1) === groups - (g + 1)) {
        taskStart[++g] = t + 1;
      }
    }
    taskStart[groups] = count;
    return groups;
  }

  /** The best split of task t's built node (`sibling` false) or of its sibling, after {@link run}. */
  split(t: number, sibling: boolean): SplitCandidate {
    const { results, masks, counts } = this.shared;
    const chunks = counts[0] as number;
    const first = (2 * t + (sibling ? 1 : 0)) * chunks;
    // Chunks in feature order; a later chunk wins only with a larger gain, as on one thread.
    let record = -1;
    let gain = -Infinity;
    for (let r = first; r < first + chunks; r++) {
      if ((results[RESULT_SIZE * r] as number) > gain) {
        gain = results[RESULT_SIZE * r] as number;
        record = r;
      }
    }
    const best = noSplit();
    if (record < 0) return best;
    const o = RESULT_SIZE * record;
    best.gain = gain;
    best.feature = results[o + 1] as number;
    best.binThreshold = results[o + 2] as number;
    best.defaultLeft = results[o + 3] === 1;
    best.leftGradient = results[o + 4] as number;
    best.leftHessian = results[o + 5] as number;
    if ((this.shared.featureBins[best.feature] as FeatureBins).kind === 'categorical')
      best.leftBins = masks.slice(256 * record, 256 * record + 256);
    return best;
  }

  /** Forgets the tasks (after their splits were read). */
  clearTasks(): void {
    this.taskCount = 0;
  }

  /**
   * Posts the shared values to the helper again after one of them was replaced or added (the
   * typed arrays stay shared; only the small object is copied).
   */
  private post(): void {
    this.helper?.share('level', this.shared);
  }

  private bytes(n: number): ArrayBuffer | SharedArrayBuffer {
    return this.helper ? new SharedArrayBuffer(n) : new ArrayBuffer(n);
  }
}
