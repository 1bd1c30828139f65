import { describe, expect, it } from 'vitest';
import { StatsArgumentError, mad, median, quantile, winsorise } from '../../src/stats/index.js';
import { expectAllRelative, expectRelative } from './relative-error.js';

// numpy 2.4.6 / scipy 1.17.1 reference (numpy's default 'linear' quantile is R's type 7):
//   x = np.array([3.2, -1.5, 7.7, 0.4, 2.2, 12.9, 5.1, 2.2, -0.3, 4.8, 9.6])
//   [np.quantile(x, q) for q in [0, 0.05, 0.1, 0.25, 0.5, 0.9, 0.975, 1]]
//   np.median(x), np.median(x[:10])
//   stats.median_abs_deviation(x, scale=1/1.4826), stats.median_abs_deviation(x)
//   np.clip(x, *np.quantile(x, [0.1, 0.9])), np.clip(x, *np.quantile(x, [0.2, 0.8]))
const X = [3.2, -1.5, 7.7, 0.4, 2.2, 12.9, 5.1, 2.2, -0.3, 4.8, 9.6];

describe('quantile', () => {
  it('matches type 7 (R default, numpy linear)', () => {
    const probabilities = [0, 0.05, 0.1, 0.25, 0.5, 0.9, 0.975, 1];
    const expected = [-1.5, -0.8999999999999999, -0.3, 1.3, 3.2, 9.6, 12.075, 12.9];
    expectAllRelative(
      probabilities.map((p) => quantile(X, p)),
      expected,
      1e-14,
    );
  });

  it('ignores NaN, gives NaN for no values and rejects a probability outside [0, 1]', () => {
    expect(quantile([Number.NaN, 4, Number.NaN, 2], 0.5)).toBe(3);
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([7], 0.3)).toBe(7);
    expect(() => quantile(X, 1.5)).toThrow(StatsArgumentError);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median(X)).toBe(3.2);
    expectRelative(median(X.slice(0, 10)), 2.7, 1e-15);
    expect(median(new Float64Array([1, Number.NaN]))).toBe(1);
    expect(median([])).toBeNaN();
  });
});

describe('mad', () => {
  it('scales by 1.4826 as R does, or not', () => {
    expectRelative(mad(X), 4.15128, 1e-14);
    expectRelative(mad(X, { scaled: false }), 2.8000000000000003, 1e-14);
  });

  it('is 0 for constant data and NaN for none', () => {
    expect(mad([5, 5, 5])).toBe(0);
    expect(mad([])).toBeNaN();
  });
});

describe('winsorise', () => {
  it('clamps to the 10% and 90% type-7 quantiles by default', () => {
    expectAllRelative(
      winsorise(X),
      [3.2, -0.3, 7.7, 0.4, 2.2, 9.6, 5.1, 2.2, -0.3, 4.8, 9.6],
      1e-15,
    );
    expectAllRelative(
      winsorise(X, 0.2),
      [3.2, 0.4, 7.7, 0.4, 2.2, 7.7, 5.1, 2.2, 0.4, 4.8, 7.7],
      1e-15,
    );
  });

  it('keeps NaN in place and rejects a fraction of ½ or more', () => {
    const result = winsorise([1, Number.NaN, 3]);
    expect(result[1]).toBeNaN();
    expect(winsorise([])).toHaveLength(0);
    expect(() => winsorise(X, 0.5)).toThrow(StatsArgumentError);
  });
});
