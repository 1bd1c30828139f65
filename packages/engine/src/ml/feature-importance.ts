import type { FeatureMatrix } from './feature-matrix.js';
import type { GbdtModel } from './gbdt-model.js';
import { treeShap } from './tree-shap.js';

/** Global importance of each feature. */
export interface FeatureImportance {
  readonly feature: string;
  /** Total loss reduction of the feature's splits. */
  readonly gain: number;
  /** Total training weight (hessian) reaching the feature's splits. */
  readonly cover: number;
  /** Number of splits on the feature. */
  readonly splits: number;
  /** Mean absolute SHAP value over the rows given (NaN when no rows were given). */
  readonly meanAbsShap: number;
}

/** Gain, cover and split counts per feature, and mean |SHAP| over `rows` when given; by gain, descending. */
export function featureImportance(model: GbdtModel, rows?: FeatureMatrix): FeatureImportance[] {
  const nf = model.featureNames.length;
  const gain = new Float64Array(nf);
  const cover = new Float64Array(nf);
  const splits = new Float64Array(nf);
  for (const tree of model.trees) {
    for (let node = 0; node < tree.feature.length; node++) {
      const f = tree.feature[node] as number;
      if (f < 0) continue;
      gain[f] = (gain[f] as number) + (tree.gain[node] as number);
      cover[f] = (cover[f] as number) + (tree.cover[node] as number);
      splits[f] = (splits[f] as number) + 1;
    }
  }
  const meanAbs = new Float64Array(nf).fill(NaN);
  if (rows && rows.rows > 0) {
    meanAbs.fill(0);
    const shap = treeShap(model, rows);
    for (let r = 0; r < rows.rows; r++) {
      for (let f = 0; f < nf; f++) {
        meanAbs[f] =
          (meanAbs[f] as number) + Math.abs(shap.contributions[r * nf + f] as number) / rows.rows;
      }
    }
  }
  return model.featureNames
    .map((feature, f) => ({
      feature,
      gain: gain[f] as number,
      cover: cover[f] as number,
      splits: splits[f] as number,
      meanAbsShap: meanAbs[f] as number,
    }))
    .sort((a, b) => b.gain - a.gain || a.feature.localeCompare(b.feature));
}
