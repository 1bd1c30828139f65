import { matrixFromColumns, modelFromJson, predict } from '../ml/index.js';
import type { WarehouseConnection } from '../warehouse/index.js';
import { buildRawFeatures, rawFeatureTable } from './declaration-features.js';
import { readFeaturePage } from './feature-matrix-pages.js';
import { featureMatrixSql, writeFeatureReference } from './feature-reference.js';
import { type ModelEvaluation, evaluateModelScores } from './model-evaluation.js';
import type { WarehouseModelFile } from './warehouse-model.js';

/**
 * Evaluates a warehouse model on the controlled declarations of a warehouse lodged from `from` on
 * (default: the model's own evaluation split), recomputing their features as scoring does.
 */
export async function evaluateWarehouseModel(
  conn: WarehouseConnection,
  file: WarehouseModelFile,
  options: { readonly from?: string } = {},
): Promise<ModelEvaluation & { readonly from: string }> {
  const from = options.from ?? file.training.evaluationFrom;
  await buildRawFeatures(conn, {
    extraColumns: file.extraColumns,
    priorStrength: file.priorStrength,
  });
  await writeFeatureReference(conn, file.reference);
  const page = await readFeaturePage(
    conn,
    `${featureMatrixSql(
      file.features,
      file.reference,
      rawFeatureTable,
      `r.controlled AND r.lodged_epoch >= epoch(CAST($from AS TIMESTAMP))`,
    )} ORDER BY r.row_number`,
    { from },
  );
  const scores = predict(modelFromJson(file.model), matrixFromColumns(page.columns));
  return { ...evaluateModelScores(scores, page.label, page.revenue), from };
}
