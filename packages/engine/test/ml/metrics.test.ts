import { describe, expect, it } from 'vitest';
import {
  averagePrecision,
  calibrationTable,
  logLoss,
  rankByScore,
  rocAuc,
  topKMetrics,
} from '../../src/ml/index.js';

// Ten declarations worked by hand. Positives (label 1) have scores 0.9, 0.8, 0.6, 0.3; negatives
// 0.8, 0.5, 0.4, 0.2, 0.2, 0.1. Rows 1 and 2 tie at 0.8 (a negative and a positive).
const scores = [0.9, 0.8, 0.8, 0.6, 0.5, 0.4, 0.3, 0.2, 0.2, 0.1];
const labels = [1, 0, 1, 1, 0, 0, 1, 0, 0, 0];
const revenue = [100, 0, 50, 30, 0, 0, 20, 0, 0, 0];

describe('evaluation metrics', () => {
  it('ranks by descending score, ties in row order', () => {
    expect(Array.from(rankByScore(scores))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(rankByScore([0.2, 0.5, 0.2, NaN, 0.9]))).toEqual([4, 1, 0, 2, 3]);
  });

  it('computes ROC AUC with a tie counted as one half', () => {
    // Pairs won by each positive over the 6 negatives: 0.9 → 6; 0.8 → 5 + ½ (tie); 0.6 → 5;
    // 0.3 → 3. (6 + 5.5 + 5 + 3) / (4 × 6) = 19.5 / 24.
    expect(rocAuc(scores, labels)).toBeCloseTo(19.5 / 24, 15);
    expect(rocAuc([1, 1, 1], [1, 0, 1])).toBe(0.5);
    expect(rocAuc([0.3, 0.2], [1, 1])).toBeNaN();
  });

  it('computes average precision with tied scores entering together', () => {
    // Thresholds 0.9: recall ¼, precision 1; 0.8: recall ½, precision ⅔; 0.6: recall ¾,
    // precision ¾; 0.3: recall 1, precision 4/7. AP = ¼·1 + ¼·⅔ + ¼·¾ + ¼·4/7 = 251/336.
    expect(averagePrecision(scores, labels)).toBeCloseTo(251 / 336, 15);
  });

  it('computes precision, recall and revenue in the top k percent', () => {
    const [top10, top30, top50] = topKMetrics(scores, labels, revenue, [10, 30, 50]);
    // Top 10 % = 1 row (row 0): 1 hit of 4 positives, 100 of 200 revenue.
    expect(top10).toEqual({ percent: 10, selected: 1, precision: 1, recall: 0.25, revenue: 0.5 });
    // Top 30 % = rows 0, 1, 2: 2 hits, revenue 150.
    expect(top30).toEqual({
      percent: 30,
      selected: 3,
      precision: 2 / 3,
      recall: 0.5,
      revenue: 0.75,
    });
    // Top 50 % = rows 0..4: 3 hits, revenue 180.
    expect(top50).toEqual({ percent: 50, selected: 5, precision: 0.6, recall: 0.75, revenue: 0.9 });
  });

  it('selects at least one row and reports k = 1, 2, 5, 10 by default', () => {
    const result = topKMetrics(scores, labels);
    expect(result.map((r) => r.percent)).toEqual([1, 2, 5, 10]);
    expect(result.map((r) => r.selected)).toEqual([1, 1, 1, 1]);
    expect(result[0]?.revenue).toBeNaN();
  });

  it('builds a calibration table of mean score against observed rate', () => {
    // Ascending: 0.1 0.2 0.2 0.3 0.4 | 0.5 0.6 0.8 0.8 0.9, with labels 0 0 0 1 0 | 0 1 0 1 1.
    const table = calibrationTable(scores, labels, 2);
    expect(table).toHaveLength(2);
    expect(table[0]?.rows).toBe(5);
    expect(table[0]?.meanScore).toBeCloseTo(0.24, 15);
    expect(table[0]?.observedRate).toBe(0.2);
    expect(table[1]?.meanScore).toBeCloseTo(0.72, 15);
    expect(table[1]?.observedRate).toBe(0.6);
    expect(calibrationTable(scores, labels).map((b) => b.rows)).toEqual(new Array(10).fill(1));
  });

  it('computes the log loss', () => {
    // −(ln 0.8 + ln 0.6) / 2
    expect(logLoss([0.8, 0.4], [1, 0])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 15);
  });
});
