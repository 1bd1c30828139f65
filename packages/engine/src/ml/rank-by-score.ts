/** Row numbers ordered by descending score; ties keep the original row order. NaN scores go last. */
export function rankByScore(scores: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const key = (i: number): number => {
    const s = scores[i] as number;
    return Number.isNaN(s) ? -Infinity : s;
  };
  return order.sort((a, b) => key(b) - key(a) || a - b);
}
