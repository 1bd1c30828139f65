import { releaseSegments } from '@probity/engine';
import type { ReleaseStandardCell, ReleaseStandards } from '../api/transparency.js';
import type { AnalyticsService } from '../analytics/analytics-service.js';
import { releaseTimesOfRun, segmentDurationsSql } from '../analytics/release-time-queries.js';
import { round, toCount, toNumber, toText } from '../analytics/json-values.js';

/** Cells with fewer declarations than this are not published (docs/surveys.md, transparency). */
export const publishedCellMinimum = 30;

/** The segment the page publishes: lodgement to release, the trader's waiting time. */
export const publishedSegmentId = 'lodgement_release';

/**
 * SQL of the median and 90th percentile of the lodgement-to-release time per
 * office × channel and per channel over all offices (grouping sets), kept
 * durations only (0 to `$maxHours`, as the Time Release Study's rule). Binds
 * `$from`, `$to`, `$maxHours`. Only office codes and channels come out.
 */
export function releaseStandardsSql(): string {
  const segment = releaseSegments.find((s) => s.id === publishedSegmentId);
  if (!segment) throw new Error(`the engine has no ${publishedSegmentId} segment`);
  return `SELECT GROUPING(office_code) AS all_offices, CAST(office_code AS VARCHAR) AS office,
       CAST(channel AS VARCHAR) AS channel, CAST(count(*) AS DOUBLE) AS n,
       quantile_cont(hours, 0.5) AS median_h, quantile_cont(hours, 0.9) AS p90_h
     FROM (${segmentDurationsSql(segment)}) s
     WHERE hours >= 0 AND hours <= $maxHours AND channel IS NOT NULL AND office_code IS NOT NULL
     GROUP BY GROUPING SETS ((office_code, channel), (channel))`;
}

/**
 * The release times the transparency page publishes, from the current
 * analysis run, cached per run by the dashboards' service. Cells under
 * {@link publishedCellMinimum} declarations keep only their office and
 * channel.
 */
export function releaseStandards(service: AnalyticsService): Promise<ReleaseStandards> {
  return service.forRun('transparency-release-standards', null, async (run, reader) => {
    const segment = releaseSegments.find((s) => s.id === publishedSegmentId);
    if (!segment) throw new Error(`the engine has no ${publishedSegmentId} segment`);
    const { maxHours } = await releaseTimesOfRun(run, reader);
    const rows = await reader.query<Record<string, unknown>>(releaseStandardsSql(), {
      from: segment.from,
      to: segment.to,
      maxHours,
    });
    const [period] = await reader.query<Record<string, unknown>>(
      `SELECT CAST(min(lodged_at) AS DATE)::VARCHAR AS first, CAST(max(lodged_at) AS DATE)::VARCHAR AS last
       FROM declarations`,
    );
    const cells: ReleaseStandardCell[] = rows.map((r) => {
      const declarations = toCount(r['n']);
      const office = toNumber(r['all_offices']) === 1 ? null : toText(r['office']);
      const channel = toText(r['channel']) ?? '';
      return declarations < publishedCellMinimum
        ? {
            office,
            channel,
            suppressed: true,
            declarations: null,
            medianHours: null,
            p90Hours: null,
          }
        : {
            office,
            channel,
            suppressed: false,
            declarations,
            medianHours: round(r['median_h'], 3),
            p90Hours: round(r['p90_h'], 3),
          };
    });
    const channelOrder = ['green', 'yellow', 'red', 'blue'];
    cells.sort(
      (a, b) =>
        (a.office === null ? -1 : 0) - (b.office === null ? -1 : 0) ||
        (a.office ?? '').localeCompare(b.office ?? '') ||
        channelOrder.indexOf(a.channel) - channelOrder.indexOf(b.channel),
    );
    return {
      generatedAt: run.generatedAt,
      periodFrom: toText(period?.['first']),
      periodTo: toText(period?.['last']),
      segment: segment.id,
      maxHours,
      minDeclarations: publishedCellMinimum,
      cells,
    };
  });
}
