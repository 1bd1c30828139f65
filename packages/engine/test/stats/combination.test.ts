import { describe, expect, it } from 'vitest';
import {
  StatsArgumentError,
  fisherCombination,
  normalSurvival,
  stoufferCombination,
} from '../../src/stats/index.js';
import { expectRelative } from './relative-error.js';

// scipy 1.17.1:
//   z = np.array([1.2, 2.5, -0.4, 0.8]); wz = np.array([2.0, 1.0, 0.5, 3.0]); ps = stats.norm.sf(z)
//   stats.combine_pvalues(ps, method='stouffer')              -> (2.0500000000000003, 0.020182215405704383)
//   stats.combine_pvalues(ps, method='stouffer', weights=wz)  -> (1.8808359470323623, 0.029997119294607046)
//   stats.combine_pvalues([0.01, 0.2, 0.5, 0.03, 0.8], method='fisher')
//                                                             -> (21.274913455232657, 0.01925607504524648)

describe('stoufferCombination', () => {
  it('matches scipy with and without weights', () => {
    const plain = stoufferCombination([1.2, 2.5, -0.4, 0.8]);
    expectRelative(plain.z, 2.0500000000000003, 1e-14);
    expectRelative(plain.pValue, 0.020182215405704383, 1e-13);
    const weighted = stoufferCombination([1.2, 2.5, -0.4, 0.8], [2, 1, 0.5, 3]);
    expectRelative(weighted.z, 1.8808359470323623, 1e-14);
    expectRelative(weighted.pValue, 0.029997119294607046, 1e-13);
    expect(weighted.count).toBe(4);
  });

  it('skips NaN z-scores and gives NaN for none', () => {
    const result = stoufferCombination([3, Number.NaN]);
    expect(result.z).toBe(3);
    expectRelative(result.pValue, normalSurvival(3), 1e-15);
    expect(stoufferCombination([]).z).toBeNaN();
    expect(() => stoufferCombination([1, 2], [1])).toThrow(StatsArgumentError);
  });
});

describe('fisherCombination', () => {
  it('matches scipy', () => {
    const result = fisherCombination([0.01, 0.2, 0.5, 0.03, 0.8]);
    expectRelative(result.statistic, 21.274913455232657, 1e-14);
    expect(result.degreesOfFreedom).toBe(10);
    expectRelative(result.pValue, 0.01925607504524648, 1e-12);
  });

  it('handles p = 0, NaN and no p-values', () => {
    expect(fisherCombination([0, 0.5]).pValue).toBe(0);
    expect(fisherCombination([Number.NaN, 0.5]).count).toBe(1);
    expect(fisherCombination([]).pValue).toBeNaN();
    expect(() => fisherCombination([1.5])).toThrow(StatsArgumentError);
  });
});
