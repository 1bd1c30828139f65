import { describe, expect, it } from 'vitest';
import { openWarehouse, queryColumns } from '../../src/warehouse/index.js';

describe('queryColumns', () => {
  it('reads numbers into Float64Arrays with NULL as NaN and text into arrays, across chunks', async () => {
    const warehouse = await openWarehouse(':memory:');
    try {
      const batch = await queryColumns(
        warehouse.connection,
        `SELECT i::DOUBLE AS x, CASE WHEN i % 2 = 0 THEN NULL ELSE i END AS y,
           'd' || i AS id, i % 3 = 0 AS third
         FROM range(5000) t(i) WHERE i < $n ORDER BY i`,
        { n: 4000 },
      );
      expect(batch.names).toEqual(['x', 'y', 'id', 'third']);
      expect(batch.rows).toBe(4000);
      const [x, y, id, third] = batch.columns;
      expect(x).toBeInstanceOf(Float64Array);
      expect((x as Float64Array)[3999]).toBe(3999);
      expect(Number.isNaN((y as Float64Array)[2])).toBe(true);
      expect((y as Float64Array)[3]).toBe(3);
      expect((id as string[])[2500]).toBe('d2500');
      expect(Array.from((third as Float64Array).subarray(0, 4))).toEqual([1, 0, 0, 1]);
    } finally {
      warehouse.close();
    }
  });
});
