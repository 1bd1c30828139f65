import type { ReleaseSegment } from '@probity/engine';
import { releaseSegments } from '@probity/engine';
import type {
  ReleaseDistributionResponse,
  ReleaseTimeStat,
  ReleaseTimesResponse,
} from '../api/analytics-release-times.js';
import type { AnalysisRun, AnalyticsService } from './analytics-service.js';
import { runRef } from './analytics-service.js';
import type { AnalyticsReader } from './analytics-reader.js';
import { round, toCount, toNumber, toText } from './json-values.js';

interface StoredSection {
  maxHours: number;
  extremeRule: { en: string; fr: string };
  coverage: ReleaseTimesResponse['coverage'];
  rows: {
    segment: string;
    breakdown: string;
    groupValue: string | null;
    period: string | null;
    n: number;
    nExcluded: number;
    meanHours: number | null;
    medianHours: number | null;
    p90Hours: number | null;
    minHours: number | null;
    maxHours: number | null;
    within24h: number | null;
    within48h: number | null;
  }[];
}

/** An extension's stored section (`analysis_sections`), parsed; null when absent. */
export async function storedSection<T>(reader: AnalyticsReader, name: string): Promise<T | null> {
  const [row] = await reader.query<{ content: string }>(
    `SELECT content FROM analysis_sections WHERE name = $1`,
    [name],
  );
  return row ? (JSON.parse(row.content) as T) : null;
}

const defaultMaxHours = 24 * 90;

/** The Time Release Study of the run: segments, rule, coverage and every statistic. */
export async function releaseTimesOfRun(
  run: AnalysisRun,
  reader: AnalyticsReader,
): Promise<ReleaseTimesResponse> {
  const section = await storedSection<StoredSection>(reader, 'release_times');
  const stats: ReleaseTimeStat[] = (section?.rows ?? []).map((r) => ({
    segment: r.segment,
    breakdown: r.breakdown,
    group: r.groupValue,
    period: r.period,
    n: toCount(r.n),
    nExcluded: toCount(r.nExcluded),
    meanHours: round(r.meanHours),
    medianHours: round(r.medianHours),
    p90Hours: round(r.p90Hours),
    minHours: round(r.minHours),
    maxHours: round(r.maxHours),
    within24h: round(r.within24h),
    within48h: round(r.within48h),
  }));
  return {
    run: runRef(run),
    segments: releaseSegments.map((s) => ({
      id: s.id,
      from: s.from,
      to: s.to,
      name: { ...s.name },
      endsAtRelease: s.endsAtRelease,
    })),
    maxHours: toNumber(section?.maxHours) ?? defaultMaxHours,
    extremeRule: section?.extremeRule ?? { en: '', fr: '' },
    coverage: section?.coverage ?? {
      declarations: 0,
      withMilestones: 0,
      lodgementReleaseFromDeclaration: 0,
    },
    stats,
  };
}

/** Histogram edges in hours: fine for short durations, coarse for long ones. */
export const histogramEdgesHours = [
  0, 1, 2, 4, 6, 8, 12, 18, 24, 36, 48, 72, 96, 120, 168, 240, 336, 504, 720,
] as const;

/** Grouping columns of the distributions (allow-listed, never from a request). */
const groupColumns = {
  channel: 'channel',
  office: 'office_code',
  transport_mode: 'transport_mode',
} as const;

/** A grouping of the distributions. */
export type DistributionGrouping = 'overall' | keyof typeof groupColumns;

/**
 * SQL of one segment's durations per declaration (hours), with its channel,
 * office and transport mode, computed like the Time Release Study: first
 * time of each milestone; the declaration's `lodged_at`/`released_at` when a
 * fallback segment lacks a milestone. Binds `$from` and `$to`.
 */
export function segmentDurationsSql(segment: ReleaseSegment): string {
  const fromMilestones = `date_diff('second', m.t_from, m.t_to) / 3600.0`;
  const hours = segment.declarationFallback
    ? `CASE WHEN m.t_from IS NOT NULL AND m.t_to IS NOT NULL THEN ${fromMilestones}
         ELSE date_diff('second', d.lodged_at, d.released_at) / 3600.0 END`
    : fromMilestones;
  return `WITH m AS (
       SELECT declaration_id,
         min("at") FILTER (WHERE milestone = $from) AS t_from,
         min("at") FILTER (WHERE milestone = $to) AS t_to
       FROM milestones WHERE milestone IN ($from, $to) GROUP BY declaration_id
     )
     SELECT d.final_channel AS channel, d.office_code,
       coalesce(d.transport_mode, 'unknown') AS transport_mode, ${hours} AS hours
     FROM declarations d ${segment.declarationFallback ? 'LEFT ' : ''}JOIN m USING (declaration_id)`;
}

/**
 * SQL of the histograms of a segment's kept durations on
 * {@link histogramEdgesHours}, for every grouping at once (grouping sets):
 * per group and bin, and per group (bin NULL) with its median. Binds
 * `$from`, `$to` and `$maxHours`.
 */
export function histogramSql(segment: ReleaseSegment): string {
  const bin = `CASE ${histogramEdgesHours
    .slice(1)
    .map((edge, i) => `WHEN hours < ${edge} THEN ${i}`)
    .join(' ')} ELSE ${histogramEdgesHours.length - 1} END`;
  const columns = Object.values(groupColumns);
  const sets = [...columns.flatMap((c) => [`(${c}, bin)`, `(${c})`]), '(bin)', '()'];
  return `WITH kept AS (
       SELECT channel, office_code, transport_mode, hours, ${bin} AS bin
       FROM (${segmentDurationsSql(segment)}) s WHERE hours >= 0 AND hours <= $maxHours
     )
     SELECT ${columns.map((c) => `GROUPING(${c}) AS g_${c}, CAST(${c} AS VARCHAR) AS ${c}`).join(', ')},
       bin, CAST(count(*) AS DOUBLE) AS n, quantile_cont(hours, 0.5) AS median_h
     FROM kept GROUP BY GROUPING SETS (${sets.join(', ')})`;
}

type HistogramRow = Record<string, string | number | null>;

/** Every histogram row of one segment (all groupings), cached per run and segment. */
export function segmentHistogramRows(
  service: AnalyticsService,
  reader: AnalyticsReader,
  segment: ReleaseSegment,
  maxHours: number,
): Promise<HistogramRow[]> {
  return service.forRun('histogram-rows', { segment: segment.id, maxHours }, () =>
    reader.query<HistogramRow>(histogramSql(segment), {
      from: segment.from,
      to: segment.to,
      maxHours,
    }),
  );
}

/** Histograms of one segment's kept durations per channel, office, transport mode or overall. */
export async function releaseDistribution(
  service: AnalyticsService,
  run: AnalysisRun,
  reader: AnalyticsReader,
  segmentId: string,
  by: DistributionGrouping,
  maxHours: number,
): Promise<ReleaseDistributionResponse> {
  const segment = releaseSegments.find((s) => s.id === segmentId) ?? releaseSegments[0];
  if (!segment) throw new Error('the engine defines no release segments');
  const rows = await segmentHistogramRows(service, reader, segment, maxHours);
  const column = by === 'overall' ? null : groupColumns[by];
  // The rows of this grouping: its column grouped, every other column rolled up.
  const mine = rows.filter((r) =>
    Object.values(groupColumns).every((c) => toNumber(r[`g_${c}`]) === (c === column ? 0 : 1)),
  );
  const edges: number[] = [...histogramEdgesHours.filter((e) => e < maxHours), maxHours];
  const groupOf = (r: HistogramRow) => (column ? toText(r[column]) : null);
  const groups = new Map<string | null, ReleaseDistributionResponse['groups'][number]>();
  for (const r of mine) {
    if (r['bin'] !== null) continue;
    groups.set(groupOf(r), {
      group: groupOf(r),
      n: toCount(r['n']),
      medianHours: round(r['median_h']),
      bins: edges.slice(0, -1).map((from, i) => ({
        fromHours: from,
        toHours: edges[i + 1] ?? maxHours,
        count: 0,
      })),
    });
  }
  for (const r of mine) {
    if (r['bin'] === null) continue;
    const bins = groups.get(groupOf(r))?.bins;
    const target = bins?.[Math.min(toCount(r['bin']), bins.length - 1)];
    if (target) target.count += toCount(r['n']);
  }
  return {
    run: runRef(run),
    segment: segment.id,
    by,
    edgesHours: edges,
    groups: [...groups.values()].sort((a, b) => (a.group ?? '').localeCompare(b.group ?? '')),
  };
}
