import { quantileSorted, sortedFinite } from './quantile.js';

/** Median of the non-NaN values (mean of the two middle ones when their count is even); NaN when there are none. */
export function median(values: ArrayLike<number>): number {
  return quantileSorted(sortedFinite(values), 0.5);
}
