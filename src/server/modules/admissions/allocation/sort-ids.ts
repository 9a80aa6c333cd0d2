import { createPackedKeys } from './packed-sort.ts';
import { compareIds } from './score.ts';

const SCANNED = 16;

/**
 * Orders indices by their id in code-unit order (the order of `compareIds`). A comparison sort of a
 * million ids compares long shared prefixes ("HS0001…") again and again and chases a pointer per
 * comparison; here the first characters of each id become one integer (each character replaced by
 * its rank among the characters in use, 0 = end of id, so a shorter id sorts first), sorted
 * natively with the index, and only ids sharing that whole prefix are compared as strings.
 * Also reports an id that occurs twice (the first found), or null.
 */
export function sortByIds(ids: readonly string[]): { order: Int32Array; duplicate: string | null } {
  const n = ids.length;
  const used = new Uint8Array(65536);
  let longest = 0;
  for (const id of ids) {
    if (id.length > longest) longest = id.length;
    for (let d = 0; d < id.length && d < SCANNED; d++) used[id.charCodeAt(d)] = 1;
  }
  const symbol = new Int32Array(65536);
  let symbols = 0;
  for (let c = 0; c < 65536; c++) if (used[c]) symbol[c] = ++symbols;
  const keys = createPackedKeys(n);
  const bitsPerChar = Math.max(1, Math.ceil(Math.log2(symbols + 1)));
  const depth = Math.min(SCANNED, Math.floor(Math.min(keys.prefixBits, 53) / bitsPerChar));
  const radix = 2 ** bitsPerChar;
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    let prefix = 0;
    for (let d = 0; d < depth; d++) prefix = prefix * radix + (d < id.length ? symbol[id.charCodeAt(d)]! : 0);
    keys.set(i, prefix, i);
  }
  keys.sort();
  const order = new Int32Array(n);
  for (let p = 0; p < n; p++) order[p] = keys.index(p);
  let duplicate: string | null = null;
  // Runs of equal prefixes: equal ids when the prefix covers whole ids, else sort them as strings.
  let start = 0;
  for (let p = 1; p <= n; p++) {
    if (p < n && keys.samePrefix(p, start)) continue;
    if (p - start > 1) {
      if (longest > depth) {
        const run = Array.from(order.subarray(start, p)).sort((a, b) => compareIds(ids[a]!, ids[b]!));
        order.set(run, start);
      }
      for (let q = start + 1; q < p && duplicate === null; q++) {
        if (ids[order[q]!] === ids[order[q - 1]!]) duplicate = ids[order[q]!]!;
      }
    }
    start = p;
  }
  return { order, duplicate };
}
