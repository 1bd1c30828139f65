import { StatsArgumentError } from './errors.js';
import { normalSurvival } from './normal-cdf.js';

/** A combined z-score and its one-sided upper p-value. */
export interface CombinedZ {
  /** Z = Σ wᵢ zᵢ / √(Σ wᵢ²); NaN when no z-score is usable. */
  readonly z: number;
  /** P(N(0,1) ≥ Z). */
  readonly pValue: number;
  /** z-scores used (NaN ones are skipped). */
  readonly count: number;
}

/**
 * Stouffer's weighted combination of independent z-scores,
 * Z = Σ wᵢ zᵢ / √(Σ wᵢ²) (Stouffer et al. 1949; weighted form Mosteller &
 * Bush 1954, Liptak 1958), with its one-sided upper p-value. Weights
 * default to 1; NaN z-scores are skipped.
 */
export function stoufferCombination(
  zScores: ArrayLike<number>,
  weights?: ArrayLike<number>,
): CombinedZ {
  if (weights !== undefined && weights.length !== zScores.length) {
    throw new StatsArgumentError('z-scores and weights must have the same length');
  }
  let numerator = 0;
  let sumSquaredWeights = 0;
  let count = 0;
  for (let i = 0; i < zScores.length; i++) {
    const z = zScores[i] ?? Number.NaN;
    const w = weights === undefined ? 1 : (weights[i] ?? Number.NaN);
    if (Number.isNaN(z) || Number.isNaN(w)) continue;
    if (w < 0) throw new StatsArgumentError(`weights must be non-negative, got ${w}`);
    numerator += w * z;
    sumSquaredWeights += w * w;
    count += 1;
  }
  const z = sumSquaredWeights > 0 ? numerator / Math.sqrt(sumSquaredWeights) : Number.NaN;
  return { z, pValue: normalSurvival(z), count };
}
