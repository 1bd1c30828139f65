import { describe, expect, it } from 'vitest';
import {
  StatsArgumentError,
  poissonLowerTail,
  poissonPmf,
  poissonUpperTail,
} from '../../src/stats/index.js';
import { expectRelative } from './relative-error.js';

// [k, λ, P(X ≥ k), P(X ≤ k)]: exact sums of e^(−λ) λ^j / j! in mpmath 1.3.0 at
// 60 digits, summed outwards from k away from the mean, the other tail as 1
// minus it. The script (python3):
//   import mpmath as mp; mp.mp.dps = 60
//   def pmf(k, l): return mp.exp(-l + k*mp.log(l) - mp.loggamma(k+1))
//   def tailsum(k, l, up):
//       t = pmf(k, l); s = t; j = k
//       while True:
//           if up: t = t * l / (j + 1); j += 1
//           else:
//               if j <= 0: break
//               t = t * j / l; j -= 1
//           s += t
//           if t < s * mp.mpf(10)**-30: break
//       return s
//   def upper(k, l):
//       l = mp.mpf(l)
//       if k <= 0: return mp.mpf(1)
//       return tailsum(k, l, True) if k >= l else 1 - tailsum(k-1, l, False)
//   def lower(k, l):
//       l = mp.mpf(l); return tailsum(k, l, False) if k <= l else 1 - tailsum(k+1, l, True)
const CASES: ReadonlyArray<[number, number, number, number]> = [
  [0, 2.5, 1.0, 0.0820849986238988],
  [3, 2.5, 0.45618688411667047, 0.7575761331330659],
  [12, 2.5, 1.25984591031999e-5, 0.9999976158015264],
  [30, 10, 2.5099512015279076e-7, 0.9999999201620534],
  [2, 10, 0.9995006007726127, 0.002769395715511576],
  [1, 1e-12, 9.999999999995e-13, 1.0],
  [9000, 10000, 1.0, 1.3896350906594243e-24],
  [10300, 10000, 0.001432365367466765, 0.9986132822429136],
  [1000031623, 1e9, 0.15865737040525918, 0.8413502812461953],
  [60, 12.3, 1.6969607362946253e-22, 1.0],
];

describe('Poisson tails', () => {
  it('match exact sums to 1e-12 relative, from λ = 1e-12 to 1e9', () => {
    for (const [k, mean, upper, lower] of CASES) {
      expectRelative(poissonUpperTail(k, mean), upper, 1e-12);
      expectRelative(poissonLowerTail(k, mean), lower, 1e-12);
    }
  });

  it('give the mid-p value', () => {
    // Hand calculation from the table: P(X ≥ 3 | 2.5) − ½ P(X = 3)
    // = 0.45618688411667047 − 0.21376301724973645/2 = 0.34930537549180224.
    expectRelative(poissonUpperTail(3, 2.5, { midP: true }), 0.34930537549180224, 1e-14);
    expectRelative(
      poissonLowerTail(3, 2.5, { midP: true }),
      0.7575761331330659 - 0.21376301724973645 / 2,
      1e-14,
    );
  });

  it('handle k ≤ 0, λ = 0 and NaN, and reject a negative mean', () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(-4, 3)).toBe(1);
    expect(poissonLowerTail(-1, 3)).toBe(0);
    expect(poissonUpperTail(1, 0)).toBe(0);
    expect(poissonLowerTail(0, 0)).toBe(1);
    expect(poissonUpperTail(2, Number.NaN)).toBeNaN();
    expect(() => poissonUpperTail(2, -1)).toThrow(StatsArgumentError);
  });
});

describe('poissonPmf', () => {
  it('matches exact values, including far in the tail', () => {
    // mpmath at 60 digits: exp(-l + k log l - loggamma(k+1))
    expectRelative(poissonPmf(3, 2.5), 0.21376301724973645, 1e-14);
    expectRelative(poissonPmf(0, 2.5), 0.0820849986238988, 1e-14);
    expectRelative(poissonPmf(1e9, 1e9), 1.2615662609049494e-5, 1e-12);
    expectRelative(poissonPmf(50, 1e-3), 3.284663110643382e-215, 1e-12);
    expect(poissonPmf(1.5, 2)).toBe(0);
  });
});
