/** Schemas of the Time Release Study routes (`/api/release-times`). */
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { LocalizedText, NullableNumber, NullableString, RunRef } from './analytics-common.js';

/** Segment ids of the Time Release Study. */
export const ReleaseSegmentId = Type.Union([
  Type.Literal('arrival_lodgement'),
  Type.Literal('lodgement_assessment'),
  Type.Literal('assessment_payment'),
  Type.Literal('payment_release'),
  Type.Literal('release_exit'),
  Type.Literal('inspection'),
  Type.Literal('arrival_release'),
  Type.Literal('lodgement_release'),
]);
/** Segment ids of the Time Release Study. */
export type ReleaseSegmentId = Static<typeof ReleaseSegmentId>;

/** Breakdowns of the segment statistics. */
export const ReleaseBreakdownId = Type.Union([
  Type.Literal('overall'),
  Type.Literal('channel'),
  Type.Literal('office'),
  Type.Literal('transport_mode'),
  Type.Literal('hs_section'),
  Type.Literal('office_period'),
]);
/** Breakdowns of the segment statistics. */
export type ReleaseBreakdownId = Static<typeof ReleaseBreakdownId>;

/** Statistics of one segment for one group (hours are decimal hours). */
export const ReleaseTimeStat = Type.Object({
  segment: Type.String(),
  breakdown: Type.String(),
  /** Channel, office, transport mode or HS section; null for `overall`. */
  group: NullableString,
  /** Period, for the `office_period` breakdown only. */
  period: NullableString,
  n: Type.Number(),
  nExcluded: Type.Number(),
  meanHours: NullableNumber,
  medianHours: NullableNumber,
  p90Hours: NullableNumber,
  minHours: NullableNumber,
  maxHours: NullableNumber,
  within24h: NullableNumber,
  within48h: NullableNumber,
});
/** Statistics of one segment for one group. */
export type ReleaseTimeStat = Static<typeof ReleaseTimeStat>;

/** Query of `GET /api/release-times`: optionally one segment and/or breakdown. */
export const ReleaseTimesQuery = Type.Object({
  segment: Type.Optional(ReleaseSegmentId),
  breakdown: Type.Optional(ReleaseBreakdownId),
});
/** Query of `GET /api/release-times`. */
export type ReleaseTimesQuery = Static<typeof ReleaseTimesQuery>;

/** `GET /api/release-times`: segments, the extreme-value rule, coverage and statistics. */
export const ReleaseTimesResponse = Type.Object({
  run: RunRef,
  segments: Type.Array(
    Type.Object({
      id: Type.String(),
      from: Type.String(),
      to: Type.String(),
      name: LocalizedText,
      endsAtRelease: Type.Boolean(),
    }),
  ),
  maxHours: Type.Number(),
  extremeRule: LocalizedText,
  coverage: Type.Object({
    declarations: Type.Number(),
    withMilestones: Type.Number(),
    lodgementReleaseFromDeclaration: Type.Number(),
  }),
  stats: Type.Array(ReleaseTimeStat),
});
/** `GET /api/release-times`. */
export type ReleaseTimesResponse = Static<typeof ReleaseTimesResponse>;

/** Grouping of a distribution. */
export const DistributionBy = Type.Union([
  Type.Literal('overall'),
  Type.Literal('channel'),
  Type.Literal('office'),
  Type.Literal('transport_mode'),
]);
/** Grouping of a distribution. */
export type DistributionBy = Static<typeof DistributionBy>;

/** Query of `GET /api/release-times/distribution`. */
export const ReleaseDistributionQuery = Type.Object({
  segment: Type.Optional(ReleaseSegmentId),
  by: Type.Optional(DistributionBy),
});
/** Query of `GET /api/release-times/distribution`. */
export type ReleaseDistributionQuery = Static<typeof ReleaseDistributionQuery>;

/** A histogram bin: durations in [fromHours, toHours). */
export const HistogramBin = Type.Object({
  fromHours: Type.Number(),
  toHours: Type.Number(),
  count: Type.Number(),
});
/** A histogram bin: durations in [fromHours, toHours). */
export type HistogramBin = Static<typeof HistogramBin>;

/**
 * `GET /api/release-times/distribution`: histogram of one segment's kept
 * durations per group, on the same bin edges for every group.
 */
export const ReleaseDistributionResponse = Type.Object({
  run: RunRef,
  segment: Type.String(),
  by: Type.String(),
  /** Bin edges in hours (finer for short durations). */
  edgesHours: Type.Array(Type.Number()),
  groups: Type.Array(
    Type.Object({
      group: NullableString,
      n: Type.Number(),
      medianHours: NullableNumber,
      bins: Type.Array(HistogramBin),
    }),
  ),
});
/** `GET /api/release-times/distribution`. */
export type ReleaseDistributionResponse = Static<typeof ReleaseDistributionResponse>;
