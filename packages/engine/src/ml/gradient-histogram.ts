import type { BinnedData } from './feature-bins.js';

/** Slots per feature in a histogram: 256 bins × (gradient, hessian). */
export const HISTOGRAM_STRIDE = 512;

/**
 * Sums gradients and hessians per (feature, bin) over rows `rows[start..end)`, for the listed
 * features only; `histogram` (features × 512 doubles) is overwritten for those features.
 */
export function buildHistogram(
  data: BinnedData,
  rows: Uint32Array,
  start: number,
  end: number,
  gradient: Float64Array,
  hessian: Float64Array,
  features: Int32Array,
  histogram: Float64Array,
): void {
  const nf = data.features;
  const bins = data.bins;
  const k = features.length;
  for (let j = 0; j < k; j++) {
    const f = features[j] as number;
    histogram.fill(0, f * HISTOGRAM_STRIDE, (f + 1) * HISTOGRAM_STRIDE);
  }
  for (let i = start; i < end; i++) {
    const r = rows[i] as number;
    const g = gradient[r] as number;
    const h = hessian[r] as number;
    const base = r * nf;
    for (let j = 0; j < k; j++) {
      const f = features[j] as number;
      const o = f * HISTOGRAM_STRIDE + ((bins[base + f] as number) << 1);
      histogram[o] = (histogram[o] as number) + g;
      histogram[o + 1] = (histogram[o + 1] as number) + h;
    }
  }
}

/** `target = parent − child` for the listed features (the sibling trick: build one child, subtract). */
export function subtractHistogram(
  parent: Float64Array,
  child: Float64Array,
  features: Int32Array,
  target: Float64Array,
): void {
  for (let j = 0; j < features.length; j++) {
    const f = features[j] as number;
    const end = (f + 1) * HISTOGRAM_STRIDE;
    for (let o = f * HISTOGRAM_STRIDE; o < end; o++) {
      target[o] = (parent[o] as number) - (child[o] as number);
    }
  }
}
