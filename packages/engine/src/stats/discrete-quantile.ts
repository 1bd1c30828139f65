import { checkBinomial } from './binomial-pmf.js';
import { binomialLowerTail, binomialUpperTail } from './binomial-tail.js';
import { StatsArgumentError } from './errors.js';
import { normalQuantile } from './normal-quantile.js';
import { checkPoisson } from './poisson-pmf.js';
import { poissonLowerTail, poissonUpperTail } from './poisson-tail.js';

// Like R's qbinom and qpois, the comparison allows a relative fuzz of 64ε so
// that a cumulative probability equal to p up to rounding (F(3) = ½ for
// Binomial(7, ½)) counts as reaching it.
const FUZZ = 64 * Number.EPSILON;

/** Whether P(X ≤ r) ≥ probability, compared on the smaller tail to keep digits near 1. */
function reaches(
  r: number,
  probability: number,
  lower: (r: number) => number,
  upper: (r: number) => number,
): boolean {
  return probability <= 0.5
    ? lower(r) >= probability * (1 - FUZZ)
    : upper(r + 1) <= (1 - probability) * (1 + FUZZ);
}

/** Smallest r ≥ 0 (and ≤ max) with P(X ≤ r) ≥ probability, searched from a normal start. */
function searchQuantile(
  probability: number,
  mean: number,
  sd: number,
  max: number,
  lower: (r: number) => number,
  upper: (r: number) => number,
): number {
  if (!(probability >= 0 && probability <= 1)) {
    throw new StatsArgumentError(`probability must be in [0, 1], got ${probability}`);
  }
  if (probability === 0) return 0;
  const z = normalQuantile(probability);
  let r = Math.min(max, Math.max(0, Math.round(mean + (Number.isFinite(z) ? z : 0) * sd)));
  while (r < max && !reaches(r, probability, lower, upper)) r += 1;
  while (r > 0 && reaches(r - 1, probability, lower, upper)) r -= 1;
  return r;
}

/** Binomial quantile: the smallest r with P(X ≤ r) ≥ probability, X ~ Binomial(n, p) (as R's qbinom). */
export function binomialQuantile(probability: number, n: number, p: number): number {
  checkBinomial(n, p);
  if (Number.isNaN(probability) || Number.isNaN(n) || Number.isNaN(p)) return Number.NaN;
  return searchQuantile(
    probability,
    n * p,
    Math.sqrt(n * p * (1 - p)),
    n,
    (r) => binomialLowerTail(r, n, p),
    (r) => binomialUpperTail(r, n, p),
  );
}

/** Poisson quantile: the smallest r with P(X ≤ r) ≥ probability, X ~ Poisson(mean) (as R's qpois). */
export function poissonQuantile(probability: number, mean: number): number {
  checkPoisson(mean);
  if (Number.isNaN(probability) || Number.isNaN(mean)) return Number.NaN;
  if (probability === 1) return mean === 0 ? 0 : Number.POSITIVE_INFINITY;
  return searchQuantile(
    probability,
    mean,
    Math.sqrt(mean),
    Number.MAX_SAFE_INTEGER,
    (r) => poissonLowerTail(r, mean),
    (r) => poissonUpperTail(r, mean),
  );
}
