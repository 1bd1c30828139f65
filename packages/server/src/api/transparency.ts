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

/** A published text in English and French. */
const PublishedText = Type.Object({
  en: Type.String({ minLength: 1, maxLength: 2000 }),
  fr: Type.String({ minLength: 1, maxLength: 2000 }),
});

/**
 * The texts the administration publishes on the page, over the bundled ones: `intro`
 * replaces the bundled introduction, `notice` is an extra paragraph under it (a helpline,
 * office hours, a change announced); null keeps the bundled text / shows no notice.
 */
export const TransparencyTexts = Type.Object({
  intro: Type.Union([Type.Null(), PublishedText]),
  notice: Type.Union([Type.Null(), PublishedText]),
});
/** The administration's texts on the transparency page. */
export type TransparencyTexts = Static<typeof TransparencyTexts>;

/** `GET /api/transparency/texts`: the texts, and when they were last changed (null: never). */
export const TransparencyTextsState = Type.Object({
  texts: TransparencyTexts,
  updatedAt: Type.Union([Type.String(), Type.Null()]),
});
/** `GET /api/transparency/texts`. */
export type TransparencyTextsState = Static<typeof TransparencyTextsState>;

/** `GET /api/public/transparency`. */
export const TransparencyResponse = Type.Object({
  /** The administration's texts (null parts: the page's bundled text). */
  texts: TransparencyTexts,
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
