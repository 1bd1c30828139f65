import type { WarehouseConnection } from '../warehouse/index.js';
import { appendRows, execute, queryValues, sqlIdentifier, sqlString } from '../warehouse/index.js';
import { type WarehouseFeature, rawFeatureTable } from './declaration-features.js';

/**
 * Reference tables a model fixes when it is trained and reuses when it scores: the category values
 * each categorical feature knows (most frequent first; a value's code is its index, other values
 * share the next code) and the median value per kg of each HS6. Both come from the training period
 * and use no label.
 */
export interface FeatureReference {
  readonly dictionaries: Record<string, string[]>;
  readonly hs6Medians: { readonly hs6: string[]; readonly median: number[] };
}

/** Options of {@link learnFeatureReference}. */
export interface ReferenceOptions {
  /** Only declarations lodged before this epoch (seconds) inform the reference. */
  readonly beforeEpoch: number;
  /** Most values kept per categorical feature. */
  readonly maxCategories?: number;
  /** Fewest declarations for a value to get its own code. */
  readonly minCategoryCount?: number;
  /** Fewest main items with a mass for an HS6 to get a median. */
  readonly minHs6Count?: number;
}

const dictionaryTable = 'm_feature_dictionary';
const hs6Table = 'm_hs6_reference';

/** Learns the reference tables from the raw feature table. */
export async function learnFeatureReference(
  conn: WarehouseConnection,
  features: readonly WarehouseFeature[],
  options: ReferenceOptions,
): Promise<FeatureReference> {
  const dictionaries: Record<string, string[]> = {};
  for (const f of features) {
    if (f.kind !== 'categorical') continue;
    const c = sqlIdentifier(f.name);
    const rows = await queryValues<{ value: string }>(
      conn,
      `SELECT ${c} AS value FROM ${rawFeatureTable}
       WHERE lodged_epoch < $before AND ${c} IS NOT NULL
       GROUP BY 1 HAVING count(*) >= $min ORDER BY count(*) DESC, 1 LIMIT $max`,
      {
        before: options.beforeEpoch,
        min: options.minCategoryCount ?? 20,
        max: options.maxCategories ?? 100,
      },
    );
    dictionaries[f.name] = rows.map((r) => String(r.value));
  }
  const medians = await queryValues<{ hs6: string; median: number }>(
    conn,
    `SELECT main_hs6 AS hs6, median(main_value_per_kg) AS median FROM ${rawFeatureTable}
     WHERE lodged_epoch < $before AND main_value_per_kg IS NOT NULL AND main_hs6 IS NOT NULL
     GROUP BY 1 HAVING count(*) >= $min ORDER BY 1`,
    { before: options.beforeEpoch, min: options.minHs6Count ?? 5 },
  );
  return {
    dictionaries,
    hs6Medians: { hs6: medians.map((m) => m.hs6), median: medians.map((m) => m.median) },
  };
}

/** Writes a model's reference tables into temp tables for {@link featureMatrixSql}. */
export async function writeFeatureReference(
  conn: WarehouseConnection,
  reference: FeatureReference,
): Promise<void> {
  await execute(
    conn,
    `CREATE OR REPLACE TEMP TABLE ${dictionaryTable} (feature VARCHAR, value VARCHAR, code DOUBLE)`,
  );
  await execute(conn, `CREATE OR REPLACE TEMP TABLE ${hs6Table} (hs6 VARCHAR, median DOUBLE)`);
  await appendRows(
    conn,
    dictionaryTable,
    Object.entries(reference.dictionaries).flatMap(([feature, values]) =>
      values.map((value, code) => [feature, value, code]),
    ),
  );
  await appendRows(
    conn,
    hs6Table,
    reference.hs6Medians.hs6.map((hs6, i) => [hs6, reference.hs6Medians.median[i] ?? null]),
  );
}

/** Leading columns of every feature matrix query, before the features. */
export const matrixKeyColumns = ['row_number', 'lodged_epoch', 'label', 'revenue'] as const;

/**
 * SQL selecting the model's feature matrix from the raw feature table and the reference tables:
 * the key columns, then one DOUBLE column per feature (category codes for categorical ones; NULL
 * for a missing value). `where` is a condition on the raw row `r` written by the project.
 */
export function featureMatrixSql(
  features: readonly WarehouseFeature[],
  reference: FeatureReference,
  source: string,
  where = 'true',
): string {
  const joins: string[] = [];
  const columns = features.map((f, j) => {
    if (f.name === 'value_per_kg_to_hs6_median') {
      return `CASE WHEN ref.median > 0 THEN r.main_value_per_kg / ref.median END`;
    }
    const c = `r.${sqlIdentifier(f.name)}`;
    if (f.kind === 'numeric') return `CAST(${c} AS DOUBLE)`;
    const size = reference.dictionaries[f.name]?.length ?? 0;
    joins.push(
      `LEFT JOIN (SELECT value, code FROM ${dictionaryTable} WHERE feature = ${sqlString(f.name)}) c${j}
         ON c${j}.value = ${c}`,
    );
    return `CASE WHEN ${c} IS NULL THEN NULL ELSE coalesce(c${j}.code, ${size}) END`;
  });
  return `SELECT r.row_number, r.lodged_epoch, r.label, r.revenue,
      ${columns.map((c, j) => `${c} AS f${j}`).join(',\n      ')}
    FROM ${source} r
    LEFT JOIN ${hs6Table} ref ON ref.hs6 = r.main_hs6
    ${joins.join('\n    ')}
    WHERE ${where}`;
}
