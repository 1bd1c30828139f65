import { weightedLinearRegression } from '../stats/index.js';
import { mirrorGapsTable } from './mirror-cells.js';
import { mirrorFlowsTable } from './mirror-flows.js';

/** One product (HS6) in the tariff–gap regression. */
export interface TariffGapPoint {
  readonly hs6: string;
  /** Value-weighted mean duty rate of the product's import items, in percentage points. */
  readonly tariff_pct: number;
  /** ln(Σ partner CIF / Σ declared) over the product's two-sided cells. */
  readonly log_gap: number;
  /** The product's share of the declared value of all points. */
  readonly weight: number;
}

/** The Fisman–Wei relation across products: log gap = intercept + slope × tariff (points). */
export interface TariffGap {
  /** Change in log gap per tariff percentage point (≈ share of extra evasion per point). */
  readonly slope: number | null;
  /** Standard error of the slope (weighted least squares, σ̂² from the residuals). */
  readonly se: number | null;
  readonly intercept: number | null;
  /** Products in the regression. */
  readonly n: number;
  /** Weighted R² = 1 − Σw r² / Σw (y − ȳ_w)². */
  readonly r2: number | null;
  /** Two-sided products left out for want of a duty rate. */
  readonly productsWithoutTariff: number;
  /** Two-sided products left out because one side sums to 0 (no log gap). */
  readonly productsWithoutLogGap: number;
  readonly points: readonly TariffGapPoint[];
}

/**
 * SQL of the products of the tariff–gap regression: per HS6, the declared
 * and partner CIF values summed over its two-sided cells (every partner and
 * period) and the log gap; the tariff as 100 × Σ value·duty_rate / Σ value
 * over all the product's import items with a duty rate (the tariff is a
 * property of the product, not of the matched flows; rounded to 10⁻⁶ point
 * so that 30% does not print as 29.999999999999993); and the weight, the
 * product's share of the declared value.
 */
export function tariffGapPointsSql(): string {
  return `WITH m AS (
    SELECT hs6, sum(declared_usd) AS declared_usd, sum(partner_cif_usd) AS partner_cif_usd
    FROM ${mirrorGapsTable} GROUP BY hs6
  ),
  t AS (
    SELECT hs6, round(100 * sum(duty_weighted) / nullif(sum(duty_base), 0), 6) AS tariff_pct
    FROM ${mirrorFlowsTable} GROUP BY hs6
  )
  SELECT m.hs6, t.tariff_pct,
    CASE WHEN m.declared_usd > 0 AND m.partner_cif_usd > 0
      THEN ln(m.partner_cif_usd / m.declared_usd) END AS log_gap,
    m.declared_usd / nullif(sum(m.declared_usd) OVER (), 0) AS weight
  FROM m LEFT JOIN t USING (hs6) ORDER BY m.hs6`;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Fisman–Wei (JPE 2004) across products: weighted least squares of the log
 * gap on the tariff in percentage points, weights = declared value share
 * (small products' gaps rest on a few shipments and are the noisiest).
 * Products without a tariff or a log gap are left out; coefficients are
 * null when fewer than two distinct tariffs remain, the standard error and
 * R² when fewer than three products do.
 */
export function tariffGap(
  products: readonly {
    hs6: string;
    tariff_pct: number | null;
    log_gap: number | null;
    weight: number | null;
  }[],
): TariffGap {
  const points: TariffGapPoint[] = [];
  let productsWithoutTariff = 0;
  let productsWithoutLogGap = 0;
  for (const p of products) {
    if (p.tariff_pct === null) productsWithoutTariff++;
    else if (p.log_gap === null || p.weight === null || !(p.weight > 0)) productsWithoutLogGap++;
    else
      points.push({ hs6: p.hs6, tariff_pct: p.tariff_pct, log_gap: p.log_gap, weight: p.weight });
  }
  const y = points.map((p) => p.log_gap);
  const w = points.map((p) => p.weight);
  const fit = weightedLinearRegression(
    points.map((p) => p.tariff_pct),
    y,
    w,
  );
  const sumW = w.reduce((s, v) => s + v, 0);
  const meanY = points.reduce((s, p) => s + p.weight * p.log_gap, 0) / sumW;
  const tss = points.reduce((s, p) => s + p.weight * (p.log_gap - meanY) ** 2, 0);
  const rss = fit.residualVariance * fit.degreesOfFreedom;
  return {
    slope: finite(fit.slope),
    se: finite(fit.slopeStandardError),
    intercept: finite(fit.intercept),
    n: fit.n,
    r2: tss > 0 ? finite(1 - rss / tss) : null,
    productsWithoutTariff,
    productsWithoutLogGap,
    points,
  };
}
