/**
 * Area under the ROC curve by the Mann–Whitney statistic, tied scores sharing their average rank
 * (so a tie between a positive and a negative counts one half). NaN when a class is absent.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    const s = scores[order[i] as number] as number;
    while (j + 1 < n && (scores[order[j + 1] as number] as number) === s) j++;
    // Ranks i+1 .. j+1 share their average.
    const averageRank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) {
      if ((labels[order[k] as number] as number) > 0) {
        positives++;
        rankSum += averageRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
