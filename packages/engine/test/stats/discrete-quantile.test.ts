import { describe, expect, it } from 'vitest';
import { binomialQuantile, poissonQuantile } from '../../src/stats/index.js';

describe('binomialQuantile and poissonQuantile', () => {
  it('match scipy.stats binom.ppf and poisson.ppf (R qbinom/qpois convention)', () => {
    // python3 -c "from scipy import stats; print([int(stats.binom.ppf(q, n, p)) for q, n, p in
    //   [(0.025,100,0.1),(0.975,100,0.1),(0.001,1000,0.02),(0.999,1000,0.02),(0.5,7,0.5),(0.999,10**6,1e-5)]])"
    // -> [5, 16, 8, 35, 3, 21]
    expect(binomialQuantile(0.025, 100, 0.1)).toBe(5);
    expect(binomialQuantile(0.975, 100, 0.1)).toBe(16);
    expect(binomialQuantile(0.001, 1000, 0.02)).toBe(8);
    expect(binomialQuantile(0.999, 1000, 0.02)).toBe(35);
    expect(binomialQuantile(0.5, 7, 0.5)).toBe(3);
    expect(binomialQuantile(0.999, 1e6, 1e-5)).toBe(21);
    // python3 -c "from scipy import stats; print([int(stats.poisson.ppf(q, l)) for q, l in
    //   [(0.025,4.2),(0.975,4.2),(0.001,250),(0.999,250),(0.5,0.01)]])" -> [1, 9, 203, 300, 0]
    expect(poissonQuantile(0.025, 4.2)).toBe(1);
    expect(poissonQuantile(0.975, 4.2)).toBe(9);
    expect(poissonQuantile(0.001, 250)).toBe(203);
    expect(poissonQuantile(0.999, 250)).toBe(300);
    expect(poissonQuantile(0.5, 0.01)).toBe(0);
  });

  it('returns the ends of the support at probabilities 0 and 1', () => {
    expect(binomialQuantile(0, 10, 0.3)).toBe(0);
    expect(binomialQuantile(1, 10, 0.3)).toBe(10);
    expect(poissonQuantile(0, 3)).toBe(0);
    expect(poissonQuantile(1, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(binomialQuantile(0.7, 0, 0.3)).toBe(0);
    expect(() => binomialQuantile(1.5, 10, 0.3)).toThrow(/probability/);
  });
});
