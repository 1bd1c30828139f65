import { rankByScore } from './rank-by-score.js';

/** Share-of-the-top figures for one k. */
export interface TopKMetrics {
  /** Percentage of rows selected (e.g. 5 for the top 5 %). */
  readonly percent: number;
  /** Rows selected: ceil(percent / 100 × rows), at least 1. */
  readonly selected: number;
  /** Share of the selected rows that are positive. */
  readonly precision: number;
  /** Share of all positives that are selected. */
  readonly recall: number;
  /** Share of all revenue (over all rows) found in the selected rows; NaN without revenue. */
  readonly revenue: number;
}

/** The percentages the field reports (domain.md §5). */
export const DEFAULT_TOP_PERCENTS: readonly number[] = [1, 2, 5, 10];

/**
 * Precision@k%, recall@k% and revenue@k%: rank rows by descending score (ties in row order),
 * select the top ceil(k% × n) rows, and count positives and revenue among them.
 */
export function topKMetrics(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  revenue: ArrayLike<number> | null = null,
  percents: readonly number[] = DEFAULT_TOP_PERCENTS,
): TopKMetrics[] {
  const n = scores.length;
  const order = rankByScore(scores);
  let positives = 0;
  let totalRevenue = 0;
  for (let i = 0; i < n; i++) {
    if ((labels[i] as number) > 0) positives++;
    if (revenue) totalRevenue += (revenue[i] as number) || 0;
  }
  return percents.map((percent) => {
    const selected = n === 0 ? 0 : Math.min(n, Math.max(1, Math.ceil((percent / 100) * n - 1e-9)));
    let hits = 0;
    let found = 0;
    for (let i = 0; i < selected; i++) {
      const r = order[i] as number;
      if ((labels[r] as number) > 0) hits++;
      if (revenue) found += (revenue[r] as number) || 0;
    }
    return {
      percent,
      selected,
      precision: selected > 0 ? hits / selected : NaN,
      recall: positives > 0 ? hits / positives : NaN,
      revenue: revenue && totalRevenue > 0 ? found / totalRevenue : NaN,
    };
  });
}
