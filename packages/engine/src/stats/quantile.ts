import { StatsArgumentError } from './errors.js';

/** Sorted copy of the non-NaN values. */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== undefined && !Number.isNaN(value)) kept.push(value);
  }
  return Float64Array.from(kept).sort();
}

/** Type-7 quantile of already sorted values (no NaN). */
export function quantileSorted(sorted: ArrayLike<number>, probability: number): number {
  const n = sorted.length;
  if (n === 0 || Number.isNaN(probability)) return Number.NaN;
  // R's type 7 (its default): h = (n − 1) p, linear between the order statistics around h.
  const h = (n - 1) * probability;
  const below = Math.floor(h);
  const low = sorted[below] ?? Number.NaN;
  if (below >= n - 1) return sorted[n - 1] ?? Number.NaN;
  const high = sorted[below + 1] ?? Number.NaN;
  const fraction = h - below;
  return fraction === 0 ? low : low + fraction * (high - low);
}

/**
 * Sample quantile of type 7 (R's default, Hyndman & Fan 1996):
 * x₍ⱼ₎ + (h − j + 1)(x₍ⱼ₊₁₎ − x₍ⱼ₎) with h = (n − 1)p + 1, j = ⌊h⌋. NaN values
 * are ignored (R's na.rm = TRUE); no values gives NaN.
 */
export function quantile(values: ArrayLike<number>, probability: number): number {
  if (!(probability >= 0 && probability <= 1)) {
    throw new StatsArgumentError(`quantile probability must be in [0, 1], got ${probability}`);
  }
  return quantileSorted(sortedFinite(values), probability);
}
