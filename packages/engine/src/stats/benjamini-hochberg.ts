import { StatsArgumentError } from './errors.js';

/**
 * Benjamini–Hochberg adjusted p-values (q-values), as R's
 * p.adjust(p, "BH"): q₍ᵢ₎ = min over j ≥ i of m p₍ⱼ₎ / j, capped at 1, where
 * p₍₁₎ ≤ … ≤ p₍ₘ₎ and m counts the non-NaN p-values. NaN stays NaN
 * (Benjamini & Hochberg 1995, JRSS B 57:289–300).
 */
export function benjaminiHochberg(pValues: ArrayLike<number>): Float64Array {
  const result = new Float64Array(pValues.length).fill(Number.NaN);
  const order: number[] = [];
  for (let i = 0; i < pValues.length; i++) {
    const p = pValues[i] ?? Number.NaN;
    if (Number.isNaN(p)) continue;
    if (p < 0 || p > 1) throw new StatsArgumentError(`p-value must be in [0, 1], got ${p}`);
    order.push(i);
  }
  order.sort((a, b) => (pValues[a] ?? 0) - (pValues[b] ?? 0));
  const m = order.length;
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const index = order[rank - 1] ?? 0;
    running = Math.min(running, (m / rank) * (pValues[index] ?? Number.NaN));
    result[index] = running;
  }
  return result;
}
