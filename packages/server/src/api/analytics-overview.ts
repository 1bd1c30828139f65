/** Schemas of `GET /api/overview`: run info, PMM-style indicators with trends, clearance overview. */
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { LocalizedText, NullableNumber, NullableString, UnitKind } from './analytics-common.js';

/** The analysis run: when, on what, with which configuration (the key only as fingerprint). */
export const RunInfo = Type.Object({
  runId: Type.String(),
  generatedAt: Type.String(),
  loadId: Type.String(),
  datasetName: NullableString,
  declarations: Type.Number(),
  config: Type.Object({
    period: Type.String(),
    fdrLevel: Type.Number(),
    watchLevel: Type.Number(),
    minVolume: Type.Number(),
    strata: Type.Array(Type.String()),
    pseudonymKeyFingerprint: Type.String(),
  }),
  indicatorsRun: Type.Array(Type.String()),
  indicatorsSkipped: Type.Array(Type.Object({ id: Type.String(), reason: Type.String() })),
});
/** The analysis run. */
export type RunInfo = Static<typeof RunInfo>;

/** A value of a performance indicator for one period and/or office. */
export const IndicatorValue = Type.Object({
  period: NullableString,
  office: NullableString,
  value: NullableNumber,
  numerator: NullableNumber,
  denominator: NullableNumber,
});
/** A value of a performance indicator for one period and/or office. */
export type IndicatorValue = Static<typeof IndicatorValue>;

/** A PMM-style performance indicator with its overall value and its values by period and office. */
export const PerformanceIndicatorView = Type.Object({
  id: Type.String(),
  name: LocalizedText,
  definition: LocalizedText,
  unit: Type.String({ description: 'hours, share, currency, count or months' }),
  direction: Type.String({ description: 'higher_is_better, lower_is_better or neutral' }),
  dimension: Type.String(),
  overall: NullableNumber,
  /** All offices together, one value per period (the trend). */
  byPeriod: Type.Array(IndicatorValue),
  /** Whole span, one value per office. */
  byOffice: Type.Array(IndicatorValue),
  /** One value per office and period (trends per office). */
  byOfficePeriod: Type.Array(IndicatorValue),
});
/** A PMM-style performance indicator with its values. */
export type PerformanceIndicatorView = Static<typeof PerformanceIndicatorView>;

/** Declarations by final channel. */
export const ChannelCounts = Type.Object({
  green: Type.Number(),
  yellow: Type.Number(),
  red: Type.Number(),
  blue: Type.Number(),
});
/** Declarations by final channel. */
export type ChannelCounts = Static<typeof ChannelCounts>;

/** Clearance overview of one office (or of all: office `null`). */
export const OfficeOverviewView = Type.Object({
  office: NullableString,
  declarations: Type.Number(),
  channels: ChannelCounts,
  inspectionRate: Type.Number(),
  findingRate: Type.Number(),
});
/** Clearance overview of one office. */
export type OfficeOverviewView = Static<typeof OfficeOverviewView>;

/** Units of one kind by status. */
export const UnitStatusCounts = Type.Object({
  kind: UnitKind,
  flagged: Type.Number(),
  watch: Type.Number(),
  clear: Type.Number(),
  insufficientData: Type.Number(),
});
/** Units of one kind by status. */
export type UnitStatusCounts = Static<typeof UnitStatusCounts>;

/** `GET /api/overview`. */
export const OverviewResponse = Type.Object({
  run: RunInfo,
  periods: Type.Array(Type.String()),
  offices: Type.Array(Type.String()),
  dimensions: Type.Array(Type.Object({ id: Type.String(), name: LocalizedText })),
  indicators: Type.Array(PerformanceIndicatorView),
  clearance: Type.Object({
    total: OfficeOverviewView,
    byOffice: Type.Array(OfficeOverviewView),
  }),
  units: Type.Array(UnitStatusCounts),
});
/** `GET /api/overview`. */
export type OverviewResponse = Static<typeof OverviewResponse>;
