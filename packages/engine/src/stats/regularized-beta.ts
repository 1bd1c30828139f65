import { binomialDensityRaw } from './binomial-pmf.js';
import { StatsConvergenceError } from './errors.js';

// Regularized incomplete beta function I_x(a, b). The continued fraction of
// Numerical Recipes §6.4 (modified Lentz), evaluated on the side where it
// converges fast (x < (a + 1)/(a + b + 2), otherwise by the symmetry
// I_x(a, b) = 1 − I_(1−x)(b, a)). The prefactor x^a (1 − x)^b / (a B(a, b))
// is b/(a + b) times Loader's binomial density at a with size a + b, which
// keeps full relative accuracy for parameters in the millions and beyond,
// where exp(a log x + b log(1 − x) − log B(a, b)) would lose digits.

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 1_000_000;

/** Continued fraction part of I_x(a, b); x + y = 1 is passed as two numbers so that y keeps its digits. */
function betaContinuedFraction(x: number, y: number, a: number, b: number): number {
  const front = (b / (a + b)) * binomialDensityRaw(a, a + b, x, y);
  if (front === 0) return 0;
  const sum = a + b;
  let c = 1;
  // 1 − (a + b) x/(a + 1); near x = 1 the form (1 − b + (a + b) y)/(a + 1)
  // avoids the cancellation that costs ~log10(1/d) digits.
  let d = (x <= 0.5 ? a + 1 - sum * x : 1 - b + sum * y) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (sum + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) return front * h;
  }
  throw new StatsConvergenceError(
    `incomplete beta continued fraction did not converge (x=${x}, a=${a}, b=${b})`,
  );
}

/**
 * Both tails of the incomplete beta function, [I_x(a, b), 1 − I_x(a, b)],
 * each accurate where it is small; `y` is 1 − x (pass it when it is known
 * more exactly than 1 − x, e.g. a binomial q).
 */
export function regularizedBetaPair(x: number, a: number, b: number, y = 1 - x): [number, number] {
  if ([x, a, b, y].some(Number.isNaN) || a < 0 || b < 0 || x < 0 || x > 1) {
    return [Number.NaN, Number.NaN];
  }
  if (a === 0 && b === 0) return [Number.NaN, Number.NaN];
  if (a === 0) return [1, 0];
  if (b === 0) return [0, 1];
  if (x === 0) return [0, 1];
  if (y === 0) return [1, 0];
  if (x < (a + 1) / (a + b + 2)) {
    const lower = betaContinuedFraction(x, y, a, b);
    return [lower, 1 - lower];
  }
  const upper = betaContinuedFraction(y, x, b, a);
  return [1 - upper, upper];
}

/** Regularized incomplete beta function I_x(a, b) for 0 ≤ x ≤ 1, a, b > 0. */
export function regularizedBeta(x: number, a: number, b: number): number {
  return regularizedBetaPair(x, a, b)[0];
}

/** Complement 1 − I_x(a, b) of the regularized incomplete beta function, accurate when small. */
export function regularizedBetaComplement(x: number, a: number, b: number): number {
  return regularizedBetaPair(x, a, b)[1];
}
