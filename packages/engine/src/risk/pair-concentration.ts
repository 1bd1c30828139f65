import type { AnalysisConfig } from '../analysis/index.js';
import { baseTable } from '../analysis/index.js';
import { benjaminiHochberg, poissonUpperTail } from '../stats/index.js';
import type { WarehouseConnection } from '../warehouse/index.js';
import { queryValues } from '../warehouse/index.js';

/** An officer–declarant pair of one office, tested against independent assignment. */
export interface PairResult {
  readonly office: string;
  readonly officer: string;
  readonly declarant: string;
  /** Declarations of the declarant handled by the officer, over all periods. */
  readonly observed: number;
  /** Σ over periods of n_o·n_b/n: the count expected under independent assignment. */
  readonly expected: number;
  readonly lift: number;
  /** Of the observed, how many were assigned manually. */
  readonly manual: number;
  /** Days on which the pair met. */
  readonly periods: number;
  /** The officer's declarations in this office (all periods). */
  readonly officerVolume: number;
  readonly p: number;
  readonly q: number;
}

/**
 * SQL of the pair test's candidates (pairs seen at least `$min` times) with
 * their expected counts: in each office and day, a pair is expected
 * n_o·n_b/n times (domain.md §4, the Madagascar test, with the day as the
 * period); a pair's expected count sums this over every day on which both
 * were active, including days when they never met. Also returns the number of pairs observed
 * at all (the m of the false discovery control).
 */
export function pairCandidatesSql(): string {
  // The time cell is the day of lodgement: who is on duty, and which
  // declarants are active, changes within a period (rotations, leave,
  // shifts, batches lodged together); independence is only expected
  // among the officers and declarants active on the same day.
  return `WITH d AS (
    SELECT office_code, CAST(lodged_at AS DATE) AS period, officer_id, declarant_id, assignment
    FROM ${baseTable} WHERE officer_id IS NOT NULL AND declarant_id IS NOT NULL
  ),
  cell AS (SELECT office_code, period, count(*) AS n FROM d GROUP BY ALL),
  o AS (SELECT office_code, period, officer_id, count(*) AS n_o FROM d GROUP BY ALL),
  b AS (SELECT office_code, period, declarant_id, count(*) AS n_b FROM d GROUP BY ALL),
  obs AS (
    SELECT office_code, officer_id, declarant_id, count(*) AS observed,
      count(*) FILTER (WHERE assignment = 'manual') AS manual, count(DISTINCT period) AS periods
    FROM d GROUP BY ALL
  ),
  cand AS (SELECT * FROM obs WHERE observed >= $min),
  expct AS (
    SELECT c.office_code, c.officer_id, c.declarant_id,
      sum(o.n_o * b.n_b / cell.n) AS expected, sum(o.n_o) AS officer_volume
    FROM cand c
    JOIN o ON o.office_code = c.office_code AND o.officer_id = c.officer_id
    JOIN cell ON cell.office_code = o.office_code AND cell.period = o.period
    LEFT JOIN b ON b.office_code = o.office_code AND b.period = o.period AND b.declarant_id = c.declarant_id
    GROUP BY ALL
  )
  SELECT c.office_code, c.officer_id, c.declarant_id, CAST(c.observed AS DOUBLE) AS observed,
    CAST(c.manual AS DOUBLE) AS manual, CAST(c.periods AS DOUBLE) AS periods,
    CAST(coalesce(e.expected, 0) AS DOUBLE) AS expected, CAST(e.officer_volume AS DOUBLE) AS officer_volume,
    (SELECT count(*) FROM obs) AS pairs_observed
  FROM cand c JOIN expct e USING (office_code, officer_id, declarant_id)
  ORDER BY c.office_code, c.officer_id, c.declarant_id`;
}

/**
 * Pair concentration: each candidate pair's observed count is tested with
 * the Poisson upper tail at its expected count (a sum of per-period
 * binomials, well approximated by a Poisson), and the false discovery rate
 * is controlled across every pair observed (pairs below the minimum count
 * enter the Benjamini–Hochberg procedure with p = 1).
 */
export async function pairConcentration(
  conn: WarehouseConnection,
  config: AnalysisConfig,
): Promise<{ pairs: PairResult[]; pairsObserved: number }> {
  const rows = await queryValues<{
    office_code: string;
    officer_id: string;
    declarant_id: string;
    observed: number;
    manual: number;
    periods: number;
    expected: number;
    officer_volume: number;
    pairs_observed: bigint;
  }>(conn, pairCandidatesSql(), { min: config.pairMinObserved });
  const pairsObserved = Number(rows[0]?.pairs_observed ?? 0n);
  const p = rows.map((r) => (r.expected > 0 ? poissonUpperTail(r.observed, r.expected) : 1));
  const all = new Float64Array(Math.max(pairsObserved, p.length)).fill(1);
  all.set(p);
  const q = benjaminiHochberg(all);
  const pairs = rows.map((r, i) => ({
    office: r.office_code,
    officer: r.officer_id,
    declarant: r.declarant_id,
    observed: r.observed,
    expected: r.expected,
    lift: r.expected > 0 ? r.observed / r.expected : Number.POSITIVE_INFINITY,
    manual: r.manual,
    periods: r.periods,
    officerVolume: r.officer_volume,
    p: p[i] ?? 1,
    q: q[i] ?? 1,
  }));
  pairs.sort((a, b) => a.q - b.q || a.p - b.p || b.lift - a.lift);
  return { pairs, pairsObserved };
}
