/** Mean binary log loss of probabilities (clipped to [1e−15, 1 − 1e−15]). */
export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = Math.min(1 - 1e-15, Math.max(1e-15, probabilities[i] as number));
    sum -= (labels[i] as number) > 0 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / probabilities.length;
}

/** Root mean squared error. */
export function rootMeanSquaredError(
  predictions: ArrayLike<number>,
  labels: ArrayLike<number>,
): number {
  let sum = 0;
  for (let i = 0; i < predictions.length; i++) {
    const d = (predictions[i] as number) - (labels[i] as number);
    sum += d * d;
  }
  return Math.sqrt(sum / predictions.length);
}
