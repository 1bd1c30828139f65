// Named errors of the statistics module. A value that cannot be right (a
// negative count, a probability above 1) is a bug in the caller and throws;
// a missing value (NaN) is data and propagates as NaN.

/** Base class of every error thrown by the statistics module; `code` is stable. */
export class StatsError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** An argument is outside the function's domain (negative count, probability above 1, length mismatch). */
export class StatsArgumentError extends StatsError {
  constructor(message: string, options?: ErrorOptions) {
    super('PROBITY_STATS_INVALID_ARGUMENT', message, options);
  }
}

/** An iterative algorithm (continued fraction, series) did not converge. */
export class StatsConvergenceError extends StatsError {
  constructor(message: string, options?: ErrorOptions) {
    super('PROBITY_STATS_NO_CONVERGENCE', message, options);
  }
}
