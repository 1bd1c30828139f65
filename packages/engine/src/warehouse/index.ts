export {
  execute,
  openWarehouse,
  queryProgress,
  queryRows,
  queryValues,
  tableExists,
} from './warehouse.js';
export type {
  SqlParams,
  SqlValue,
  Warehouse,
  WarehouseConnection,
  WarehouseOptions,
} from './warehouse.js';
export { sqlIdentifier, sqlString } from './sql.js';
export { appendRows } from './append-rows.js';
export type { AppendValue } from './append-rows.js';
export { queryColumns } from './query-columns.js';
export type { ColumnBatch } from './query-columns.js';
