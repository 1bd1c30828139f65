import { describe, expect, it } from 'vitest';
import {
  newcombeDifference,
  studentTQuantile,
  welchMeanDifference,
  wilsonInterval,
} from '../src/surveys/change-intervals.js';
import { suppressedGroups } from '../src/surveys/survey-results.js';

describe('the confidence intervals of a change between rounds', () => {
  it('gives the t quantiles of the printed tables', () => {
    // Student's t table (e.g. Fisher & Yates): t(0.975; 10) = 2.228, t(0.975; 1) = 12.706, t(0.95; 30) = 1.697.
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 5);
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(studentTQuantile(0.95, 30)).toBeCloseTo(1.697261, 5);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228139, 5);
  });

  it('computes Welch’s interval as by hand', () => {
    // earlier 1,2,3,4,5: mean 3, variance 2.5; later 3,4,5,6,7,8: mean 5.5, variance 3.5.
    // se² = 2.5/5 + 3.5/6 = 0.5 + 0.583333 = 1.083333, se = 1.040833.
    // df = 1.083333² / (0.5²/4 + 0.583333²/5) = 1.173611 / (0.0625 + 0.068056) = 8.98936.
    // t(0.975; 8.98936) = 2.262565 (SciPy's t.ppf; between 2.262 at 9 and 2.306 at 8 in the
    // tables), so 2.5 ± 2.262565 × 1.040833 = 2.5 ± 2.354953: 0.145047 to 4.854953.
    const change = welchMeanDifference([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8]);
    expect(change?.estimate).toBeCloseTo(2.5, 10);
    expect(change?.low).toBeCloseTo(0.145047, 5);
    expect(change?.high).toBeCloseTo(4.854953, 5);
    expect(welchMeanDifference([3], [4, 5])).toBeNull();
  });

  it('reproduces Wilson’s and Newcombe’s published examples', () => {
    // Newcombe (1998), Stat Med 17:857–872, Table I: 81/263 → 0.2553 to 0.3662.
    const wilson = wilsonInterval(81, 263);
    expect(wilson.low).toBeCloseTo(0.2553, 4);
    expect(wilson.high).toBeCloseTo(0.3662, 4);
    // Newcombe (1998), Stat Med 17:873–890, Table II example (a): 56/70 − 48/80, method 10:
    // 0.0524 to 0.3339. Here as later 56/70 against earlier 48/80.
    const change = newcombeDifference(48, 80, 56, 70);
    expect(change?.estimate).toBeCloseTo(0.2, 10);
    expect(change?.low).toBeCloseTo(0.0524, 4);
    expect(change?.high).toBeCloseTo(0.3339, 4);
  });
});

describe('the suppression of small groups', () => {
  const sizes = (entries: [string, number][]) => new Map(entries);

  it('hides every group under the minimum', () => {
    const hidden = suppressedGroups(
      sizes([
        ['a', 10],
        ['b', 9],
        ['c', 0],
        ['d', 25],
      ]),
      10,
      true,
    );
    // b (9) alone would be given away by subtraction from the whole: the next smallest (a) goes too.
    expect([...hidden].sort()).toEqual(['a', 'b', 'c']);
  });

  it('adds no secondary suppression when the hidden groups already hold the minimum', () => {
    const hidden = suppressedGroups(
      sizes([
        ['a', 6],
        ['b', 5],
        ['c', 30],
      ]),
      10,
      true,
    );
    expect([...hidden].sort()).toEqual(['a', 'b']);
  });

  it('hides every group when the whole is hidden', () => {
    const hidden = suppressedGroups(sizes([['a', 9]]), 10, false);
    expect([...hidden]).toEqual(['a']);
    // Groups above the minimum too: what hides them is the whole being hidden, not their size.
    const large = sizes([
      ['a', 12],
      ['b', 30],
    ]);
    expect([...suppressedGroups(large, 10, false)].sort()).toEqual(['a', 'b']);
    expect([...suppressedGroups(large, 10, true)]).toEqual([]);
  });
});
