import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, normalSurvival } from '../../src/stats/index.js';
import { expectRelative } from './relative-error.js';

// [p, Φ⁻¹(p)] from mpmath 1.3.0: sqrt(2)*erfinv(2p − 1) at 40 digits, and for
// p ≤ 1e-10 findroot(lambda z: log(ncdf(z)) − log(p), −8) at 50 digits.
const QUANTILES: ReadonlyArray<[number, number]> = [
  [1e-300, -37.0470962993612],
  [1e-20, -9.262340089798407],
  [1e-10, -6.361340902404057],
  [0.001, -3.0902323061678136],
  [0.025, -1.9599639845400543],
  [0.05, -1.6448536269514726],
  [0.3, -0.5244005127080408],
  [0.7, 0.5244005127080407],
  [0.975, 1.9599639845400538],
  [0.999, 3.090232306167813],
];

describe('normalQuantile', () => {
  it('matches mpmath to 1e-15 relative (AS 241)', () => {
    for (const [p, z] of QUANTILES) expectRelative(normalQuantile(p), z, 1e-15);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('gives the upper-tail deviate directly for tiny upper probabilities', () => {
    expectRelative(normalQuantile(1e-20, true), 9.262340089798407, 1e-15);
    expectRelative(normalQuantile(0.025, true), 1.9599639845400543, 1e-15);
  });

  it('inverts normalCdf, and normalSurvival through the upper-tail form', () => {
    for (const z of [-8, -3, -1, 0.2, 1.5]) expectRelative(normalQuantile(normalCdf(z)), z, 1e-13);
    for (const z of [2.5, 7, 20]) expectRelative(normalQuantile(normalSurvival(z), true), z, 1e-13);
  });

  it('returns ∓∞ at 0 and 1 and NaN outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.2)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });
});
