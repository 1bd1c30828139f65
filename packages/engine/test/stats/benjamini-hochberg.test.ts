import { describe, expect, it } from 'vitest';
import { StatsArgumentError, benjaminiHochberg } from '../../src/stats/index.js';
import { expectAllRelative } from './relative-error.js';

describe('benjaminiHochberg', () => {
  it("matches R's p.adjust(p, 'BH') as computed by scipy", () => {
    // python3 -c "import numpy as np; from scipy import stats; p = np.array([0.01, 0.04, 0.03, 0.2, 0.5,
    //   0.001, 0.04, 0.9, 0.04, 0.0001]); print([repr(float(x)) for x in stats.false_discovery_control(p)])"
    // (scipy 1.17.1; false_discovery_control(method='bh') is R's p.adjust(method = "BH")).
    const p = [0.01, 0.04, 0.03, 0.2, 0.5, 0.001, 0.04, 0.9, 0.04, 0.0001];
    const expected = [
      0.03333333333333333, 0.05714285714285715, 0.05714285714285715, 0.25, 0.5555555555555556,
      0.005, 0.05714285714285715, 0.9, 0.05714285714285715, 0.001,
    ];
    expectAllRelative(benjaminiHochberg(p), expected, 1e-15);
  });

  it('rejects four hypotheses at q = 0.05 in the worked example of Benjamini & Hochberg (1995)', () => {
    // The 15 p-values of the paper's example (Neuhaus et al.); BH at 0.05 rejects the
    // four smallest. q-values from scipy's false_discovery_control on the same vector.
    const p = [
      0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719,
      0.6528, 0.759, 1.0,
    ];
    const q = benjaminiHochberg(p);
    expect(Array.from(q).filter((value) => value <= 0.05)).toHaveLength(4);
    expectAllRelative(
      q,
      [
        0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286, 0.06385714285714286, 0.0645,
        0.07650000000000001, 0.486, 0.5811818181818181, 0.7148749999999999, 0.7532307692307693,
        0.8132142857142857, 1.0,
      ],
      1e-15,
    );
  });

  it('leaves NaN as NaN and does not count it in m', () => {
    // scipy on [0.02, 0.5, 0.003] (m = 3) gives [0.03, 0.5, 0.009000000000000001].
    const q = benjaminiHochberg([0.02, Number.NaN, 0.5, 0.003, Number.NaN]);
    expectAllRelative(q, [0.03, Number.NaN, 0.5, 0.009000000000000001, Number.NaN], 1e-15);
  });

  it('is monotone in p, gives ties the same q, and caps at 1', () => {
    const p = [0.9, 0.95, 0.99, 0.2, 0.2];
    const q = benjaminiHochberg(p);
    expect(q[3]).toBe(q[4]);
    expect(Math.max(...q)).toBeLessThanOrEqual(1);
    const order = [3, 4, 0, 1, 2];
    for (let i = 1; i < order.length; i++) {
      expect(q[order[i] ?? 0]).toBeGreaterThanOrEqual(q[order[i - 1] ?? 0] ?? 0);
    }
    // Hand calculation: m = 5; sorted p 0.2, 0.2, 0.9, 0.95, 0.99 → m·p/rank =
    // 1, 0.5, 1.5, 1.1875, 0.99 → running minimum from the top: 0.5, 0.5, 0.99, 0.99, 0.99.
    expectAllRelative(q, [0.99, 0.99, 0.99, 0.5, 0.5], 1e-15);
  });

  it('handles empty input, all-NaN input and p = 0', () => {
    expect(benjaminiHochberg([])).toHaveLength(0);
    expect(benjaminiHochberg([Number.NaN, Number.NaN]).every(Number.isNaN)).toBe(true);
    expect(Array.from(benjaminiHochberg([0, 0.5]))).toEqual([0, 0.5]);
  });

  it('rejects a p-value outside [0, 1]', () => {
    expect(() => benjaminiHochberg([0.5, 1.2])).toThrow(StatsArgumentError);
  });
});
