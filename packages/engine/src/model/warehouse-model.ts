import { type GbdtModelJson, ModelFormatError } from '../ml/index.js';
import type { ExtraColumn, WarehouseFeature } from './declaration-features.js';
import type { FeatureReference } from './feature-reference.js';
import type { ModelEvaluation } from './model-evaluation.js';

/** A declaration risk model trained on a warehouse: features, reference tables, trees and evaluation. */
export interface WarehouseModelFile {
  readonly format: 'probity-warehouse-model';
  readonly version: 1;
  readonly modelId: string;
  readonly trainedAt: string;
  readonly features: WarehouseFeature[];
  readonly extraColumns: ExtraColumn[];
  readonly priorStrength: number;
  readonly reference: FeatureReference;
  readonly training: {
    /** Controlled declarations: outcome `finding` or `no_finding`. */
    readonly controlled: number;
    readonly trainRows: number;
    /** The latest training rows, used only to stop boosting. */
    readonly stoppingRows: number;
    readonly evaluationRows: number;
    readonly firstLodged: string;
    /** Controlled declarations lodged from this time on form the evaluation split. */
    readonly evaluationFrom: string;
    readonly lastLodged: string;
    readonly trees: number;
    readonly seconds: number;
  };
  readonly evaluation: ModelEvaluation;
  readonly model: GbdtModelJson;
}

/** Reads a warehouse model file (parsed JSON or text), checking its format. */
export function warehouseModelFromJson(input: unknown): WarehouseModelFile {
  const doc = typeof input === 'string' ? (JSON.parse(input) as unknown) : input;
  if (typeof doc !== 'object' || doc === null)
    throw new ModelFormatError('a model must be a JSON object');
  const o = doc as Record<string, unknown>;
  if (o['format'] !== 'probity-warehouse-model')
    throw new ModelFormatError(
      'not a warehouse model (format probity-warehouse-model): train one with `probity model train --db`',
    );
  if (o['version'] !== 1)
    throw new ModelFormatError(`unsupported model version ${String(o['version'])}`);
  for (const key of ['features', 'extraColumns', 'reference', 'training', 'model'] as const) {
    if (typeof o[key] !== 'object' || o[key] === null)
      throw new ModelFormatError(`the model has no ${key}`);
  }
  return doc as WarehouseModelFile;
}
