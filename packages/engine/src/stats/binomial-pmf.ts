import { StatsArgumentError } from './errors.js';
import { binomialDeviance, stirlingError } from './stirling-error.js';

const LOG_TWO_PI = 1.8378770664093454836;

/**
 * Binomial density at real x for real n ≥ x ≥ 0 and p + q = 1, by Loader's
 * saddle-point formula (relative accuracy near machine precision even for
 * n in the billions). Used by the incomplete beta function.
 */
export function binomialDensityRaw(x: number, n: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 1 : 0;
  if (q === 0) return x === n ? 1 : 0;
  if (x === 0) {
    if (n === 0) return 1;
    const logDensity = p < 0.1 ? -binomialDeviance(n, n * q) - n * p : n * Math.log(q);
    return Math.exp(logDensity);
  }
  if (x === n) {
    const logDensity = q < 0.1 ? -binomialDeviance(n, n * p) - n * q : n * Math.log(p);
    return Math.exp(logDensity);
  }
  if (x < 0 || x > n) return 0;
  const logCore =
    stirlingError(n) -
    stirlingError(x) -
    stirlingError(n - x) -
    binomialDeviance(x, n * p) -
    binomialDeviance(n - x, n * q);
  // log(2π x (n − x)/n): n − x is exact for integers, unlike 1 − x/n in
  // Loader's log1p(−x/n), which loses digits when x is close to n.
  const logFactor = LOG_TWO_PI + Math.log((x * (n - x)) / n);
  return Math.exp(logCore - 0.5 * logFactor);
}

/** P(X = k) for X ~ Binomial(n, p); 0 when k is not an integer in [0, n]. */
export function binomialPmf(k: number, n: number, p: number): number {
  checkBinomial(n, p);
  if (Number.isNaN(k) || Number.isNaN(n) || Number.isNaN(p)) return Number.NaN;
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  return binomialDensityRaw(k, n, p, 1 - p);
}

/** Throws unless n is a non-negative integer and p a probability (NaN passes through). */
export function checkBinomial(n: number, p: number): void {
  if (!Number.isNaN(n) && (!Number.isInteger(n) || n < 0)) {
    throw new StatsArgumentError(`binomial size must be a non-negative integer, got ${n}`);
  }
  if (!Number.isNaN(p) && (p < 0 || p > 1)) {
    throw new StatsArgumentError(`binomial probability must be in [0, 1], got ${p}`);
  }
}
