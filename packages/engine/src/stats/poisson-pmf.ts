import { StatsArgumentError } from './errors.js';
import { logGamma } from './log-gamma.js';
import { binomialDeviance, stirlingError } from './stirling-error.js';

const TWO_PI = 2 * Math.PI;

/**
 * Poisson density at real x ≥ 0 with mean λ, x^λ e^(−λ) / Γ(x + 1), by
 * Loader's saddle-point formula. Used by the incomplete gamma function.
 */
export function poissonDensityRaw(x: number, mean: number): number {
  if (mean === 0) return x === 0 ? 1 : 0;
  if (!Number.isFinite(mean) || x < 0) return 0;
  if (x <= mean * Number.MIN_VALUE) return Math.exp(-mean);
  if (mean < x * Number.MIN_VALUE) {
    return Math.exp(-mean + x * Math.log(mean) - logGamma(x + 1));
  }
  return Math.exp(-stirlingError(x) - binomialDeviance(x, mean)) / Math.sqrt(TWO_PI * x);
}

/** P(X = k) for X ~ Poisson(mean); 0 when k is not a non-negative integer. */
export function poissonPmf(k: number, mean: number): number {
  checkPoisson(mean);
  if (Number.isNaN(k) || Number.isNaN(mean)) return Number.NaN;
  if (!Number.isInteger(k) || k < 0) return 0;
  return poissonDensityRaw(k, mean);
}

/** Throws unless the Poisson mean is finite and non-negative (NaN passes through). */
export function checkPoisson(mean: number): void {
  if (!Number.isNaN(mean) && (!(mean >= 0) || !Number.isFinite(mean))) {
    throw new StatsArgumentError(`Poisson mean must be finite and non-negative, got ${mean}`);
  }
}
