export { pairCandidatesSql, pairConcentration } from './pair-concentration.js';
export type { PairResult } from './pair-concentration.js';
export { pseudonym, unitLabeller } from './pseudonyms.js';
export {
  itemValuesSql,
  itemValuesTable,
  madNormalScale,
  meanAbsoluteDeviationScale,
  unitValueBands,
  unitValueBandsSql,
  unitValueBandsTable,
  unitValueSummarySql,
} from './unit-value-bands.js';
export type { UnitValueSummary } from './unit-value-bands.js';
export { mirrorAnalysis, mirrorListLimit } from './mirror-analysis.js';
export type { MirrorAnalysis, MirrorGapRow, MirrorShareRow } from './mirror-analysis.js';
export { datasetCurrencySql, fxCurrenciesSql, mirrorCurrency } from './mirror-currency.js';
export type { MirrorCurrency } from './mirror-currency.js';
export {
  mirrorFlowsSql,
  mirrorFlowsTable,
  mirrorPartnerSql,
  mirrorPartnerTable,
} from './mirror-flows.js';
export {
  mirrorCellsSql,
  mirrorCellsTable,
  mirrorGapsSql,
  mirrorGapsTable,
} from './mirror-cells.js';
export { mirrorSharesSql, mirrorSharesTable } from './mirror-shares.js';
export { mirrorCoverage, mirrorCoverageSql } from './mirror-coverage.js';
export type { ExcludedImports, MirrorCoverage, MirrorCoverageRow } from './mirror-coverage.js';
export { tariffGap, tariffGapPointsSql } from './tariff-gap.js';
export type { TariffGap, TariffGapPoint } from './tariff-gap.js';
