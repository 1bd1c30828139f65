import { describe, expect, it } from 'vitest';
import { overdispersion, proportionScale, ratioScale } from '../../src/stats/index.js';
import { expectAllRelative, expectRelative } from './relative-error.js';

// Reference: an independent numpy/scipy implementation of Spiegelhalter
// (2005) §5 (numpy 2.4.6, scipy 1.17.1), run as `python3 od.py`:
//   import numpy as np; from scipy import stats
//   def spiegelhalter(y, target, s, frac=0.1):
//       z = (y - target) / s
//       lo, hi = np.quantile(z, [frac, 1 - frac])   # numpy 'linear' = R type 7
//       zw = np.clip(z, lo, hi)
//       I = len(z); phi = np.mean(zw**2); stat = I * phi
//       w = 1 / s**2
//       tau2 = max(0.0, (stat - (I - 1)) / (w.sum() - (w**2).sum() / w.sum()))
//       adj = (y - target) / np.sqrt(s**2 + tau2)
//       return z, zw, phi, stat, stats.chi2.sf(stat, I - 1), tau2, adj
//   spiegelhalter(O / E, 1.0, np.sqrt(V) / E)              # the O/E case below
//   spiegelhalter(ev / n, 0.1, np.sqrt(0.1 * 0.9 / n))      # the proportion case below

const O = [12, 30, 7, 45, 22, 3, 18, 60, 9, 25, 14, 40];
const E = [10.2, 21.5, 9.8, 30.1, 20.3, 6.4, 17.9, 41.0, 11.2, 26.7, 12.5, 28.8];
const V = [9.1, 19.0, 8.9, 26.2, 18.0, 5.9, 16.1, 35.5, 10.1, 23.9, 11.2, 25.0];

describe('overdispersion on the O/E scale', () => {
  const result = overdispersion(ratioScale(O, E, V));

  it('gives z = (O − E)/√V and winsorises 10% in each tail', () => {
    expectAllRelative(
      result.zScores,
      [
        0.5966941897186163, 1.950033737899775, -0.9385621324155877, 2.910955877737999,
        0.400693842672377, -1.399757848307451, 0.024922239313961557, 3.1888891615274186,
        -0.6922484530803077, -0.3477362536349208, 0.44821072850039795, 2.2399999999999998,
      ],
      1e-13,
    );
    expectAllRelative(
      result.winsorisedZ,
      [
        0.5966941897186163, 1.950033737899775, -0.9139307644820597, 2.8438602899641996,
        0.400693842672377, -0.9139307644820597, 0.024922239313961557, 2.8438602899641996,
        -0.6922484530803077, -0.3477362536349208, 0.44821072850039795, 2.2399999999999998,
      ],
      1e-13,
    );
  });

  it('estimates φ, tests I·φ against χ²(I − 1) and estimates τ² by moments', () => {
    expect(result.units).toBe(12);
    expectRelative(result.phi, 2.3320079225658614, 1e-13);
    expectRelative(result.statistic, 27.98409507079034, 1e-13);
    expectRelative(result.pValue, 0.003255552597642759, 1e-11);
    expect(result.overdispersed).toBe(true);
    expectRelative(result.tau2, 0.07098728221301069, 1e-12);
  });

  it('shrinks z-scores by the random effect: (y − 1)/√(s² + τ²)', () => {
    expectAllRelative(
      result.adjustedZ,
      [
        0.44332397786073874, 1.180853184433039, -0.7062600787764121, 1.5661218206061034,
        0.24730536784338736, -1.1456426209294086, 0.01604472363541542, 1.526956183589821,
        -0.5046529353423884, -0.19694861771601127, 0.317701343955449, 1.222896243077061,
      ],
      1e-12,
    );
  });
});

describe('overdispersion on the proportion scale', () => {
  const events = [5, 9, 2, 30, 12, 1, 8, 4];
  const volumes = [50, 80, 40, 150, 100, 30, 90, 60];

  it('finds none when I·φ ≤ I − 1 and leaves z unchanged', () => {
    const result = overdispersion(proportionScale(events, volumes, 0.1));
    expectRelative(result.phi, 0.8295191244258329, 1e-13);
    expectRelative(result.statistic, 6.636152995406663, 1e-13);
    expectRelative(result.pValue, 0.46771988066640857, 1e-12);
    expect(result.overdispersed).toBe(false);
    expect(result.tau2).toBe(0);
    expectAllRelative(
      result.adjustedZ,
      [
        0.0, 0.37267799624996484, -1.0540925533894598, 4.08248290463863, 0.6666666666666663,
        -1.2171612389003694, -0.3513641844631534, -0.8606629658238706,
      ],
      1e-13,
    );
  });
});

describe('overdispersion rules and edge cases', () => {
  it('with the chi-square rule, declares over-dispersion only when it is significant', () => {
    // statistic 27.98 on 11 df: p = 0.0033 < 0.05, but not < 0.001.
    expect(overdispersion(ratioScale(O, E, V), { rule: 'chi-square' }).overdispersed).toBe(true);
    const strict = overdispersion(ratioScale(O, E, V), { rule: 'chi-square', alpha: 0.001 });
    expect(strict.overdispersed).toBe(false);
    expect(strict.tau2).toBe(0);
  });

  it('leaves out units without a finite z (E = 0) and gives them NaN', () => {
    const result = overdispersion(ratioScale([...O, 2], [...E, 0], [...V, 0]));
    expect(result.units).toBe(12);
    expect(result.adjustedZ[12]).toBeNaN();
    expectRelative(result.tau2, 0.07098728221301069, 1e-12);
  });

  it('uses the Poisson variance V = E when none is given', () => {
    // z = (O − E)/√E: (12 − 10.2)/√10.2 = 0.5636018619766...
    const result = overdispersion(ratioScale(O, E));
    expectRelative(result.zScores[0] ?? Number.NaN, 1.8 / Math.sqrt(10.2), 1e-13);
  });

  it('cannot assess fewer than two units', () => {
    const one = overdispersion(ratioScale([5], [3], [2]));
    expect(one.phi).toBeNaN();
    expect(one.overdispersed).toBe(false);
    expectRelative(one.adjustedZ[0] ?? Number.NaN, 2 / Math.sqrt(2), 1e-15);
    expect(overdispersion(ratioScale([], [], [])).units).toBe(0);
  });
});
