import { type BinnedData, applyFeatureBins, fitFeatureBins } from './feature-bins.js';
import type { FeatureKind } from './feature-matrix.js';
import type { GbdtModel } from './gbdt-model.js';
import { logLoss, rootMeanSquaredError } from './loss-metrics.js';
import { type Objective, initialMargin, sigmoid } from './objectives.js';
import type { RegressionTree } from './regression-tree.js';
import { rocAuc } from './roc-auc.js';
import { seededRandom, shuffleInPlace } from './seeded-random.js';
import { TrainHelper } from './train-helper.js';
import { TrainLevel, levelWork } from './train-level.js';
import { TrainMargins, marginsWork } from './train-margins.js';
import { growTree, growWorkspace } from './tree-grower.js';

/** Training parameters (names follow XGBoost where one exists). */
export interface GbdtParams {
  objective: Objective;
  /** Boosting rounds (upper bound when early stopping). */
  rounds: number;
  learningRate: number;
  /** 0 = no limit. */
  maxDepth: number;
  /** 0 = no limit. */
  maxLeaves: number;
  growPolicy: 'depthwise' | 'lossguide';
  lambda: number;
  gamma: number;
  minChildWeight: number;
  /** Share of rows drawn (without replacement) for each tree. */
  subsample: number;
  /** Share of features drawn for each tree. */
  colsampleByTree: number;
  /** Weight multiplier for positive rows (logistic objective). */
  scalePosWeight: number;
  maxBins: number;
  maxCatOneHot: number;
  maxCatThreshold: number;
  catSmooth: number;
  /** Stop when the validation metric has not improved for this many rounds (0 = never). */
  earlyStoppingRounds: number;
  evalMetric: 'logloss' | 'auc' | 'rmse';
  seed: number;
  /** 2 = grow trees on two threads (the same model as on one); 1 = one thread. */
  threads: number;
}

/** Defaults close to XGBoost's `hist` defaults. */
export const DEFAULT_GBDT_PARAMS: Readonly<GbdtParams> = Object.freeze({
  objective: 'binary:logistic',
  rounds: 100,
  learningRate: 0.3,
  maxDepth: 6,
  maxLeaves: 0,
  growPolicy: 'depthwise',
  lambda: 1,
  gamma: 0,
  minChildWeight: 1,
  subsample: 1,
  colsampleByTree: 1,
  scalePosWeight: 1,
  maxBins: 255,
  maxCatOneHot: 4,
  maxCatThreshold: 32,
  catSmooth: 10,
  earlyStoppingRounds: 0,
  evalMetric: 'logloss',
  seed: 0,
  threads: 1,
});

/** Feature columns (NaN = missing; categorical columns hold category codes) and a label per row. */
export interface LabelledColumns {
  readonly columns: readonly Float64Array[];
  readonly label: Float64Array;
  readonly weight?: Float64Array;
}

/** Optional inputs of {@link trainGbdt}. */
export interface TrainOptions {
  featureNames?: readonly string[];
  featureKinds?: readonly FeatureKind[];
  /** Validation data for early stopping and the metric history. */
  valid?: LabelledColumns;
  /** Called after each round with the validation metric (NaN without validation data). */
  onRound?: (round: number, validMetric: number) => void;
}

/** A trained model and how training went. */
export interface TrainResult {
  readonly model: GbdtModel;
  /** Validation metric after each round. */
  readonly validHistory: readonly number[];
  /** Index of the round kept last (the model has bestRound + 1 trees). */
  readonly bestRound: number;
}

function evaluate(
  metric: GbdtParams['evalMetric'],
  margin: Float64Array,
  label: Float64Array,
): number {
  if (metric === 'auc') return rocAuc(margin, label);
  if (metric === 'rmse') return rootMeanSquaredError(margin, label);
  const p = new Float64Array(margin.length);
  for (let i = 0; i < p.length; i++) p[i] = sigmoid(margin[i] as number);
  return logLoss(p, label);
}

function weightsFor(data: LabelledColumns, params: GbdtParams): Float64Array {
  const n = data.label.length;
  const w = data.weight ? Float64Array.from(data.weight) : new Float64Array(n).fill(1);
  if (params.objective === 'binary:logistic' && params.scalePosWeight !== 1) {
    for (let i = 0; i < n; i++)
      if ((data.label[i] as number) > 0) w[i] = (w[i] as number) * params.scalePosWeight;
  }
  return w;
}

/** Trains a histogram-based gradient-boosted tree ensemble; deterministic for a given seed. */
export function trainGbdt(
  train: LabelledColumns,
  parameters: Partial<GbdtParams> = {},
  options: TrainOptions = {},
): TrainResult {
  const params: GbdtParams = { ...DEFAULT_GBDT_PARAMS, ...parameters };
  const nf = train.columns.length;
  const n = train.label.length;
  const kinds = options.featureKinds ?? new Array<FeatureKind>(nf).fill('numeric');
  const names = options.featureNames ?? Array.from({ length: nf }, (_, f) => `f${f}`);
  if (kinds.length !== nf || names.length !== nf)
    throw new RangeError('one name and kind per feature');
  const random = seededRandom(params.seed);
  const featureBins = fitFeatureBins(train.columns, kinds, {
    maxBins: params.maxBins,
    seed: params.seed,
  });
  const data = applyFeatureBins(train.columns, featureBins);
  const valid: BinnedData | null = options.valid
    ? applyFeatureBins(options.valid.columns, featureBins)
    : null;
  const weight = weightsFor(train, params);
  const baseScore = initialMargin(params.objective, train.label, weight);
  const trees: RegressionTree[] = [];
  const validHistory: number[] = [];
  const larger = params.evalMetric === 'auc';
  let best = larger ? -Infinity : Infinity;
  let bestRound = -1;
  // Small data sets stay on one thread: starting the helper costs more than it saves. The
  // helper's work: 0, a level's histograms and splits; 1, the margins and gradients after a tree.
  const helper =
    params.threads >= 2 && n >= 8192 ? new TrainHelper([levelWork, marginsWork]) : null;
  try {
    const level = new TrainLevel(data, featureBins, params, helper, 0);
    const margins = new TrainMargins(
      params.objective,
      level.data,
      train.label,
      weight,
      baseScore,
      valid,
      helper,
      1,
    );
    const { margin, gradient, hessian, inBag } = margins;
    const workspace = growWorkspace();
    workspace.level = level;
    const bag = level.rows;
    margins.startGradients();
    for (let round = 0; round < params.rounds; round++) {
      let rows: Uint32Array;
      if (params.subsample < 1) {
        let count = 0;
        for (let i = 0; i < n; i++) {
          const take = random.next() < params.subsample;
          inBag[i] = take ? 1 : 0;
          if (take) bag[count++] = i;
        }
        rows = bag.subarray(0, count);
      } else {
        rows = bag;
        for (let i = 0; i < n; i++) rows[i] = i;
        inBag.fill(1);
      }
      let features = Int32Array.from({ length: nf }, (_, f) => f);
      if (params.colsampleByTree < 1) {
        const k = Math.max(1, Math.round(params.colsampleByTree * nf));
        features = shuffleInPlace(features, random).subarray(0, k).sort();
      }
      const grown = growTree(
        data,
        featureBins,
        gradient,
        hessian,
        rows,
        features,
        params,
        workspace,
      );
      const value = grown.tree.value;
      for (let l = 0; l < grown.leafNode.length; l++) {
        const v = value[grown.leafNode[l] as number] as number;
        for (let i = grown.leafStart[l] as number; i < (grown.leafEnd[l] as number); i++) {
          const r = rows[i] as number;
          margin[r] = (margin[r] as number) + v;
        }
      }
      // The other rows, the validation rows and the next gradients (on both threads with two).
      margins.update(grown, rows.length < n);
      trees.push(grown.tree);
      let metric = NaN;
      if (valid && options.valid) {
        metric = evaluate(params.evalMetric, margins.validMargin, options.valid.label);
        validHistory.push(metric);
        if (larger ? metric > best : metric < best) {
          best = metric;
          bestRound = round;
        }
      } else {
        bestRound = round;
      }
      options.onRound?.(round, metric);
      if (
        valid &&
        params.earlyStoppingRounds > 0 &&
        round - bestRound >= params.earlyStoppingRounds
      )
        break;
    }
  } finally {
    // Also when a round throws; the helper thread never keeps the process alive meanwhile.
    void helper?.close();
  }
  const kept = valid && params.earlyStoppingRounds > 0 ? trees.slice(0, bestRound + 1) : trees;
  const record: Record<string, number | string> = {};
  for (const [key, v] of Object.entries(params)) record[key] = v as number | string;
  return {
    model: {
      objective: params.objective,
      baseScore,
      featureNames: [...names],
      featureKinds: [...kinds],
      trees: kept,
      params: record,
    },
    validHistory,
    bestRound: kept.length - 1,
  };
}
