import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

/** A connection to the analytical warehouse; the only DuckDB type other modules see. */
export type WarehouseConnection = DuckDBConnection;

/** Options for opening a warehouse. */
export interface WarehouseOptions {
  /** DuckDB memory limit, e.g. `'2GB'`; DuckDB's default (80% of RAM) when absent. */
  readonly memoryLimit?: string;
  /** Worker threads; DuckDB's default (all cores) when absent. */
  readonly threads?: number;
  /** Open read-only (several readers may share the file). */
  readonly readOnly?: boolean;
}

/** An open warehouse: a DuckDB database file (or `:memory:`) and one connection. */
export interface Warehouse {
  readonly path: string;
  readonly connection: WarehouseConnection;
  /** Closes the connection and the database. */
  close(): void;
}

/**
 * Opens (creating when needed) a DuckDB warehouse. Extensions are never
 * downloaded: Probity runs without network, and the ones it uses (parquet,
 * json, icu) are built into the DuckDB binary.
 */
export async function openWarehouse(
  file: string,
  options: WarehouseOptions = {},
): Promise<Warehouse> {
  const config: Record<string, string> = {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'true',
    enable_external_access: 'true',
  };
  if (options.memoryLimit) config['memory_limit'] = options.memoryLimit;
  if (options.threads) config['threads'] = String(options.threads);
  if (options.readOnly) config['access_mode'] = 'READ_ONLY';
  if (file !== ':memory:') {
    const dir = path.dirname(path.resolve(file));
    mkdirSync(dir, { recursive: true });
    config['temp_directory'] = `${path.resolve(file)}.tmp`;
  }
  const instance = await DuckDBInstance.create(file, config);
  const connection = await instance.connect();
  return {
    path: file,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** A value that can be bound to a query parameter. */
export type SqlValue = DuckDBValue;

/** Parameters bound to a statement: positional (`$1`) or named (`$path`). */
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;

/** Named parameters the statement does not use are left out (DuckDB refuses them). */
function bindable(
  sql: string,
  params: SqlParams,
): SqlValue[] | Record<string, SqlValue> | undefined {
  if (Array.isArray(params)) return params.length > 0 ? [...params] : undefined;
  const named = Object.entries(params as Readonly<Record<string, SqlValue>>).filter(([name]) =>
    new RegExp(`\\$${name}\\b`).test(sql),
  );
  return named.length > 0 ? Object.fromEntries(named) : undefined;
}

/** Runs a statement with bound parameters, discarding any result. */
export async function execute(
  conn: WarehouseConnection,
  sql: string,
  params: SqlParams = [],
): Promise<void> {
  await conn.run(sql, bindable(sql, params));
}

/**
 * Runs a query with bound parameters and returns its rows as JSON-safe objects
 * (BIGINT and DECIMAL arrive as strings, timestamps as ISO-like strings).
 */
export async function queryRows<T = Record<string, unknown>>(
  conn: WarehouseConnection,
  sql: string,
  params: SqlParams = [],
): Promise<T[]> {
  const reader = await conn.runAndReadAll(sql, bindable(sql, params));
  return reader.getRowObjectsJson() as T[];
}

/** Runs a query and returns its rows with JavaScript values (numbers, bigints, strings). */
export async function queryValues<T = Record<string, unknown>>(
  conn: WarehouseConnection,
  sql: string,
  params: SqlParams = [],
): Promise<T[]> {
  const reader = await conn.runAndReadAll(sql, bindable(sql, params));
  return reader.getRowObjectsJS() as T[];
}

/** Share of the running query DuckDB reports as done, from 0 to 1 (or undefined). */
export function queryProgress(conn: WarehouseConnection): number | undefined {
  const p = conn.progress;
  return p.percentage >= 0 ? p.percentage / 100 : undefined;
}

/** Whether a table or view of this name exists in the main schema or as a temporary table. */
export async function tableExists(conn: WarehouseConnection, name: string): Promise<boolean> {
  const rows = await queryValues(
    conn,
    `SELECT 1 FROM information_schema.tables WHERE table_name = $1 AND table_schema IN ('main', 'temp')`,
    [name],
  );
  return rows.length > 0;
}
