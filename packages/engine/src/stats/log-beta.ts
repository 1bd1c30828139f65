import { logGamma } from './log-gamma.js';

/** Natural logarithm of the beta function, log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b). */
export function logBeta(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b) || a < 0 || b < 0) return Number.NaN;
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}
