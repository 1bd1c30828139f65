import { describe, expect, it } from 'vitest';
import {
  chiSquareUpperTail,
  regularizedGammaP,
  regularizedGammaPair,
  regularizedGammaQ,
} from '../../src/stats/index.js';
import { expectRelative } from './relative-error.js';

// [a, x, P(a, x), Q(a, x)] from mpmath 1.3.0 at 40 digits:
// python3 -c "import mpmath as mp; mp.mp.dps=40; print(float(mp.gammainc(a,0,x,regularized=True)),
//   float(mp.gammainc(a,x,mp.inf,regularized=True)))"
const CASES: ReadonlyArray<[number, number, number, number]> = [
  [0.5, 2, 0.9544997361036416, 0.04550026389635842],
  [3, 1, 0.08030139707139419, 0.9196986029286058],
  [1, 1e-10, 9.999999999500001e-11, 0.9999999999],
  [10, 0.5, 1.7096700293489033e-10, 0.999999999829033],
  [100, 90, 0.15822098918643016, 0.8417790108135699],
  [100, 130, 0.9972495916326934, 0.002750408367306526],
  [2.5, 40, 0.9999999999999991, 8.391825114831611e-16],
  [1000, 1200, 0.9999999987118394, 1.2881606086281433e-9],
  [0.001, 1, 0.9997803916424144, 0.0002196083575855564],
];

describe('regularized incomplete gamma', () => {
  it('matches mpmath to 1e-13 relative on both tails', () => {
    for (const [a, x, p, q] of CASES) {
      expectRelative(regularizedGammaP(a, x), p, 1e-13);
      expectRelative(regularizedGammaQ(a, x), q, 1e-13);
    }
  });

  it('keeps P + Q = 1', () => {
    for (const [a, x] of CASES) {
      const [p, q] = regularizedGammaPair(a, x);
      expect(Math.abs(p + q - 1)).toBeLessThan(1e-15);
    }
  });

  it('handles x = 0, x = ∞ and invalid arguments', () => {
    expect(regularizedGammaPair(2, 0)).toEqual([0, 1]);
    expect(regularizedGammaPair(2, Number.POSITIVE_INFINITY)).toEqual([1, 0]);
    expect(regularizedGammaP(-1, 1)).toBeNaN();
    expect(regularizedGammaQ(1, Number.NaN)).toBeNaN();
  });
});

describe('chiSquareUpperTail', () => {
  it('matches scipy.stats.chi2.sf', () => {
    // python3 -c "from scipy.stats import chi2; print(repr(chi2.sf(3.84, 1)), repr(chi2.sf(30, 10)), repr(chi2.sf(1e3, 900)))"
    expectRelative(chiSquareUpperTail(3.84, 1), 0.05004352124870519, 1e-13);
    expectRelative(chiSquareUpperTail(30, 10), 0.000856641210775301, 1e-12);
    expectRelative(chiSquareUpperTail(1e3, 900), 0.010994608942135844, 1e-11);
  });

  it('is 1 at or below zero and rejects non-positive degrees of freedom', () => {
    expect(chiSquareUpperTail(0, 3)).toBe(1);
    expect(() => chiSquareUpperTail(1, 0)).toThrow(/degrees of freedom/);
  });
});
