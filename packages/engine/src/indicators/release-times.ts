/**
 * Time Release Study: durations between clearance milestones, summarised by
 * segment and breakdown in DuckDB, persisted into `analysis_release_times`.
 */
import type { AnalysisConfig } from '../analysis/index.js';
import { baseTable } from '../analysis/index.js';
import { milestoneNames } from '../contract/index.js';
import type { WarehouseConnection } from '../warehouse/index.js';
import { execute, queryValues } from '../warehouse/index.js';
import { ensureAnalysisBase } from './performance-base.js';
import type {
  ReleaseBreakdown,
  ReleaseSegment,
  ReleaseSegmentId,
  ReleaseTimeSource,
} from './release-segments.js';
import { releaseBreakdowns, releaseExtremeRule, releaseSegments } from './release-segments.js';

/** Warehouse table holding the Time Release Study results (long format). */
export const releaseTimesTable = 'analysis_release_times';

/** Temporary table with one row per declaration and its first milestones. */
export const releaseTimelineTable = 'a_trs_timeline';

const resultsTable = 'a_trs_results';

/** Statistics of one segment for one group. Hours are decimal hours. */
export interface ReleaseTimeRow {
  readonly segment: ReleaseSegmentId;
  readonly breakdown: ReleaseBreakdown;
  /** The channel, office, transport mode or HS section; null for `overall`. */
  readonly groupValue: string | null;
  /** Period label, for the `office_period` breakdown only. */
  readonly period: string | null;
  /** Durations kept (within 0 and trsMaxHours). */
  readonly n: number;
  /** Durations left out by the extreme-value rule. */
  readonly nExcluded: number;
  /** Of the excluded, those below 0 hours. */
  readonly nNegative: number;
  /** Kept durations taken from `lodged_at`/`released_at` rather than milestones. */
  readonly nFromDeclaration: number;
  readonly meanHours: number | null;
  readonly medianHours: number | null;
  /** 90th percentile, linear interpolation between order statistics (type 7). */
  readonly p90Hours: number | null;
  readonly minHours: number | null;
  readonly maxHours: number | null;
  /** Share of kept durations of at most 24 hours; null unless the segment ends at release. */
  readonly within24h: number | null;
  /** Share of kept durations of at most 48 hours; null unless the segment ends at release. */
  readonly within48h: number | null;
  /** Where the durations came from; null when the group has none. */
  readonly source: ReleaseTimeSource | null;
}

/** The Time Release Study, ready for JSON. */
export interface ReleaseTimesResult {
  readonly table: string;
  /** Ceiling of the extreme-value rule (config.trsMaxHours). */
  readonly maxHours: number;
  readonly extremeRule: { readonly en: string; readonly fr: string };
  readonly segments: readonly ReleaseSegment[];
  readonly coverage: {
    readonly declarations: number;
    /** Declarations with at least one milestone. */
    readonly withMilestones: number;
    /** Released declarations whose lodgement→release came from `lodged_at`/`released_at`. */
    readonly lodgementReleaseFromDeclaration: number;
  };
  readonly rows: readonly ReleaseTimeRow[];
}

const milestoneColumn = (name: string) => `m_${name}`;

/**
 * SQL creating {@link releaseTimelineTable}: each declaration of the analysis
 * base with its grouping columns and the first time each milestone occurred.
 */
export function releaseTimelineSql(): string {
  const firsts = milestoneNames
    .map((m) => `min("at") FILTER (WHERE milestone = '${m}') AS ${milestoneColumn(m)}`)
    .join(',\n         ');
  const columns = milestoneNames.map((m) => `m.${milestoneColumn(m)}`).join(', ');
  return `CREATE OR REPLACE TEMP TABLE ${releaseTimelineTable} AS
     WITH m AS (
       SELECT declaration_id,
         ${firsts}
       FROM milestones GROUP BY declaration_id
     )
     SELECT d.declaration_id, d.office_code, d.period, d.final_channel AS channel,
       coalesce(d.transport_mode, 'unknown') AS transport_mode, d.hs_section,
       d.lodged_at, d.released_at, m.declaration_id IS NOT NULL AS has_milestones, ${columns}
     FROM ${baseTable} d LEFT JOIN m USING (declaration_id)`;
}

const hoursBetween = (from: string, to: string) => `date_diff('second', ${from}, ${to}) / 3600.0`;

/** SQL for a segment's duration in hours and its source, over a timeline row. */
function segmentExpressions(segment: ReleaseSegment): { hours: string; source: string } {
  const from = milestoneColumn(segment.from);
  const to = milestoneColumn(segment.to);
  const fromMilestones = hoursBetween(from, to);
  if (!segment.declarationFallback) return { hours: fromMilestones, source: `'milestones'` };
  const both = `${from} IS NOT NULL AND ${to} IS NOT NULL`;
  return {
    hours: `CASE WHEN ${both} THEN ${fromMilestones} ELSE ${hoursBetween('lodged_at', 'released_at')} END`,
    source: `CASE WHEN ${both} THEN 'milestones' ELSE 'declaration' END`,
  };
}

/** Grouping columns of each breakdown: the group value, then the period for office × period. */
const breakdownColumns: Readonly<Record<ReleaseBreakdown, readonly string[]>> = {
  overall: [],
  channel: ['channel'],
  office: ['office_code'],
  transport_mode: ['transport_mode'],
  hs_section: ['hs_section'],
  office_period: ['office_code', 'period'],
};

/**
 * SQL of one segment's statistics for every breakdown, in the columns of
 * {@link releaseTimesTable}. Binds `$maxHours` (config.trsMaxHours).
 */
export function releaseSegmentSql(segment: ReleaseSegment): string {
  const { hours, source } = segmentExpressions(segment);
  // Excluded durations become NULL in kept_hours, which every statistic
  // ignores: much faster in DuckDB than a FILTER clause on quantile_cont.
  const share = (limit: number) =>
    segment.endsAtRelease
      ? `avg(CASE WHEN kept_hours IS NULL THEN NULL WHEN kept_hours <= ${limit} THEN 1.0 ELSE 0.0 END)`
      : 'CAST(NULL AS DOUBLE)';
  const statistics = `count(kept_hours) AS n,
       count(*) - count(kept_hours) AS n_excluded,
       count(*) FILTER (WHERE hours < 0) AS n_negative,
       count(kept_hours) FILTER (WHERE source = 'declaration') AS n_from_declaration,
       avg(kept_hours) AS mean_h,
       quantile_cont(kept_hours, 0.5) AS median_h,
       quantile_cont(kept_hours, 0.9) AS p90_h,
       min(kept_hours) AS min_h,
       max(kept_hours) AS max_h,
       ${share(24)} AS within_24h,
       ${share(48)} AS within_48h,
       CASE WHEN count(*) = 0 THEN NULL
         WHEN count(*) FILTER (WHERE source = 'declaration') = 0 THEN 'milestones'
         WHEN count(*) FILTER (WHERE source = 'milestones') = 0 THEN 'declaration'
         ELSE 'mixed' END AS source`;
  // One plain GROUP BY per breakdown: faster than GROUPING SETS here, and the
  // overall branch (no GROUP BY) gives a row even when there is no duration.
  const branches = releaseBreakdowns.map((b) => {
    const [value, period] = breakdownColumns[b.id];
    const keys = breakdownColumns[b.id];
    return `SELECT '${segment.id}' AS segment, '${b.id}' AS breakdown,
       CAST(${value ?? 'NULL'} AS VARCHAR) AS group_value, CAST(${period ?? 'NULL'} AS VARCHAR) AS period,
       ${statistics}
     FROM s${keys.length > 0 ? ` GROUP BY ${keys.join(', ')}` : ''}`;
  });
  return `WITH s AS (
       SELECT *, CASE WHEN hours >= 0 AND hours <= $maxHours THEN hours END AS kept_hours
       FROM (
         SELECT office_code, period, channel, transport_mode, hs_section,
           ${hours} AS hours, ${source} AS source
         FROM ${releaseTimelineTable}
       ) WHERE hours IS NOT NULL
     )
     ${branches.join('\n     UNION ALL\n     ')}`;
}

/** SQL creating the empty table the segment statistics are collected in. */
export function releaseResultsTableSql(table: string, temporary = false): string {
  return `CREATE OR REPLACE ${temporary ? 'TEMP ' : ''}TABLE ${table} (
     segment VARCHAR NOT NULL, breakdown VARCHAR NOT NULL, group_value VARCHAR, period VARCHAR,
     n BIGINT NOT NULL, n_excluded BIGINT NOT NULL, n_negative BIGINT NOT NULL,
     n_from_declaration BIGINT NOT NULL,
     mean_h DOUBLE, median_h DOUBLE, p90_h DOUBLE, min_h DOUBLE, max_h DOUBLE,
     within_24h DOUBLE, within_48h DOUBLE, source VARCHAR)`;
}

/**
 * SQL counting declarations, those with milestones, and released declarations
 * whose lodgement→release came from `lodged_at`/`released_at`.
 */
export function releaseCoverageSql(): string {
  const fallbacks = releaseSegments
    .filter((s) => s.declarationFallback)
    .map((s) => `(${segmentExpressions(s).source}) = 'declaration'`);
  const fallback = fallbacks.length > 0 ? fallbacks.join(' OR ') : 'false';
  return `SELECT count(*) AS declarations,
       count(*) FILTER (WHERE has_milestones) AS with_milestones,
       count(*) FILTER (WHERE released_at IS NOT NULL AND (${fallback})) AS fallback
     FROM ${releaseTimelineTable}`;
}

interface StoredRow {
  segment: ReleaseSegmentId;
  breakdown: ReleaseBreakdown;
  group_value: string | null;
  period: string | null;
  n: bigint;
  n_excluded: bigint;
  n_negative: bigint;
  n_from_declaration: bigint;
  mean_h: number | null;
  median_h: number | null;
  p90_h: number | null;
  min_h: number | null;
  max_h: number | null;
  within_24h: number | null;
  within_48h: number | null;
  source: ReleaseTimeSource | null;
}

const rank = <T>(list: readonly T[], value: T) => list.indexOf(value);
const compareText = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');

/**
 * Runs the Time Release Study on the analysis base: per declaration the first
 * time of each milestone, the duration of each segment, and per segment and
 * breakdown n, mean, median, 90th percentile, min, max and (for segments
 * ending at release) the shares within 24 and 48 hours. Durations below 0 or
 * above config.trsMaxHours are excluded and counted. Writes
 * `analysis_release_times` and returns the same figures.
 */
export async function releaseTimes(
  conn: WarehouseConnection,
  config: AnalysisConfig,
): Promise<ReleaseTimesResult> {
  await ensureAnalysisBase(conn, config);
  await execute(conn, releaseTimelineSql());
  await execute(conn, releaseResultsTableSql(resultsTable, true));
  for (const segment of releaseSegments) {
    await execute(conn, `INSERT INTO ${resultsTable} ${releaseSegmentSql(segment)}`, {
      maxHours: config.trsMaxHours,
    });
  }
  await execute(
    conn,
    `CREATE OR REPLACE TABLE ${releaseTimesTable} AS SELECT * FROM ${resultsTable}`,
  );
  const stored = await queryValues<StoredRow>(conn, `SELECT * FROM ${resultsTable}`);
  const [coverage] = await queryValues<{
    declarations: bigint;
    with_milestones: bigint;
    fallback: bigint;
  }>(conn, releaseCoverageSql());
  await execute(conn, `DROP TABLE IF EXISTS ${resultsTable}`);
  await execute(conn, `DROP TABLE IF EXISTS ${releaseTimelineTable}`);

  const breakdownIds = releaseBreakdowns.map((b) => b.id);
  const segmentIds = releaseSegments.map((s) => s.id);
  const rows = stored
    .map((r): ReleaseTimeRow => ({
      segment: r.segment,
      breakdown: r.breakdown,
      groupValue: r.group_value,
      period: r.period,
      n: Number(r.n),
      nExcluded: Number(r.n_excluded),
      nNegative: Number(r.n_negative),
      nFromDeclaration: Number(r.n_from_declaration),
      meanHours: r.mean_h,
      medianHours: r.median_h,
      p90Hours: r.p90_h,
      minHours: r.min_h,
      maxHours: r.max_h,
      within24h: r.within_24h,
      within48h: r.within_48h,
      source: r.source,
    }))
    .sort(
      (a, b) =>
        rank(segmentIds, a.segment) - rank(segmentIds, b.segment) ||
        rank(breakdownIds, a.breakdown) - rank(breakdownIds, b.breakdown) ||
        compareText(a.groupValue, b.groupValue) ||
        compareText(a.period, b.period),
    );
  return {
    table: releaseTimesTable,
    maxHours: config.trsMaxHours,
    extremeRule: releaseExtremeRule(config.trsMaxHours),
    segments: releaseSegments,
    coverage: {
      declarations: Number(coverage?.declarations ?? 0n),
      withMilestones: Number(coverage?.with_milestones ?? 0n),
      lodgementReleaseFromDeclaration: Number(coverage?.fallback ?? 0n),
    },
    rows,
  };
}
