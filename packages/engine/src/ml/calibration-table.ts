import { rankByScore } from './rank-by-score.js';

/** One row of a calibration table. */
export interface CalibrationBin {
  /** 1 = lowest scores. */
  readonly bin: number;
  readonly rows: number;
  readonly meanScore: number;
  readonly observedRate: number;
}

/**
 * Calibration table: rows sorted by ascending score (ties in row order) and cut into `bins`
 * groups of near-equal size (group b holds sorted rows floor(b·n/bins) .. floor((b+1)·n/bins) − 1);
 * for each, the mean score against the observed rate of positives.
 */
export function calibrationTable(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  bins = 10,
): CalibrationBin[] {
  const n = scores.length;
  const order = Array.from(rankByScore(scores)).reverse();
  // rankByScore breaks ties by row order; reversing would reverse the ties too, so restore them.
  order.sort((a, b) => (scores[a] as number) - (scores[b] as number) || a - b);
  const table: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    const start = Math.floor((b * n) / bins);
    const end = Math.floor(((b + 1) * n) / bins);
    let s = 0;
    let y = 0;
    for (let i = start; i < end; i++) {
      const r = order[i] as number;
      s += scores[r] as number;
      y += (labels[r] as number) > 0 ? 1 : 0;
    }
    const rows = end - start;
    table.push({
      bin: b + 1,
      rows,
      meanScore: rows > 0 ? s / rows : NaN,
      observedRate: rows > 0 ? y / rows : NaN,
    });
  }
  return table;
}
