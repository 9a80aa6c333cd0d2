import type { Grade10Applicant, Grade10Input, SubjectWeight, TieAtLastSeat } from './grade10.types.ts';
import { compareIds, compareTieBreakers, readTieBreakers } from './score.ts';

/** What the textbook version decides: where each applicant goes and each school's cut-off. */
export interface TextbookResult {
  readonly assignment: Map<string, string | null>;
  readonly cutoffs: Map<string, number | null>;
}

interface Student {
  readonly applicant: Grade10Applicant;
  /** With the round's weights; a college with its own weights recomputes. */
  readonly total: number;
  readonly tieBreakers: number[];
  next: number;
  college: College | null;
}

interface College {
  readonly id: string;
  readonly seats: number;
  readonly subjects: readonly SubjectWeight[];
  held: Student[];
  rejections: number;
  /** admit_none: the (seats + 1)-th best seen so far; nobody tied with or below it gets in. */
  bar: Student | null;
}

const hundredths = (points: number) => Math.round(points * 100);

/**
 * Deferred acceptance as a textbook states it (Gale & Shapley 1962, "College admissions and the
 * stability of marriage"): while some student is free, it proposes to its next college; the
 * college adds the proposer to its list, sorts the whole list again, keeps the best and sends the
 * rest back to the free list. Plain objects, `indexOf` to find a wish's rank, a comparator that
 * recomputes effective scores: simple rather than fast, so it can be checked by reading. It is the
 * oracle for `allocateGrade10` in tests and the baseline in the benchmark. Same rules: effective score = total − offset of the wish,
 * tie-breakers, then id; the tie rule at the last seat; specialised colleges first.
 */
export function galeShapleyTextbook(input: Grade10Input): TextbookResult {
  const { config } = input;
  const readTb = readTieBreakers(config.tieBreakers);
  const colleges = new Map<string, College>();
  for (const s of input.schools) {
    colleges.set(s.id, {
      id: s.id,
      seats: s.seats,
      subjects: s.subjects ?? config.subjects,
      held: [],
      rejections: 0,
      bar: null,
    });
  }
  const sum = (a: Grade10Applicant, subjects: readonly SubjectWeight[]) => {
    let total = hundredths(a.priorityPoints) + hundredths(a.bonusPoints);
    for (const w of subjects) total += w.coefficient * hundredths(a.scores[w.subject] ?? 0);
    return total;
  };
  const students: Student[] = input.applicants.map((a) => ({
    applicant: a,
    total: sum(a, config.subjects),
    tieBreakers: readTb(a),
    next: 0,
    college: null,
  }));
  const total = (c: College, st: Student) =>
    c.subjects === config.subjects ? st.total : sum(st.applicant, c.subjects);
  const specialisedList = (st: Student) => st.applicant.specialisedWishes ?? [];
  const ordinaryList = (st: Student) => st.applicant.wishes;
  const specialisedOffsets = config.specialisedWishOffsets ?? [0, 0];

  const run = (list: (st: Student) => readonly string[], offsets: readonly number[], free: Student[]) => {
    const effective = (c: College, st: Student) => total(c, st) - hundredths(offsets[list(st).indexOf(c.id)]!);
    // Negative when x is better for the college; 0 when tied on everything configured.
    const compareClass = (c: College, x: Student, y: Student) =>
      effective(c, y) - effective(c, x) || compareTieBreakers(x.tieBreakers, y.tieBreakers);
    const compare = (c: College, x: Student, y: Student) =>
      compareClass(c, x, y) || compareIds(x.applicant.id, y.applicant.id);
    while (free.length > 0) {
      const st = free.pop()!;
      const wishes = list(st);
      if (st.next >= wishes.length) continue;
      const c = colleges.get(wishes[st.next++]!)!;
      c.held.push(st);
      st.college = c;
      c.held.sort((x, y) => compare(c, x, y));
      const rejected = choose(c, config.tieAtLastSeat, compareClass);
      for (const r of rejected) {
        c.held.splice(c.held.indexOf(r), 1);
        c.rejections++;
        r.college = null;
        free.push(r);
      }
    }
  };

  run(specialisedList, specialisedOffsets, students.slice());
  for (const st of students) st.next = 0;
  run(
    ordinaryList,
    config.wishOffsets,
    students.filter((st) => st.college === null),
  );

  const assignment = new Map<string, string | null>();
  for (const st of students) assignment.set(st.applicant.id, st.college?.id ?? null);
  const cutoffs = new Map<string, number | null>();
  for (const c of colleges.values()) {
    const held = c.held;
    const full = held.length > 0 && (held.length >= c.seats || c.rejections > 0);
    const list = input.schools.find((s) => s.id === c.id)?.specialised ? specialisedList : ordinaryList;
    const offsets = list === specialisedList ? specialisedOffsets : config.wishOffsets;
    const effs = held.map((st) => total(c, st) - hundredths(offsets[list(st).indexOf(c.id)]!));
    cutoffs.set(c.id, full ? Math.min(...effs) : null);
  }
  return { assignment, cutoffs };
}

/** The students the college turns away from its sorted list, under the rule for a tie at the last seat. */
function choose(
  c: College,
  rule: TieAtLastSeat,
  compareClass: (c: College, x: Student, y: Student) => number,
): Student[] {
  if (rule === 'admit_all') {
    if (c.held.length <= c.seats) return [];
    if (c.seats === 0) return c.held.slice();
    const last = c.held[c.seats - 1]!;
    return c.held.filter((x, i) => i >= c.seats && compareClass(c, x, last) !== 0);
  }
  const out: Student[] = [];
  for (const x of c.held) if (c.bar && compareClass(c, x, c.bar) >= 0) out.push(x);
  const kept = c.held.filter((x) => !out.includes(x));
  if (kept.length > c.seats) {
    c.bar = kept[c.seats]!;
    for (const x of kept) if (compareClass(c, x, c.bar) >= 0) out.push(x);
  }
  return out;
}
