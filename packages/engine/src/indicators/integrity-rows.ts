import type { AnalysisConfig } from '../analysis/index.js';
import { baseTable } from '../analysis/index.js';
import type { WarehouseConnection } from '../warehouse/index.js';
import { execute, queryValues, sqlIdentifier, sqlString, tableExists } from '../warehouse/index.js';
import type { StandardisedIndicator, UnitKind } from './integrity-catalogue.js';
import { unitKinds } from './integrity-catalogue.js';

/** The base table with the per-declaration facts the integrity indicators need. */
export const integrityBase = 'a_integrity_base';

/** Temp table holding the eligible rows of one indicator. */
export function eventTable(id: string): string {
  return `a_ev_${id}`;
}

const q = sqlIdentifier;

/** SQL: true when a timestamp falls outside the configured working hours of its office. */
export function offHoursSql(config: AnalysisConfig, timestamp: string, office: string): string {
  const outside = (w: AnalysisConfig['workingHours']) =>
    `(isodow(${timestamp}) NOT IN (${w.days.join(', ')}) OR hour(${timestamp}) < ${w.start} OR hour(${timestamp}) >= ${w.end})`;
  const perOffice = Object.entries(config.officeWorkingHours)
    .map(([code, w]) => `WHEN ${office} = ${sqlString(code)} THEN ${outside(w)}`)
    .join(' ');
  return `CASE WHEN ${timestamp} IS NULL THEN NULL ${perOffice} ELSE ${outside(config.workingHours)} END`;
}

/**
 * Builds the integrity base from the analysis base: whether each inspected
 * release was faster than the configured quantile of its stratum, whether it
 * happened off hours, and (when model scores exist) whether the model ranks
 * the declaration in its top decile.
 */
export async function buildIntegrityBase(
  conn: WarehouseConnection,
  config: AnalysisConfig,
): Promise<{ modelScores: boolean; itemValues: boolean }> {
  const strata = stratumColumns(config, 'officer');
  const modelScores = await tableExists(conn, 'declaration_scores');
  const itemValues = await tableExists(conn, 'a_item_values');
  const modelJoin = modelScores
    ? `LEFT JOIN (SELECT declaration_id, score >= quantile_cont(score, 0.9) OVER () AS model_top_decile
                  FROM declaration_scores) s USING (declaration_id)`
    : '';
  await execute(
    conn,
    `CREATE OR REPLACE TEMP TABLE ${integrityBase} AS
     WITH fast AS (
       SELECT ${strata.join(', ')}, quantile_cont(release_hours, $quantile) AS threshold
       FROM ${baseTable} WHERE inspected AND release_hours IS NOT NULL
       GROUP BY ALL
     )
     SELECT d.*,
       CASE WHEN d.inspected AND d.release_hours IS NOT NULL THEN d.release_hours < f.threshold END AS fast_release,
       ${offHoursSql(config, 'd.released_at', 'd.office_code')} AS off_hours,
       ${modelScores ? 'coalesce(s.model_top_decile, false)' : 'false'} AS model_top_decile
     FROM ${baseTable} d
     LEFT JOIN fast f USING (${strata.join(', ')})
     ${modelJoin}`,
    { quantile: config.fastReleaseQuantile },
  );
  return { modelScores, itemValues };
}

/** Stratum columns for a kind of unit: offices are compared across offices, so not within one. */
export function stratumColumns(config: AnalysisConfig, kind: UnitKind): string[] {
  return config.strata
    .filter((s) => !(kind === 'office' && s === 'office'))
    .map((s) => (s === 'office' ? 'office_code' : s));
}

/** Creates the temp table of one indicator's eligible rows, with every unit kind and stratum. */
export async function buildEventTable(
  conn: WarehouseConnection,
  indicator: StandardisedIndicator,
): Promise<void> {
  // Unit values are judged per declaration (any banded item below its band
  // and not re-assessed): items of one declaration are not independent.
  const source =
    indicator.source === 'item_values'
      ? `(SELECT d.*, v.band_level, v.below_band, v.reassessed
          FROM ${integrityBase} d JOIN (
            SELECT declaration_id, 'declaration' AS band_level,
              bool_or(below_band AND NOT reassessed) AS below_band, false AS reassessed
            FROM a_item_values WHERE band_level IS NOT NULL GROUP BY declaration_id
          ) v USING (declaration_id))`
      : integrityBase;
  const units = unitKinds.map(
    (k) => `${indicator.unitSql[k] ?? 'CAST(NULL AS VARCHAR)'} AS ${q(`unit_${k}`)}`,
  );
  await execute(
    conn,
    `CREATE OR REPLACE TEMP TABLE ${q(eventTable(indicator.id))} AS
     SELECT d.declaration_id, ${units.join(', ')},
       d.office_code, d.period, d.risk_channel, d.hs_section,
       CAST(${indicator.eventSql} AS DOUBLE) AS y
     FROM ${source} AS d
     WHERE ${indicator.eligibleSql}`,
  );
}

/** One unit's indirectly standardised figures for one indicator. */
export interface StandardisedRow {
  readonly unit: string;
  /** Office where most of the unit's eligible rows are. */
  readonly office: string;
  /** Eligible rows in strata where the unit has peers. */
  readonly n: number;
  /** Eligible rows in all strata. */
  readonly nAll: number;
  /** O: events (binary) or sum of values (mean). */
  readonly observed: number;
  /** E: Σ over the unit's rows of its stratum's peer rate (or mean), the unit left out. */
  readonly expected: number;
  /** V: Σ p(1 − p) (binary) or Σ peer variance (mean). */
  readonly variance: number;
}

/**
 * Indirect standardisation of one indicator for one kind of unit, in DuckDB:
 * per stratum, the peers' rate excludes the unit itself (leave-one-out);
 * strata where the unit has no peers are left out of O, E and V.
 */
export function standardisedSql(
  config: AnalysisConfig,
  indicator: StandardisedIndicator,
  kind: UnitKind,
): string {
  const strata = stratumColumns(config, kind);
  const cols = strata.map(q).join(', ');
  const unit = q(`unit_${kind}`);
  const expectedTerms =
    indicator.measure === 'binary'
      ? {
          e: 'n * ps1 / pn',
          // Var(O − E): the unit's own binomial variance plus the sampling
          // variance of the peers' rate it is compared with, n²·p(1−p)/N_peers.
          v: '(n + n * n / pn) * (ps1 / pn) * (1 - ps1 / pn)',
          ok: 'pn > 0',
        }
      : {
          e: 'n * ps1 / pn',
          v: '(n + n * n / pn) * greatest((ps2 - ps1 * ps1 / pn) / (pn - 1), 0)',
          ok: 'pn > 1',
        };
  return `WITH ev AS (
    SELECT ${unit} AS unit, office_code, ${cols}, y FROM ${q(eventTable(indicator.id))}
    WHERE ${unit} IS NOT NULL
  ),
  us AS (SELECT unit, ${cols}, count(*) AS n, sum(y) AS s1, sum(y * y) AS s2 FROM ev GROUP BY ALL),
  ss AS (SELECT ${cols}, sum(n) AS n, sum(s1) AS s1, sum(s2) AS s2 FROM us GROUP BY ALL),
  j AS (
    SELECT us.unit, us.n, us.s1, ss.n - us.n AS pn, ss.s1 - us.s1 AS ps1, ss.s2 - us.s2 AS ps2
    FROM us JOIN ss USING (${cols})
  ),
  offices AS (SELECT unit, mode(office_code) AS office FROM ev GROUP BY unit)
  SELECT j.unit, o.office,
    CAST(coalesce(sum(j.n) FILTER (WHERE ${expectedTerms.ok}), 0) AS DOUBLE) AS n,
    CAST(sum(j.n) AS DOUBLE) AS n_all,
    coalesce(sum(j.s1) FILTER (WHERE ${expectedTerms.ok}), 0) AS observed,
    coalesce(sum(${expectedTerms.e}) FILTER (WHERE ${expectedTerms.ok}), 0) AS expected,
    coalesce(sum(${expectedTerms.v}) FILTER (WHERE ${expectedTerms.ok}), 0) AS variance
  FROM j JOIN offices o USING (unit)
  GROUP BY j.unit, o.office
  ORDER BY j.unit`;
}

/** Runs {@link standardisedSql}: one row per unit of the kind. */
export async function standardisedRows(
  conn: WarehouseConnection,
  config: AnalysisConfig,
  indicator: StandardisedIndicator,
  kind: UnitKind,
): Promise<StandardisedRow[]> {
  const rows = await queryValues<{
    unit: string;
    office: string;
    n: number;
    n_all: number;
    observed: number;
    expected: number;
    variance: number;
  }>(conn, standardisedSql(config, indicator, kind));
  return rows.map((r) => ({
    unit: r.unit,
    office: r.office,
    n: r.n,
    nAll: r.n_all,
    observed: r.observed,
    expected: r.expected,
    variance: r.variance,
  }));
}
