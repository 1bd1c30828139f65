/** Loss functions the boosting can minimise. */
export type Objective = 'binary:logistic' | 'reg:squarederror';

/** Logistic function. */
export function sigmoid(margin: number): number {
  return 1 / (1 + Math.exp(-margin));
}

/** Writes the first and second derivatives of the loss at each margin, times each row's weight. */
export function computeGradients(
  objective: Objective,
  margin: Float64Array,
  label: Float64Array,
  weight: Float64Array,
  gradient: Float64Array,
  hessian: Float64Array,
): void {
  const n = margin.length;
  if (objective === 'binary:logistic') {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-(margin[i] as number)));
      const w = weight[i] as number;
      gradient[i] = (p - (label[i] as number)) * w;
      // XGBoost's floor keeps hessians positive when predictions saturate.
      hessian[i] = Math.max(p * (1 - p), 1e-16) * w;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const w = weight[i] as number;
      gradient[i] = ((margin[i] as number) - (label[i] as number)) * w;
      hessian[i] = w;
    }
  }
}

/** The constant margin that minimises the weighted loss (log-odds of the mean, or the mean). */
export function initialMargin(
  objective: Objective,
  label: Float64Array,
  weight: Float64Array,
): number {
  let sw = 0;
  let sy = 0;
  for (let i = 0; i < label.length; i++) {
    sw += weight[i] as number;
    sy += (weight[i] as number) * (label[i] as number);
  }
  const mean = sw > 0 ? sy / sw : 0;
  if (objective === 'reg:squarederror') return mean;
  const p = Math.min(1 - 1e-7, Math.max(1e-7, mean));
  return Math.log(p / (1 - p));
}

/** Turns a margin into the model's output (probability for logistic, the value itself otherwise). */
export function transformMargin(objective: Objective, margin: number): number {
  return objective === 'binary:logistic' ? sigmoid(margin) : margin;
}
