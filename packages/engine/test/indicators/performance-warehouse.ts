// A tiny warehouse in the shape the loader leaves (every contract table,
// typed as stored), filled row by row with bound values, for hand-checked
// indicator tests.
import { contractTables } from '../../src/contract/index.js';
import { emptyTableSql } from '../../src/load/warehouse-schema.js';
import type { SqlValue, Warehouse, WarehouseConnection } from '../../src/warehouse/index.js';
import { execute, openWarehouse, sqlIdentifier } from '../../src/warehouse/index.js';

/** Opens an in-memory warehouse with every contract table, empty. */
export async function emptyContractWarehouse(): Promise<Warehouse> {
  const warehouse = await openWarehouse(':memory:', { threads: 1 });
  for (const table of contractTables) {
    // As the loader leaves it: a stored table and the contract view over it.
    await execute(warehouse.connection, emptyTableSql(table));
    await execute(
      warehouse.connection,
      `CREATE VIEW ${sqlIdentifier(table.name)} AS SELECT * FROM ${sqlIdentifier(`load_${table.name}`)}`,
    );
  }
  return warehouse;
}

/** The stored table behind a contract table's view; other tables are their own. */
function stored(table: string): string {
  return contractTables.some((t) => t.name === table) ? `load_${table}` : table;
}

/** Inserts rows (column → value) into a table, values bound as parameters. */
export async function insertRows(
  conn: WarehouseConnection,
  table: string,
  rows: readonly Readonly<Record<string, SqlValue>>[],
): Promise<void> {
  for (const row of rows) {
    const columns = Object.keys(row);
    await execute(
      conn,
      `INSERT INTO ${sqlIdentifier(stored(table))} (${columns.map(sqlIdentifier).join(', ')})
       VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      columns.map((c) => row[c] ?? null),
    );
  }
}

/** A declaration with every required column, overridden by `fields`. */
export function declaration(
  id: string,
  fields: Readonly<Record<string, SqlValue>>,
): Record<string, SqlValue> {
  return {
    declaration_id: id,
    office_code: 'A',
    procedure: 'import',
    lodged_at: '2025-01-10 08:00:00',
    released_at: null,
    declarant_id: 'B1',
    trader_id: 'T1',
    transport_mode: '1',
    risk_channel: 'green',
    final_channel: 'green',
    officer_id: 'O1',
    assignment: 'auto',
    inspected: false,
    outcome: null,
    declared_value: 1000,
    declared_duty: 100,
    assessed_duty: null,
    ...fields,
  };
}

/** A timestamp `hours` after `start` (both local time, `YYYY-MM-DD HH:MM:SS`). */
export function hoursAfter(start: string, hours: number): string {
  const t = new Date(`${start.replace(' ', 'T')}Z`).getTime() + hours * 3_600_000;
  return new Date(t).toISOString().slice(0, 19).replace('T', ' ');
}
