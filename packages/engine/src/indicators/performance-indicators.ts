/**
 * Computes the performance catalogue per office × period, per office, per
 * period and overall in DuckDB, persisted into `analysis_performance`.
 */
import type { AnalysisConfig } from '../analysis/index.js';
import { baseTable } from '../analysis/index.js';
import type { WarehouseConnection } from '../warehouse/index.js';
import { execute, queryValues } from '../warehouse/index.js';
import { ensureAnalysisBase } from './performance-base.js';
import type {
  IndicatorDirection,
  IndicatorUnit,
  PerformanceIndicator,
  PerformanceIndicatorId,
  PmmDimension,
  PmmDimensionSpec,
} from './performance-catalogue.js';
import { performanceCatalogue, pmmDimensions } from './performance-catalogue.js';

/** Warehouse table holding the performance indicators (long format). */
export const performanceTable = 'analysis_performance';

/** Temporary table of officers' postings with their length in months. */
export const postingLengthsTable = 'a_perf_postings';

/** Days in the month unit of tenure (365.25 / 12). */
export const daysPerMonth = 30.4375;

/** One indicator's value for one office and period (null office or period: all of them). */
export interface PerformanceRow {
  readonly indicatorId: PerformanceIndicatorId;
  readonly officeCode: string | null;
  readonly period: string | null;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/** An indicator's description, without its SQL, for JSON output. */
export interface PerformanceIndicatorInfo {
  readonly id: PerformanceIndicatorId;
  readonly name: { readonly en: string; readonly fr: string };
  readonly definition: { readonly en: string; readonly fr: string };
  readonly unit: IndicatorUnit;
  readonly direction: IndicatorDirection;
  readonly dimension: PmmDimension;
}

/** The performance indicators, ready for JSON. */
export interface PerformanceResult {
  readonly table: string;
  readonly dimensions: readonly PmmDimensionSpec[];
  readonly catalogue: readonly PerformanceIndicatorInfo[];
  readonly rows: readonly PerformanceRow[];
}

/** Column aliases of an indicator in a wide aggregate. */
const aliases = (i: number) => ({ value: `v${i}`, numerator: `n${i}`, denominator: `d${i}` });

/** SELECT list of the indicators' aggregates, aliased by position. */
function aggregateList(indicators: readonly PerformanceIndicator[]): string {
  return indicators
    .map((indicator, i) => {
      const a = aliases(i);
      return [
        `${indicator.valueSql} AS ${a.value}`,
        `${indicator.numeratorSql ?? 'NULL'} AS ${a.numerator}`,
        `${indicator.denominatorSql ?? 'NULL'} AS ${a.denominator}`,
      ].join(',\n       ');
    })
    .join(',\n       ');
}

/** Turns a wide aggregate (office_code, period, v0, n0, d0, ...) into long rows. */
function longRows(wideSql: string, indicators: readonly PerformanceIndicator[]): string {
  const selects = indicators.map((indicator, i) => {
    const a = aliases(i);
    return `SELECT '${indicator.id}' AS indicator_id, office_code, period,
       CAST(${a.value} AS DOUBLE) AS value, CAST(${a.numerator} AS DOUBLE) AS numerator,
       CAST(${a.denominator} AS DOUBLE) AS denominator FROM wide`;
  });
  return `WITH wide AS (${wideSql})\n     ${selects.join('\n     UNION ALL ')}`;
}

/**
 * SQL of the declaration-based indicators as long rows (indicator_id,
 * office_code, period, value, numerator, denominator), per office × period,
 * office, period and overall. Binds `$trsMaxHours`.
 */
export function performanceDeclarationsSql(
  indicators: readonly PerformanceIndicator[] = performanceCatalogue,
): string {
  const own = indicators.filter((i) => i.source === 'declarations');
  const wide = `SELECT CASE WHEN grouping(office_code) = 0 THEN office_code END AS office_code,
       CASE WHEN grouping(period) = 0 THEN period END AS period,
       ${aggregateList(own)}
     FROM ${baseTable} d
     GROUP BY GROUPING SETS ((office_code, period), (office_code), (period), ())`;
  return longRows(wide, own);
}

/**
 * SQL creating {@link postingLengthsTable}: each posting that started by the
 * day of the latest lodgement, with its length in months, counted to its last
 * day or, when still running then, to the day of the latest lodgement.
 */
export function postingLengthsSql(): string {
  return `CREATE OR REPLACE TEMP TABLE ${postingLengthsTable} AS
     WITH latest AS (SELECT CAST(max(lodged_at) AS DATE) AS last_day FROM ${baseTable}),
     postings AS (
       SELECT o.officer_id, o.office_code, o.valid_from,
         least(coalesce(o.valid_to, l.last_day), l.last_day) AS valid_until
       FROM officers o CROSS JOIN latest l
       WHERE o.valid_from <= l.last_day
     )
     SELECT *, (date_diff('day', valid_from, valid_until) + 1) / ${daysPerMonth} AS months
     FROM postings WHERE valid_until >= valid_from`;
}

const periodLength: Readonly<Record<AnalysisConfig['period'], string>> = {
  month: '1 month',
  quarter: '3 months',
  year: '1 year',
};

/**
 * SQL of the posting-based indicators as long rows. A posting counts in a
 * period when it overlaps the period's calendar span; per office and overall
 * each posting counts once if it overlaps any period of the data.
 */
export function performancePostingsSql(
  period: AnalysisConfig['period'],
  indicators: readonly PerformanceIndicator[] = performanceCatalogue,
): string {
  const own = indicators.filter((i) => i.source === 'postings');
  if (own.length === 0) {
    return `SELECT NULL::VARCHAR AS indicator_id, NULL::VARCHAR AS office_code,
       NULL::VARCHAR AS period, NULL::DOUBLE AS value, NULL::DOUBLE AS numerator,
       NULL::DOUBLE AS denominator WHERE false`;
  }
  const wide = `WITH periods AS (
       SELECT period, CAST(min(date_trunc('${period}', lodged_at)) AS DATE) AS first_day,
         CAST(min(date_trunc('${period}', lodged_at)) + INTERVAL '${periodLength[period]}' AS DATE) - 1 AS last_day
       FROM ${baseTable} GROUP BY period
     )
     SELECT CASE WHEN grouping(p.office_code) = 0 THEN p.office_code END AS office_code,
       q.period AS period,
       ${aggregateList(own)}
     FROM ${postingLengthsTable} p
       JOIN periods q ON p.valid_from <= q.last_day AND p.valid_until >= q.first_day
     GROUP BY GROUPING SETS ((p.office_code, q.period), (q.period))
     UNION ALL
     SELECT CASE WHEN grouping(p.office_code) = 0 THEN p.office_code END AS office_code,
       NULL AS period,
       ${aggregateList(own)}
     FROM ${postingLengthsTable} p
     WHERE p.valid_until >= (SELECT min(first_day) FROM periods)
     GROUP BY GROUPING SETS ((p.office_code), ())`;
  return longRows(wide, own);
}

interface StoredRow {
  indicator_id: PerformanceIndicatorId;
  office_code: string | null;
  period: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

const compareNullFirst = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a.localeCompare(b);

/**
 * Computes every indicator of the performance catalogue per office × period,
 * per office, per period and overall (period = the lodgement period of
 * config.period); writes `analysis_performance` and returns the rows with
 * the catalogue.
 */
export async function performanceIndicators(
  conn: WarehouseConnection,
  config: AnalysisConfig,
): Promise<PerformanceResult> {
  await ensureAnalysisBase(conn, config);
  await execute(conn, postingLengthsSql());
  await execute(
    conn,
    `CREATE OR REPLACE TABLE ${performanceTable} AS
     SELECT * FROM (${performanceDeclarationsSql()})
     UNION ALL
     SELECT * FROM (${performancePostingsSql(config.period)})`,
    { trsMaxHours: config.trsMaxHours },
  );
  await execute(conn, `DROP TABLE IF EXISTS ${postingLengthsTable}`);
  const stored = await queryValues<StoredRow>(conn, `SELECT * FROM ${performanceTable}`);
  const order = performanceCatalogue.map((i) => i.id);
  const rows = stored
    .map((r): PerformanceRow => ({
      indicatorId: r.indicator_id,
      officeCode: r.office_code,
      period: r.period,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
    }))
    .sort(
      (a, b) =>
        order.indexOf(a.indicatorId) - order.indexOf(b.indicatorId) ||
        compareNullFirst(a.officeCode, b.officeCode) ||
        compareNullFirst(a.period, b.period),
    );
  return {
    table: performanceTable,
    dimensions: pmmDimensions,
    catalogue: performanceCatalogue.map(
      ({ id, name, definition, unit, direction, dimension }): PerformanceIndicatorInfo => ({
        id,
        name,
        definition,
        unit,
        direction,
        dimension,
      }),
    ),
    rows,
  };
}
