import type { TailOptions } from './binomial-tail.js';
import { checkPoisson, poissonPmf } from './poisson-pmf.js';
import { regularizedGammaPair } from './regularized-gamma.js';

// P(X ≥ k | λ) = P(k, λ) for k ≥ 1 and P(X ≤ k | λ) = Q(k + 1, λ)
// (Abramowitz & Stegun 26.4.21), read from the incomplete gamma pair so that
// the small tail keeps its relative accuracy.

/** Poisson upper tail P(X ≥ k) for X ~ Poisson(mean); real k counts from ⌈k⌉. */
export function poissonUpperTail(k: number, mean: number, options: TailOptions = {}): number {
  checkPoisson(mean);
  if (Number.isNaN(k) || Number.isNaN(mean)) return Number.NaN;
  const from = Math.ceil(k);
  let tail: number;
  if (from <= 0) tail = 1;
  else if (mean === 0) tail = 0;
  else tail = regularizedGammaPair(from, mean)[0];
  if (options.midP === true && from >= 0 && Number.isInteger(k)) {
    return tail - 0.5 * poissonPmf(from, mean);
  }
  return tail;
}

/** Poisson lower tail P(X ≤ k) for X ~ Poisson(mean); real k counts up to ⌊k⌋. */
export function poissonLowerTail(k: number, mean: number, options: TailOptions = {}): number {
  checkPoisson(mean);
  if (Number.isNaN(k) || Number.isNaN(mean)) return Number.NaN;
  const to = Math.floor(k);
  let tail: number;
  if (to < 0) tail = 0;
  else if (mean === 0) tail = 1;
  else tail = regularizedGammaPair(to + 1, mean)[1];
  if (options.midP === true && to >= 0 && Number.isInteger(k)) {
    return tail - 0.5 * poissonPmf(to, mean);
  }
  return tail;
}
