import { StatsArgumentError } from './errors.js';

/**
 * Units' indicator values on one scale with their null standard errors:
 * yᵢ, the target θ₀ they are compared with, and sᵢ = sd(yᵢ) under θ₀.
 * Both funnel plots and the over-dispersion estimate work on this form
 * (Spiegelhalter 2005, §2).
 */
export interface IndicatorScale {
  readonly estimates: Float64Array;
  readonly target: number;
  readonly standardErrors: Float64Array;
}

/**
 * Indirectly standardised ratios on the O/E scale: yᵢ = Oᵢ/Eᵢ, θ₀ = 1,
 * sᵢ = √Vᵢ/Eᵢ, so that (yᵢ − 1)/sᵢ = (Oᵢ − Eᵢ)/√Vᵢ. Without `variance`,
 * Vᵢ = Eᵢ (Poisson counts, Spiegelhalter's SMR case). Eᵢ = 0 gives NaN.
 */
export function ratioScale(
  observed: ArrayLike<number>,
  expected: ArrayLike<number>,
  variance: ArrayLike<number> = expected,
): IndicatorScale {
  const n = observed.length;
  if (expected.length !== n || variance.length !== n) {
    throw new StatsArgumentError('observed, expected and variance must have the same length');
  }
  const estimates = new Float64Array(n);
  const standardErrors = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const o = observed[i] ?? Number.NaN;
    const e = expected[i] ?? Number.NaN;
    const v = variance[i] ?? Number.NaN;
    estimates[i] = e > 0 ? o / e : Number.NaN;
    standardErrors[i] = e > 0 ? Math.sqrt(v) / e : Number.NaN;
  }
  return { estimates, target: 1, standardErrors };
}

/**
 * Proportions: yᵢ = rᵢ/nᵢ, θ₀ = `target`, sᵢ = √(θ₀(1 − θ₀)/nᵢ)
 * (binomial variance under the target). nᵢ = 0 gives NaN.
 */
export function proportionScale(
  events: ArrayLike<number>,
  volumes: ArrayLike<number>,
  target: number,
): IndicatorScale {
  const n = events.length;
  if (volumes.length !== n)
    throw new StatsArgumentError('events and volumes must have the same length');
  if (!(target >= 0 && target <= 1)) {
    throw new StatsArgumentError(`target proportion must be in [0, 1], got ${target}`);
  }
  const estimates = new Float64Array(n);
  const standardErrors = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = events[i] ?? Number.NaN;
    const volume = volumes[i] ?? Number.NaN;
    estimates[i] = volume > 0 ? r / volume : Number.NaN;
    standardErrors[i] = volume > 0 ? Math.sqrt((target * (1 - target)) / volume) : Number.NaN;
  }
  return { estimates, target, standardErrors };
}
