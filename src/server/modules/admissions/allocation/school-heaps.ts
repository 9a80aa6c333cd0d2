/**
 * One binary min-heap per school of the applicants it currently holds, keyed by the school's
 * preference (smallest = the applicant it would drop first). Typed arrays, no objects per entry:
 * a million applicants must not mean a million allocations.
 */
export interface SchoolHeaps {
  size(s: number): number;
  /** The held entry with the smallest key; only when size(s) > 0. */
  peek(s: number): number;
  /** The key of `peek(s)`. */
  peekKey(s: number): number;
  push(s: number, e: number, k: number): void;
  /**
   * Pops the lowest tie class (entries whose `classOf` equals the minimum's) into `scratch` and
   * returns how many it popped.
   */
  popClass(s: number, classOf: (e: number) => number): number;
  /** Where popClass puts the entries it pops. */
  readonly scratch: Int32Array;
  forEachHeld(fn: (s: number, e: number) => void): void;
}

/** Heaps sized for `seats + 1` (never more than the school's demand); they grow only on ties. */
export function createSchoolHeaps(seats: Int32Array, demand: Int32Array): SchoolHeaps {
  const count = seats.length;
  const entries: Int32Array[] = [];
  const keys: Float64Array[] = [];
  const sizes = new Int32Array(count);
  let maxDemand = 1;
  for (let s = 0; s < count; s++) {
    const room = Math.max(1, Math.min(seats[s]! + 1, demand[s]!));
    entries.push(new Int32Array(room));
    keys.push(new Float64Array(room));
    if (demand[s]! > maxDemand) maxDemand = demand[s]!;
  }
  const scratch = new Int32Array(maxDemand + 1);

  const pop = (s: number): number => {
    const h = entries[s]!;
    const k = keys[s]!;
    const top = h[0]!;
    const n = --sizes[s]!;
    if (n === 0) return top;
    const e = h[n]!;
    const key = k[n]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && k[r]! < k[l]! ? r : l;
      if (k[c]! >= key) break;
      h[i] = h[c]!;
      k[i] = k[c]!;
      i = c;
    }
    h[i] = e;
    k[i] = key;
    return top;
  };

  return {
    scratch,
    size: (s) => sizes[s]!,
    peek: (s) => entries[s]![0]!,
    peekKey: (s) => keys[s]![0]!,
    push(s, e, key) {
      let h = entries[s]!;
      let k = keys[s]!;
      let i = sizes[s]!;
      if (i === h.length) {
        // Only a tie at the last seat under admit_all holds more than seats + 1.
        const grownH = new Int32Array(h.length * 2);
        const grownK = new Float64Array(h.length * 2);
        grownH.set(h);
        grownK.set(k);
        entries[s] = h = grownH;
        keys[s] = k = grownK;
      }
      sizes[s] = i + 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (k[p]! <= key) break;
        h[i] = h[p]!;
        k[i] = k[p]!;
        i = p;
      }
      h[i] = e;
      k[i] = key;
    },
    popClass(s, classOf) {
      const lowest = classOf(entries[s]![0]!);
      let m = 0;
      do scratch[m++] = pop(s);
      while (sizes[s]! > 0 && classOf(entries[s]![0]!) === lowest);
      return m;
    },
    forEachHeld(fn) {
      for (let s = 0; s < count; s++) {
        const h = entries[s]!;
        for (let j = 0; j < sizes[s]!; j++) fn(s, h[j]!);
      }
    },
  };
}
