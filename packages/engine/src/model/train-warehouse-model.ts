import { createHash } from 'node:crypto';
import { EngineError } from '../errors.js';
import {
  type FeatureKind,
  type GbdtParams,
  matrixFromColumns,
  modelToJson,
  predict,
  trainGbdt,
} from '../ml/index.js';
import type { WarehouseConnection } from '../warehouse/index.js';
import { queryValues } from '../warehouse/index.js';
import {
  DEFAULT_PRIOR_STRENGTH,
  type WarehouseFeature,
  baseFeatures,
  buildRawFeatures,
  extraDeclarationColumns,
  extraFeatureName,
  rawFeatureTable,
} from './declaration-features.js';
import {
  featureMatrixSql,
  learnFeatureReference,
  writeFeatureReference,
} from './feature-reference.js';
import { readFeaturePage } from './feature-matrix-pages.js';
import { evaluateModelScores } from './model-evaluation.js';
import type { WarehouseModelFile } from './warehouse-model.js';

/** Options of {@link trainWarehouseModel}. */
export interface WarehouseTrainOptions {
  /** Share of the controlled declarations, the latest by lodgement, kept for evaluation (default 0.2). */
  readonly evaluationShare?: number;
  /** Share of the training rows, the latest, used to stop boosting (default 0.15). */
  readonly stoppingShare?: number;
  readonly priorStrength?: number;
  readonly params?: Partial<GbdtParams>;
  /** Clock for `trainedAt` (tests pass a fixed one). */
  readonly now?: () => Date;
  readonly onRound?: (round: number, metric: number) => void;
}

/** Boosting defaults for the warehouse model: slow learning, early stopping, light subsampling. */
export const WAREHOUSE_MODEL_PARAMS: Partial<GbdtParams> = {
  rounds: 1000,
  learningRate: 0.08,
  maxDepth: 6,
  minChildWeight: 3,
  subsample: 0.8,
  colsampleByTree: 0.8,
  earlyStoppingRounds: 50,
  evalMetric: 'logloss',
  seed: 0,
};

function isoOf(epoch: number): string {
  return Number.isFinite(epoch) ? new Date(epoch * 1000).toISOString().slice(0, 19) : '';
}

function pick(columns: readonly Float64Array[], from: number, to: number): Float64Array[] {
  return columns.map((c) => c.slice(from, to));
}

/**
 * Trains the declaration risk model on the controlled declarations of a warehouse: features in
 * DuckDB, a time split (earlier rows train, the latest `evaluationShare` evaluate; boosting stops
 * on the latest part of the training rows), gradient-boosted trees, and the evaluation of domain.md
 * §5 on the later split.
 */
export async function trainWarehouseModel(
  conn: WarehouseConnection,
  options: WarehouseTrainOptions = {},
): Promise<WarehouseModelFile> {
  const started = performance.now();
  const evaluationShare = options.evaluationShare ?? 0.2;
  const stoppingShare = options.stoppingShare ?? 0.15;
  if (!(evaluationShare > 0 && evaluationShare < 1) || !(stoppingShare >= 0 && stoppingShare < 1))
    throw new RangeError('the evaluation and stopping shares must lie between 0 and 1');
  const priorStrength = options.priorStrength ?? DEFAULT_PRIOR_STRENGTH;
  const extraColumns = await extraDeclarationColumns(conn);
  const features: WarehouseFeature[] = [
    ...baseFeatures,
    ...extraColumns.map((e) => ({
      name: extraFeatureName(e.column),
      kind: e.kind,
      description: `extra column ${e.column} of the declarations file`,
    })),
  ];
  await buildRawFeatures(conn, { extraColumns, priorStrength });
  const [split] = await queryValues<{ n: bigint; cut: number | null }>(
    conn,
    `SELECT count(*) AS n, quantile_disc(lodged_epoch, 1 - $share) AS cut
     FROM ${rawFeatureTable} WHERE controlled`,
    { share: evaluationShare },
  );
  const controlled = Number(split?.n ?? 0n);
  if (controlled < 50 || split?.cut === null || split?.cut === undefined) {
    throw new EngineError(
      'PROBITY_WAREHOUSE_EMPTY',
      `the warehouse has ${controlled} controlled declarations (outcome finding or no_finding); at least 50 are needed to train`,
    );
  }
  const evaluationFrom = split.cut;
  const reference = await learnFeatureReference(conn, features, { beforeEpoch: evaluationFrom });
  await writeFeatureReference(conn, reference);
  const page = await readFeaturePage(
    conn,
    `${featureMatrixSql(features, reference, rawFeatureTable, 'r.controlled')} ORDER BY r.row_number`,
  );
  let trainEnd = 0;
  while (trainEnd < page.rows && (page.lodgedEpoch[trainEnd] as number) < evaluationFrom)
    trainEnd++;
  const stopFrom = Math.floor(trainEnd * (1 - stoppingShare));
  // Keep rows lodged at the same second on the same side of the stopping cut.
  let fitEnd = stopFrom;
  while (
    fitEnd > 0 &&
    fitEnd < trainEnd &&
    page.lodgedEpoch[fitEnd] === page.lodgedEpoch[fitEnd - 1]
  )
    fitEnd--;
  if (fitEnd < 10 || trainEnd === page.rows) {
    throw new EngineError(
      'PROBITY_WAREHOUSE_EMPTY',
      'too few controlled declarations on one side of the time split to train and evaluate',
    );
  }
  const params = { ...WAREHOUSE_MODEL_PARAMS, ...options.params };
  const kinds: FeatureKind[] = features.map((f) => f.kind);
  const names = features.map((f) => f.name);
  const valid =
    stoppingShare > 0 && fitEnd < trainEnd
      ? {
          columns: pick(page.columns, fitEnd, trainEnd),
          label: page.label.slice(fitEnd, trainEnd),
        }
      : undefined;
  const { model } = trainGbdt(
    { columns: pick(page.columns, 0, fitEnd), label: page.label.slice(0, fitEnd) },
    valid ? params : { ...params, earlyStoppingRounds: 0 },
    {
      featureNames: names,
      featureKinds: kinds,
      ...(valid ? { valid } : {}),
      ...(options.onRound ? { onRound: options.onRound } : {}),
    },
  );
  const scores = predict(model, matrixFromColumns(pick(page.columns, trainEnd, page.rows)));
  const evaluation = evaluateModelScores(
    scores,
    page.label.slice(trainEnd),
    page.revenue.slice(trainEnd),
  );
  const modelJson = modelToJson(model);
  const trainedAt = (options.now ?? (() => new Date()))().toISOString();
  const modelId = `wm-${createHash('sha256')
    .update(JSON.stringify(modelJson))
    .update(JSON.stringify(reference))
    .digest('hex')
    .slice(0, 12)}`;
  return {
    format: 'probity-warehouse-model',
    version: 1,
    modelId,
    trainedAt,
    features,
    extraColumns,
    priorStrength,
    reference,
    training: {
      controlled,
      trainRows: fitEnd,
      stoppingRows: trainEnd - fitEnd,
      evaluationRows: page.rows - trainEnd,
      firstLodged: isoOf(page.lodgedEpoch[0] ?? NaN),
      evaluationFrom: isoOf(evaluationFrom),
      lastLodged: isoOf(page.lodgedEpoch[page.rows - 1] ?? NaN),
      trees: model.trees.length,
      seconds: (performance.now() - started) / 1000,
    },
    evaluation,
    model: modelJson,
  };
}
