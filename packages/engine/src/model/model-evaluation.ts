import {
  type CalibrationBin,
  type TopKMetrics,
  averagePrecision,
  calibrationTable,
  rocAuc,
  topKMetrics,
} from '../ml/index.js';

/** The sentence every evaluation and selection report carries (domain.md §5). */
export const LABELS_NOTE =
  'Labels exist only for controlled declarations (outcome known): these figures describe that population, not every declaration.';

/** Evaluation of a model on controlled declarations, as the field reports it (domain.md §5). */
export interface ModelEvaluation {
  readonly rows: number;
  readonly positives: number;
  readonly auc: number;
  readonly averagePrecision: number;
  readonly topK: TopKMetrics[];
  readonly calibration: CalibrationBin[];
  /** Sum of assessed − declared duty over the rows. */
  readonly revenueTotal: number;
  readonly note: string;
}

/** Ranks rows by score and computes precision/recall/revenue@1, 2, 5, 10 %, AUC, AP and calibration. */
export function evaluateModelScores(
  scores: Float64Array,
  labels: Float64Array,
  revenue: Float64Array,
): ModelEvaluation {
  let positives = 0;
  let revenueTotal = 0;
  for (let i = 0; i < labels.length; i++) {
    if ((labels[i] as number) > 0) positives++;
    revenueTotal += (revenue[i] as number) || 0;
  }
  return {
    rows: labels.length,
    positives,
    auc: rocAuc(scores, labels),
    averagePrecision: averagePrecision(scores, labels),
    topK: topKMetrics(scores, labels, revenue),
    calibration: calibrationTable(scores, labels, 10),
    revenueTotal,
    note: LABELS_NOTE,
  };
}
