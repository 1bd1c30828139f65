import { chiSquareUpperTail } from './chi-square-tail.js';
import { StatsArgumentError } from './errors.js';

/** Fisher's combined statistic and p-value. */
export interface FisherCombination {
  /** X² = −2 Σ log pᵢ. */
  readonly statistic: number;
  /** 2k for k p-values used. */
  readonly degreesOfFreedom: number;
  /** P(χ²_(2k) ≥ X²); NaN when no p-value is usable. */
  readonly pValue: number;
  /** p-values used (NaN ones are skipped). */
  readonly count: number;
}

/** Fisher's method for independent p-values: X² = −2 Σ log pᵢ ~ χ²_(2k) (Fisher 1932, §21.1); NaN p skipped. */
export function fisherCombination(pValues: ArrayLike<number>): FisherCombination {
  let statistic = 0;
  let count = 0;
  for (let i = 0; i < pValues.length; i++) {
    const p = pValues[i] ?? Number.NaN;
    if (Number.isNaN(p)) continue;
    if (p < 0 || p > 1) throw new StatsArgumentError(`p-value must be in [0, 1], got ${p}`);
    statistic -= 2 * Math.log(p);
    count += 1;
  }
  const degreesOfFreedom = 2 * count;
  const pValue =
    count === 0
      ? Number.NaN
      : statistic === Infinity
        ? 0
        : chiSquareUpperTail(statistic, degreesOfFreedom);
  return { statistic, degreesOfFreedom, pValue, count };
}
