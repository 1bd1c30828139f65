export { explainPair, standardisedIndicators, unitKinds } from './integrity-catalogue.js';
export type {
  ExplanationFigures,
  IntegrityIndicatorId,
  StandardisedIndicator,
  UnitKind,
} from './integrity-catalogue.js';
export {
  buildEventTable,
  buildIntegrityBase,
  eventTable,
  integrityBase,
  offHoursSql,
  standardisedRows,
  standardisedSql,
  stratumColumns,
} from './integrity-rows.js';
export type { StandardisedRow } from './integrity-rows.js';
export { pmmDimensions, performanceCatalogue } from './performance-catalogue.js';
export type {
  IndicatorDirection,
  IndicatorUnit,
  PerformanceIndicator,
  PerformanceIndicatorId,
  PmmDimension,
  PmmDimensionSpec,
} from './performance-catalogue.js';
export {
  daysPerMonth,
  performanceDeclarationsSql,
  performanceIndicators,
  performancePostingsSql,
  performanceTable,
  postingLengthsSql,
  postingLengthsTable,
} from './performance-indicators.js';
export type {
  PerformanceIndicatorInfo,
  PerformanceResult,
  PerformanceRow,
} from './performance-indicators.js';
export { analysisBaseExistsSql, ensureAnalysisBase } from './performance-base.js';
export { renderIndicatorCatalogueDoc } from './performance-catalogue-doc.js';
export { releaseBreakdowns, releaseExtremeRule, releaseSegments } from './release-segments.js';
export type {
  ReleaseBreakdown,
  ReleaseBreakdownSpec,
  ReleaseSegment,
  ReleaseSegmentId,
  ReleaseTimeSource,
} from './release-segments.js';
export {
  releaseCoverageSql,
  releaseResultsTableSql,
  releaseSegmentSql,
  releaseTimelineSql,
  releaseTimelineTable,
  releaseTimes,
  releaseTimesTable,
} from './release-times.js';
export type { ReleaseTimeRow, ReleaseTimesResult } from './release-times.js';
