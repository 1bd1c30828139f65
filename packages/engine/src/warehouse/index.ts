export { execute, openWarehouse, queryProgress, queryRows, queryValues } from './warehouse.js';
export type {
  SqlParams,
  SqlValue,
  Warehouse,
  WarehouseConnection,
  WarehouseOptions,
} from './warehouse.js';
export { sqlIdentifier, sqlString } from './sql.js';
