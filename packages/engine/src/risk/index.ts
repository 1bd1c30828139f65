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
