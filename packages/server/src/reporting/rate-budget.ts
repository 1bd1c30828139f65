/**
 * A global budget of events per window, keyed on nothing about the caller (no IP address):
 * `take()` is false once `limit` events happened in the last `windowMs`. In memory: a restart
 * refills it.
 */
export class RateBudget {
  private readonly times: number[] = [];

  constructor(
    private readonly limit: () => number,
    private readonly windowMs: number,
  ) {}

  private prune(now: number): void {
    while (this.times.length > 0 && (this.times[0] ?? 0) <= now - this.windowMs) this.times.shift();
  }

  /** Whether the budget is spent (without spending). */
  exhausted(now = Date.now()): boolean {
    this.prune(now);
    return this.times.length >= this.limit();
  }

  /** Spends one event; false (and nothing spent) when the budget is spent. */
  take(now = Date.now()): boolean {
    if (this.exhausted(now)) return false;
    this.times.push(now);
    return true;
  }

  /** Seconds until one event leaves the window. */
  retryAfterSeconds(now = Date.now()): number {
    this.prune(now);
    const oldest = this.times[0] ?? now;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }
}
