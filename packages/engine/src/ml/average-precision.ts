/**
 * Average precision: Σ (recall_t − recall_{t−1}) × precision_t over the distinct score thresholds
 * in descending order (tied scores enter together, as scikit-learn computes it). NaN without positives.
 */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (scores[b] as number) - (scores[a] as number));
  let positives = 0;
  for (let i = 0; i < n; i++) if ((labels[i] as number) > 0) positives++;
  if (positives === 0) return NaN;
  let hits = 0;
  let seen = 0;
  let previousRecall = 0;
  let ap = 0;
  let i = 0;
  while (i < n) {
    const s = scores[order[i] as number] as number;
    while (i < n && (scores[order[i] as number] as number) === s) {
      if ((labels[order[i] as number] as number) > 0) hits++;
      seen++;
      i++;
    }
    const recall = hits / positives;
    ap += (recall - previousRecall) * (hits / seen);
    previousRecall = recall;
  }
  return ap;
}
