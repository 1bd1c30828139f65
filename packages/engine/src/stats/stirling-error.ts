import { logGamma } from './log-gamma.js';

// Loader, C. (2000). "Fast and accurate computation of binomial
// probabilities." The saddle-point form of the binomial and Poisson
// densities needs two pieces that avoid the cancellation of
// log-gamma differences for large arguments: the Stirling error and the
// deviance term bd0. This is the same method as R's dbinom and dpois.

const HALF_LOG_TWO_PI = 0.9189385332046727418;

// stirlingError(n / 2) for n = 0..30, computed with mpmath at 40 digits:
// loggamma(n + 1) − (n + ½) log n + n − log √(2π).
const HALVES = [
  0, 0.15342640972002736, 0.08106146679532726, 0.05481412105191765, 0.0413406959554093,
  0.03316287351993629, 0.02767792568499834, 0.023746163656297496, 0.020790672103765093,
  0.018488450532673187, 0.016644691189821193, 0.015134973221917378, 0.013876128823070748,
  0.012810465242920227, 0.01189670994589177, 0.011104559758206917, 0.010411265261972096,
  0.009799416126158804, 0.009255462182712733, 0.008768700134139386, 0.00833056343336287,
  0.00793411456431402, 0.007573675487951841, 0.007244554301320383, 0.00694284010720953,
  0.006665247032707682, 0.006408994188004207, 0.006171712263039458, 0.0059513701127588475,
  0.0057462165130101155, 0.005554733551962801,
] as const;

const S0 = 1 / 12;
const S1 = 1 / 360;
const S2 = 1 / 1260;
const S3 = 1 / 1680;
const S4 = 1 / 1188;

/** Stirling's error log n! − log(√(2πn) (n/e)^n), for n ≥ 0. */
export function stirlingError(n: number): number {
  if (n <= 15) {
    const twice = 2 * n;
    if (Number.isInteger(twice)) {
      const tabled = HALVES[twice];
      if (tabled !== undefined) return tabled;
    }
    return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - HALF_LOG_TWO_PI;
  }
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** Loader's deviance term bd0(x, m) = x log(x / m) + m − x, without cancellation when x ≈ m. */
export function binomialDeviance(x: number, mean: number): number {
  if (x === 0) return mean;
  if (Math.abs(x - mean) < 0.1 * (x + mean)) {
    // Series in v = (x − m)/(x + m): x log(x/m) + m − x = (x − m) v + 2x Σ v^(2j+1)/(2j+1).
    let v = (x - mean) / (x + mean);
    let sum = (x - mean) * v;
    if (Math.abs(sum) < Number.MIN_VALUE) return sum;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      term *= v;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / mean) + mean - x;
}
