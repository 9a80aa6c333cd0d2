import { createPackedKeys } from './packed-sort.ts';
import { AllocationInputError } from './score.ts';
import { sortByIds } from './sort-ids.ts';

/**
 * Every applicant's place in the order every school uses after the effective score, counted from
 * the end so that larger = better (it is added to the effective score to make a key).
 */
export interface ApplicantRanks {
  /** n − 1 − rank by configured tie-breakers, then applicant id (code-unit order). Unique. */
  readonly rankTail: Int32Array;
  /**
   * The rankTail of the first applicant tied with this one on every configured tie-breaker: two
   * applicants with the same effective score at a school are tied at the last seat exactly when
   * their classTails are equal.
   */
  readonly classTail: Int32Array;
}

/**
 * Sorts applicants once by the configured tie-breakers (`columns`, one value per applicant,
 * smaller = better) and then id, so that a school's preference becomes one number per (applicant,
 * wish) — see `packGrade10` — instead of a comparator run on every proposal. Throws
 * `AllocationInputError` on a duplicate applicant id.
 *
 * For speed the columns' values are replaced by dense ranks and folded, with the id rank, into one
 * 64-bit integer per applicant, sorted natively; a comparator sort is the fallback when that
 * would not fit (many tie-breakers with many distinct values).
 */
export function rankApplicants(ids: readonly string[], columns: readonly Float64Array[]): ApplicantRanks {
  const n = ids.length;
  const { order: byId, duplicate } = sortByIds(ids);
  if (duplicate !== null) throw new AllocationInputError(`duplicate applicant id ${duplicate}`);
  const idRank = new Int32Array(n);
  for (let p = 0; p < n; p++) idRank[byId[p]!] = p;
  const keys = createPackedKeys(n);
  const folds = columns.map(denseRankTable);
  let classes = 1;
  for (const f of folds) classes *= f.distinct;
  if (classes >= 2 ** Math.min(keys.prefixBits, 53)) return rankByComparator(idRank, columns);
  for (let i = 0; i < n; i++) {
    let composite = 0;
    for (let c = 0; c < folds.length; c++) composite = composite * folds[c]!.distinct + folds[c]!.rank(columns[c]![i]!);
    keys.set(i, composite, idRank[i]!);
  }
  keys.sort();
  const rankTail = new Int32Array(n);
  const classTail = new Int32Array(n);
  let leader = 0;
  for (let p = 0; p < n; p++) {
    if (p > 0 && !keys.samePrefix(p - 1, p)) leader = p;
    const i = byId[keys.index(p)]!;
    rankTail[i] = n - 1 - p;
    classTail[i] = n - 1 - leader;
  }
  return { rankTail, classTail };
}

function rankByComparator(idRank: Int32Array, columns: readonly Float64Array[]): ApplicantRanks {
  const n = idRank.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const compareClass = (a: number, b: number) => {
    for (const c of columns) if (c[a] !== c[b]) return c[a]! < c[b]! ? -1 : 1;
    return 0;
  };
  order.sort((a, b) => compareClass(a, b) || idRank[a]! - idRank[b]!);
  const rankTail = new Int32Array(n);
  const classTail = new Int32Array(n);
  let leader = 0;
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    if (p > 0 && compareClass(order[p - 1]!, i) !== 0) leader = p;
    rankTail[i] = n - 1 - p;
    classTail[i] = n - 1 - leader;
  }
  return { rankTail, classTail };
}

const COUNTING_LIMIT = 1 << 22;

interface DenseRanks {
  /** Number of distinct values (at least 1). */
  readonly distinct: number;
  /** 0, 1, 2… in value order; equal values, equal ranks. */
  rank(value: number): number;
}

/** Dense ranks of a column: a lookup table when the values are integers in a small range, else a map. */
function denseRankTable(values: Float64Array): DenseRanks {
  const n = values.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v === Number.POSITIVE_INFINITY) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (!Number.isInteger(v)) integral = false;
  }
  if (integral && !(max - min >= COUNTING_LIMIT)) {
    const span = min > max ? 0 : max - min + 1;
    const slot = new Int32Array(span + 1); // the last slot stands for +∞ (missing)
    const at = (v: number) => (v === Number.POSITIVE_INFINITY ? span : v - min);
    for (let i = 0; i < n; i++) slot[at(values[i]!)] = 1;
    let distinct = 0;
    for (let k = 0; k <= span; k++) slot[k] = slot[k] ? distinct++ : -1;
    return { distinct: Math.max(1, distinct), rank: (v) => slot[at(v)]! };
  }
  const index = new Map<number, number>();
  for (const v of values.slice().sort()) if (!index.has(v)) index.set(v, index.size);
  return { distinct: Math.max(1, index.size), rank: (v) => index.get(v)! };
}
