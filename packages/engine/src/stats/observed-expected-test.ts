import { StatsArgumentError } from './errors.js';
import { normalCdf, normalSurvival } from './normal-cdf.js';

/** Which direction of departure from the peers is suspicious. */
export type SuspiciousSide = 'high' | 'low';

/** Observed events, expected events and variance of one unit. */
export interface ObservedExpected {
  /** O: the unit's observed events. */
  readonly observed: number;
  /** E: expected events, Σ of the peer rates over the unit's eligible items. */
  readonly expected: number;
  /** V: variance of O under the peers' rates, Σ pᵢ(1 − pᵢ); use E for a Poisson count. */
  readonly variance: number;
}

/** Result of {@link observedExpectedTest}. */
export interface ObservedExpectedResult {
  /** O/E; NaN when E = 0. */
  readonly ratio: number;
  /** z = (O − E)/√V; NaN when V = 0 (no variation among the peers: not testable). */
  readonly z: number;
  /** One-sided normal p-value on the suspicious side: P(Z ≥ z) for 'high', P(Z ≤ z) for 'low'. */
  readonly pValue: number;
}

/**
 * Score test of an indirectly standardised count: z = (O − E)/√V with
 * E = Σ pᵢ and V = Σ pᵢ(1 − pᵢ), and its one-sided normal p-value on the
 * suspicious side. V = 0 gives NaN z and p: a unit whose peers never vary
 * is not tested, never flagged.
 */
export function observedExpectedTest(
  counts: ObservedExpected,
  side: SuspiciousSide,
): ObservedExpectedResult {
  const { observed, expected, variance } = counts;
  if (observed < 0 || expected < 0 || variance < 0) {
    throw new StatsArgumentError(
      `observed, expected and variance must be non-negative, got ${observed}, ${expected}, ${variance}`,
    );
  }
  const ratio = expected > 0 ? observed / expected : Number.NaN;
  const z = variance > 0 ? (observed - expected) / Math.sqrt(variance) : Number.NaN;
  const pValue = side === 'high' ? normalSurvival(z) : normalCdf(z);
  return { ratio, z, pValue };
}
