import type { FeatureBins } from './feature-bins.js';

/** Regularisation and limits used when choosing a split. */
export interface SplitParams {
  /** L2 penalty on leaf values. */
  readonly lambda: number;
  /** Minimum loss reduction to make a split (XGBoost's gamma). */
  readonly gamma: number;
  /** Minimum sum of hessians in each child. */
  readonly minChildWeight: number;
  /** Categorical features with at most this many categories are split one category against the rest. */
  readonly maxCatOneHot: number;
  /** Most categories on one side of a sorted-statistics categorical split. */
  readonly maxCatThreshold: number;
  /** Smoothing added to hessians when ordering categories by gradient ratio. */
  readonly catSmooth: number;
}

/** The best split found for a node, in bin terms. */
export interface SplitCandidate {
  gain: number;
  feature: number;
  /** Numeric: bins ≤ this go left. */
  binThreshold: number;
  defaultLeft: boolean;
  /** Categorical: 1 for each bin that goes left; null for numeric splits. */
  leftBins: Uint8Array | null;
  leftGradient: number;
  leftHessian: number;
}

/** A candidate that never splits. */
export function noSplit(): SplitCandidate {
  return {
    gain: -Infinity,
    feature: -1,
    binThreshold: 0,
    defaultLeft: false,
    leftBins: null,
    leftGradient: 0,
    leftHessian: 0,
  };
}

function score(g: number, h: number, lambda: number): number {
  return (g * g) / (h + lambda);
}

function considerNumeric(
  hist: Float64Array,
  offsets: Int32Array,
  f: number,
  bins: FeatureBins,
  sumG: number,
  sumH: number,
  p: SplitParams,
  best: SplitCandidate,
): void {
  const o = offsets[f] as number;
  const missG = hist[o + 2 * bins.binCount] as number;
  const missH = hist[o + 2 * bins.binCount + 1] as number;
  const parent = score(sumG, sumH, p.lambda);
  const hasMissing = missH > 0;
  let gl = 0;
  let hl = 0;
  for (let b = 0; b + 1 < bins.binCount; b++) {
    gl += hist[o + 2 * b] as number;
    hl += hist[o + 2 * b + 1] as number;
    // Missing values go right.
    const hr = sumH - hl;
    if (hl >= p.minChildWeight && hr >= p.minChildWeight) {
      const gain = score(gl, hl, p.lambda) + score(sumG - gl, hr, p.lambda) - parent;
      if (gain > best.gain) {
        best.gain = gain;
        best.feature = f;
        best.binThreshold = b;
        // Without missing values at this node, an unseen missing value follows the heavier child.
        best.defaultLeft = hasMissing ? false : hl >= hr;
        best.leftBins = null;
        best.leftGradient = gl;
        best.leftHessian = hl;
      }
    }
    if (hasMissing) {
      const gl2 = gl + missG;
      const hl2 = hl + missH;
      const hr2 = sumH - hl2;
      if (hl2 >= p.minChildWeight && hr2 >= p.minChildWeight) {
        const gain = score(gl2, hl2, p.lambda) + score(sumG - gl2, hr2, p.lambda) - parent;
        if (gain > best.gain) {
          best.gain = gain;
          best.feature = f;
          best.binThreshold = b;
          best.defaultLeft = true;
          best.leftBins = null;
          best.leftGradient = gl2;
          best.leftHessian = hl2;
        }
      }
    }
  }
  // Split "missing vs present" when the present values are all in one bin.
  if (hasMissing && bins.binCount === 1) {
    const hl2 = sumH - missH;
    if (hl2 >= p.minChildWeight && missH >= p.minChildWeight) {
      const gain = score(sumG - missG, hl2, p.lambda) + score(missG, missH, p.lambda) - parent;
      if (gain > best.gain) {
        best.gain = gain;
        best.feature = f;
        best.binThreshold = 0;
        best.defaultLeft = false;
        best.leftBins = null;
        best.leftGradient = sumG - missG;
        best.leftHessian = hl2;
      }
    }
  }
}

function considerCategorical(
  hist: Float64Array,
  offsets: Int32Array,
  f: number,
  bins: FeatureBins,
  sumG: number,
  sumH: number,
  p: SplitParams,
  best: SplitCandidate,
): void {
  const o = offsets[f] as number;
  const missG = hist[o + 2 * bins.binCount] as number;
  const missH = hist[o + 2 * bins.binCount + 1] as number;
  const parent = score(sumG, sumH, p.lambda);
  const present: number[] = [];
  for (let b = 0; b < bins.binCount; b++) {
    if (b !== bins.otherBin && (hist[o + 2 * b + 1] as number) > 0) present.push(b);
  }
  const n = present.length;
  if (n === 0) return;
  // The sets of categories tried on the left, each a range of `present`: one category against
  // the rest when they are few; otherwise, categories ordered by smoothed gradient ratio
  // (LightGBM's many-vs-many split), prefixes of 1 … limit from both ends.
  const oneHot = n <= p.maxCatOneHot;
  if (!oneHot) {
    const ratio = (b: number): number =>
      (hist[o + 2 * b] as number) / ((hist[o + 2 * b + 1] as number) + p.catSmooth);
    present.sort((a, b) => ratio(a) - ratio(b) || a - b);
  }
  const limit = oneHot ? n : Math.min(p.maxCatThreshold, n - 1);
  const sets = oneHot ? n : 2 * limit;
  const sides = missH > 0 ? 2 : 1;
  for (let set = 0; set < sets; set++) {
    const from = oneHot ? set : set < limit ? 0 : n - (set - limit + 1);
    const to = oneHot ? set + 1 : set < limit ? set + 1 : n;
    let gl = 0;
    let hl = 0;
    for (let i = from; i < to; i++) {
      const b = present[i] as number;
      gl += hist[o + 2 * b] as number;
      hl += hist[o + 2 * b + 1] as number;
    }
    for (let side = 0; side < sides; side++) {
      const missingLeft = side === 1;
      const g = missingLeft ? gl + missG : gl;
      const h = missingLeft ? hl + missH : hl;
      const hr = sumH - h;
      if (h < p.minChildWeight || hr < p.minChildWeight) continue;
      const gain = score(g, h, p.lambda) + score(sumG - g, hr, p.lambda) - parent;
      if (gain > best.gain) {
        const leftBins = new Uint8Array(256);
        for (let i = from; i < to; i++) leftBins[present[i] as number] = 1;
        best.gain = gain;
        best.feature = f;
        best.binThreshold = 0;
        best.defaultLeft = missH > 0 ? missingLeft : h >= hr;
        best.leftBins = leftBins;
        best.leftGradient = g;
        best.leftHessian = h;
      }
    }
  }
}

/** Best split of a node over the listed features, from its gradient histogram. */
export function findBestSplit(
  histogram: Float64Array,
  offsets: Int32Array,
  featureBins: readonly FeatureBins[],
  features: Int32Array,
  sumGradient: number,
  sumHessian: number,
  params: SplitParams,
): SplitCandidate {
  const best = noSplit();
  for (let j = 0; j < features.length; j++) {
    const f = features[j] as number;
    const bins = featureBins[f] as FeatureBins;
    if (bins.kind === 'categorical') {
      considerCategorical(histogram, offsets, f, bins, sumGradient, sumHessian, params, best);
    } else {
      considerNumeric(histogram, offsets, f, bins, sumGradient, sumHessian, params, best);
    }
  }
  return best;
}

/**
 * findBestSplit and the functions it calls, to declare side by side in a worker's source (they use
 * nothing else).
 */
export const splitFinderFunctions = [
  score,
  noSplit,
  considerNumeric,
  considerCategorical,
  findBestSplit,
] as const;
