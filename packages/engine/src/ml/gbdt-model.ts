import { binForest, scoreBinnedForest } from './binned-forest.js';
import { compileForest } from './compiled-forest.js';
import type { FeatureKind, FeatureMatrix } from './feature-matrix.js';
import { type Objective, transformMargin } from './objectives.js';
import { quickScorer, scoreQuickScorer } from './quick-scorer.js';
import type { RegressionTree } from './regression-tree.js';
import { scoreWasmForest, wasmForest } from './wasm-forest.js';

/** A trained gradient-boosted tree ensemble. */
export interface GbdtModel {
  readonly objective: Objective;
  /** Margin before any tree (log-odds of the base rate for the logistic objective). */
  readonly baseScore: number;
  readonly featureNames: readonly string[];
  readonly featureKinds: readonly FeatureKind[];
  readonly trees: readonly RegressionTree[];
  /** Training parameters, kept for the record. */
  readonly params: Readonly<Record<string, number | string>>;
}

/**
 * All trees of a model packed into shared arrays for fast prediction: the two children of a node
 * are adjacent (right = left + 1); leaves have feature −1 and their value in `threshold`.
 */
interface PackedForest {
  readonly roots: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly child: Int32Array;
  /** 0: plain numeric node with missing going right; otherwise see `slowStep`. */
  readonly flags: Uint8Array;
  readonly categories: readonly (Float64Array | null)[];
}

const DEFAULT_LEFT = 1;
const CATEGORICAL = 2;

const packCache = new WeakMap<GbdtModel, PackedForest>();

/** Batches at least this large use the compiled trees (compiling costs a few milliseconds). */
const COMPILE_FROM_ROWS = 2048;

function pack(model: GbdtModel): PackedForest {
  const cached = packCache.get(model);
  if (cached) return cached;
  let total = 0;
  for (const t of model.trees) total += t.feature.length;
  const feature = new Int32Array(total);
  const threshold = new Float64Array(total);
  const child = new Int32Array(total);
  const flags = new Uint8Array(total);
  const categories: (Float64Array | null)[] = new Array<Float64Array | null>(total).fill(null);
  const roots = new Int32Array(model.trees.length);
  let next = 0;
  model.trees.forEach((tree, t) => {
    // Breadth-first renumbering so that siblings sit side by side.
    roots[t] = next++;
    const queue: [number, number][] = [[0, roots[t] as number]];
    for (let q = 0; q < queue.length; q++) {
      const [src, dst] = queue[q] as [number, number];
      const f = tree.feature[src] as number;
      feature[dst] = f;
      if (f < 0) {
        threshold[dst] = tree.value[src] as number;
        continue;
      }
      const set = tree.categories[src] ?? null;
      threshold[dst] = set ? -Infinity : (tree.threshold[src] as number);
      flags[dst] = (tree.defaultLeft[src] === 1 ? DEFAULT_LEFT : 0) | (set ? CATEGORICAL : 0);
      categories[dst] = set;
      child[dst] = next;
      queue.push([tree.left[src] as number, next], [tree.right[src] as number, next + 1]);
      next += 2;
    }
  });
  const forest = { roots, feature, threshold, child, flags, categories };
  packCache.set(model, forest);
  return forest;
}

function slowStep(forest: PackedForest, node: number, v: number): number {
  const flags = forest.flags[node] as number;
  const first = forest.child[node] as number;
  if (Number.isNaN(v)) return (flags & DEFAULT_LEFT) !== 0 ? first : first + 1;
  const set = forest.categories[node];
  if (set) {
    let lo = 0;
    let hi = set.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = set[mid] as number;
      if (c === v) return first;
      if (c < v) lo = mid + 1;
      else hi = mid - 1;
    }
    return first + 1;
  }
  return v <= (forest.threshold[node] as number) ? first : first + 1;
}

/** The scorers for large batches; all give the same bits. */
export type Scorer = 'binned' | 'compiled' | 'quick' | 'simd';

/** Scores `rows` rows (cell (r, f) at r × rowStride + f × colStride) into `out`. */
export type ScoreRows = (
  values: Float64Array | Float32Array,
  rows: number,
  rowStride: number,
  colStride: number,
  out: Float64Array,
) => void;

/**
 * Which scorer a model uses: the SIMD trees (WebAssembly, 16 rows per instruction) whenever they
 * take the model; otherwise the fastest JavaScript scorer on its first batch of at least
 * 2 × TRIAL_ROWS rows per candidate. Binned trees never mispredict a branch but always walk to the
 * deepest level; compiled trees win when the data make their branches predictable and the paths
 * short (on the KCS models, real rows: about equal; on random rows: binned trees twice as fast);
 * QuickScorer (trees of depth ≤ 6 only) wins on shallow trees (depth 1–3) and loses from depth 4.
 */
const scorerOf = new WeakMap<GbdtModel, Scorer>();
const TRIAL_ROWS = 8192;

/** The scorer `predictMargin` chose for a model's large batches, once it has scored one. */
export function chosenScorer(model: GbdtModel): Scorer | undefined {
  return scorerOf.get(model);
}

/** Raw margins (sum of tree outputs plus the base score) for every row of a matrix. */
export function predictMargin(
  model: GbdtModel,
  matrix: FeatureMatrix,
  treeLimit?: number,
): Float64Array {
  const { rows, cols, values, layout } = matrix;
  if (cols < model.featureNames.length) {
    throw new RangeError(
      `the matrix has ${cols} columns, the model needs ${model.featureNames.length}`,
    );
  }
  const out = new Float64Array(rows).fill(model.baseScore);
  const rowStride = layout === 'row-major' ? cols : 1;
  const colStride = layout === 'row-major' ? 1 : rows;
  const trees = Math.min(treeLimit ?? model.trees.length, model.trees.length);
  if (trees === model.trees.length && rows >= COMPILE_FROM_ROWS) {
    scoreLargeBatch(model, values, rows, rowStride, colStride, out);
  } else {
    walkPackedTrees(pack(model), trees, values, rows, rowStride, colStride, out);
  }
  return out;
}

/** Candidates in trial order (on a tie the later one wins). */
const SCORERS: readonly Scorer[] = ['compiled', 'binned', 'quick'];

/**
 * One large-batch scorer on its own, for benchmarks and comparisons: it writes the margins (base
 * score included) of `rows` rows (cell (r, f) at r × rowStride + f × colStride) into `out`. Null
 * when the model does not fit that scorer. The model is prepared for it on the first call.
 */
export function scorerFor(model: GbdtModel, scorer: Scorer): ScoreRows | null {
  if (scorer === 'compiled') {
    return (values, rows, rowStride, colStride, out) => {
      out.fill(model.baseScore, 0, rows);
      compileForest(model)(values, rows, rowStride, colStride, out);
    };
  }
  const binned = binForest(model);
  if (!binned) return null;
  if (scorer === 'binned') return (...args) => scoreBinnedForest(binned, ...args);
  if (scorer === 'quick') {
    const quick = quickScorer(model);
    return quick && ((...args) => scoreQuickScorer(quick, ...args));
  }
  const simd = wasmForest(model);
  return simd && ((...args) => scoreWasmForest(simd, ...args));
}

/**
 * Large batches: the SIMD trees, or else binned trees, compiled trees or QuickScorer, whichever is
 * fastest on this model and its data (same additions in the same order in each, so identical
 * results).
 */
function scoreLargeBatch(
  model: GbdtModel,
  values: Float64Array | Float32Array,
  rows: number,
  rowStride: number,
  colStride: number,
  out: Float64Array,
): void {
  // The SIMD trees have no branch and no data-dependent cost, and were 3.5–7× faster than the best
  // JavaScript scorer on every model measured: no trial (whose timings a busy machine can skew).
  const simd = scorerFor(model, 'simd');
  if (simd) {
    scorerOf.set(model, 'simd');
    simd(values, rows, rowStride, colStride, out);
    return;
  }
  let scorer = scorerOf.get(model);
  // Once a scorer has won, the model is prepared for no other (the trees are compiled on first use).
  const scorers = new Map<Scorer, ScoreRows>();
  for (const name of scorer ? [scorer] : SCORERS) {
    const run = scorerFor(model, name);
    if (run) scorers.set(name, run);
  }
  const score = (scorer: Scorer, start: number, end: number): number => {
    const began = performance.now();
    const run = scorers.get(scorer) as ScoreRows;
    run(
      values.subarray(start * rowStride),
      end - start,
      rowStride,
      colStride,
      out.subarray(start, end),
    );
    return performance.now() - began;
  };
  let done = 0;
  if (scorer === undefined && scorers.size > 1 && rows >= 2 * scorers.size * TRIAL_ROWS) {
    // Each scorer warms up on one segment, then each is timed on the next; every row is scored
    // once. The fastest wins (on a tie, the later candidate: binned over compiled).
    for (const candidate of scorers.keys()) {
      score(candidate, done, done + TRIAL_ROWS);
      done += TRIAL_ROWS;
    }
    let best = Number.POSITIVE_INFINITY;
    for (const candidate of scorers.keys()) {
      const time = score(candidate, done, done + TRIAL_ROWS);
      done += TRIAL_ROWS;
      if (time <= best) {
        best = time;
        scorer = candidate;
      }
    }
    if (scorer !== undefined) scorerOf.set(model, scorer);
  }
  // Without a trial: the binned trees, or the compiled ones for a model the bins decline.
  score(scorer ?? (scorers.has('binned') ? 'binned' : 'compiled'), done, rows);
}

/** Small batches and tree limits: each row walks the packed trees node by node. */
function walkPackedTrees(
  forest: PackedForest,
  trees: number,
  values: Float64Array | Float32Array,
  rows: number,
  rowStride: number,
  colStride: number,
  out: Float64Array,
): void {
  const { roots, feature, threshold, child, flags } = forest;
  // Rows are processed in blocks so that one tree's nodes stay in cache across the block.
  const BLOCK = 512;
  for (let start = 0; start < rows; start += BLOCK) {
    const end = Math.min(rows, start + BLOCK);
    for (let t = 0; t < trees; t++) {
      const root = roots[t] as number;
      for (let r = start; r < end; r++) {
        const base = r * rowStride;
        let node = root;
        let f = feature[node] as number;
        while (f >= 0) {
          const v = values[base + f * colStride] as number;
          if (v <= (threshold[node] as number)) node = child[node] as number;
          else if ((flags[node] as number) === 0) node = (child[node] as number) + 1;
          else node = slowStep(forest, node, v);
          f = feature[node] as number;
        }
        out[r] = (out[r] as number) + (threshold[node] as number);
      }
    }
  }
}

/** Model outputs for every row: probabilities for the logistic objective, values otherwise. */
export function predict(model: GbdtModel, matrix: FeatureMatrix, treeLimit?: number): Float64Array {
  const margin = predictMargin(model, matrix, treeLimit);
  for (let i = 0; i < margin.length; i++)
    margin[i] = transformMargin(model.objective, margin[i] as number);
  return margin;
}
