import { seededRandom } from './seeded-random.js';

/** Learned target encoding of a categorical column: smoothed positive rate per category code. */
export interface TargetEncoding {
  /** Smoothed mean label per category code (index = code); the prior for unseen codes. */
  readonly means: Float64Array;
  readonly prior: number;
  /** Pseudo-count pulling rare categories towards the prior. */
  readonly smoothing: number;
}

/** Options for {@link outOfFoldTargetEncoding}. */
export interface TargetEncodingOptions {
  folds?: number;
  smoothing?: number;
  seed?: number;
}

function smoothedMeans(
  codes: Int32Array,
  label: Float64Array,
  categories: number,
  prior: number,
  smoothing: number,
  skipFold: number,
  fold: Uint8Array | null,
): Float64Array {
  const sum = new Float64Array(categories);
  const count = new Float64Array(categories);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] as number;
    if (c < 0 || (fold && fold[i] === skipFold)) continue;
    sum[c] = (sum[c] as number) + (label[i] as number);
    count[c] = (count[c] as number) + 1;
  }
  const means = new Float64Array(categories);
  for (let c = 0; c < categories; c++) {
    means[c] = ((sum[c] as number) + prior * smoothing) / ((count[c] as number) + smoothing);
  }
  return means;
}

/**
 * Out-of-fold target encoding of category codes (−1 = missing): each training row gets the smoothed
 * label mean of its category computed on the other folds, so the row's own label never leaks into
 * its feature. Returns the training column and the encoding learned on all rows, for new data.
 */
export function outOfFoldTargetEncoding(
  codes: Int32Array,
  label: Float64Array,
  categories: number,
  options: TargetEncodingOptions = {},
): { readonly train: Float64Array; readonly encoding: TargetEncoding } {
  const folds = Math.max(2, options.folds ?? 5);
  const smoothing = options.smoothing ?? 20;
  const n = codes.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += label[i] as number;
  const prior = n > 0 ? total / n : 0;
  const random = seededRandom(options.seed ?? 0);
  const fold = new Uint8Array(n);
  for (let i = 0; i < n; i++) fold[i] = random.nextInt(folds);
  const train = new Float64Array(n);
  for (let k = 0; k < folds; k++) {
    const means = smoothedMeans(codes, label, categories, prior, smoothing, k, fold);
    for (let i = 0; i < n; i++) {
      if (fold[i] !== k) continue;
      const c = codes[i] as number;
      train[i] = c < 0 ? NaN : (means[c] as number);
    }
  }
  const means = smoothedMeans(codes, label, categories, prior, smoothing, -1, null);
  return { train, encoding: { means, prior, smoothing } };
}

/** Applies a learned target encoding; unseen codes (≥ the table size) get the prior, missing (−1) NaN. */
export function applyTargetEncoding(codes: Int32Array, encoding: TargetEncoding): Float64Array {
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] as number;
    out[i] =
      c < 0 ? NaN : c < encoding.means.length ? (encoding.means[c] as number) : encoding.prior;
  }
  return out;
}

/** Number of rows per category code (index = code) in the training data. */
export function categoryCounts(codes: Int32Array, categories: number): Float64Array {
  const counts = new Float64Array(categories);
  for (const c of codes) if (c >= 0) counts[c] = (counts[c] as number) + 1;
  return counts;
}

/** Count encoding: each row gets its category's training count (0 when unseen, NaN when missing). */
export function applyCountEncoding(codes: Int32Array, counts: Float64Array): Float64Array {
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] as number;
    out[i] = c < 0 ? NaN : c < counts.length ? (counts[c] as number) : 0;
  }
  return out;
}
