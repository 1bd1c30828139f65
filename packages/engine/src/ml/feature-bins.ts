import type { FeatureKind } from './feature-matrix.js';
import { seededRandom } from './seeded-random.js';

/** How one feature's values map to bins. */
export interface FeatureBins {
  readonly kind: FeatureKind;
  /** Number of value bins, at most 255; bin code `binCount` stands for a missing value. */
  readonly binCount: number;
  /** Numeric: bin b holds values ≤ upperBounds[b] (and above the previous bound); the last bin is open. */
  readonly upperBounds: Float64Array;
  /** Categorical: the category code held by each bin (−1 for the bin of rare categories). */
  readonly categories: Float64Array;
  /** Categorical: the bin collecting categories beyond the bin limit, or −1. */
  readonly otherBin: number;
}

/** Options for {@link fitFeatureBins}. */
export interface BinningOptions {
  /** Value bins per feature, 2..255 (default 255). */
  maxBins?: number;
  /** Rows sampled to find numeric quantiles (default 200 000). */
  sampleSize?: number;
  seed?: number;
}

function midpoint(a: number, b: number): number {
  const m = a + (b - a) / 2;
  return m >= b ? a : m;
}

function numericBins(values: Float64Array, rows: Uint32Array | null, maxBins: number): FeatureBins {
  const sample: number[] = [];
  if (rows) {
    for (const r of rows) {
      const v = values[r] as number;
      if (!Number.isNaN(v)) sample.push(v);
    }
  } else {
    for (const v of values) if (!Number.isNaN(v)) sample.push(v);
  }
  const sorted = Float64Array.from(sample).sort();
  const distinct: number[] = [];
  const counts: number[] = [];
  for (const v of sorted) {
    if (distinct.length > 0 && distinct[distinct.length - 1] === v) {
      counts[counts.length - 1] = (counts[counts.length - 1] as number) + 1;
    } else {
      distinct.push(v);
      counts.push(1);
    }
  }
  const upper: number[] = [];
  if (distinct.length <= maxBins) {
    for (let i = 0; i + 1 < distinct.length; i++) {
      upper.push(midpoint(distinct[i] as number, distinct[i + 1] as number));
    }
  } else {
    // Greedy equal-frequency bins over distinct values: a heavy value gets a bin of its own.
    let remaining = sorted.length;
    let binsLeft = maxBins;
    let target = remaining / binsLeft;
    let acc = 0;
    for (let i = 0; i + 1 < distinct.length && binsLeft > 1; i++) {
      const c = counts[i] as number;
      acc += c;
      const next = counts[i + 1] as number;
      if (acc >= target || acc + next / 2 > target) {
        upper.push(midpoint(distinct[i] as number, distinct[i + 1] as number));
        remaining -= acc;
        binsLeft--;
        target = remaining / binsLeft;
        acc = 0;
      }
    }
  }
  return {
    kind: 'numeric',
    binCount: Math.max(1, upper.length + 1),
    upperBounds: Float64Array.from(upper),
    categories: new Float64Array(0),
    otherBin: -1,
  };
}

function categoricalBins(values: Float64Array, maxBins: number): FeatureBins {
  const counts = new Map<number, number>();
  for (const v of values) if (!Number.isNaN(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
  // Most frequent categories first; ties by code, so the result does not depend on row order.
  const ordered = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const kept = ordered.length <= maxBins ? ordered : ordered.slice(0, maxBins - 1);
  const categories = kept.map(([code]) => code).sort((a, b) => a - b);
  const otherBin = ordered.length > maxBins ? categories.length : -1;
  if (otherBin >= 0) categories.push(-1);
  return {
    kind: 'categorical',
    binCount: Math.max(1, categories.length),
    upperBounds: new Float64Array(0),
    categories: Float64Array.from(categories),
    otherBin,
  };
}

/** Learns bins for each feature: quantile bins for numeric ones, one bin per frequent category otherwise. */
export function fitFeatureBins(
  columns: readonly Float64Array[],
  kinds: readonly FeatureKind[],
  options: BinningOptions = {},
): FeatureBins[] {
  const maxBins = Math.min(255, Math.max(2, options.maxBins ?? 255));
  const rows = columns.length === 0 ? 0 : (columns[0] as Float64Array).length;
  const sampleSize = options.sampleSize ?? 200_000;
  let sampleRows: Uint32Array | null = null;
  if (rows > sampleSize) {
    // Reservoir sample of row numbers, sorted for cache-friendly reads.
    const random = seededRandom(options.seed ?? 0);
    sampleRows = new Uint32Array(sampleSize);
    for (let i = 0; i < rows; i++) {
      if (i < sampleSize) sampleRows[i] = i;
      else {
        const j = random.nextInt(i + 1);
        if (j < sampleSize) sampleRows[j] = i;
      }
    }
    sampleRows.sort();
  }
  return columns.map((column, f) =>
    kinds[f] === 'categorical'
      ? categoricalBins(column, maxBins)
      : numericBins(column, sampleRows, maxBins),
  );
}

/** Bin of one value under a feature's bins (`binCount` for a missing value). */
export function binOf(bins: FeatureBins, value: number): number {
  if (Number.isNaN(value)) return bins.binCount;
  if (bins.kind === 'numeric') {
    const upper = bins.upperBounds;
    let lo = 0;
    let hi = upper.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (value <= (upper[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
  const cats = bins.categories;
  // Categories are sorted; the bin of rare categories (code −1) sits last, outside the search.
  let lo = 0;
  let hi = bins.otherBin >= 0 ? cats.length - 2 : cats.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = cats[mid] as number;
    if (c === value) return mid;
    if (c < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return bins.otherBin >= 0 ? bins.otherBin : bins.binCount;
}

/** Binned training data: one byte per cell, row-major (row r, feature f at r * features + f). */
export interface BinnedData {
  readonly rows: number;
  readonly features: number;
  readonly bins: Uint8Array;
  /** Bin code of a missing value, per feature (its bin count). */
  readonly missing: Uint8Array;
}

/** Converts feature columns to bins with learned {@link FeatureBins}. */
export function applyFeatureBins(
  columns: readonly Float64Array[],
  featureBins: readonly FeatureBins[],
): BinnedData {
  const features = columns.length;
  const rows = features === 0 ? 0 : (columns[0] as Float64Array).length;
  const bins = new Uint8Array(rows * features);
  for (let f = 0; f < features; f++) {
    const column = columns[f] as Float64Array;
    const fb = featureBins[f] as FeatureBins;
    for (let r = 0; r < rows; r++) bins[r * features + f] = binOf(fb, column[r] as number);
  }
  const missing = Uint8Array.from(featureBins, (fb) => fb.binCount);
  return { rows, features, bins, missing };
}
