import type { FacetRow } from './library-search.repository.ts';

/**
 * Facet counts kept per app node, keyed by the search generation (library_search_generation,
 * which every change to what search finds increments in its own transaction), the viewer's
 * audiences, the words and the filters. A search reads the generation first (one row), so a
 * cached count is never older than what that search would count: exact across nodes, with no
 * invalidation messages. Entries also expire after `ttlMs` and the oldest go first beyond
 * `max`, which bounds the memory, not the correctness.
 */
export class FacetCache {
  readonly #entries = new Map<string, { at: number; rows: FacetRow[] }>();
  readonly #ttlMs: number;
  readonly #max: number;
  hits = 0;
  misses = 0;

  constructor(ttlMs = 60_000, max = 2_000) {
    this.#ttlMs = ttlMs;
    this.#max = max;
  }

  async get(key: string, compute: () => Promise<FacetRow[]>): Promise<FacetRow[]> {
    const now = Date.now();
    const hit = this.#entries.get(key);
    if (hit && now - hit.at < this.#ttlMs) {
      this.hits++;
      return hit.rows;
    }
    this.misses++;
    const rows = await compute();
    this.#entries.delete(key);
    this.#entries.set(key, { at: now, rows });
    while (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return rows;
  }

  clear(): void {
    this.#entries.clear();
  }
}
