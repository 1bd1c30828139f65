export {
  AnalysisConfigError,
  analysisConfigSchema,
  defaultAnalysisConfig,
  parseAnalysisConfig,
} from './analysis-config.js';
export type { AnalysisConfig } from './analysis-config.js';
export { baseTable, buildAnalysisBase, hsSectionSql, periodSql } from './analysis-base.js';
