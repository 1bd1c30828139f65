import { StatsArgumentError } from './errors.js';
import { quantileSorted, sortedFinite } from './quantile.js';

/**
 * Winsorise: clamp each value to the type-7 quantiles at `fraction` and
 * 1 − `fraction` of the non-NaN values (default 10% in each tail, as in
 * Spiegelhalter 2005). NaN stays NaN.
 */
export function winsorise(values: ArrayLike<number>, fraction = 0.1): Float64Array {
  if (!(fraction >= 0 && fraction < 0.5)) {
    throw new StatsArgumentError(`winsorising fraction must be in [0, 0.5), got ${fraction}`);
  }
  const sorted = sortedFinite(values);
  const low = quantileSorted(sorted, fraction);
  const high = quantileSorted(sorted, 1 - fraction);
  const result = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? Number.NaN;
    result[i] = Number.isNaN(value) ? Number.NaN : Math.min(high, Math.max(low, value));
  }
  return result;
}
