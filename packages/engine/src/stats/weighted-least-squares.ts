import { StatsArgumentError } from './errors.js';

/** Options of {@link weightedLeastSquares}. */
export interface LeastSquaresOptions {
  /** Observation weights (default 1); a zero or NaN weight leaves the row out. */
  readonly weights?: ArrayLike<number>;
  /** Add an intercept column first (default true). */
  readonly intercept?: boolean;
}

/** Fit of a linear model by weighted least squares. */
export interface LeastSquaresFit {
  /** β̂, the intercept first when one was added, then one per predictor. */
  readonly coefficients: Float64Array;
  /** √diag(σ̂² (XᵀWX)⁻¹). */
  readonly standardErrors: Float64Array;
  /** σ̂² (XᵀWX)⁻¹, row-major p × p. */
  readonly covariance: Float64Array;
  /** σ̂² = Σ wᵢ rᵢ²/(n − p). */
  readonly residualVariance: number;
  /** Rows used. */
  readonly n: number;
  /** n − p. */
  readonly degreesOfFreedom: number;
}

/**
 * Weighted least squares β̂ = argmin Σ wᵢ (yᵢ − xᵢᵀβ)² for a few predictors
 * (given as columns), by Householder QR of √W X, which avoids forming XᵀWX;
 * standard errors as R's lm(y ~ ., weights = w). Rows with a non-finite
 * value or a zero weight are left out. A rank-deficient design (a
 * predictor constant or collinear on the rows used) gives NaN throughout.
 */
export function weightedLeastSquares(
  predictors: ReadonlyArray<ArrayLike<number>>,
  y: ArrayLike<number>,
  options: LeastSquaresOptions = {},
): LeastSquaresFit {
  const withIntercept = options.intercept ?? true;
  const weights = options.weights;
  const rows = y.length;
  if (predictors.some((column) => column.length !== rows) || (weights && weights.length !== rows)) {
    throw new StatsArgumentError('predictors, y and weights must have the same length');
  }
  const p = predictors.length + (withIntercept ? 1 : 0);
  // Rows kept, scaled by √w: a column-major matrix A (n × p) and vector b.
  const columns: number[][] = Array.from({ length: p }, () => []);
  const b: number[] = [];
  for (let i = 0; i < rows; i++) {
    const w = weights === undefined ? 1 : (weights[i] ?? Number.NaN);
    if (w < 0) throw new StatsArgumentError(`weights must be non-negative, got ${w}`);
    const yi = y[i] ?? Number.NaN;
    if (!(w > 0) || !Number.isFinite(yi)) continue;
    const row = predictors.map((column) => column[i] ?? Number.NaN);
    if (!row.every(Number.isFinite)) continue;
    const root = Math.sqrt(w);
    const full = withIntercept ? [1, ...row] : row;
    full.forEach((value, j) => columns[j]?.push(root * value));
    b.push(root * yi);
  }
  const n = b.length;
  const degreesOfFreedom = n - p;
  const nan = (length: number): Float64Array => new Float64Array(length).fill(Number.NaN);
  const failed: LeastSquaresFit = {
    coefficients: nan(p),
    standardErrors: nan(p),
    covariance: nan(p * p),
    residualVariance: Number.NaN,
    n,
    degreesOfFreedom,
  };
  if (n < p || p === 0) return failed;

  // Householder QR: A = QR; apply Qᵀ to b as we go. A column whose part
  // left after the earlier reflections is below 1e-10 of its own norm is
  // (numerically) a combination of the earlier ones: rank deficient.
  const columnNorms = columns.map((column) => column.reduce((sum, v) => Math.hypot(sum, v), 0));
  const r = new Float64Array(p * p);
  for (let k = 0; k < p; k++) {
    const a = columns[k] ?? [];
    let norm = 0;
    for (let i = k; i < n; i++) norm = Math.hypot(norm, a[i] ?? 0);
    const akk = a[k] ?? 0;
    const alpha = akk > 0 ? -norm : norm;
    if (norm === 0 || norm <= 1e-10 * (columnNorms[k] ?? 0)) return failed;
    // v = a_k:n − alpha e₁, stored in place; H = I − 2vvᵀ/(vᵀv).
    a[k] = akk - alpha;
    let vv = 0;
    for (let i = k; i < n; i++) vv += (a[i] ?? 0) ** 2;
    const reflect = (target: number[]): void => {
      let dot = 0;
      for (let i = k; i < n; i++) dot += (a[i] ?? 0) * (target[i] ?? 0);
      const factor = (2 * dot) / vv;
      for (let i = k; i < n; i++) target[i] = (target[i] ?? 0) - factor * (a[i] ?? 0);
    };
    for (let j = k + 1; j < p; j++) reflect(columns[j] ?? []);
    reflect(b);
    r[k * p + k] = alpha;
    for (let j = k + 1; j < p; j++) r[k * p + j] = columns[j]?.[k] ?? 0;
  }
  // Back-substitution R β = (Qᵀb)₁..p; the rest of Qᵀb is the residual.
  const coefficients = new Float64Array(p);
  for (let k = p - 1; k >= 0; k--) {
    let sum = b[k] ?? 0;
    for (let j = k + 1; j < p; j++) sum -= (r[k * p + j] ?? 0) * (coefficients[j] ?? 0);
    coefficients[k] = sum / (r[k * p + k] ?? Number.NaN);
  }
  let rss = 0;
  for (let i = p; i < n; i++) rss += (b[i] ?? 0) ** 2;
  const residualVariance = degreesOfFreedom > 0 ? rss / degreesOfFreedom : Number.NaN;
  // (XᵀWX)⁻¹ = R⁻¹R⁻ᵀ; R⁻¹ is upper triangular.
  const inverse = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    inverse[j * p + j] = 1 / (r[j * p + j] ?? Number.NaN);
    for (let i = j - 1; i >= 0; i--) {
      let sum = 0;
      for (let k = i + 1; k <= j; k++) sum += (r[i * p + k] ?? 0) * (inverse[k * p + j] ?? 0);
      inverse[i * p + j] = -sum / (r[i * p + i] ?? Number.NaN);
    }
  }
  const covariance = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      let sum = 0;
      for (let k = Math.max(i, j); k < p; k++) {
        sum += (inverse[i * p + k] ?? 0) * (inverse[j * p + k] ?? 0);
      }
      covariance[i * p + j] = residualVariance * sum;
    }
  }
  const standardErrors = new Float64Array(p);
  for (let j = 0; j < p; j++) standardErrors[j] = Math.sqrt(covariance[j * p + j] ?? Number.NaN);
  return { coefficients, standardErrors, covariance, residualVariance, n, degreesOfFreedom };
}
