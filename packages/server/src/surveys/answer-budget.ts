/**
 * The global rate budget of a round's answers: at most `limit` accepted per
 * clock hour, whoever sends them. Nothing about the sender is looked at (no
 * IP address, no cookie): the budget limits how fast an open link can be
 * stuffed, it does not tell senders apart. Held in memory, per app.
 */
export class AnswerBudget {
  private readonly used = new Map<number, { hour: number; count: number }>();

  /** Take one answer from `roundId`'s budget for the hour of `now`; false when spent. */
  take(roundId: number, limit: number, now: Date): boolean {
    const hour = Math.floor(now.getTime() / 3_600_000);
    const held = this.used.get(roundId);
    const current = held && held.hour === hour ? held : { hour, count: 0 };
    if (current.count >= limit) return false;
    current.count += 1;
    this.used.set(roundId, current);
    return true;
  }
}
