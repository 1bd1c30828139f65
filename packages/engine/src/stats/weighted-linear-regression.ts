import { StatsArgumentError } from './errors.js';

/** Fit of a straight line by weighted least squares. */
export interface LinearFit {
  readonly intercept: number;
  readonly slope: number;
  readonly interceptStandardError: number;
  readonly slopeStandardError: number;
  /** σ̂² = Σ wᵢ rᵢ² / (n − 2), the residual variance of a unit-weight observation. */
  readonly residualVariance: number;
  /** Points used: finite x and y with positive weight. */
  readonly n: number;
  /** n − 2. */
  readonly degreesOfFreedom: number;
}

/**
 * Weighted least-squares line y = a + b x (weights default to 1), with the
 * standard errors R's lm(y ~ x, weights = w) reports: with x̄_w, ȳ_w the
 * weighted means, Sxx = Σ w (x − x̄_w)², b = Σ w (x − x̄_w)(y − ȳ_w)/Sxx,
 * a = ȳ_w − b x̄_w, σ̂² = Σ w r²/(n − 2), se(b) = √(σ̂²/Sxx),
 * se(a) = √(σ̂² (1/Σw + x̄_w²/Sxx)). Points with a NaN or zero weight are left
 * out. Fewer than two distinct x values give NaN coefficients, fewer than
 * three points NaN standard errors. Used for the Fisman–Wei regression of
 * the mirror gap on the tariff rate across products.
 */
export function weightedLinearRegression(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  weights?: ArrayLike<number>,
): LinearFit {
  if (y.length !== x.length || (weights !== undefined && weights.length !== x.length)) {
    throw new StatsArgumentError('x, y and weights must have the same length');
  }
  const used: number[] = [];
  let sumW = 0;
  let sumWx = 0;
  let sumWy = 0;
  for (let i = 0; i < x.length; i++) {
    const w = weights === undefined ? 1 : (weights[i] ?? Number.NaN);
    const xi = x[i] ?? Number.NaN;
    const yi = y[i] ?? Number.NaN;
    if (w < 0) throw new StatsArgumentError(`weights must be non-negative, got ${w}`);
    if (!(w > 0) || !Number.isFinite(xi) || !Number.isFinite(yi)) continue;
    used.push(i);
    sumW += w;
    sumWx += w * xi;
    sumWy += w * yi;
  }
  const n = used.length;
  const meanX = sumWx / sumW;
  const meanY = sumWy / sumW;
  let sxx = 0;
  let sxy = 0;
  for (const i of used) {
    const w = weights === undefined ? 1 : (weights[i] ?? 0);
    const dx = (x[i] ?? 0) - meanX;
    sxx += w * dx * dx;
    sxy += w * dx * ((y[i] ?? 0) - meanY);
  }
  const slope = n >= 2 && sxx > 0 ? sxy / sxx : Number.NaN;
  const intercept = meanY - slope * meanX;
  let rss = 0;
  for (const i of used) {
    const w = weights === undefined ? 1 : (weights[i] ?? 0);
    const r = (y[i] ?? 0) - intercept - slope * (x[i] ?? 0);
    rss += w * r * r;
  }
  const degreesOfFreedom = n - 2;
  const residualVariance = degreesOfFreedom > 0 ? rss / degreesOfFreedom : Number.NaN;
  return {
    intercept,
    slope,
    interceptStandardError: Math.sqrt(residualVariance * (1 / sumW + (meanX * meanX) / sxx)),
    slopeStandardError: Math.sqrt(residualVariance / sxx),
    residualVariance,
    n,
    degreesOfFreedom,
  };
}
