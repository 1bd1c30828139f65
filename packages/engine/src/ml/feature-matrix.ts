/** Dense numeric matrix for prediction: NaN is a missing value; categorical cells hold category codes. */
export interface FeatureMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly values: Float64Array | Float32Array;
  /** `row-major`: cell (r, c) at r * cols + c; `column-major`: at c * rows + r. */
  readonly layout: 'row-major' | 'column-major';
}

/** Kind of a feature: numbers compared with a threshold, or category codes split by set membership. */
export type FeatureKind = 'numeric' | 'categorical';

/** Builds a column-major matrix from one Float64Array per feature (all the same length). */
export function matrixFromColumns(columns: readonly Float64Array[]): FeatureMatrix {
  const cols = columns.length;
  const rows = cols === 0 ? 0 : (columns[0] as Float64Array).length;
  const values = new Float64Array(rows * cols);
  columns.forEach((column, c) => {
    if (column.length !== rows)
      throw new RangeError('all feature columns must have the same length');
    values.set(column, c * rows);
  });
  return { rows, cols, values, layout: 'column-major' };
}

/** Column `c` of a matrix as a new Float64Array. */
export function matrixColumn(matrix: FeatureMatrix, c: number): Float64Array {
  const { rows, cols, values, layout } = matrix;
  if (layout === 'column-major')
    return Float64Array.from(values.subarray(c * rows, (c + 1) * rows));
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = values[r * cols + c] as number;
  return out;
}
