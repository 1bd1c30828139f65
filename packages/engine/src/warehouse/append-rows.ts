import type { WarehouseConnection } from './warehouse.js';

/** A value for {@link appendRows}: text, a double, a boolean or NULL. */
export type AppendValue = string | number | boolean | null;

/**
 * Appends rows to an existing table with DuckDB's appender (fast bulk insert,
 * values never pass through SQL text). Columns must be VARCHAR, DOUBLE or
 * BOOLEAN in the order of the values.
 */
export async function appendRows(
  conn: WarehouseConnection,
  table: string,
  rows: Iterable<readonly AppendValue[]>,
): Promise<void> {
  const appender = await conn.createAppender(table);
  try {
    for (const row of rows) {
      for (const value of row) {
        if (value === null) appender.appendNull();
        else if (typeof value === 'number') appender.appendDouble(value);
        else if (typeof value === 'boolean') appender.appendBoolean(value);
        else appender.appendVarchar(value);
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
