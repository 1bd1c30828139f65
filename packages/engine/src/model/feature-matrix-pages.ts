import type { WarehouseConnection } from '../warehouse/index.js';
import { queryColumns } from '../warehouse/index.js';

/** A page of the feature matrix: key columns and one column per feature. */
export interface FeaturePage {
  readonly rows: number;
  readonly rowNumber: Float64Array;
  readonly lodgedEpoch: Float64Array;
  readonly label: Float64Array;
  readonly revenue: Float64Array;
  readonly columns: Float64Array[];
}

/** Runs a feature matrix query (see featureMatrixSql) and returns its columns as typed arrays. */
export async function readFeaturePage(
  conn: WarehouseConnection,
  sql: string,
  params: Readonly<Record<string, number | string | null>> = {},
): Promise<FeaturePage> {
  const batch = await queryColumns(conn, sql, params);
  const numbers = batch.columns.map((c) =>
    c instanceof Float64Array ? c : Float64Array.from(c, Number),
  );
  const [rowNumber, lodgedEpoch, label, revenue, ...columns] = numbers;
  if (!rowNumber || !lodgedEpoch || !label || !revenue)
    throw new RangeError('a feature matrix query starts with its four key columns');
  return { rows: batch.rows, rowNumber, lodgedEpoch, label, revenue, columns };
}
