import { describe, expect, it } from 'vitest';
import { normalCdf, normalDensity, normalSurvival } from '../../src/stats/index.js';
import { expectRelative } from './relative-error.js';

// [z, P(Z ≥ z)] from mpmath 1.3.0 at 40 digits:
// python3 -c "import mpmath as mp; mp.mp.dps=40; print([repr(float(mp.ncdf(-z))) for z in zs])"
const UPPER: ReadonlyArray<[number, number]> = [
  [0, 0.5],
  [0.5, 0.3085375387259869],
  [1, 0.15865525393145705],
  [1.5, 0.06680720126885807],
  [1.96, 0.024997895148220435],
  [2, 0.02275013194817921],
  [2.5, 0.006209665325776135],
  [3, 0.0013498980316300946],
  [5, 2.866515718791939e-7],
  [8, 6.220960574271784e-16],
  [10, 7.619853024160525e-24],
  [20, 2.7536241186062337e-89],
  [30, 4.906713927148187e-198],
  [37, 5.725571222524577e-300],
];

describe('normalSurvival and normalCdf', () => {
  it('match mpmath to 1e-14 relative far into the tail (z = 10, 20, 37)', () => {
    for (const [z, upper] of UPPER) {
      expectRelative(normalSurvival(z), upper, 1e-14);
      expectRelative(normalCdf(-z), upper, 1e-14);
    }
  });

  it('gives the large side as 1 minus the small one', () => {
    for (const [z, upper] of UPPER) {
      expectRelative(normalCdf(z), 1 - upper, 1e-15);
      expectRelative(normalSurvival(-z), 1 - upper, 1e-15);
    }
  });

  it('is monotone across the switch between series and continued fraction at |z| = 2', () => {
    const below = normalSurvival(2 - 1e-12);
    const at = normalSurvival(2);
    expect(below).toBeGreaterThan(at);
    expect(below - at).toBeLessThan(1e-13);
  });

  it('handles infinities, underflow and NaN', () => {
    expect(normalSurvival(Number.POSITIVE_INFINITY)).toBe(0);
    expect(normalSurvival(Number.NEGATIVE_INFINITY)).toBe(1);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalSurvival(50)).toBe(0);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});

describe('normalDensity', () => {
  it('matches mpmath npdf, including z = 30', () => {
    // python3 -c "import mpmath as mp; mp.mp.dps=40; print([repr(float(mp.npdf(z))) for z in [0,1,10,30]])"
    expectRelative(normalDensity(0), 0.3989422804014327, 1e-15);
    expectRelative(normalDensity(-1), 0.24197072451914334, 1e-15);
    expectRelative(normalDensity(10), 7.694598626706419e-23, 1e-14);
    expectRelative(normalDensity(30), 1.4736461348785476e-196, 1e-14);
  });
});
