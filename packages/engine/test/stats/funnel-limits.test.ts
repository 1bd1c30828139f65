import { describe, expect, it } from 'vitest';
import {
  StatsArgumentError,
  proportionFunnelLimits,
  ratioFunnelLimits,
} from '../../src/stats/index.js';
import { expectAllRelative } from './relative-error.js';

// Exact limits: an independent scipy 1.17.1 implementation of the rule
// (r_p − α)/n, α = (F(r_p) − p)/P(X = r_p), clamped to [0, 1] (or ≥ 0):
//   from scipy import stats
//   def exact_b(n, t, prob):
//       r = stats.binom.ppf(prob, n, t)
//       a = (stats.binom.cdf(r, n, t) - prob) / stats.binom.pmf(r, n, t)
//       return min(1, max(0, (r - a) / n))
//   def exact_p(E, t, prob):
//       m = t * E; r = stats.poisson.ppf(prob, m)
//       a = (stats.poisson.cdf(r, m) - prob) / stats.poisson.pmf(r, m)
//       return max(0, (r - a) / E)
// with prob = 0.025, 0.975 (95%) and 0.001, 0.999 (99.8%).

const VOLUMES = [10, 50, 200, 1000, 5000];
const EXPECTED = [0.5, 3, 12.5, 80, 1000];

describe('proportionFunnelLimits', () => {
  it('gives exact binomial limits with interpolation at 95%', () => {
    const limits = proportionFunnelLimits(VOLUMES, 0.08, { level: 0.95 });
    expectAllRelative(
      limits.lower,
      [0.0, 0.002835436569410936, 0.04176497158471595, 0.06309072700444691, 0.07245919644635408],
      1e-10,
    );
    expectAllRelative(
      limits.upper,
      [
        0.24398488013861613, 0.15384785674020435, 0.11719499043435212, 0.09671871996719227,
        0.08750029353924242,
      ],
      1e-10,
    );
  });

  it('gives exact binomial limits at 99.8%', () => {
    const limits = proportionFunnelLimits(VOLUMES, 0.08, { level: 0.998 });
    expectAllRelative(
      limits.lower,
      [0.0, 0.0, 0.02501939612569256, 0.05421492663940121, 0.06828460693262288],
      1e-10,
    );
    expectAllRelative(
      limits.upper,
      [
        0.39205658342710337, 0.2113979853422094, 0.14261552931917584, 0.10717519668392841,
        0.09199110525680095,
      ],
      1e-10,
    );
  });

  it('gives normal limits θ ± z√(θ(1 − θ)/n), widened by φ', () => {
    // python3: z = norm.ppf(0.975) = 1.959963984540054; 0.08 ∓ z*sqrt(0.08*0.92/n) for n = 50, 1000
    const normal = proportionFunnelLimits([50, 1000], 0.08, { method: 'normal' });
    expectAllRelative(normal.lower, [0.004802743507081639, 0.06318538227603471], 1e-13);
    expectAllRelative(normal.upper, [0.15519725649291838, 0.0968146177239653], 1e-13);
    // z = norm.ppf(0.999); 0.08 ∓ z*sqrt(2.5*0.08*0.92/n): the lower limit at n = 50
    // (−0.10746277336683764) is clamped to 0.
    const widened = proportionFunnelLimits([50, 1000], 0.08, { level: 0.998, phi: 2.5 });
    expectAllRelative(widened.lower, [0, 0.038082049550111394], 1e-13);
    expectAllRelative(widened.upper, [0.26746277336683766, 0.12191795044988861], 1e-13);
  });

  it('gives NaN at volume 0 and the target itself when the target is 0 or 1', () => {
    const limits = proportionFunnelLimits([0, 20], 0, {});
    expect(limits.lower[0]).toBeNaN();
    expect(limits.upper[1]).toBe(0);
    expect(proportionFunnelLimits([20], 1).lower[0]).toBe(1);
  });

  it('refuses to widen exact limits and a non-integer volume for exact limits', () => {
    expect(() => proportionFunnelLimits([20], 0.1, { method: 'exact', tau2: 0.01 })).toThrow(
      StatsArgumentError,
    );
    expect(() => proportionFunnelLimits([20.5], 0.1)).toThrow(StatsArgumentError);
  });
});

describe('ratioFunnelLimits', () => {
  it('gives exact Poisson limits with interpolation at 95% and 99.8%', () => {
    const l95 = ratioFunnelLimits(EXPECTED, { level: 0.95 });
    expectAllRelative(
      l95.lower,
      [0.0, 0.0, 0.4412352427039285, 0.7804144974924253, 0.93799914431638],
      1e-10,
    );
    expectAllRelative(
      l95.upper,
      [
        3.720051822921999, 2.1312800549526294, 1.553684324209998, 1.2189131981685521,
        1.0619495993502104,
      ],
      1e-10,
    );
    const l998 = ratioFunnelLimits(EXPECTED, { level: 0.998 });
    expectAllRelative(
      l998.lower,
      [0.0, 0.0, 0.20342881153537007, 0.6662943801582053, 0.9032107675775355],
      1e-10,
    );
    expectAllRelative(
      l998.upper,
      [
        6.951717961800783, 3.0421683148828134, 1.9442092692558897, 1.3569119917617283,
        1.098642356482609,
      ],
      1e-10,
    );
  });

  it('gives normal limits widened by an additive τ²', () => {
    // 1 ∓ 1.959963984540054*sqrt(1/E + 0.04) for E = 3, 80; the lower limit at E = 3
    // (−0.1975577758056073) is clamped to 0.
    const limits = ratioFunnelLimits([3, 80], { tau2: 0.04 });
    expectAllRelative(limits.lower, [0, 0.5509158340728972], 1e-13);
    expectAllRelative(limits.upper, [2.197557775805607, 1.4490841659271028], 1e-13);
  });

  it('gives NaN for E = 0 and narrows as E grows', () => {
    const limits = ratioFunnelLimits([0, 10, 100, 1000]);
    expect(limits.lower[0]).toBeNaN();
    expect(limits.upper[1]).toBeGreaterThan(limits.upper[2] ?? Infinity);
    expect(limits.upper[2]).toBeGreaterThan(limits.upper[3] ?? Infinity);
  });
});
