// Pure statistics: numbers and arrays in, numbers and arrays out. Nothing
// here imports from the rest of the project (a lint rule enforces it).
export { StatsArgumentError, StatsConvergenceError, StatsError } from './errors.js';
export { logGamma } from './log-gamma.js';
export { logBeta } from './log-beta.js';
export { binomialDeviance, stirlingError } from './stirling-error.js';
export {
  regularizedBeta,
  regularizedBetaComplement,
  regularizedBetaPair,
} from './regularized-beta.js';
export { regularizedGammaP, regularizedGammaPair, regularizedGammaQ } from './regularized-gamma.js';
export { normalCdf, normalDensity, normalSurvival } from './normal-cdf.js';
export { normalQuantile } from './normal-quantile.js';
export { chiSquareUpperTail } from './chi-square-tail.js';
export { binomialPmf } from './binomial-pmf.js';
export { poissonPmf } from './poisson-pmf.js';
export { binomialLowerTail, binomialUpperTail } from './binomial-tail.js';
export type { TailOptions } from './binomial-tail.js';
export { poissonLowerTail, poissonUpperTail } from './poisson-tail.js';
export { binomialQuantile, poissonQuantile } from './discrete-quantile.js';
export { benjaminiHochberg } from './benjamini-hochberg.js';
export { expectedEvents } from './expected-events.js';
export type { ExpectedEvents } from './expected-events.js';
export { observedExpectedTest } from './observed-expected-test.js';
export type {
  ObservedExpected,
  ObservedExpectedResult,
  SuspiciousSide,
} from './observed-expected-test.js';
export { proportionScale, ratioScale } from './indicator-scale.js';
export type { IndicatorScale } from './indicator-scale.js';
export { overdispersion } from './overdispersion.js';
export type { Overdispersion, OverdispersionOptions } from './overdispersion.js';
export { proportionFunnelLimits, ratioFunnelLimits } from './funnel-limits.js';
export type { FunnelLimits, FunnelOptions, RatioFunnelOptions } from './funnel-limits.js';
export { quantile } from './quantile.js';
export { median } from './median.js';
export { MAD_SCALE, mad } from './mad.js';
export type { MadOptions } from './mad.js';
export { winsorise } from './winsorise.js';
export { weightedLinearRegression } from './weighted-linear-regression.js';
export type { LinearFit } from './weighted-linear-regression.js';
export { weightedLeastSquares } from './weighted-least-squares.js';
export type { LeastSquaresFit, LeastSquaresOptions } from './weighted-least-squares.js';
export { stoufferCombination } from './stouffer-combination.js';
export type { CombinedZ } from './stouffer-combination.js';
export { fisherCombination } from './fisher-combination.js';
export type { FisherCombination } from './fisher-combination.js';
