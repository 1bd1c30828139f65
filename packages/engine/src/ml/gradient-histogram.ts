import type { BinnedData, FeatureBins } from './feature-bins.js';

/**
 * Where each feature's slots start in a histogram: feature f holds (gradient, hessian) pairs for its
 * bins 0..binCount (the last one for missing values) from offsets[f] to offsets[f + 1].
 */
export function histogramOffsets(featureBins: readonly FeatureBins[]): Int32Array {
  const offsets = new Int32Array(featureBins.length + 1);
  featureBins.forEach((fb, f) => {
    offsets[f + 1] = (offsets[f] as number) + 2 * (fb.binCount + 1);
  });
  return offsets;
}

/**
 * Sums gradients and hessians per (feature, bin) over rows `rows[start..end)`, for the listed
 * features only; `gradHess` interleaves each row's gradient and hessian. The listed features'
 * slots of `histogram` are overwritten. `featureOffsets`: offsets[f] of each listed feature f
 * (gathered once by the caller, as small nodes are many).
 */
export function buildHistogram(
  data: BinnedData,
  offsets: Int32Array,
  rows: Uint32Array,
  start: number,
  end: number,
  gradHess: Float64Array,
  features: Int32Array,
  featureOffsets: Int32Array,
  histogram: Float64Array,
): void {
  const nf = data.features;
  const bins = data.bins;
  const k = features.length;
  const base = featureOffsets;
  const column = features;
  for (let j = 0; j < k; j++) {
    histogram.fill(0, base[j] as number, offsets[(column[j] as number) + 1] as number);
  }
  // Four features per step (fewer loop tests, more independent additions in flight).
  const k4 = k - (k % 4);
  for (let i = start; i < end; i++) {
    const r = rows[i] as number;
    const g = gradHess[2 * r] as number;
    const h = gradHess[2 * r + 1] as number;
    const row = r * nf;
    let j = 0;
    for (; j < k4; j += 4) {
      const o0 = (base[j] as number) + ((bins[row + (column[j] as number)] as number) << 1);
      const o1 = (base[j + 1] as number) + ((bins[row + (column[j + 1] as number)] as number) << 1);
      const o2 = (base[j + 2] as number) + ((bins[row + (column[j + 2] as number)] as number) << 1);
      const o3 = (base[j + 3] as number) + ((bins[row + (column[j + 3] as number)] as number) << 1);
      histogram[o0] = (histogram[o0] as number) + g;
      histogram[o0 + 1] = (histogram[o0 + 1] as number) + h;
      histogram[o1] = (histogram[o1] as number) + g;
      histogram[o1 + 1] = (histogram[o1 + 1] as number) + h;
      histogram[o2] = (histogram[o2] as number) + g;
      histogram[o2 + 1] = (histogram[o2 + 1] as number) + h;
      histogram[o3] = (histogram[o3] as number) + g;
      histogram[o3 + 1] = (histogram[o3 + 1] as number) + h;
    }
    for (; j < k; j++) {
      const o = (base[j] as number) + ((bins[row + (column[j] as number)] as number) << 1);
      histogram[o] = (histogram[o] as number) + g;
      histogram[o + 1] = (histogram[o + 1] as number) + h;
    }
  }
}

/** `target = parent − child` for the listed features (the sibling trick: build one child, subtract). */
export function subtractHistogram(
  offsets: Int32Array,
  parent: Float64Array,
  child: Float64Array,
  features: Int32Array,
  target: Float64Array,
): void {
  for (let j = 0; j < features.length; j++) {
    const f = features[j] as number;
    const end = offsets[f + 1] as number;
    for (let o = offsets[f] as number; o < end; o++) {
      target[o] = (parent[o] as number) - (child[o] as number);
    }
  }
}
