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
