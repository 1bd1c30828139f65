export {
  AnalysisConfigError,
  analysisConfigSchema,
  defaultAnalysisConfig,
  parseAnalysisConfig,
} from './analysis-config.js';
export type { AnalysisConfig } from './analysis-config.js';
export { baseTable, buildAnalysisBase, hsSectionSql, periodSql } from './analysis-base.js';
export { analyzeWarehouse } from './analyze.js';
export { keyFingerprint } from './key-fingerprint.js';
export type {
  AnalysisExtension,
  AnalysisProgress,
  AnalysisResult,
  AnalyzeOptions,
} from './analyze.js';
export { runStandardisedIndicators, unitKey } from './integrity-analysis.js';
export type {
  IndicatorFunnel,
  StandardisedResults,
  UnitIndicatorResult,
} from './integrity-analysis.js';
export { assessUnits } from './unit-assessment.js';
export type { IndicatorStatus, UnitAssessment, UnitStatus } from './unit-assessment.js';
export { analysisTables, saveAnalysis, storableConfig } from './save-analysis.js';
export { analysisJson } from './analysis-json.js';
export { clearanceOverview } from './clearance-overview.js';
export type { OfficeOverview } from './clearance-overview.js';
export { standardExtensions } from './standard-extensions.js';
export type { UnitLabel } from './standard-extensions.js';
