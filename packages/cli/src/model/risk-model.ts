import {
  type CalibrationBin,
  type FeaturePipeline,
  type GbdtModel,
  type GbdtModelJson,
  type GbdtParams,
  type TextTable,
  type TopKMetrics,
  applyFeaturePipeline,
  averagePrecision,
  calibrationTable,
  fitFeaturePipeline,
  matrixFromColumns,
  modelFromJson,
  modelToJson,
  predict,
  rocAuc,
  topKMetrics,
  trainGbdt,
} from '@probity/engine';
import { evaluateColumnExpression, parseColumnExpression } from './column-expression.js';
import { requireColumn } from './csv-table.js';
import { ModelInputError } from './model-input-error.js';

/** The file written by `probity model train`: the feature pipeline and the trees, together. */
export interface RiskModelFile {
  readonly format: 'probity-risk-model';
  readonly version: 1;
  readonly label: string;
  readonly time: string;
  readonly id: string | null;
  readonly revenue: string | null;
  readonly excluded: string[];
  readonly training: {
    readonly rows: number;
    readonly positives: number;
    readonly from: string;
    readonly to: string;
    /** `file`: the --valid table; `time-split`: the latest 20 % of the training table by time. */
    readonly validation: 'file' | 'time-split';
    readonly validRows: number;
    readonly validAuc: number | null;
    readonly trees: number;
  };
  readonly pipeline: FeaturePipeline;
  readonly model: GbdtModelJson;
}

/** Options of {@link trainRiskModel}. */
export interface TrainRiskModelOptions {
  readonly label: string;
  readonly time: string;
  readonly id?: string;
  readonly exclude?: readonly string[];
  readonly revenue?: string;
  /** Early-stopping data; without it the latest `validShare` of the training rows by time. */
  readonly valid?: TextTable;
  readonly validShare?: number;
  readonly params?: Partial<GbdtParams>;
  readonly onRound?: (round: number, metric: number) => void;
}

/** Defaults for the command line: slower learning with early stopping, light subsampling. */
export const RISK_MODEL_PARAMS: Partial<GbdtParams> = {
  rounds: 2000,
  learningRate: 0.05,
  maxDepth: 8,
  minChildWeight: 3,
  subsample: 0.8,
  colsampleByTree: 0.8,
  earlyStoppingRounds: 100,
  evalMetric: 'logloss',
};

/** Binary labels of a column: a number above zero is a positive; empty or non-numeric cells fail. */
export function labelsOf(table: TextTable, column: string, source = 'CSV'): Float64Array {
  const cells = requireColumn(table, column, source);
  return Float64Array.from(cells, (c, i) => {
    const v = Number(c);
    if (c.trim() === '' || !Number.isFinite(v)) {
      throw new ModelInputError(
        'PROBITY_BAD_LABEL',
        `${source}: label "${c}" in row ${i + 2} is not a number`,
      );
    }
    return v > 0 ? 1 : 0;
  });
}

function selectRows(table: TextTable, rows: readonly number[]): TextTable {
  return {
    names: table.names,
    columns: table.columns.map((col) => rows.map((r) => col[r] as string)),
  };
}

function compareTimes(cells: readonly string[]): (a: number, b: number) => number {
  const numeric = cells.every((c) => c.trim() !== '' && Number.isFinite(Number(c)));
  return numeric
    ? (a, b) => Number(cells[a]) - Number(cells[b]) || a - b
    : (a, b) =>
        (cells[a] as string) < (cells[b] as string)
          ? -1
          : (cells[a] as string) > (cells[b] as string)
            ? 1
            : a - b;
}

/** The model's scores (probabilities) for every row of a table. */
export function scoreTable(
  pipeline: FeaturePipeline,
  model: GbdtModel,
  table: TextTable,
): Float64Array {
  let features;
  try {
    features = applyFeaturePipeline(pipeline, table);
  } catch (cause) {
    // The pipeline names the column the table lacks.
    throw new ModelInputError('PROBITY_MISSING_COLUMN', (cause as Error).message, { cause });
  }
  return predict(model, matrixFromColumns(features.columns));
}

/**
 * Fits the feature pipeline and the trees on a training table. Rows are ordered by time; without a
 * validation table the latest rows (by time) are held out for early stopping, never a random share.
 */
export function trainRiskModel(
  table: TextTable,
  options: TrainRiskModelOptions,
): { readonly file: RiskModelFile; readonly model: GbdtModel } {
  const times = requireColumn(table, options.time, 'the training table');
  labelsOf(table, options.label, 'the training table');
  if (options.id) requireColumn(table, options.id, 'the training table');
  for (const c of options.exclude ?? []) requireColumn(table, c, 'the training table');
  const order = Array.from({ length: times.length }, (_, i) => i).sort(compareTimes(times));
  let train = selectRows(table, order);
  let valid = options.valid ?? null;
  let validation: 'file' | 'time-split' = 'file';
  if (!valid) {
    validation = 'time-split';
    const cut = Math.floor(order.length * (1 - (options.validShare ?? 0.2)));
    valid = selectRows(
      train,
      order.slice(cut).map((_, k) => cut + k),
    );
    train = selectRows(
      train,
      order.slice(0, cut).map((_, k) => k),
    );
  }
  const label = labelsOf(train, options.label, 'the training table');
  const validLabel = labelsOf(valid, options.label, 'the validation table');
  const excluded = [
    ...new Set([
      options.label,
      options.time,
      ...(options.id ? [options.id] : []),
      ...(options.exclude ?? []),
    ]),
  ];
  const params = { ...RISK_MODEL_PARAMS, ...options.params };
  const { pipeline, train: features } = fitFeaturePipeline(train, label, {
    exclude: excluded,
    seed: params.seed ?? 0,
  });
  const validFeatures = applyFeaturePipeline(pipeline, valid);
  const result = trainGbdt({ columns: features.columns, label }, params, {
    featureNames: features.names,
    featureKinds: features.kinds,
    valid: { columns: validFeatures.columns, label: validLabel },
    ...(options.onRound ? { onRound: options.onRound } : {}),
  });
  const validScores = predict(result.model, matrixFromColumns(validFeatures.columns));
  const trainTimes = requireColumn(train, options.time);
  const auc = rocAuc(validScores, validLabel);
  const file: RiskModelFile = {
    format: 'probity-risk-model',
    version: 1,
    label: options.label,
    time: options.time,
    id: options.id ?? null,
    revenue: options.revenue ?? null,
    excluded,
    training: {
      rows: label.length,
      positives: label.reduce((s, v) => s + v, 0),
      from: trainTimes[0] ?? '',
      to: trainTimes[trainTimes.length - 1] ?? '',
      validation,
      validRows: validLabel.length,
      validAuc: Number.isFinite(auc) ? auc : null,
      trees: result.model.trees.length,
    },
    pipeline,
    model: modelToJson(result.model),
  };
  return { file, model: result.model };
}

/** Reads a `probity-risk-model` file's text. */
export function readRiskModel(
  text: string,
  source = 'the model file',
): { file: RiskModelFile; model: GbdtModel } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    throw new ModelInputError('PROBITY_MODEL_FILE', `${source} is not JSON`, { cause });
  }
  const file = doc as RiskModelFile;
  if (
    typeof doc !== 'object' ||
    doc === null ||
    file.format !== 'probity-risk-model' ||
    file.version !== 1
  ) {
    throw new ModelInputError(
      'PROBITY_MODEL_FILE',
      `${source} is not a probity-risk-model version 1 file`,
    );
  }
  if (file.pipeline?.format !== 'probity-feature-pipeline') {
    throw new ModelInputError('PROBITY_MODEL_FILE', `${source} has no feature pipeline`);
  }
  try {
    return { file, model: modelFromJson(file.model) };
  } catch (cause) {
    throw new ModelInputError('PROBITY_MODEL_FILE', `${source}: ${(cause as Error).message}`, {
      cause,
    });
  }
}

/** Revenue at stake per row from a column name or an arithmetic expression over columns. */
export function revenueOf(table: TextTable, expression: string): Float64Array {
  return evaluateColumnExpression(parseColumnExpression(expression, table.names), table);
}

/** The metrics `probity model evaluate` reports. */
export interface Evaluation {
  readonly rows: number;
  readonly positives: number;
  readonly auc: number;
  readonly averagePrecision: number;
  readonly topK: TopKMetrics[];
  readonly calibration: CalibrationBin[];
}

/** Ranks rows by score and computes AUC, AP, precision/recall/revenue at 1, 2, 5, 10 % and deciles. */
export function evaluateScores(
  scores: Float64Array,
  labels: Float64Array,
  revenue: Float64Array | null,
): Evaluation {
  return {
    rows: labels.length,
    positives: labels.reduce((s, v) => s + v, 0),
    auc: rocAuc(scores, labels),
    averagePrecision: averagePrecision(scores, labels),
    topK: topKMetrics(scores, labels, revenue),
    calibration: calibrationTable(scores, labels, 10),
  };
}
