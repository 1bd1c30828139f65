import { StatsArgumentError } from './errors.js';
import { regularizedGammaQ } from './regularized-gamma.js';

/** Chi-square upper tail P(X ≥ x) with `degreesOfFreedom` > 0: Q(df/2, x/2). */
export function chiSquareUpperTail(x: number, degreesOfFreedom: number): number {
  if (!Number.isNaN(degreesOfFreedom) && !(degreesOfFreedom > 0)) {
    throw new StatsArgumentError(`degrees of freedom must be positive, got ${degreesOfFreedom}`);
  }
  if (Number.isNaN(x) || Number.isNaN(degreesOfFreedom)) return Number.NaN;
  if (x <= 0) return 1;
  return regularizedGammaQ(degreesOfFreedom / 2, x / 2);
}
