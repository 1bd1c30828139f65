export type {
  CodeList,
  ColumnSpec,
  ColumnType,
  NotBeforeRule,
  ParentRule,
  TableSpec,
  TextShape,
} from './contract-types.js';
export {
  booleanSpellings,
  channelCodes,
  channelStrictness,
  codeLists,
  contractTables,
  findTable,
  milestoneNames,
  shapes,
  tableSpec,
  transportModes,
} from './tables.js';
export type { Channel, MilestoneName } from './tables.js';
export { countryCodes, currencyCodes } from './iso-codes.js';
export { hsSectionOfChapter, hsSections } from './hs-sections.js';
export { columnRules, renderContractDoc } from './contract-doc.js';
export { datasetInfoSchema } from './dataset-info.js';
export type { DatasetInfo } from './dataset-info.js';
