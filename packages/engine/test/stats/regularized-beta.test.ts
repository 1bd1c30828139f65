import { describe, expect, it } from 'vitest';
import {
  regularizedBeta,
  regularizedBetaComplement,
  regularizedBetaPair,
} from '../../src/stats/index.js';
import { expectRelative } from './relative-error.js';

// [x, a, b, I_x(a, b), 1 − I_x(a, b)] from mpmath 1.3.0 at 40 digits:
// python3 -c "import mpmath as mp; mp.mp.dps=40; print(float(mp.betainc(a,b,0,x,regularized=True)),
//   float(mp.betainc(a,b,x,1,regularized=True)))"
const CASES: ReadonlyArray<[number, number, number, number, number]> = [
  [0.3, 2, 5, 0.5798249999999999, 0.420175],
  [0.5, 0.5, 0.5, 0.5, 0.5],
  [0.01, 0.5, 3, 0.18625375, 0.81374625],
  [0.9, 10, 2, 0.6973568802000001, 0.3026431197999999],
  [0.2, 30.5, 80, 0.030007465714309088, 0.9699925342856909],
  [0.999, 200, 1, 0.8186488294786356, 0.18135117052136443],
  [1e-6, 2, 1e4, 4.967291309524699e-5, 0.9999503270869048],
  [0.5, 400, 400, 0.5, 0.5],
];

describe('regularized incomplete beta', () => {
  it('matches mpmath to 1e-13 relative on both sides', () => {
    for (const [x, a, b, lower, upper] of CASES) {
      expectRelative(regularizedBeta(x, a, b), lower, 1e-13);
      expectRelative(regularizedBetaComplement(x, a, b), upper, 1e-13);
    }
  });

  it('stays accurate near x = 1 and near the mean with parameters in the millions', () => {
    // I_0.999999(1e7, ½): mpmath quad of t^(b−1)(1−t)^(a−1)/B(a, b) over [0, 1 − x] (50 digits),
    // python3: f = lambda t: t**(b-1)*(1-t)**(a-1); v = mp.quad(f, [0, y*1e-6, y*0.01, y*0.3, y])/mp.beta(a, b)
    expectRelative(regularizedBeta(0.999999, 1e7, 0.5), 7.744177954207633e-6, 1e-12);
    expectRelative(regularizedBetaComplement(0.999999, 1e7, 0.5), 0.9999922558220458, 1e-14);
    // I_x(3, 1e7) = P(Binomial(1e7 + 2, x) ≥ 3), exact sum of the three lower terms in mpmath:
    // low = sum(mp.binomial(n, j)*X**j*(1-X)**(n-j) for j in range(3)), n = 10**7 + 2, X = 4.2e-7
    expectRelative(regularizedBeta(4.2e-7, 3, 1e7), 0.7897621851806902, 1e-13);
    expectRelative(regularizedBetaComplement(4.2e-7, 3, 1e7), 0.21023781481930984, 1e-13);
  });

  it('satisfies the symmetry I_x(a, b) = 1 − I_(1−x)(b, a)', () => {
    // Only where 1 − x carries the digits of x (for x = 1e-6 the rounding of
    // 1 − x alone moves I by 1e-10 relative).
    for (const [x, a, b] of CASES.filter(([x]) => x >= 0.01)) {
      expectRelative(regularizedBeta(x, a, b), regularizedBetaComplement(1 - x, b, a), 1e-12);
    }
  });

  it('is exact at the ends and NaN outside its domain', () => {
    expect(regularizedBetaPair(0, 2, 3)).toEqual([0, 1]);
    expect(regularizedBetaPair(1, 2, 3)).toEqual([1, 0]);
    expect(regularizedBeta(1.5, 2, 3)).toBeNaN();
    expect(regularizedBeta(0.5, -1, 3)).toBeNaN();
    expect(regularizedBeta(Number.NaN, 1, 1)).toBeNaN();
  });
});
