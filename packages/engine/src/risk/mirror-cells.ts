import { mirrorFlowsTable, mirrorPartnerTable } from './mirror-flows.js';

/** Temporary table of every comparison cell, one-sided ones included. */
export const mirrorCellsTable = 'a_mirror_cells';

/** Persisted table of the two-sided mirror cells with their gaps. */
export const mirrorGapsTable = 'analysis_mirror_gaps';

/**
 * SQL creating `a_mirror_cells`: declared imports (flows of status `ok` or
 * `no_fx`) summed per HS6 × partner country × period at the partner's
 * grain, fully joined with the partner rows in use; the partner's FOB value
 * times `$cif` is the expected CIF value. `side` is `both`, `import_only`,
 * `partner_only`, or `no_fx` when any import of the cell has no exchange
 * rate (the cell's dollar total would be short, so it is not compared).
 */
export function mirrorCellsSql(): string {
  return `CREATE OR REPLACE TEMP TABLE ${mirrorCellsTable} AS
  WITH imp AS (
    SELECT hs6, partner_country, cell_period AS period, any_value(grain) AS grain,
      sum(value_national) AS declared_national, sum(value_usd) AS declared_usd,
      count(*) FILTER (WHERE status = 'no_fx') AS flows_no_fx,
      sum(items) AS items, count(DISTINCT declaration_id) AS declarations
    FROM ${mirrorFlowsTable} WHERE status IN ('ok', 'no_fx')
    GROUP BY hs6, partner_country, cell_period
  ),
  par AS (
    SELECT hs6, partner_country, period, CASE WHEN annual THEN 'year' ELSE 'month' END AS grain,
      value_usd AS partner_fob_usd
    FROM ${mirrorPartnerTable} WHERE status = 'used'
  )
  SELECT coalesce(imp.hs6, par.hs6) AS hs6,
    coalesce(imp.partner_country, par.partner_country) AS partner_country,
    coalesce(imp.period, par.period) AS period, coalesce(imp.grain, par.grain) AS grain,
    CAST(coalesce(imp.declarations, 0) AS INTEGER) AS declarations,
    CAST(coalesce(imp.items, 0) AS INTEGER) AS items,
    imp.declared_national,
    CASE WHEN imp.flows_no_fx = 0 THEN imp.declared_usd END AS declared_usd,
    par.partner_fob_usd, par.partner_fob_usd * $cif AS partner_cif_usd,
    CASE WHEN imp.hs6 IS NULL THEN 'partner_only'
         WHEN imp.flows_no_fx > 0 THEN 'no_fx'
         WHEN par.hs6 IS NULL THEN 'import_only'
         ELSE 'both' END AS side
  FROM imp FULL OUTER JOIN par
    ON imp.hs6 = par.hs6 AND imp.partner_country = par.partner_country AND imp.period = par.period`;
}

/**
 * SQL creating `analysis_mirror_gaps` from the two-sided cells: gap =
 * partner CIF − declared (US dollars), ratio = partner CIF / declared,
 * log_gap = ln(ratio) (NULL where a side is 0), the rank by gap (largest
 * first) and `top_gap`: among the ⌈`$share` × cells⌉ largest gaps and
 * positive. (1e-9 is taken off before rounding up so that 0.28 × 25 gives
 * 7 cells, not 8 through floating-point error.)
 */
export function mirrorGapsSql(): string {
  return `CREATE OR REPLACE TABLE ${mirrorGapsTable} AS
  WITH ranked AS (
    SELECT *, partner_cif_usd - declared_usd AS gap_usd,
      row_number() OVER (
        ORDER BY partner_cif_usd - declared_usd DESC, hs6, partner_country, period
      ) AS gap_rank,
      count(*) OVER () AS cells
    FROM ${mirrorCellsTable} WHERE side = 'both'
  )
  SELECT hs6, partner_country, period, grain, declarations, items, declared_national,
    declared_usd, partner_fob_usd, partner_cif_usd, gap_usd,
    CASE WHEN declared_usd > 0 THEN partner_cif_usd / declared_usd END AS ratio,
    CASE WHEN declared_usd > 0 AND partner_cif_usd > 0
      THEN ln(partner_cif_usd / declared_usd) END AS log_gap,
    CAST(gap_rank AS INTEGER) AS gap_rank,
    gap_rank <= ceil($share * cells - 1e-9) AND gap_usd > 0 AS top_gap
  FROM ranked ORDER BY gap_rank`;
}
