import { describe, expect, it } from 'vitest';
import {
  StatsArgumentError,
  binomialLowerTail,
  binomialPmf,
  binomialUpperTail,
} from '../../src/stats/index.js';
import { expectRelative } from './relative-error.js';

// [k, n, p, P(X ≥ k), P(X ≤ k)]: exact sums of binomial(n, j) p^j (1 − p)^(n − j)
// in mpmath 1.3.0 at 60 digits, each tail summed outwards from k on the side
// away from the mean (until a term is below 1e-30 of the sum), the other as 1
// minus it. The script (python3):
//   import mpmath as mp; mp.mp.dps = 60
//   def pmf(k, n, p): return mp.binomial(n, k) * p**k * (1 - p)**(n - k)
//   def tailsum(k, n, p, up):
//       t = pmf(k, n, p); s = t; j = k
//       while True:
//           if up:
//               if j >= n: break
//               t = t * (n - j) * p / ((j + 1) * (1 - p)); j += 1
//           else:
//               if j <= 0: break
//               t = t * j * (1 - p) / ((n - j + 1) * p); j -= 1
//           s += t
//           if t < s * mp.mpf(10)**-30: break
//       return s
//   def upper(k, n, p):
//       p = mp.mpf(p); return tailsum(k, n, p, True) if k >= n*p else 1 - tailsum(k-1, n, p, False)
//   def lower(k, n, p):
//       p = mp.mpf(p); return tailsum(k, n, p, False) if k <= n*p else 1 - tailsum(k+1, n, p, True)
//   for k, n, p in cases: print(k, n, p, float(upper(k, n, p)), float(lower(k, n, p)))
const CASES: ReadonlyArray<[number, number, number, number, number]> = [
  [3, 10, 0.2, 0.32220047360000004, 0.8791261184],
  [7, 10, 0.2, 0.0008643584000000003, 0.9999220736],
  [0, 10, 0.2, 1.0, 0.10737418239999999],
  [10, 10, 0.2, 1.0240000000000006e-7, 1.0],
  [20, 1000000, 1e-5, 0.003454174030494835, 0.9984118326406837],
  [2, 1000000, 1e-5, 0.9995006212023049, 0.0027693049164881646],
  [35, 100000000, 1e-7, 6.060305257110505e-10, 0.9999999998333302],
  [510000, 1000000, 0.5, 2.7721816438496123e-89, 1.0],
  [489000, 1000000, 0.5, 1.0, 1.4435305260634498e-107],
  [999999990, 1000000000, 0.99999999, 0.5830397439065074, 0.5420702924401761],
  [29, 400, 0.03, 1.5647810375979026e-5, 0.9999941327341986],
];

describe('binomial tails', () => {
  it('match exact sums to 1e-12 relative, for large n and tiny p too', () => {
    for (const [k, n, p, upper, lower] of CASES) {
      expectRelative(binomialUpperTail(k, n, p), upper, 1e-12);
      expectRelative(binomialLowerTail(k, n, p), lower, 1e-12);
    }
  });

  it('give the mid-p value P(X > k) + ½ P(X = k)', () => {
    // Hand calculation: P(X ≥ 3 | 10, 0.2) = 0.3222004736, P(X = 3) = 0.201326592,
    // so mid-p upper = 0.3222004736 − 0.100663296 = 0.2215371776;
    // P(X ≤ 3) = 0.8791261184, mid-p lower = 0.8791261184 − 0.100663296 = 0.7784628224.
    expectRelative(binomialUpperTail(3, 10, 0.2, { midP: true }), 0.2215371776, 1e-14);
    expectRelative(binomialLowerTail(3, 10, 0.2, { midP: true }), 0.7784628224, 1e-14);
  });

  it('handle k outside [0, n], n = 0 and p = 0 or 1', () => {
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
    expect(binomialUpperTail(-2, 10, 0.3)).toBe(1);
    expect(binomialLowerTail(11, 10, 0.3)).toBe(1);
    expect(binomialLowerTail(-1, 10, 0.3)).toBe(0);
    expect(binomialUpperTail(0, 0, 0.3)).toBe(1);
    expect(binomialUpperTail(1, 0, 0.3)).toBe(0);
    expect(binomialLowerTail(0, 0, 0.3)).toBe(1);
    expect(binomialUpperTail(1, 10, 0)).toBe(0);
    expect(binomialLowerTail(0, 10, 0)).toBe(1);
    expect(binomialUpperTail(10, 10, 1)).toBe(1);
    expect(binomialLowerTail(9, 10, 1)).toBe(0);
  });

  it('counts from ⌈k⌉ (upper) and up to ⌊k⌋ (lower) for a real k', () => {
    expect(binomialUpperTail(2.5, 10, 0.2)).toBe(binomialUpperTail(3, 10, 0.2));
    expect(binomialLowerTail(3.7, 10, 0.2)).toBe(binomialLowerTail(3, 10, 0.2));
  });

  it('propagate NaN and reject an impossible n or p', () => {
    expect(binomialUpperTail(Number.NaN, 10, 0.2)).toBeNaN();
    expect(binomialLowerTail(3, 10, Number.NaN)).toBeNaN();
    expect(() => binomialUpperTail(3, 10.5, 0.2)).toThrow(StatsArgumentError);
    expect(() => binomialLowerTail(3, -1, 0.2)).toThrow(StatsArgumentError);
    expect(() => binomialUpperTail(3, 10, 1.2)).toThrow(StatsArgumentError);
  });
});

describe('binomialPmf', () => {
  it('matches exact values to 1e-13 relative (Loader saddle point)', () => {
    // mpmath at 60 digits: binomial(n,k) p^k (1-p)^(n-k)
    expectRelative(binomialPmf(3, 10, 0.2), 0.20132659200000003, 1e-14);
    expectRelative(binomialPmf(20, 1e6, 1e-5), 0.0018660066711785178, 1e-13);
    expectRelative(binomialPmf(999999, 1e6, 0.999999), 0.3678796251112702, 1e-13);
    expectRelative(binomialPmf(500000, 1e6, 0.5), 0.0007978843613317501, 1e-13);
  });

  it('is 0 off the support', () => {
    expect(binomialPmf(2.5, 10, 0.2)).toBe(0);
    expect(binomialPmf(11, 10, 0.2)).toBe(0);
    expect(binomialPmf(0, 0, 0.2)).toBe(1);
  });
});
