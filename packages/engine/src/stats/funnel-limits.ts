import { binomialPmf } from './binomial-pmf.js';
import { binomialLowerTail, binomialUpperTail } from './binomial-tail.js';
import { binomialQuantile, poissonQuantile } from './discrete-quantile.js';
import { StatsArgumentError } from './errors.js';
import { normalQuantile } from './normal-quantile.js';
import { poissonPmf } from './poisson-pmf.js';
import { poissonLowerTail, poissonUpperTail } from './poisson-tail.js';

/** Options of the funnel-plot control limits. */
export interface FunnelOptions {
  /** Two-sided coverage of the limits: 0.95 (default) or 0.998 in Spiegelhalter's plots. */
  readonly level?: number;
  /** 'exact' (binomial or Poisson, interpolated) or 'normal'; default exact, or normal when over-dispersion is given. */
  readonly method?: 'exact' | 'normal';
  /** Multiplicative over-dispersion φ: limits θ₀ ± z √(φ s²). */
  readonly phi?: number;
  /** Additive random-effects variance τ² (on the indicator's scale): limits θ₀ ± z √(s² + τ²). */
  readonly tau2?: number;
}

/** Lower and upper control limits, one pair per volume. */
export interface FunnelLimits {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

interface Discrete {
  lower(r: number): number;
  upper(r: number): number;
  pmf(r: number): number;
  quantile(probability: number): number;
}

// Exact limits (Spiegelhalter 2005, appendix): r_p is the p-quantile of the
// count, the smallest r with F(r) ≥ p. The cumulative distribution is then
// interpolated linearly between r_p − 1 and r_p, giving the real count
// r_p − α with α = (F(r_p) − p)/(F(r_p) − F(r_p − 1)), and the limit on the
// indicator's scale is (r_p − α)/n (proportion) or (r_p − α)/E (ratio).
// For p > ½, F(r_p) − p is computed as (1 − p) − P(X > r_p) so that no
// digits are lost near 1. Limits are clamped to the indicator's range.
function interpolatedCount(distribution: Discrete, probability: number): number {
  const r = distribution.quantile(probability);
  const excess =
    probability <= 0.5
      ? distribution.lower(r) - probability
      : 1 - probability - distribution.upper(r + 1);
  const alpha = excess / distribution.pmf(r);
  return r - alpha;
}

interface Resolved {
  readonly lowerProbability: number;
  readonly z: number;
  readonly method: 'exact' | 'normal';
  readonly phi: number;
  readonly tau2: number;
}

function resolve(options: FunnelOptions): Resolved {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1))
    throw new StatsArgumentError(`level must be in (0, 1), got ${level}`);
  const phi = options.phi ?? 1;
  const tau2 = options.tau2 ?? 0;
  if (!(phi > 0) || !(tau2 >= 0)) {
    throw new StatsArgumentError(`phi must be positive and tau2 non-negative, got ${phi}, ${tau2}`);
  }
  const widened = options.phi !== undefined || options.tau2 !== undefined;
  const method = options.method ?? (widened ? 'normal' : 'exact');
  if (method === 'exact' && widened) {
    throw new StatsArgumentError(
      'exact limits cannot be widened for over-dispersion; use method "normal" (Spiegelhalter 2005, §5)',
    );
  }
  const lowerProbability = (1 - level) / 2;
  return { lowerProbability, z: normalQuantile(lowerProbability, true), method, phi, tau2 };
}

/**
 * Funnel-plot control limits for a proportion with target θ₀ at each volume
 * n (Spiegelhalter 2005): exact binomial limits with the interpolation rule
 * above, or the normal approximation θ₀ ± z √(φ θ₀(1 − θ₀)/n + τ²).
 * Volume 0 gives NaN limits; θ₀ = 0 or 1 gives θ₀ for both.
 */
export function proportionFunnelLimits(
  volumes: ArrayLike<number>,
  target: number,
  options: FunnelOptions = {},
): FunnelLimits {
  if (!(target >= 0 && target <= 1)) {
    throw new StatsArgumentError(`target proportion must be in [0, 1], got ${target}`);
  }
  const { lowerProbability, z, method, phi, tau2 } = resolve(options);
  const lower = new Float64Array(volumes.length);
  const upper = new Float64Array(volumes.length);
  for (let i = 0; i < volumes.length; i++) {
    const n = volumes[i] ?? Number.NaN;
    if (!(n > 0)) {
      lower[i] = Number.NaN;
      upper[i] = Number.NaN;
    } else if (target === 0 || target === 1) {
      lower[i] = target;
      upper[i] = target;
    } else if (method === 'normal') {
      const half = z * Math.sqrt((phi * target * (1 - target)) / n + tau2);
      lower[i] = Math.max(0, target - half);
      upper[i] = Math.min(1, target + half);
    } else {
      if (!Number.isInteger(n)) {
        throw new StatsArgumentError(`exact binomial limits need an integer volume, got ${n}`);
      }
      const binomial: Discrete = {
        lower: (r) => binomialLowerTail(r, n, target),
        upper: (r) => binomialUpperTail(r, n, target),
        pmf: (r) => binomialPmf(r, n, target),
        quantile: (p) => binomialQuantile(p, n, target),
      };
      lower[i] = Math.min(1, Math.max(0, interpolatedCount(binomial, lowerProbability) / n));
      upper[i] = Math.min(1, Math.max(0, interpolatedCount(binomial, 1 - lowerProbability) / n));
    }
  }
  return { lower, upper };
}

/** Options of {@link ratioFunnelLimits}. */
export interface RatioFunnelOptions extends FunnelOptions {
  /** Target ratio θ₀; default 1 (the unit behaves like its peers). */
  readonly target?: number;
}

/**
 * Funnel-plot control limits for an indirectly standardised ratio O/E at
 * each expected count E (Spiegelhalter 2005): O ~ Poisson(θ₀E), exact
 * limits with the interpolation rule above, or the normal approximation
 * θ₀ ± z √(φ θ₀/E + τ²). E = 0 gives NaN limits.
 */
export function ratioFunnelLimits(
  expected: ArrayLike<number>,
  options: RatioFunnelOptions = {},
): FunnelLimits {
  const target = options.target ?? 1;
  if (!(target > 0) || !Number.isFinite(target)) {
    throw new StatsArgumentError(`target ratio must be positive, got ${target}`);
  }
  const { lowerProbability, z, method, phi, tau2 } = resolve(options);
  const lower = new Float64Array(expected.length);
  const upper = new Float64Array(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] ?? Number.NaN;
    if (!(e > 0) || !Number.isFinite(e)) {
      lower[i] = Number.NaN;
      upper[i] = Number.NaN;
    } else if (method === 'normal') {
      const half = z * Math.sqrt((phi * target) / e + tau2);
      lower[i] = Math.max(0, target - half);
      upper[i] = target + half;
    } else {
      const mean = target * e;
      const poisson: Discrete = {
        lower: (r) => poissonLowerTail(r, mean),
        upper: (r) => poissonUpperTail(r, mean),
        pmf: (r) => poissonPmf(r, mean),
        quantile: (p) => poissonQuantile(p, mean),
      };
      lower[i] = Math.max(0, interpolatedCount(poisson, lowerProbability) / e);
      upper[i] = Math.max(0, interpolatedCount(poisson, 1 - lowerProbability) / e);
    }
  }
  return { lower, upper };
}
