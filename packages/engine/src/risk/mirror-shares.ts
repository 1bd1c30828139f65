import { mirrorGapsTable } from './mirror-cells.js';
import { mirrorFlowsTable } from './mirror-flows.js';

/** Persisted table of each declarant's and office's share of the largest mirror gaps. */
export const mirrorSharesTable = 'analysis_mirror_shares';

/**
 * SQL creating `analysis_mirror_shares`: for each declarant and each office
 * (`kind`, `unit_id`, real ids: pseudonyms are applied on output), over the
 * declared imports that fall in two-sided mirror cells: declarations and
 * declared value (USD), the value and declarations in top-gap cells,
 * `share_in_top` = top-gap value / declared value, `overall_share` = the
 * same over all units, `lift` = share_in_top / overall_share, and
 * `excess_usd` = top-gap value − overall_share × declared value (the value
 * in top-gap cells beyond what the unit's size predicts). `rank` orders
 * each kind by excess_usd, which weighs a high lift by the value behind it,
 * so a unit with one small declaration does not head the list.
 */
export function mirrorSharesSql(): string {
  return `CREATE OR REPLACE TABLE ${mirrorSharesTable} AS
  WITH fc AS (
    SELECT f.declaration_id, f.declarant_id, f.office_code, f.value_usd, g.top_gap
    FROM ${mirrorFlowsTable} f JOIN ${mirrorGapsTable} g
      ON g.hs6 = f.hs6 AND g.partner_country = f.partner_country AND g.period = f.cell_period
    WHERE f.status = 'ok'
  ),
  units AS (
    SELECT 'declarant' AS kind, declarant_id AS unit_id, declaration_id, value_usd, top_gap FROM fc
    UNION ALL
    SELECT 'office' AS kind, office_code AS unit_id, declaration_id, value_usd, top_gap FROM fc
  ),
  agg AS (
    SELECT kind, unit_id, count(DISTINCT declaration_id) AS declarations,
      sum(value_usd) AS declared_usd,
      count(DISTINCT declaration_id) FILTER (WHERE top_gap) AS top_gap_declarations,
      coalesce(sum(value_usd) FILTER (WHERE top_gap), 0) AS top_gap_usd
    FROM units GROUP BY kind, unit_id
  ),
  overall AS (
    SELECT kind, sum(top_gap_usd) / nullif(sum(declared_usd), 0) AS overall_share
    FROM agg GROUP BY kind
  ),
  measured AS (
    SELECT a.kind, a.unit_id, CAST(a.declarations AS INTEGER) AS declarations, a.declared_usd,
      CAST(a.top_gap_declarations AS INTEGER) AS top_gap_declarations, a.top_gap_usd,
      a.top_gap_usd / nullif(a.declared_usd, 0) AS share_in_top, o.overall_share,
      a.top_gap_usd / nullif(a.declared_usd, 0) / nullif(o.overall_share, 0) AS lift,
      a.top_gap_usd - o.overall_share * a.declared_usd AS excess_usd
    FROM agg a JOIN overall o USING (kind)
  )
  SELECT *, CAST(row_number() OVER (
      PARTITION BY kind ORDER BY excess_usd DESC NULLS LAST, unit_id
    ) AS INTEGER) AS rank
  FROM measured ORDER BY kind, rank`;
}
