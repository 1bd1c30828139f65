import type { AnalysisConfig } from '../analysis/index.js';
import { baseTable, buildAnalysisBase } from '../analysis/index.js';
import type { WarehouseConnection } from '../warehouse/index.js';
import { queryValues } from '../warehouse/index.js';

/** SQL telling whether the analysis base exists on this connection (binds `$table`). */
export function analysisBaseExistsSql(): string {
  return `SELECT count(*) AS n FROM duckdb_tables() WHERE temporary AND table_name = $table`;
}

/**
 * Builds the analysis base (`a_declarations`) unless this connection already
 * has it. An analysis run builds it once with its configuration and every
 * indicator family reads it; called on its own, a family builds it itself.
 */
export async function ensureAnalysisBase(
  conn: WarehouseConnection,
  config: AnalysisConfig,
): Promise<void> {
  const [row] = await queryValues<{ n: bigint }>(conn, analysisBaseExistsSql(), {
    table: baseTable,
  });
  if ((row?.n ?? 0n) === 0n) await buildAnalysisBase(conn, config);
}
