import { describe, expect, it } from 'vitest';
import { StatsArgumentError, expectedEvents, observedExpectedTest } from '../../src/stats/index.js';
import { expectRelative } from './relative-error.js';

describe('expectedEvents', () => {
  it('sums peer rates into E and p(1 − p) into V, skipping NaN', () => {
    // Hand calculation: rates 0.1, 0.5, 0.25, 0.8 → E = 1.65,
    // V = 0.09 + 0.25 + 0.1875 + 0.16 = 0.6875.
    const result = expectedEvents([0.1, 0.5, Number.NaN, 0.25, 0.8]);
    expectRelative(result.expected, 1.65, 1e-15);
    expectRelative(result.variance, 0.6875, 1e-15);
    expect(result.items).toBe(4);
  });

  it('gives zeros for no items and rejects a rate outside [0, 1]', () => {
    expect(expectedEvents([])).toEqual({ expected: 0, variance: 0, items: 0 });
    expect(() => expectedEvents([0.2, 1.1])).toThrow(StatsArgumentError);
  });
});

describe('observedExpectedTest', () => {
  it('computes O/E, z = (O − E)/√V and the one-sided p on the suspicious side', () => {
    // Hand calculation: O = 18, E = 10, V = 8 → O/E = 1.8, z = 8/√8 = 2√2 = 2.8284271247461903.
    // python3 -c "from scipy.stats import norm; print(repr(norm.sf(2*2**0.5)), repr(norm.cdf(2*2**0.5)))"
    // -> 0.0023388674905236288 0.9976611325094764
    const high = observedExpectedTest({ observed: 18, expected: 10, variance: 8 }, 'high');
    expectRelative(high.ratio, 1.8, 1e-15);
    expectRelative(high.z, 2.8284271247461903, 1e-15);
    expectRelative(high.pValue, 0.0023388674905236288, 1e-13);
    const low = observedExpectedTest({ observed: 18, expected: 10, variance: 8 }, 'low');
    expectRelative(low.pValue, 0.9976611325094764, 1e-14);
  });

  it('flags a low unit on the low side', () => {
    // O = 2, E = 10, V = 8 → z = −2√2; P(Z ≤ z) = 0.0023388674905236288 (as above, by symmetry).
    const low = observedExpectedTest({ observed: 2, expected: 10, variance: 8 }, 'low');
    expectRelative(low.pValue, 0.0023388674905236288, 1e-13);
  });

  it('does not test a unit whose peers never vary (V = 0)', () => {
    const result = observedExpectedTest({ observed: 3, expected: 0, variance: 0 }, 'high');
    expect(result.ratio).toBeNaN();
    expect(result.z).toBeNaN();
    expect(result.pValue).toBeNaN();
  });

  it('rejects negative counts', () => {
    expect(() => observedExpectedTest({ observed: -1, expected: 2, variance: 1 }, 'high')).toThrow(
      StatsArgumentError,
    );
  });
});
