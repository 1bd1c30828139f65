/** Temporary table of partner export rows with the use made of each. */
export const mirrorPartnerTable = 'a_mirror_partner';

/** Temporary table of declared import flows (declaration × HS6) in US dollars. */
export const mirrorFlowsTable = 'a_mirror_flows';

/** First and last lodgement month of the dataset: the span the partner data is compared over. */
const spanCte = `span AS (
    SELECT min(strftime(lodged_at, '%Y-%m')) AS first_month,
      max(strftime(lodged_at, '%Y-%m')) AS last_month
    FROM declarations
  )`;

/**
 * SQL creating `a_mirror_partner`: every `partner_exports` row with its
 * grain (`annual` when the period is `YYYY`) and its `status`:
 * - `outside_span`: the period lies outside the dataset's lodgement months;
 * - `superseded`: a monthly row of a partner and year for which the partner
 *   also reports the whole year (the annual row is used, so nothing counts twice);
 * - `partial_year`: an annual row for a year the dataset covers only in part
 *   (comparing a whole year of exports with part of a year of imports would
 *   invent a gap);
 * - `used`: compared with declared imports.
 */
export function mirrorPartnerSql(): string {
  return `CREATE OR REPLACE TEMP TABLE ${mirrorPartnerTable} AS
  WITH ${spanCte},
  p AS (
    SELECT period, partner_country, hs6, value_usd,
      length(period) = 4 AS annual, left(period, 4) AS year
    FROM partner_exports
  ),
  annual_years AS (SELECT DISTINCT partner_country, year FROM p WHERE annual)
  SELECT p.period, p.partner_country, p.hs6, p.value_usd, p.annual, p.year,
    CASE
      WHEN span.first_month IS NULL THEN 'outside_span'
      WHEN p.annual AND (p.year < left(span.first_month, 4) OR p.year > left(span.last_month, 4))
        THEN 'outside_span'
      WHEN NOT p.annual AND (p.period < span.first_month OR p.period > span.last_month)
        THEN 'outside_span'
      WHEN NOT p.annual AND a.year IS NOT NULL THEN 'superseded'
      WHEN p.annual AND (span.first_month > p.year || '-01' OR span.last_month < p.year || '-12')
        THEN 'partial_year'
      ELSE 'used'
    END AS status
  FROM p CROSS JOIN span
  LEFT JOIN annual_years a ON a.partner_country = p.partner_country AND a.year = p.year`;
}

/**
 * SQL creating `a_mirror_flows` (run after {@link mirrorPartnerSql}): the
 * declared value of each import declaration per HS6 (items summed), its
 * lodgement month, consignment country (`declarations.partner_country`),
 * declarant and office; the rate `per_usd` of the lodgement month for the
 * currency `$currency` (1 when the currency is USD) and the value in US
 * dollars; the value-weighted duty rate parts (`duty_weighted`,
 * `duty_base`); the grain of the comparison cell (`year` when the partner
 * reports that year as a whole, `month` when it reports months; where the
 * partner reports nothing for that year, `year` if any partner row in the
 * data is annual, else `month`), the cell's `cell_period`, and `status`:
 * `no_partner_country`, `partial_year` (annual cell over a year the
 * dataset covers only in part), `no_fx` (no rate for the month) or `ok`.
 */
export function mirrorFlowsSql(): string {
  return `CREATE OR REPLACE TEMP TABLE ${mirrorFlowsTable} AS
  WITH ${spanCte},
  rates AS (SELECT period, per_usd FROM fx_rates WHERE currency = $currency),
  country_years AS (
    SELECT partner_country, year, bool_or(annual) AS annual FROM ${mirrorPartnerTable} GROUP BY ALL
  ),
  default_grain AS (
    SELECT CASE WHEN bool_or(annual) THEN 'year' ELSE 'month' END AS grain FROM ${mirrorPartnerTable}
  ),
  f AS (
    SELECT i.declaration_id, left(i.hs_code, 6) AS hs6, d.partner_country, d.declarant_id,
      d.office_code, strftime(d.lodged_at, '%Y-%m') AS month,
      count(*) AS items, sum(i.declared_value) AS value_national,
      sum(i.declared_value * i.duty_rate) AS duty_weighted,
      sum(CASE WHEN i.duty_rate IS NOT NULL THEN i.declared_value END) AS duty_base
    FROM items i JOIN declarations d USING (declaration_id)
    WHERE d.procedure = 'import'
    GROUP BY ALL
  ),
  g AS (
    SELECT f.*, left(f.month, 4) AS year,
      CASE WHEN $currency = 'USD' THEN 1.0 ELSE r.per_usd END AS per_usd,
      CASE WHEN cy.annual THEN 'year' WHEN NOT cy.annual THEN 'month' ELSE dg.grain END AS grain
    FROM f CROSS JOIN default_grain dg
    LEFT JOIN rates r ON r.period = f.month
    LEFT JOIN country_years cy ON cy.partner_country = f.partner_country AND cy.year = left(f.month, 4)
  )
  SELECT g.declaration_id, g.hs6, g.partner_country, g.declarant_id, g.office_code, g.month,
    g.year, g.items, g.value_national, g.duty_weighted, g.duty_base, g.per_usd,
    g.value_national / g.per_usd AS value_usd, g.grain,
    CASE g.grain WHEN 'year' THEN g.year ELSE g.month END AS cell_period,
    CASE
      WHEN g.partner_country IS NULL THEN 'no_partner_country'
      WHEN g.grain = 'year'
        AND (span.first_month > g.year || '-01' OR span.last_month < g.year || '-12')
        THEN 'partial_year'
      WHEN g.per_usd IS NULL THEN 'no_fx'
      ELSE 'ok'
    END AS status
  FROM g CROSS JOIN span`;
}
