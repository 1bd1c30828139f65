import type { AnalysisConfig } from '../analysis/index.js';
import type { WarehouseConnection } from '../warehouse/index.js';
import { execute, queryValues } from '../warehouse/index.js';

/** Persisted table of the unit-value reference bands. */
export const unitValueBandsTable = 'analysis_unit_value_bands';

/**
 * Temporary table of every item with its unit value and its band, read by the
 * undervaluation indicator. Columns:
 * - `declaration_id`, `item_no`: the item;
 * - `hs6`: first 6 digits of `hs_code`; `origin_country` as declared;
 * - `declared_value`, `net_mass_kg`: as declared;
 * - `value_per_kg`: declared_value / net_mass_kg, NULL unless net mass > 0
 *   and value ≥ 0 (a zero value per kg is kept: it is below any band);
 * - `band_low_per_kg`, `band_high_per_kg`: the band applied, in the national
 *   currency per kg, NULL when the item is not judged (no band for its HS6,
 *   or no value per kg);
 * - `band_level`: `'hs6_origin'` when the HS6 × origin band was used (that
 *   cell has at least `minBandItems` items), `'hs6'` when the HS6 band was,
 *   NULL when the item is not judged (then `below_band` is NULL too);
 * - `robust_z`: (ln value_per_kg − band median) / scaled MAD, NULL when not judged;
 * - `below_band`: TRUE/FALSE when the item has a value per kg and a band
 *   (value per kg below the band's low end), NULL when it cannot be judged —
 *   so `below_band IS NOT NULL` is the undervaluation indicator's eligibility;
 * - `reassessed`: assessed_value is present and differs from declared_value
 *   (never NULL).
 */
export const itemValuesTable = 'a_item_values';

/** Consistency constant of the MAD for a normal distribution: 1/Φ⁻¹(3/4). */
export const madNormalScale = 1.4826;

/**
 * Scale of the mean absolute deviation from the median for a normal
 * distribution (√(π/2)), used when the MAD is 0 (IBM SPSS's rule for the
 * modified z-score of Iglewicz and Hoaglin).
 */
export const meanAbsoluteDeviationScale = 1.2533;

/** What the unit-value step found, for the analysis result. */
export interface UnitValueSummary {
  /** Bands formed: per HS6 (origin NULL) and per HS6 × origin. */
  readonly hs6Bands: number;
  readonly originBands: number;
  /** All items, items with a value per kg, items judged against a band. */
  readonly items: number;
  readonly itemsWithValuePerKg: number;
  readonly itemsBanded: number;
  /** Items judged against the origin-specific band. */
  readonly itemsOriginBand: number;
  readonly itemsBelowBand: number;
  /** Below the band and accepted as declared (not re-assessed). */
  readonly itemsBelowBandNotReassessed: number;
  readonly madK: number;
  readonly minBandItems: number;
}

/**
 * SQL creating `analysis_unit_value_bands`: per HS6 (origin_country NULL)
 * and per HS6 × origin with at least `$min` items of net mass > 0 and value
 * > 0, the median and the MAD of ln(value per kg). DuckDB's mad() is
 * unscaled (median |x − median|); it is multiplied by 1.4826 so that it
 * estimates the standard deviation of normal data. Where the MAD is 0
 * (more than half the items share one unit value), 1.2533 × the mean
 * absolute deviation from the median is used instead (scale_method
 * 'mean_ad'), so one dominant price does not shrink the band to a point.
 * Band: median ± `$k` × scale on the log scale, and its ends per kg.
 */
export function unitValueBandsSql(): string {
  return `CREATE OR REPLACE TABLE ${unitValueBandsTable} AS
  WITH v AS (
    SELECT left(hs_code, 6) AS hs6, origin_country, ln(declared_value / net_mass_kg) AS lv
    FROM items WHERE net_mass_kg > 0 AND declared_value > 0
  ),
  by_hs6 AS (
    SELECT hs6, CAST(NULL AS VARCHAR) AS origin_country, count(*) AS n,
      median(lv) AS median_log, mad(lv) AS mad_raw
    FROM v GROUP BY hs6 HAVING count(*) >= $min
  ),
  by_origin AS (
    SELECT hs6, origin_country, count(*) AS n, median(lv) AS median_log, mad(lv) AS mad_raw
    FROM v WHERE origin_country IS NOT NULL
    GROUP BY hs6, origin_country HAVING count(*) >= $min
  ),
  bands AS (SELECT * FROM by_hs6 UNION ALL SELECT * FROM by_origin),
  mean_ad AS (
    SELECT b.hs6, b.origin_country, avg(abs(v.lv - b.median_log)) AS mean_ad
    FROM bands b JOIN v ON v.hs6 = b.hs6
      AND (b.origin_country IS NULL OR v.origin_country = b.origin_country)
    WHERE b.mad_raw = 0
    GROUP BY ALL
  ),
  scaled AS (
    SELECT b.hs6, b.origin_country, CAST(b.n AS INTEGER) AS n, b.median_log,
      CASE WHEN b.mad_raw > 0 THEN ${madNormalScale} * b.mad_raw
           ELSE ${meanAbsoluteDeviationScale} * coalesce(m.mean_ad, 0) END AS mad_log,
      CASE WHEN b.mad_raw > 0 THEN 'mad' ELSE 'mean_ad' END AS scale_method
    FROM bands b LEFT JOIN mean_ad m
      ON m.hs6 = b.hs6 AND m.origin_country IS NOT DISTINCT FROM b.origin_country
  )
  SELECT hs6, origin_country, n, median_log, mad_log,
    median_log - $k * mad_log AS low_log, median_log + $k * mad_log AS high_log,
    exp(median_log - $k * mad_log) AS low_value_per_kg,
    exp(median_log + $k * mad_log) AS high_value_per_kg, scale_method
  FROM scaled ORDER BY hs6, origin_country NULLS FIRST`;
}

/**
 * SQL creating the temporary table `a_item_values` (see {@link itemValuesTable}):
 * each item with its value per kg, judged against the HS6 × origin band when
 * there is one, else the HS6 band. The comparison is made on the log scale,
 * where the band was formed; a zero declared value with a positive mass is
 * below any band.
 */
export function itemValuesSql(): string {
  return `CREATE OR REPLACE TEMP TABLE ${itemValuesTable} AS
  WITH i AS (
    SELECT declaration_id, item_no, left(hs_code, 6) AS hs6, origin_country,
      declared_value, net_mass_kg, assessed_value,
      CASE WHEN net_mass_kg > 0 AND declared_value >= 0
        THEN declared_value / net_mass_kg END AS value_per_kg
    FROM items
  ),
  judged AS (
    SELECT i.*, coalesce(bo.low_log, bh.low_log) AS low_log,
      coalesce(bo.median_log, bh.median_log) AS median_log,
      coalesce(bo.mad_log, bh.mad_log) AS mad_log,
      coalesce(bo.low_value_per_kg, bh.low_value_per_kg) AS band_low_per_kg,
      coalesce(bo.high_value_per_kg, bh.high_value_per_kg) AS band_high_per_kg,
      CASE WHEN i.value_per_kg IS NULL THEN NULL
        WHEN bo.hs6 IS NOT NULL THEN 'hs6_origin' WHEN bh.hs6 IS NOT NULL THEN 'hs6' END
        AS band_level
    FROM i
    -- Equality-only join keys (the band's filters in subqueries, the item's
    -- value tested in the CASE below) so that DuckDB uses hash joins: a
    -- condition on one side only in ON turns them into slow nested loops.
    LEFT JOIN (SELECT * FROM ${unitValueBandsTable} WHERE origin_country IS NULL) bh
      ON bh.hs6 = i.hs6
    LEFT JOIN (SELECT * FROM ${unitValueBandsTable} WHERE origin_country IS NOT NULL) bo
      ON bo.hs6 = i.hs6 AND bo.origin_country = i.origin_country
  )
  SELECT declaration_id, item_no, hs6, origin_country, declared_value, net_mass_kg, value_per_kg,
    CASE WHEN band_level IS NOT NULL THEN band_low_per_kg END AS band_low_per_kg,
    CASE WHEN band_level IS NOT NULL THEN band_high_per_kg END AS band_high_per_kg, band_level,
    CASE WHEN value_per_kg > 0 AND band_level IS NOT NULL AND mad_log > 0
      THEN (ln(value_per_kg) - median_log) / mad_log END AS robust_z,
    CASE WHEN band_level IS NULL THEN NULL
         WHEN value_per_kg = 0 THEN TRUE
         ELSE ln(value_per_kg) < low_log END AS below_band,
    coalesce(assessed_value IS NOT NULL AND assessed_value <> declared_value, FALSE) AS reassessed
  FROM judged`;
}

/** SQL summarising the bands and `a_item_values` (one row). */
export function unitValueSummarySql(): string {
  return `SELECT
    (SELECT count(*) FROM ${unitValueBandsTable} WHERE origin_country IS NULL)::INTEGER AS hs6_bands,
    (SELECT count(*) FROM ${unitValueBandsTable} WHERE origin_country IS NOT NULL)::INTEGER AS origin_bands,
    count(*)::INTEGER AS items,
    count(value_per_kg)::INTEGER AS items_with_value_per_kg,
    count(below_band)::INTEGER AS items_banded,
    count(*) FILTER (WHERE band_level = 'hs6_origin' AND below_band IS NOT NULL)::INTEGER AS items_origin_band,
    count(*) FILTER (WHERE below_band)::INTEGER AS items_below_band,
    count(*) FILTER (WHERE below_band AND NOT reassessed)::INTEGER AS items_below_not_reassessed
  FROM ${itemValuesTable}`;
}

/**
 * Unit-value reference bands (domain.md §4): persists
 * `analysis_unit_value_bands`, builds the temporary `a_item_values` the
 * undervaluation indicator reads, and returns a summary.
 */
export async function unitValueBands(
  conn: WarehouseConnection,
  config: AnalysisConfig,
): Promise<UnitValueSummary> {
  await execute(conn, unitValueBandsSql(), { min: config.minBandItems, k: config.madK });
  await execute(conn, itemValuesSql());
  const [row] = await queryValues<{
    hs6_bands: number;
    origin_bands: number;
    items: number;
    items_with_value_per_kg: number;
    items_banded: number;
    items_origin_band: number;
    items_below_band: number;
    items_below_not_reassessed: number;
  }>(conn, unitValueSummarySql());
  return {
    hs6Bands: row?.hs6_bands ?? 0,
    originBands: row?.origin_bands ?? 0,
    items: row?.items ?? 0,
    itemsWithValuePerKg: row?.items_with_value_per_kg ?? 0,
    itemsBanded: row?.items_banded ?? 0,
    itemsOriginBand: row?.items_origin_band ?? 0,
    itemsBelowBand: row?.items_below_band ?? 0,
    itemsBelowBandNotReassessed: row?.items_below_not_reassessed ?? 0,
    madK: config.madK,
    minBandItems: config.minBandItems,
  };
}
