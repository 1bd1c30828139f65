import { DuckDBTypeId } from '@duckdb/node-api';
import type { SqlParams, WarehouseConnection } from './warehouse.js';

/** A query result as columns: numbers in Float64Arrays (NULL = NaN), text in string arrays (NULL = ''). */
export interface ColumnBatch {
  readonly names: string[];
  readonly rows: number;
  readonly columns: (Float64Array | string[])[];
}

function growTo(a: Float64Array, size: number): Float64Array {
  if (a.length >= size) return a;
  const b = new Float64Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Runs a query and reads its result chunk by chunk into columns, without building an object per
 * row: the fast path for feature matrices. VARCHAR columns arrive as text, every other column as a
 * number (booleans 0/1, BIGINT converted, timestamps as epoch microseconds).
 */
export async function queryColumns(
  conn: WarehouseConnection,
  sql: string,
  params: SqlParams = [],
): Promise<ColumnBatch> {
  const values = Array.isArray(params)
    ? params.length > 0
      ? [...params]
      : undefined
    : (() => {
        const named = Object.entries(params).filter(([name]) =>
          new RegExp(`\\$${name}\\b`).test(sql),
        );
        return named.length > 0 ? Object.fromEntries(named) : undefined;
      })();
  const result = await conn.stream(sql, values);
  const names = result.columnNames();
  const text = result.columnTypes().map((t) => t.typeId === DuckDBTypeId.VARCHAR);
  let numbers: Float64Array[] = names.map(() => new Float64Array(1024));
  const strings: string[][] = names.map(() => []);
  let rows = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const n = chunk.rowCount;
    numbers = numbers.map((a, c) => (text[c] ? a : growTo(a, rows + n)));
    for (let c = 0; c < names.length; c++) {
      const vector = chunk.getColumnVector(c);
      if (text[c]) {
        const out = strings[c] as string[];
        for (let i = 0; i < n; i++) out.push((vector.getItem(i) as string | null) ?? '');
      } else {
        const out = numbers[c] as Float64Array;
        for (let i = 0; i < n; i++) {
          const v = vector.getItem(i);
          out[rows + i] =
            v === null
              ? NaN
              : typeof v === 'number'
                ? v
                : typeof v === 'boolean'
                  ? Number(v)
                  : Number(v as unknown as bigint);
        }
      }
    }
    rows += n;
  }
  return {
    names,
    rows,
    columns: names.map((_, c) =>
      text[c] ? (strings[c] as string[]) : (numbers[c] as Float64Array).slice(0, rows),
    ),
  };
}
