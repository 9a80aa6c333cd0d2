import { describe, expect, it } from 'vitest';
import { MicroBatch } from './micro-batch.ts';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('MicroBatch', () => {
  it('writes a lone item at once, and items arriving meanwhile together in the next batch', async () => {
    const batches: number[][] = [];
    const b = new MicroBatch<number, number>({
      maxInFlight: 1,
      run: async (items) => {
        batches.push(items);
        await tick();
        return items.map((i) => i * 10);
      },
    });
    const first = b.add(1);
    const rest = [2, 3, 4].map((i) => b.add(i));
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('keeps batches within maxSize and runs up to maxInFlight at once', async () => {
    let running = 0;
    let most = 0;
    const sizes: number[] = [];
    const b = new MicroBatch<number, number>({
      maxSize: 3,
      maxInFlight: 2,
      run: async (items) => {
        running++;
        most = Math.max(most, running);
        sizes.push(items.length);
        await tick();
        running--;
        return items;
      },
    });
    await Promise.all(Array.from({ length: 10 }, (_, i) => b.add(i)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(most).toBe(2);
    expect(sizes.reduce((a, n) => a + n, 0)).toBe(10);
  });

  it('retries a failed batch item by item, so that one bad item fails only its own caller', async () => {
    const b = new MicroBatch<number, number>({
      maxInFlight: 1,
      run: async (items) => {
        await tick();
        if (items.includes(13)) throw new Error('bad item 13');
        return items;
      },
    });
    const first = b.add(0);
    const together = [1, 13, 2].map((i) =>
      b.add(i).then(
        (v) => ({ v }),
        (e: Error) => ({ e: e.message }),
      ),
    );
    await first;
    expect(await Promise.all(together)).toEqual([{ v: 1 }, { e: 'bad item 13' }, { v: 2 }]);
    expect(b.stats.fallbacks).toBe(1);
  });
});
