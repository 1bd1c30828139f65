export { loadDataset } from './load-dataset.js';
export type {
  LoadOptions,
  LoadProgress,
  LoadSummary,
  TableReconciliation,
} from './load-dataset.js';
export { listRejects, warehouseStatus } from './warehouse-status.js';
export type { LoadRecord, RejectedRow, WarehouseStatus } from './warehouse-status.js';
export { loadTables } from './warehouse-schema.js';
