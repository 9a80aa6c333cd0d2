import type { Executor } from '../../platform/db/database.ts';
import { takeNumbers } from './dossiers.repository.ts';

const MAX_BLOCK = 256;
/** A block is doubled when the previous one was used up within this time. */
const BUSY_MS = 1_000;

interface Block {
  next: number;
  last: number;
  size: number;
  takenAt: number;
}

/**
 * Dossier numbers per procedure and year, reserved in blocks from `dossier_counters`. When
 * quiet, a node reserves one number at a time (codes without gaps); when a block runs out
 * within a second of being reserved, the next one is twice as large (up to 256), so that on
 * an opening day the counter row is not a hot spot every filing waits on. Numbers are unique
 * and increase on each node; between nodes, and after a restart that leaves part of a block
 * unused, there can be gaps (a gap is a number never given, never a number given twice).
 */
export class DossierNumbers {
  readonly #blocks = new Map<string, Block>();
  /** One reservation at a time per counter: concurrent takers wait for it rather than race. */
  readonly #pending = new Map<string, Promise<void>>();

  async take(db: Executor, procedureCode: string, year: number, count: number): Promise<number[]> {
    const key = `${procedureCode}\u0000${year}`;
    const out: number[] = [];
    while (out.length < count) {
      const b = this.#blocks.get(key);
      if (b && b.next <= b.last) {
        const n = Math.min(count - out.length, b.last - b.next + 1);
        for (let i = 0; i < n; i++) out.push(b.next + i);
        b.next += n;
        continue;
      }
      await this.#refill(db, key, procedureCode, year, count - out.length);
    }
    return out;
  }

  async #refill(db: Executor, key: string, procedureCode: string, year: number, need: number): Promise<void> {
    const running = this.#pending.get(key);
    if (running) return running;
    const prev = this.#blocks.get(key);
    const busy = prev !== undefined && Date.now() - prev.takenAt < BUSY_MS;
    const size = Math.max(need, busy ? Math.min(MAX_BLOCK, prev.size * 2) : 1);
    const p = takeNumbers(db, procedureCode, year, size).then((last) => {
      this.#blocks.set(key, { next: last - size + 1, last, size, takenAt: Date.now() });
    });
    this.#pending.set(key, p);
    try {
      await p;
    } finally {
      this.#pending.delete(key);
    }
  }
}
