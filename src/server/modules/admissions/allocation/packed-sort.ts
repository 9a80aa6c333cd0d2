/**
 * Sorting by 64-bit integer keys with the native BigUint64Array sort (no comparator callback, no
 * BigInt objects: the words are written through a Uint32Array view). A key is
 * (prefix × 2^indexBits + index); sorting keys therefore sorts indices by prefix, then index.
 */
export interface PackedKeys {
  readonly indexBits: number;
  /** Bits available for the prefix: 64 − indexBits. */
  readonly prefixBits: number;
  /** prefix must be an integer below 2^min(prefixBits, 53). */
  set(slot: number, prefix: number, index: number): void;
  sort(): void;
  index(slot: number): number;
  /** Whether slots a and b have the same prefix. */
  samePrefix(a: number, b: number): boolean;
}

/** Keys for n indices, with just enough bits for the index (⌈log2(n + 1)⌉). */
export function createPackedKeys(n: number): PackedKeys {
  const indexBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const lowPrefixBits = 32 - indexBits;
  const lowPrefixScale = 2 ** lowPrefixBits;
  const indexScale = 2 ** indexBits;
  const keys = new BigUint64Array(n);
  const words = new Uint32Array(keys.buffer); // little-endian on every platform Node runs on
  const indexMask = indexScale - 1;
  return {
    indexBits,
    prefixBits: 64 - indexBits,
    set(slot, prefix, index) {
      const high = Math.floor(prefix / lowPrefixScale);
      words[2 * slot + 1] = high;
      words[2 * slot] = (prefix - high * lowPrefixScale) * indexScale + index;
    },
    sort() {
      keys.sort();
    },
    index(slot) {
      return words[2 * slot]! & indexMask;
    },
    samePrefix(a, b) {
      return words[2 * a + 1] === words[2 * b + 1] && words[2 * a]! >>> indexBits === words[2 * b]! >>> indexBits;
    },
  };
}
