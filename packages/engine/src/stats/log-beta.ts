import { logGamma } from './log-gamma.js';
import { stirlingError } from './stirling-error.js';

const HALF_LOG_TWO_PI = 0.9189385332046727418;

/**
 * Natural logarithm of the beta function, log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b).
 * For a + b ≥ 20 it uses log Γ(x) = (x − ½) log x − x + ½ log 2π + δ(x), with δ
 * the Stirling error, rearranged so that the large terms cancel exactly:
 * log B = ½ log 2π − ½ log(a + b) + (a − ½) log(a/(a + b)) + (b − ½) log(b/(a + b))
 * + δ(a) + δ(b) − δ(a + b).
 */
export function logBeta(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b) || a < 0 || b < 0) return Number.NaN;
  const sum = a + b;
  if (sum < 20 || a === 0 || b === 0) return logGamma(a) + logGamma(b) - logGamma(sum);
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  return (
    HALF_LOG_TWO_PI -
    0.5 * Math.log(sum) +
    (small - 0.5) * Math.log(small / sum) +
    (large - 0.5) * Math.log1p(-small / sum) +
    stirlingError(small) +
    stirlingError(large) -
    stirlingError(sum)
  );
}
