import { describe, expect, it } from 'vitest';
import {
  StatsArgumentError,
  weightedLeastSquares,
  weightedLinearRegression,
} from '../../src/stats/index.js';
import { expectAllRelative, expectRelative } from './relative-error.js';

// Reference: numpy 2.4.6 normal equations with explicit inverse (a different
// algorithm from the QR used here), standard errors as R's lm with weights:
//   X = np.column_stack([np.ones_like(t), t]); XtWX = X.T @ (W[:, None] * X)
//   beta = np.linalg.solve(XtWX, X.T @ (W * g)); res = g - X @ beta
//   s2 = (W * res**2).sum() / (len(g) - 2); se = np.sqrt(np.diag(s2 * np.linalg.inv(XtWX)))
// A toy Fisman–Wei data set: gap against tariff rate, weighted by trade value.
const TARIFF = [0.0, 2.5, 5.0, 7.5, 10.0, 12.5, 15.0, 20.0, 25.0, 30.0];
const GAP = [0.02, 0.1, 0.11, 0.25, 0.31, 0.33, 0.52, 0.61, 0.83, 0.95];
const WEIGHT = [120, 80, 95, 60, 150, 40, 70, 30, 25, 10];

describe('weightedLinearRegression', () => {
  it('matches ordinary least squares without weights', () => {
    const fit = weightedLinearRegression(TARIFF, GAP);
    expectRelative(fit.intercept, -0.004816414686824762, 1e-11);
    expectRelative(fit.slope, 0.03198560115190783, 1e-13);
    expectRelative(fit.interceptStandardError, 0.02045266661810433, 1e-12);
    expectRelative(fit.slopeStandardError, 0.0012951601780793304, 1e-12);
    expectRelative(fit.residualVariance, 0.0014562275017998556, 1e-12);
    expect(fit.n).toBe(10);
    expect(fit.degreesOfFreedom).toBe(8);
  });

  it('matches weighted least squares', () => {
    const fit = weightedLinearRegression(TARIFF, GAP, WEIGHT);
    expectRelative(fit.intercept, -0.0002938144329898246, 1e-10);
    expectRelative(fit.slope, 0.03170171821305843, 1e-13);
    expectRelative(fit.interceptStandardError, 0.017751746911592155, 1e-12);
    expectRelative(fit.slopeStandardError, 0.0016379103161362875, 1e-12);
    expectRelative(fit.residualVariance, 0.08610444587628868, 1e-12);
  });

  it('drops rows with NaN or zero weight, and gives NaN when x does not vary', () => {
    const fit = weightedLinearRegression(
      [...TARIFF, Number.NaN, 3],
      [...GAP, 1, 9],
      [...WEIGHT, 5, 0],
    );
    expectRelative(fit.slope, 0.03170171821305843, 1e-13);
    expect(fit.n).toBe(10);
    expect(weightedLinearRegression([2, 2, 2], [1, 2, 3]).slope).toBeNaN();
    const two = weightedLinearRegression([0, 1], [1, 3]);
    expect(two.slope).toBe(2);
    expect(two.slopeStandardError).toBeNaN();
    expect(weightedLinearRegression([], []).n).toBe(0);
  });

  it('rejects arrays of different lengths and negative weights', () => {
    expect(() => weightedLinearRegression([1, 2], [1])).toThrow(StatsArgumentError);
    expect(() => weightedLinearRegression([1, 2], [1, 2], [1, -1])).toThrow(StatsArgumentError);
  });
});

describe('weightedLeastSquares', () => {
  const FREE_ZONE = [1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0];

  it('agrees with the straight-line fit for one predictor', () => {
    const fit = weightedLeastSquares([TARIFF], GAP, { weights: WEIGHT });
    expectAllRelative(fit.coefficients, [-0.0002938144329898246, 0.03170171821305843], 1e-10);
    expectAllRelative(fit.standardErrors, [0.017751746911592155, 0.0016379103161362875], 1e-12);
  });

  it('matches numpy for two predictors with weights, covariance included', () => {
    // X = np.column_stack([np.ones_like(t), t, x2]), s2 over n − 3.
    const fit = weightedLeastSquares([TARIFF, FREE_ZONE], GAP, { weights: WEIGHT });
    expectAllRelative(
      fit.coefficients,
      [-0.011560166507020441, 0.03196246826360526, 0.016688767897902274],
      1e-11,
    );
    expectAllRelative(
      fit.standardErrors,
      [0.02444212255445943, 0.001733854843445805, 0.023917079835434372],
      1e-12,
    );
    expectRelative(fit.residualVariance, 0.09200554887748166, 1e-12);
    expectAllRelative(
      fit.covariance,
      [
        0.0005974173549672143, -3.0062526181404767e-5, -0.00038616717098977543,
        -3.0062526181404767e-5, 3.006252618140477e-6, 8.937507783660876e-6, -0.0003861671709897753,
        8.937507783660872e-6, 0.0005720267078545414,
      ],
      1e-11,
    );
    expect(fit.degreesOfFreedom).toBe(7);
  });

  it('gives NaN for a rank-deficient design', () => {
    const doubled = TARIFF.map((t) => 2 * t + 1);
    const fit = weightedLeastSquares([TARIFF, doubled], GAP);
    expect(Array.from(fit.coefficients).every(Number.isNaN)).toBe(true);
    const constant = weightedLeastSquares([TARIFF.map(() => 1e6)], GAP);
    expect(fit.residualVariance).toBeNaN();
    expect(constant.coefficients[1]).toBeNaN();
  });

  it('fits without an intercept when asked', () => {
    // Through the origin: β = Σxy/Σx² for y = 2x exactly.
    const fit = weightedLeastSquares([[1, 2, 3]], [2, 4, 6], { intercept: false });
    expectRelative(fit.coefficients[0] ?? Number.NaN, 2, 1e-15);
    expect(fit.residualVariance).toBeLessThan(1e-28);
  });
});
