/**
 * A small LRU cache of computed answers with in-flight sharing: twenty
 * users asking for the same figures at once start one query, not twenty.
 * Keys include the analysis run id, so answers stay valid until re-analysis.
 */
export class ResultCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  /** @param capacity most answers kept (least recently used dropped first) */
  constructor(private readonly capacity = 1000) {}

  /** The cached answer for `key`, computing it once if absent (failures are not cached). */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as Promise<T>;
    }
    const pending = compute();
    this.entries.set(key, pending);
    pending.catch(() => {
      if (this.entries.get(key) === pending) this.entries.delete(key);
    });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    return pending;
  }

  /** Number of answers held. */
  get size(): number {
    return this.entries.size;
  }

  /** Drops every answer. */
  clear(): void {
    this.entries.clear();
  }
}
