import type { PackedGrade10, PackedStage } from './grade10-pack.ts';
import { createSchoolHeaps, type SchoolHeaps } from './school-heaps.ts';

export interface StageOutcome {
  /** Per applicant: the wish index it holds at the end, −1 for none (or not taking part). */
  readonly assigned: Int32Array;
  /** Per school: how many proposals it turned away. */
  readonly rejected: Int32Array;
  /**
   * Per school, admit_none only: the tie class key of the (seats + 1)-th best applicant that ever
   * proposed (−∞ if fewer). Nobody at or below it is admitted, so seats can stay empty.
   */
  readonly floor: Float64Array;
}

/**
 * How a school sees an applicant that proposes to it or that it holds: always at the applicant's
 * latest wish (next − 1), since an applicant only moves down its list.
 */
interface Scorer {
  key(i: number): number;
  classOf(i: number): number;
}

/**
 * Student-proposing deferred acceptance (Gale & Shapley 1962; school choice: Abdulkadiroğlu &
 * Sönmez 2003). Each free applicant proposes to its next wish; the school keeps the best it has
 * seen under its choice rule and turns the rest away for good; this repeats until nobody is free.
 *
 * A school's choice from everyone who ever proposed, sorted by key (tie classes = equal effective
 * score and configured tie-breakers):
 * - admit_all: everyone whose class is at least the class of the `seats`-th best;
 * - admit_none: everyone whose class is strictly above the class of the (`seats`+1)-th best.
 * Both reject more as more apply (substitutable choice), so the process reaches the same
 * applicant-optimal stable matching in whatever order proposals arrive (the least fixed point of
 * a monotone map, Hatfield & Milgrom 2005) — which is why the textbook version, proposing in a
 * different order, must agree with this one.
 *
 * Cost: one heap operation per proposal, O(proposals × log seats); the applicants each school
 * holds sit in a binary min-heap keyed by the school's preference.
 */
export function runDeferredAcceptance(
  stage: PackedStage,
  packed: PackedGrade10,
  takesPart: Uint8Array | null,
): StageOutcome {
  const { width, school, effective, effectiveMin, scale } = stage;
  const { seats, rankTail, classTail, n, tieAtLastSeat } = packed;
  const demand = new Int32Array(seats.length);
  for (let e = 0; e < school.length; e++) if (school[e]! >= 0) demand[school[e]!]!++;
  const heaps = createSchoolHeaps(seats, demand);
  const rejected = new Int32Array(seats.length);
  const floor = new Float64Array(seats.length).fill(Number.NEGATIVE_INFINITY);
  const next = new Int32Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  for (let i = n - 1; i >= 0; i--) if (!takesPart || takesPart[i]) stack[top++] = i;
  const reject = (s: number, i: number) => {
    rejected[s]!++;
    stack[top++] = i;
  };
  const scorer: Scorer = {
    key: (i) => (effective[i * width + next[i]! - 1]! - effectiveMin) * scale + rankTail[i]!,
    classOf: (i) => (effective[i * width + next[i]! - 1]! - effectiveMin) * scale + classTail[i]!,
  };

  while (top > 0) {
    const i = stack[--top]!;
    const r = next[i]!;
    if (r >= width) continue;
    const s = school[i * width + r]!;
    if (s < 0) continue;
    next[i] = r + 1;
    if (tieAtLastSeat === 'admit_all') offerAdmitAll(heaps, s, i, seats[s]!, scorer, reject);
    else offerAdmitNone(heaps, s, i, seats[s]!, scorer, reject, floor);
  }

  const assigned = stack.fill(-1); // the stack is empty now: reuse its memory
  heaps.forEachHeld((_s, i) => {
    assigned[i] = next[i]! - 1;
  });
  return { assigned, rejected, floor };
}

type Reject = (s: number, i: number) => void;

/** admit_all: keep the top `cap`, plus everyone tied with the `cap`-th; drop whole classes below. */
function offerAdmitAll(heaps: SchoolHeaps, s: number, i: number, cap: number, sc: Scorer, reject: Reject): void {
  const key = sc.key(i);
  let size = heaps.size(s);
  if (size >= cap && size > 0) {
    // Fast path: below the lowest held entry and not in its class, while the school is full.
    const min = heaps.peek(s);
    if (key < heaps.peekKey(s) && sc.classOf(i) < sc.classOf(min)) {
      reject(s, i);
      return;
    }
  } else if (cap === 0) {
    reject(s, i);
    return;
  }
  heaps.push(s, i, key);
  size++;
  const popped = heaps.scratch;
  while (size > cap) {
    const m = heaps.popClass(s, sc.classOf);
    if (size - m >= cap) {
      for (let j = 0; j < m; j++) reject(s, popped[j]!);
      size -= m;
    } else {
      for (let j = 0; j < m; j++) heaps.push(s, popped[j]!, sc.key(popped[j]!));
      break;
    }
  }
}

/** admit_none: keep classes strictly above the (`cap`+1)-th best ever seen; remember that bar. */
function offerAdmitNone(
  heaps: SchoolHeaps,
  s: number,
  i: number,
  cap: number,
  sc: Scorer,
  reject: Reject,
  floor: Float64Array,
): void {
  const c = sc.classOf(i);
  if (c <= floor[s]!) {
    reject(s, i);
    return;
  }
  if (heaps.size(s) < cap) {
    heaps.push(s, i, sc.key(i));
    return;
  }
  if (cap === 0 || c < sc.classOf(heaps.peek(s))) {
    floor[s] = c; // i is now the (cap+1)-th best ever seen, alone in its class above the old bar
    reject(s, i);
    return;
  }
  heaps.push(s, i, sc.key(i));
  const m = heaps.popClass(s, sc.classOf);
  const popped = heaps.scratch;
  floor[s] = sc.classOf(popped[0]!);
  for (let j = 0; j < m; j++) reject(s, popped[j]!);
}
