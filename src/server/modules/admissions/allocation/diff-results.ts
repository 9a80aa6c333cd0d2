import type { CatchmentResult } from './catchment.types.ts';
import type { Grade10Result } from './grade10.types.ts';

/** A school's cut-off: grade 10 in hundredths; grades 1/6 the lottery group and number. */
export type SchoolCutoff = number | { readonly priorityRank: number | null; readonly lottery: number } | null;

export interface ResultDiff {
  /** Applicants admitted to a different school, or to one in one run and none in the other. */
  readonly applicants: readonly {
    readonly applicantId: string;
    readonly before: string | null;
    readonly after: string | null;
  }[];
  readonly schools: readonly {
    readonly schoolId: string;
    readonly before: SchoolCutoff;
    readonly after: SchoolCutoff;
  }[];
}

/**
 * What changed between two runs (a practice run and the real one, or before and after a
 * correction): applicants whose admitted school changed, and schools whose cut-off changed.
 * Applicants or schools present in only one run count as changed (from or to null). Sorted by id.
 */
export function diffResults(a: Grade10Result, b: Grade10Result): ResultDiff;
export function diffResults(a: CatchmentResult, b: CatchmentResult): ResultDiff;
export function diffResults(a: Grade10Result | CatchmentResult, b: Grade10Result | CatchmentResult): ResultDiff {
  const placed = (r: Grade10Result | CatchmentResult) => new Map(r.applicants.map((x) => [x.applicantId, x.schoolId]));
  const before = placed(a);
  const after = placed(b);
  const applicants: { applicantId: string; before: string | null; after: string | null }[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const x = before.get(id) ?? null;
    const y = after.get(id) ?? null;
    if (x !== y) applicants.push({ applicantId: id, before: x, after: y });
  }
  const cutoffs = (r: Grade10Result | CatchmentResult): Map<string, SchoolCutoff> =>
    'seed' in r
      ? new Map(
          r.schools.map((s) => [
            s.schoolId,
            s.lotteryGroup && s.lastAdmittedLottery !== null
              ? { priorityRank: s.lotteryGroup.priorityRank, lottery: s.lastAdmittedLottery }
              : null,
          ]),
        )
      : new Map(r.schools.map((s) => [s.schoolId, s.cutoff]));
  const cb = cutoffs(a);
  const ca = cutoffs(b);
  const schools: { schoolId: string; before: SchoolCutoff; after: SchoolCutoff }[] = [];
  for (const id of new Set([...cb.keys(), ...ca.keys()])) {
    const x = cb.get(id) ?? null;
    const y = ca.get(id) ?? null;
    if (JSON.stringify(x) !== JSON.stringify(y)) schools.push({ schoolId: id, before: x, after: y });
  }
  const byId =
    <T>(key: (t: T) => string) =>
    (p: T, q: T) =>
      key(p) < key(q) ? -1 : key(p) > key(q) ? 1 : 0;
  applicants.sort(byId((x) => x.applicantId));
  schools.sort(byId((x) => x.schoolId));
  return { applicants, schools };
}
