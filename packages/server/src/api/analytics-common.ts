/**
 * Schemas shared by the dashboard (analytics) routes: texts in both
 * languages, unit kinds, statuses, pagination and the run an answer comes
 * from. Officers, declarants and traders only ever appear as pseudonyms:
 * no schema here has a field for a real id.
 */
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { pageQuery } from './common.js';

/** A text in English and French. */
export const LocalizedText = Type.Object({ en: Type.String(), fr: Type.String() });
/** A text in English and French. */
export type LocalizedText = Static<typeof LocalizedText>;

/** Kinds of unit compared with their peers. */
export const UnitKind = Type.Union([
  Type.Literal('officer'),
  Type.Literal('declarant'),
  Type.Literal('trader'),
  Type.Literal('office'),
]);
/** Kinds of unit compared with their peers. */
export type UnitKind = Static<typeof UnitKind>;

/** A unit's overall status after the analysis. */
export const UnitStatus = Type.Union([
  Type.Literal('flagged'),
  Type.Literal('watch'),
  Type.Literal('clear'),
  Type.Literal('insufficient_data'),
]);
/** A unit's overall status after the analysis. */
export type UnitStatus = Static<typeof UnitStatus>;

/** A number that may be missing (not computable, or no data). */
export const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
/** A text that may be missing. */
export const NullableString = Type.Union([Type.String(), Type.Null()]);

/**
 * A unit as shown outside the server: officers, declarants and traders as
 * pseudonyms (`OFR-…`, `DCL-…`, `TRD-…`), offices by their code.
 */
export const UnitLabel = Type.String({
  description: 'pseudonym of an officer, declarant or trader; office code for offices',
});

/** Pagination query of the dashboards: at most 500 rows a page. */
export const PageQuery = pageQuery(500);

/** The analysis run an answer comes from (answers are cached per run). */
export const RunRef = Type.Object({
  runId: Type.String(),
  generatedAt: Type.String(),
});
/** The analysis run an answer comes from. */
export type RunRef = Static<typeof RunRef>;

/** The error body of the dashboard routes (same shape as every API error). */
export const AnalyticsErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String({
      description:
        'stable code: WAREHOUSE_MISSING, ANALYSIS_MISSING, PSEUDONYM_KEY_MISMATCH, UNIT_NOT_FOUND, FUNNEL_NOT_FOUND, ...',
    }),
    message: Type.String(),
  }),
});
/** The error body of the dashboard routes. */
export type AnalyticsErrorBody = Static<typeof AnalyticsErrorBody>;

/** Error codes the dashboard routes answer with, and their HTTP status. */
export const analyticsErrorCodes = {
  /** No warehouse is configured or its file does not exist (404). */
  WAREHOUSE_MISSING: 404,
  /** The warehouse holds no analysis yet: run `probity analyze` (409). */
  ANALYSIS_MISSING: 409,
  /** The warehouse holds no load yet: run `probity load` (409). */
  DATA_MISSING: 409,
  /** The analysis was run with another pseudonym key than the server's (409). */
  PSEUDONYM_KEY_MISMATCH: 409,
  /** No unit of that pseudonym in the current analysis (404). */
  UNIT_NOT_FOUND: 404,
  /** No funnel for that indicator and kind (404). */
  FUNNEL_NOT_FOUND: 404,
} as const;
/** An error code of the dashboard routes. */
export type AnalyticsErrorCode = keyof typeof analyticsErrorCodes;
