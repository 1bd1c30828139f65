import { median } from './median.js';

/** Options of {@link mad}. */
export interface MadOptions {
  /** Multiply by 1.4826 (≈ 1/Φ⁻¹(¾)) so that the MAD estimates σ for normal data, as R's mad(); default true. */
  readonly scaled?: boolean;
  /** Centre to measure deviations from; default the median. */
  readonly centre?: number;
}

/** R's consistency constant for mad(): 1/Φ⁻¹(3/4) rounded to 1.4826. */
export const MAD_SCALE = 1.4826;

/** Median absolute deviation, median(|xᵢ − median(x)|), scaled by 1.4826 unless `scaled` is false; NaN values ignored. */
export function mad(values: ArrayLike<number>, options: MadOptions = {}): number {
  const centre = options.centre ?? median(values);
  const deviations: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== undefined && !Number.isNaN(value)) deviations.push(Math.abs(value - centre));
  }
  const raw = median(deviations);
  return options.scaled === false ? raw : MAD_SCALE * raw;
}
