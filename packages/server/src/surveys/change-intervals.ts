import { normalQuantile, regularizedBeta } from '@probity/engine';

/** An estimate with the ends of its confidence interval. */
export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom: 1 − ½·I_{df/(df+t²)}(df/2, ½) for t ≥ 0. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The `p` quantile of Student's t with `df` (> 0, not necessarily whole) degrees of freedom, by bisection. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) throw new RangeError(`bad t quantile p=${p} df=${df}`);
  if (p === 0.5) return 0;
  let low = -1;
  let high = 1;
  while (studentTCdf(low, df) > p) low *= 2;
  while (studentTCdf(high, df) < p) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12 * Math.max(1, Math.abs(high)); i++) {
    const mid = (low + high) / 2;
    if (studentTCdf(mid, df) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

function meanAndVariance(values: readonly number[]): { n: number; mean: number; variance: number } {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return { n, mean, variance };
}

/**
 * Difference of means `later − earlier` with Welch's t interval (unequal
 * variances; Welch–Satterthwaite degrees of freedom). Null when a side has
 * fewer than two values or both have no spread.
 */
export function welchMeanDifference(
  earlier: readonly number[],
  later: readonly number[],
  level = 0.95,
): Interval | null {
  if (earlier.length < 2 || later.length < 2) return null;
  const a = meanAndVariance(earlier);
  const b = meanAndVariance(later);
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const estimate = b.mean - a.mean;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { estimate, low: estimate, high: estimate };
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const t = studentTQuantile(1 - (1 - level) / 2, df);
  return { estimate, low: estimate - t * se, high: estimate + t * se };
}

/** Wilson's score interval for a proportion `x / n`. */
export function wilsonInterval(x: number, n: number, level = 0.95): Interval {
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = x / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { estimate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Difference of proportions `x2/n2 − x1/n1` (later − earlier) with
 * Newcombe's hybrid score interval (Newcombe 1998, Stat Med 17:873–890,
 * method 10), built from the two Wilson intervals. Null when a side is empty.
 */
export function newcombeDifference(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  level = 0.95,
): Interval | null {
  if (n1 < 1 || n2 < 1) return null;
  const earlier = wilsonInterval(x1, n1, level);
  const later = wilsonInterval(x2, n2, level);
  const p1 = earlier.estimate;
  const p2 = later.estimate;
  const estimate = p2 - p1;
  return {
    estimate,
    low: estimate - Math.sqrt((p2 - later.low) ** 2 + (earlier.high - p1) ** 2),
    high: estimate + Math.sqrt((later.high - p2) ** 2 + (p1 - earlier.low) ** 2),
  };
}
