import { existsSync } from 'node:fs';
import type { SqlParams, Warehouse, WarehouseConnection } from '@probity/engine';
import { openWarehouse, queryRows } from '@probity/engine';

/** Options of the read-only warehouse reader. */
export interface AnalyticsReaderOptions {
  /** DuckDB memory limit, e.g. `'2GB'` (DuckDB's default when absent). */
  readonly memoryLimit?: string;
  /** DuckDB worker threads (all cores when absent). */
  readonly threads?: number;
}

/**
 * The warehouse as the server reads it: one DuckDB instance opened
 * READ-ONLY for the life of the app, its connection (also used by the cases
 * module), and a query function returning JSON-safe rows.
 */
export interface AnalyticsReader {
  readonly file: string;
  readonly connection: WarehouseConnection;
  /**
   * Runs a query with bound parameters and returns JSON-ready rows (cast
   * BIGINT columns to DOUBLE in SQL, or convert them with `toNumber`).
   */
  query<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]>;
  /** Closes the connection and the database. */
  close(): void;
}

/**
 * Opens the DuckDB warehouse file read-only (several readers may share it;
 * no writer may hold it meanwhile, so `probity analyze` waits for the
 * server to stop). Throws when the file does not exist.
 */
export async function openAnalyticsReader(
  file: string,
  options: AnalyticsReaderOptions = {},
): Promise<AnalyticsReader> {
  return readerOf(await openWarehouse(file, { ...options, readOnly: true }));
}

/** The reader over a warehouse already open (e.g. the app's `app.warehouse`, opened read-only). */
export function readerOf(warehouse: Warehouse): AnalyticsReader {
  let closed = false;
  return {
    file: warehouse.path,
    connection: warehouse.connection,
    query: (sql, params = []) => queryRows(warehouse.connection, sql, params),
    close() {
      if (closed) return;
      closed = true;
      warehouse.close();
    },
  };
}

/**
 * Opens the reader when a warehouse file is configured and exists; `null`
 * otherwise (the dashboard routes then answer `WAREHOUSE_MISSING`).
 */
export async function openAnalyticsReaderIfPresent(
  file: string | undefined | null,
  options: AnalyticsReaderOptions = {},
): Promise<AnalyticsReader | null> {
  if (!file || !existsSync(file)) return null;
  return openAnalyticsReader(file, options);
}
