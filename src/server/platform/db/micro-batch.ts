/**
 * Group commit for a hot write path: callers add one item each and wait for its outcome; items
 * that arrive while earlier batches are being written are written together in the next one,
 * in one transaction. Nothing waits on a timer: with no other item around, an item is written
 * at once, alone (no added latency when quiet); under load the batches grow by themselves,
 * and a commit, its WAL flush and every statement's round trip are shared by the whole batch.
 *
 * `run` answers one outcome per item, in order. If it throws, the batch is retried item by
 * item (`run([item])`), so that one bad item cannot fail the others; an item's own error then
 * reaches only its caller.
 */
export interface MicroBatchOptions<In, Out> {
  run: (items: In[]) => Promise<Out[]>;
  /** Most items in one batch. */
  maxSize?: number;
  /** Batches written at the same time (each holds a pooled connection while it runs). */
  maxInFlight?: number;
}

interface Waiting<In, Out> {
  item: In;
  resolve: (out: Out) => void;
  reject: (err: unknown) => void;
}

export class MicroBatch<In, Out> {
  readonly #run: (items: In[]) => Promise<Out[]>;
  readonly #maxSize: number;
  readonly #maxInFlight: number;
  #queue: Waiting<In, Out>[] = [];
  #inFlight = 0;
  /** Batches written and items in them, for the benchmark's report. */
  readonly stats = { batches: 0, items: 0, fallbacks: 0 };

  constructor(opts: MicroBatchOptions<In, Out>) {
    this.#run = opts.run;
    this.#maxSize = opts.maxSize ?? 64;
    this.#maxInFlight = opts.maxInFlight ?? 2;
  }

  add(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#inFlight < this.#maxInFlight && this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#maxSize);
      this.#inFlight++;
      void this.#write(batch).finally(() => {
        this.#inFlight--;
        this.#pump();
      });
    }
  }

  async #write(batch: Waiting<In, Out>[]): Promise<void> {
    this.stats.batches++;
    this.stats.items += batch.length;
    try {
      const outs = await this.#run(batch.map((w) => w.item));
      if (outs.length !== batch.length)
        throw new Error(`micro-batch: ${outs.length} outcomes for ${batch.length} items`);
      batch.forEach((w, i) => {
        w.resolve(outs[i] as Out);
      });
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
      this.stats.fallbacks++;
      await Promise.all(
        batch.map(async (w) => {
          try {
            const [out] = await this.#run([w.item]);
            w.resolve(out as Out);
          } catch (e) {
            w.reject(e);
          }
        }),
      );
    }
  }
}
