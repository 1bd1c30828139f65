import { chiSquareUpperTail } from './chi-square-tail.js';
import { StatsArgumentError } from './errors.js';
import type { IndicatorScale } from './indicator-scale.js';
import { winsorise } from './winsorise.js';

/** Options of {@link overdispersion}. */
export interface OverdispersionOptions {
  /** Share of z-scores winsorised in each tail before estimating φ; default 0.1 (Spiegelhalter 2005). */
  readonly winsorisation?: number;
  /**
   * When to declare over-dispersion: 'moment' (default) whenever I·φ̂ > I − 1,
   * i.e. whenever the moment estimate τ̂² is positive; 'chi-square' only
   * when P(χ²_(I−1) ≥ I·φ̂) < `alpha`.
   */
  readonly rule?: 'moment' | 'chi-square';
  /** Level of the chi-square rule; default 0.05. */
  readonly alpha?: number;
}

/** Result of {@link overdispersion}. */
export interface Overdispersion {
  /** I: units with a finite z-score (the others are left out and get NaN). */
  readonly units: number;
  /** zᵢ = (yᵢ − θ₀)/sᵢ. */
  readonly zScores: Float64Array;
  /** The z-scores winsorised at the chosen fraction in each tail. */
  readonly winsorisedZ: Float64Array;
  /** φ̂ = (1/I) Σ z_w²: the multiplicative over-dispersion factor. */
  readonly phi: number;
  /** I·φ̂, compared with I − 1. */
  readonly statistic: number;
  /** P(χ²_(I−1) ≥ I·φ̂). */
  readonly pValue: number;
  /** Whether over-dispersion is declared under the chosen rule. */
  readonly overdispersed: boolean;
  /** τ̂²: the additive random-effects variance on the y scale; 0 unless over-dispersed. */
  readonly tau2: number;
  /** zᵢᴰ = (yᵢ − θ₀)/√(sᵢ² + τ̂²): z-scores allowing for over-dispersion (equal to zᵢ when τ̂² = 0). */
  readonly adjustedZ: Float64Array;
}

/**
 * Over-dispersion of units around a target, after Spiegelhalter (2005),
 * "Funnel plots for comparing institutional performance", Stat Med
 * 24:1185–1202, §5, and Spiegelhalter et al. (2012), JRSS A 175:1–47:
 *
 *  - zᵢ = (yᵢ − θ₀)/sᵢ, winsorised (10% in each tail by default);
 *  - φ̂ = (1/I) Σ z_wᵢ²;
 *  - if I·φ̂ > I − 1, the additive random-effects variance by the
 *    DerSimonian–Laird method of moments,
 *    τ̂² = (I·φ̂ − (I − 1)) / (Σ wᵢ − Σ wᵢ² / Σ wᵢ), wᵢ = 1/sᵢ²; else 0;
 *  - adjusted zᵢᴰ = (yᵢ − θ₀)/√(sᵢ² + τ̂²).
 *
 * Works on any scale given as an {@link IndicatorScale}: O/E ratios
 * (`ratioScale`) or proportions (`proportionScale`). Fewer than two units
 * with a finite z cannot be assessed: φ̂ is NaN and nothing is adjusted.
 */
export function overdispersion(
  scale: IndicatorScale,
  options: OverdispersionOptions = {},
): Overdispersion {
  const { estimates, target, standardErrors } = scale;
  const n = estimates.length;
  if (standardErrors.length !== n) {
    throw new StatsArgumentError('estimates and standard errors must have the same length');
  }
  const rule = options.rule ?? 'moment';
  const alpha = options.alpha ?? 0.05;
  const zScores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = standardErrors[i] ?? Number.NaN;
    const z = ((estimates[i] ?? Number.NaN) - target) / s;
    zScores[i] = s > 0 && Number.isFinite(z) ? z : Number.NaN;
  }
  const winsorisedZ = winsorise(zScores, options.winsorisation ?? 0.1);
  let units = 0;
  let sumSquares = 0;
  let sumWeights = 0;
  let sumSquaredWeights = 0;
  for (let i = 0; i < n; i++) {
    const zw = winsorisedZ[i] ?? Number.NaN;
    if (Number.isNaN(zw)) continue;
    const s = standardErrors[i] ?? Number.NaN;
    const w = 1 / (s * s);
    units += 1;
    sumSquares += zw * zw;
    sumWeights += w;
    sumSquaredWeights += w * w;
  }
  if (units < 2) {
    return {
      units,
      zScores,
      winsorisedZ,
      phi: Number.NaN,
      statistic: Number.NaN,
      pValue: Number.NaN,
      overdispersed: false,
      tau2: 0,
      adjustedZ: Float64Array.from(zScores),
    };
  }
  const phi = sumSquares / units;
  const statistic = units * phi;
  const pValue = chiSquareUpperTail(statistic, units - 1);
  const exceeds = statistic > units - 1;
  const overdispersed = rule === 'moment' ? exceeds : exceeds && pValue < alpha;
  const tau2 = overdispersed
    ? (statistic - (units - 1)) / (sumWeights - sumSquaredWeights / sumWeights)
    : 0;
  const adjustedZ = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = standardErrors[i] ?? Number.NaN;
    const z = zScores[i] ?? Number.NaN;
    adjustedZ[i] = Number.isNaN(z)
      ? Number.NaN
      : ((estimates[i] ?? Number.NaN) - target) / Math.sqrt(s * s + tau2);
  }
  return { units, zScores, winsorisedZ, phi, statistic, pValue, overdispersed, tau2, adjustedZ };
}
