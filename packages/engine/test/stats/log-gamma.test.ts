import { describe, expect, it } from 'vitest';
import { logBeta, logGamma } from '../../src/stats/index.js';
import { expectRelative } from './relative-error.js';

// Reference values: mpmath 1.3.0 at 40 digits,
// python3 -c "import mpmath as mp; mp.mp.dps=40; print([repr(float(mp.loggamma(x))) for x in xs])"
const LOG_GAMMA: ReadonlyArray<[number, number]> = [
  [1e-8, 18.42068073818021],
  [0.1, 2.252712651734206],
  [0.5, 0.5723649429247001],
  [2.5, 0.2846828704729192],
  [3, 0.6931471805599453],
  [7.3, 7.147892523022248],
  [9.99, 12.779315214350193],
  [10, 12.801827480081469],
  [25.5, 56.389167643719944],
  [171.3, 708.1149470389969],
  [1e5, 1051287.7089736569],
  [1e10, 220258509288.81058],
];

describe('logGamma', () => {
  it('matches mpmath to 1e-14 relative away from its zeros', () => {
    for (const [x, expected] of LOG_GAMMA) expectRelative(logGamma(x), expected, 1e-14);
  });

  it('is accurate in absolute terms next to its zeros at 1 and 2', () => {
    // mpmath: loggamma(1.5) = -0.12078223763524522
    expect(Math.abs(logGamma(1.5) - -0.12078223763524522)).toBeLessThan(1e-14);
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
  });

  it('is infinite at 0 and NaN for negative or NaN arguments', () => {
    expect(logGamma(0)).toBe(Number.POSITIVE_INFINITY);
    expect(logGamma(-1.5)).toBeNaN();
    expect(logGamma(Number.NaN)).toBeNaN();
  });
});

describe('logBeta', () => {
  it('matches mpmath log(beta(a, b))', () => {
    // python3 -c "import mpmath as mp; mp.mp.dps=40; print(float(mp.log(mp.beta(a,b))))"
    expectRelative(logBeta(0.5, 0.5), 1.1447298858494002, 1e-14); // log π
    expectRelative(logBeta(2, 3), -2.4849066497880004, 1e-14); // log(1/12)
    expectRelative(logBeta(10, 1e6), -125.35332309941877, 1e-12);
    expectRelative(logBeta(1e5, 2e5), -190958.88527911686, 1e-12);
  });
});
