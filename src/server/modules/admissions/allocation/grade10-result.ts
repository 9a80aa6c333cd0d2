import type { StageOutcome } from './deferred-acceptance.ts';
import type {
  Grade10ApplicantResult,
  Grade10Input,
  Grade10Result,
  Grade10SchoolResult,
  WishExplanation,
  WishOutcome,
} from './grade10.types.ts';
import type { PackedGrade10, PackedStage } from './grade10-pack.ts';

export interface StageRun {
  readonly packed: PackedStage;
  readonly outcome: StageOutcome;
}

const NO_WISHES: readonly WishExplanation[] = Object.freeze([]);

/**
 * Turns the stages' assignments into the published result: each school's cut-off and counts, and
 * each applicant's explanation per wish (why it was or was not admitted there).
 */
export function buildGrade10Result(
  input: Grade10Input,
  packed: PackedGrade10,
  specialised: StageRun | null,
  ordinary: StageRun,
): Grade10Result {
  const { n, seats, schoolCount } = packed;
  const admitted = new Int32Array(schoolCount);
  const rejected = new Int32Array(schoolCount);
  const lowest = new Float64Array(schoolCount).fill(Number.POSITIVE_INFINITY);
  const floor = new Float64Array(schoolCount).fill(Number.NaN);
  const runs = specialised ? [specialised, ordinary] : [ordinary];
  for (const { packed: st, outcome } of runs) {
    for (let i = 0; i < n; i++) {
      const r = outcome.assigned[i]!;
      if (r < 0) continue;
      const e = i * st.width + r;
      const s = st.school[e]!;
      admitted[s]!++;
      if (st.effective[e]! < lowest[s]!) lowest[s] = st.effective[e]!;
    }
    for (let s = 0; s < schoolCount; s++) {
      rejected[s]! += outcome.rejected[s]!;
      // admit_none left seats empty only if a tied class straddled the last seat: that class is the floor.
      if (outcome.floor[s]! > Number.NEGATIVE_INFINITY) floor[s] = outcome.floor[s]!;
    }
  }
  const cutoffs = Array.from({ length: schoolCount }, (_, s) =>
    admitted[s]! > 0 && (admitted[s]! >= seats[s]! || rejected[s]! > 0) ? lowest[s]! : null,
  );
  for (let s = 0; s < schoolCount; s++) if (admitted[s]! >= seats[s]!) floor[s] = Number.NaN;
  const tieExcluded = new Int32Array(schoolCount);
  const schoolIds = input.schools.map((s) => s.id);
  const schoolNames = input.schools.map((s) => s.name);

  const explain = (st: PackedStage, i: number, held: number, skipAll: boolean): readonly WishExplanation[] => {
    let count = 0;
    while (count < st.width && st.school[i * st.width + count]! >= 0) count++;
    if (count === 0) return NO_WISHES;
    const out: WishExplanation[] = new Array(count);
    for (let r = 0; r < count; r++) {
      const e = i * st.width + r;
      const s = st.school[e]!;
      const effective = st.effective[e]!;
      const cutoff = cutoffs[s]!;
      let outcome: WishOutcome;
      if (skipAll || (held >= 0 && r > held)) outcome = 'not_considered';
      else if (r === held) outcome = 'admitted';
      else if ((effective - st.effectiveMin) * st.scale + packed.classTail[i]! === floor[s]) {
        outcome = 'tie_excluded';
        tieExcluded[s]!++;
      } else outcome = cutoff !== null && effective === cutoff ? 'lost_tie_breaker' : 'below_cutoff';
      out[r] = {
        schoolId: schoolIds[s]!,
        schoolName: schoolNames[s]!,
        outcome,
        effective,
        offset: st.offset[r]!,
        cutoff,
      };
    }
    return out;
  };

  const applicants: Grade10ApplicantResult[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const spHeld = specialised ? specialised.outcome.assigned[i]! : -1;
    const ordHeld = ordinary.outcome.assigned[i]!;
    const st = spHeld >= 0 ? specialised!.packed : ordinary.packed;
    const r = spHeld >= 0 ? spHeld : ordHeld;
    applicants[i] = {
      applicantId: input.applicants[i]!.id,
      schoolId: r >= 0 ? schoolIds[st.school[i * st.width + r]!]! : null,
      stage: r >= 0 ? st.stage : null,
      wishIndex: r >= 0 ? r : null,
      total: packed.ordinaryTotal[i]!,
      specialisedWishes: specialised ? explain(specialised.packed, i, spHeld, false) : NO_WISHES,
      wishes: explain(ordinary.packed, i, ordHeld, spHeld >= 0),
    };
  }

  const schools: Grade10SchoolResult[] = input.schools.map((school, s) => ({
    schoolId: school.id,
    stage: school.specialised ? 'specialised' : 'ordinary',
    seats: seats[s]!,
    admitted: admitted[s]!,
    cutoff: cutoffs[s]!,
    rejected: rejected[s]!,
    overCapacity: Math.max(0, admitted[s]! - seats[s]!),
    tieExcluded: tieExcluded[s]!,
    emptySeats: Math.max(0, seats[s]! - admitted[s]!),
  }));
  return { applicants, schools };
}
