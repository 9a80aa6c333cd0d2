/**
 * A fixed one-minute window of requests per client address, in this process.
 *
 * Why in process and not in the database: the public result lookup must stay fast on results
 * day, and a counter row written per lookup would make PostgreSQL the bottleneck of a read that
 * is otherwise served from memory. The price: the limit is **per node**. Behind a load balancer
 * with N app nodes a client may make up to N × the limit per minute (exact with sticky sessions
 * by address); that still stops enumeration of codes × IDs, which needs millions of tries.
 */
export class RateWindow {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #maxKeys: number;
  readonly #hits = new Map<string, { start: number; count: number }>();

  constructor(limit: number, windowMs = 60_000, maxKeys = 200_000) {
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#maxKeys = maxKeys;
  }

  /** Counts one request of `key`; returns 0 when allowed, else the seconds to wait (Retry-After). */
  hit(key: string, now = Date.now()): number {
    let w = this.#hits.get(key);
    if (!w || now - w.start >= this.#windowMs) {
      if (!w && this.#hits.size >= this.#maxKeys) this.#sweep(now);
      w = { start: now, count: 0 };
      this.#hits.set(key, w);
    }
    w.count++;
    if (w.count <= this.#limit) return 0;
    return Math.max(1, Math.ceil((w.start + this.#windowMs - now) / 1000));
  }

  /** Drops ended windows; if every window is live (a flood of addresses), the oldest half. */
  #sweep(now: number): void {
    for (const [k, w] of this.#hits) if (now - w.start >= this.#windowMs) this.#hits.delete(k);
    if (this.#hits.size < this.#maxKeys) return;
    let drop = Math.floor(this.#hits.size / 2);
    for (const k of this.#hits.keys()) {
      if (drop-- <= 0) break;
      this.#hits.delete(k);
    }
  }
}
