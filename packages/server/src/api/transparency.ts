/**
 * Schema of the public transparency page's data (`GET /api/public/transparency`):
 * published release-time standards per office and channel (aggregates only:
 * office codes and channels, never an officer, declarant or trader), and the
 * reporting channel's clocks.
 */
import { Type } from 'typebox';
import type { Static } from 'typebox';

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

/** Release time of one office × channel (office null: all offices). */
export const ReleaseStandardCell = Type.Object({
  office: Type.Union([Type.String(), Type.Null()]),
  channel: Type.String(),
  /** True when the cell has fewer declarations than `minDeclarations`: nothing else is shown. */
  suppressed: Type.Boolean(),
  declarations: Type.Union([Type.Integer(), Type.Null()]),
  medianHours: NullableNumber,
  p90Hours: NullableNumber,
});
/** Release time of one office × channel. */
export type ReleaseStandardCell = Static<typeof ReleaseStandardCell>;

/** Published release times, from the latest analysis. */
export const ReleaseStandards = Type.Object({
  /** When the analysis behind the figures was made. */
  generatedAt: Type.String(),
  /** First and last lodgement day of the declarations measured. */
  periodFrom: Type.Union([Type.String(), Type.Null()]),
  periodTo: Type.Union([Type.String(), Type.Null()]),
  /** Time Release Study segment measured: lodgement to release. */
  segment: Type.String(),
  /** Durations above this many hours are left out as extreme (the Time Release Study rule). */
  maxHours: Type.Number(),
  /** Cells with fewer declarations are suppressed. */
  minDeclarations: Type.Integer(),
  cells: Type.Array(ReleaseStandardCell),
});
/** Published release times. */
export type ReleaseStandards = Static<typeof ReleaseStandards>;

/** `GET /api/public/transparency`. */
export const TransparencyResponse = Type.Object({
  /** Null when no analysed data is available yet. */
  releaseTimes: Type.Union([ReleaseStandards, Type.Null()]),
  /** The reporting channel's clocks (EU Directive 2019/1937, Art. 9). */
  reporting: Type.Object({
    path: Type.String(),
    acknowledgementDays: Type.Integer(),
    feedbackMonths: Type.Integer(),
  }),
});
/** `GET /api/public/transparency`. */
export type TransparencyResponse = Static<typeof TransparencyResponse>;
