import type { Grade10Applicant, Grade10Input, Grade10Result, Grade10Stage } from './grade10.types.ts';
import { compareIds, compareTieBreakers, readTieBreakers, toHundredths } from './score.ts';

/** What `verifyGrade10` found; a correct allocation has zeros in every count but the last two. */
export interface Grade10Check {
  /** Schools with more admitted than seats, beyond what admit_all ties explain. */
  readonly overCapacity: number;
  /** Schools over their seats because applicants tied at the last seat (admit_all). */
  readonly tiedOverCapacity: number;
  /**
   * (applicant, school) pairs where the applicant ranked the school above its result and the
   * school's own rule would choose it from everyone who ranked it that high: a blocking pair (a
   * lower effective score admitted) or a wasted seat.
   */
  readonly blockingPairs: number;
  /** Admitted applicants that the school's rule would not choose. */
  readonly unjustified: number;
  readonly pairsChecked: number;
}

/**
 * Checks a grade-10 result independently of how it was computed, e.g. before publishing: for
 * every school, gather everyone who ranked it at or above where they ended (within its stage),
 * sort them by the school's preference (effective score, tie-breakers, id), apply the seats and
 * the tie rule, and compare with who was admitted. Someone chosen but not admitted is a blocking
 * pair or a wasted seat; equality at every school means the result is stable (Gale & Shapley
 * 1962) and is the fixed point deferred acceptance reaches. `result.applicants` must be in input
 * order.
 */
export function verifyGrade10(input: Grade10Input, result: Grade10Result): Grade10Check {
  const { config, applicants } = input;
  const readTb = readTieBreakers(config.tieBreakers);
  const tb = applicants.map(readTb);
  const schoolIndex = new Map(input.schools.map((s, k) => [s.id, k]));
  const base = applicants.map((a) => toHundredths(a.priorityPoints, a.id) + toHundredths(a.bonusPoints, a.id));
  const totalAt = (k: number, i: number) => {
    let sum = base[i]!;
    for (const w of input.schools[k]!.subjects ?? config.subjects) {
      sum += w.coefficient * toHundredths(applicants[i]!.scores[w.subject] ?? 0, applicants[i]!.id);
    }
    return sum;
  };
  const perSchool: { i: number; eff: number; held: boolean }[][] = input.schools.map(() => []);
  const stages: [Grade10Stage, (a: Grade10Applicant) => readonly string[], readonly number[]][] = [
    ['specialised', (a) => a.specialisedWishes ?? [], config.specialisedWishOffsets ?? [0, 0]],
    ['ordinary', (a) => a.wishes, config.wishOffsets],
  ];
  applicants.forEach((a, i) => {
    const res = result.applicants[i]!;
    if (res.applicantId !== a.id) throw new Error('result.applicants is not in input order');
    for (const [stage, list, offsets] of stages) {
      const wishes = list(a);
      const held = res.stage === stage ? res.wishIndex! : -1;
      const last = held >= 0 ? held : wishes.length - 1;
      for (let r = 0; r <= last; r++) {
        const k = schoolIndex.get(wishes[r]!)!;
        perSchool[k]!.push({ i, eff: totalAt(k, i) - toHundredths(offsets[r]!, 'offset'), held: r === held });
      }
      if (held >= 0) break; // admitted to a specialised school: out of the ordinary stage
    }
  });

  let overCapacity = 0;
  let tiedOverCapacity = 0;
  let blockingPairs = 0;
  let unjustified = 0;
  let pairsChecked = 0;
  input.schools.forEach((school, k) => {
    const list = perSchool[k]!;
    pairsChecked += list.length;
    const compareClass = (x: (typeof list)[number], y: (typeof list)[number]) =>
      y.eff - x.eff || compareTieBreakers(tb[x.i]!, tb[y.i]!);
    list.sort((x, y) => compareClass(x, y) || compareIds(applicants[x.i]!.id, applicants[y.i]!.id));
    let chosen = list.length;
    if (list.length > school.seats) {
      if (config.tieAtLastSeat === 'admit_all') {
        chosen = school.seats;
        while (chosen > 0 && chosen < list.length && compareClass(list[chosen]!, list[chosen - 1]!) === 0) chosen++;
      } else {
        chosen = school.seats;
        while (chosen > 0 && compareClass(list[chosen - 1]!, list[school.seats]!) === 0) chosen--;
      }
    }
    let admitted = 0;
    list.forEach((p, j) => {
      if (p.held) admitted++;
      if (j < chosen && !p.held) blockingPairs++;
      if (j >= chosen && p.held) unjustified++;
    });
    if (admitted > school.seats) {
      if (config.tieAtLastSeat === 'admit_all' && chosen === admitted) tiedOverCapacity++;
      else overCapacity++;
    }
  });
  return { overCapacity, tiedOverCapacity, blockingPairs, unjustified, pairsChecked };
}
