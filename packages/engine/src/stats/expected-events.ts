import { StatsArgumentError } from './errors.js';

/** Expected events of a unit and their variance under its peers' rates. */
export interface ExpectedEvents {
  /** E = Σ pᵢ over the unit's eligible items. */
  readonly expected: number;
  /** V = Σ pᵢ (1 − pᵢ): the variance of O if the items are independent Bernoulli(pᵢ). */
  readonly variance: number;
  /** Number of items counted (NaN rates are skipped). */
  readonly items: number;
}

/**
 * Indirect standardisation: from the peer rate pᵢ of each eligible item's
 * stratum, the expected number of events E = Σ pᵢ and the variance
 * V = Σ pᵢ(1 − pᵢ) of the observed count (a sum of independent Bernoulli
 * trials, i.e. Poisson-binomial). NaN rates are skipped.
 */
export function expectedEvents(peerRates: ArrayLike<number>): ExpectedEvents {
  let expected = 0;
  let variance = 0;
  let items = 0;
  for (let i = 0; i < peerRates.length; i++) {
    const rate = peerRates[i] ?? Number.NaN;
    if (Number.isNaN(rate)) continue;
    if (rate < 0 || rate > 1)
      throw new StatsArgumentError(`peer rate must be in [0, 1], got ${rate}`);
    expected += rate;
    variance += rate * (1 - rate);
    items += 1;
  }
  return { expected, variance, items };
}
