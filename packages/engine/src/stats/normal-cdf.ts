import { StatsConvergenceError } from './errors.js';

// Standard normal tail Φ(−t) for t ≥ 0, accurate to a few ulps across the
// whole range (t up to ~38, where it underflows):
//  - t < 2: Φ(−t) = ½ − ½ erf(t/√2), with erf from its all-positive series
//    erf(x) = 2/√π e^(−x²) Σ 2^n x^(2n+1)/(1·3⋯(2n+1)) (Abramowitz & Stegun
//    7.1.6), so no alternating-sign cancellation;
//  - t ≥ 2: Φ(−t) = ½ Q(½, t²/2) = ½ t φ(t) · CF, with Legendre's continued
//    fraction for the upper incomplete gamma function (Numerical Recipes
//    §6.2), and φ(t) evaluated as exp(−h²/2)·exp(−(t − h)(t + h)/2) with
//    h = ⌊16t⌋/16 so that h² is exact (the trick in Cody's and R's pnorm):
//    exp(−t²/2) would otherwise carry the rounding error of t² times t².

const INV_SQRT_TWO_PI = 0.3989422804014326779;
const TWO_OVER_SQRT_PI = 1.1283791670955125739;
const EPSILON = 1e-16;
const TINY = 1e-300;

/** Standard normal density φ(z) = exp(−z²/2)/√(2π), accurate in the far tail. */
export function normalDensity(z: number): number {
  const t = Math.abs(z);
  if (Number.isNaN(t)) return Number.NaN;
  if (t > 40) return 0;
  const h = Math.trunc(t * 16) / 16;
  return INV_SQRT_TWO_PI * Math.exp(-0.5 * h * h) * Math.exp(-0.5 * (t - h) * (t + h));
}

/** erf(x) for 0 ≤ x < √2 (the series converges for any x; we use it only there). */
function erfSeries(x: number): number {
  const twoXSquared = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= twoXSquared / (2 * n + 1);
    sum += term;
    if (term < sum * EPSILON) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
}

/** Φ(−t) for t ≥ 2 by the incomplete-gamma continued fraction with a = ½, x = t²/2. */
function upperTailFraction(t: number): number {
  const a = 0.5;
  const x = 0.5 * t * t;
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) {
      // Q(½, t²/2) = e^(−x) x^½ / Γ(½) · h = t φ(t) h, and Φ(−t) = Q/2.
      return 0.5 * t * normalDensity(t) * h;
    }
  }
  throw new StatsConvergenceError(`normal tail continued fraction did not converge (t=${t})`);
}

/** Upper tail Φ(−t) for t ≥ 0. */
function upperTail(t: number): number {
  if (t === Number.POSITIVE_INFINITY) return 0;
  if (t > 40) return 0;
  if (t < 2) return 0.5 - 0.5 * erfSeries(t / Math.SQRT2);
  return upperTailFraction(t);
}

/** Standard normal survival function P(Z ≥ z) = 1 − Φ(z), accurate far into the upper tail. */
export function normalSurvival(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z >= 0) return upperTail(z);
  const t = -z;
  if (t > 40) return 1;
  if (t < 2) return 0.5 + 0.5 * erfSeries(t / Math.SQRT2);
  return 1 - upperTailFraction(t);
}

/** Standard normal distribution function Φ(z) = P(Z ≤ z), accurate far into the lower tail. */
export function normalCdf(z: number): number {
  return normalSurvival(-z);
}
