import type { Grade10Applicant, Grade10Input, Grade10Stage, TieAtLastSeat } from './grade10.types.ts';
import { readMarks } from './grade10-marks.ts';
import { rankApplicants } from './grade10-rank.ts';
import { AllocationInputError, toHundredths } from './score.ts';

/** One stage's wishes as flat typed arrays; entry e = applicant × width + wish index. */
export interface PackedStage {
  readonly stage: Grade10Stage;
  readonly width: number;
  /** School index per entry, −1 after the applicant's last wish. */
  readonly school: Int32Array;
  /** Effective score at that school: its total (its subject weights) − the wish offset. */
  readonly effective: Int32Array;
  /** Wish offsets in hundredths, by wish index. */
  readonly offset: Int32Array;
  /**
   * A school's preference is one number, larger = preferred, exact in a double (checked):
   * key(e) = (effective[e] − effectiveMin) × scale + rankTail[applicant], and the applicant's tie
   * class at that school is (effective[e] − effectiveMin) × scale + classTail[applicant].
   */
  readonly effectiveMin: number;
  readonly scale: number;
}

export interface PackedGrade10 {
  readonly n: number;
  readonly schoolCount: number;
  readonly seats: Int32Array;
  readonly tieAtLastSeat: TieAtLastSeat;
  /** Larger = earlier in the tie-breaker order, then id (see `rankApplicants`). */
  readonly rankTail: Int32Array;
  /** The same for the first applicant of its tie class: equal for applicants tied on every tie-breaker. */
  readonly classTail: Int32Array;
  readonly ordinaryTotal: Int32Array;
  readonly ordinary: PackedStage;
  readonly specialised: PackedStage | null;
}

const DEFAULT_SPECIALISED_OFFSETS = [0, 0];

/**
 * Validates a grade-10 input and converts it to typed arrays once, so the deferred-acceptance loop
 * compares plain numbers. Throws `AllocationInputError` naming the first bad record.
 */
export function packGrade10(input: Grade10Input): PackedGrade10 {
  const { config, schools, applicants } = input;
  const n = applicants.length;
  const schoolIndex = new Map<string, number>();
  const seats = new Int32Array(schools.length);
  const isSpecialised = new Uint8Array(schools.length);
  schools.forEach((s, k) => {
    if (schoolIndex.has(s.id)) throw new AllocationInputError(`duplicate school id ${s.id}`);
    if (!Number.isInteger(s.seats) || s.seats < 0) throw new AllocationInputError(`school ${s.id}: seats`);
    schoolIndex.set(s.id, k);
    seats[k] = s.seats;
    isSpecialised[k] = s.specialised ? 1 : 0;
  });
  const marks = readMarks(applicants, config, schools);
  const ordinaryTotal = marks.ordinaryTotal;
  const schoolWeights = schools.map((s) => s.subjects ?? null);
  const { rankTail, classTail } = rankApplicants(
    applicants.map((a) => a.id),
    marks.tieBreakerColumns,
  );

  const packStage = (
    stage: Grade10Stage,
    offsets: readonly number[],
    list: (a: Grade10Applicant) => readonly string[],
  ) => {
    const width = offsets.length;
    const offset = Int32Array.from(offsets, (o, k) => toHundredths(o, `wish offset ${k + 1}`));
    const school = new Int32Array(n * width).fill(-1);
    const effective = new Int32Array(n * width);
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const a = applicants[i]!;
      const wishes = list(a);
      if (wishes.length > width) throw new AllocationInputError(`${a.id}: more than ${width} ${stage} wishes`);
      for (let r = 0; r < wishes.length; r++) {
        const s = schoolIndex.get(wishes[r]!);
        if (s === undefined) throw new AllocationInputError(`${a.id}: unknown school ${wishes[r]}`);
        if ((isSpecialised[s] === 1) !== (stage === 'specialised')) {
          throw new AllocationInputError(`${a.id}: school ${wishes[r]} is not among the ${stage} schools`);
        }
        if (wishes.indexOf(wishes[r]!) !== r) throw new AllocationInputError(`${a.id}: school ${wishes[r]} twice`);
        const e = i * width + r;
        school[e] = s;
        const eff = (schoolWeights[s] ? marks.total(i, schoolWeights[s]) : ordinaryTotal[i]!) - offset[r]!;
        effective[e] = eff;
        if (eff < min) min = eff;
        if (eff > max) max = eff;
      }
    }
    const scale = 2 ** Math.ceil(Math.log2(n + 1));
    if ((max - min + 1) * scale > Number.MAX_SAFE_INTEGER) throw new AllocationInputError('score range too wide');
    return { stage, width, school, effective, offset, effectiveMin: Number.isFinite(min) ? min : 0, scale };
  };

  const anySpecialised = isSpecialised.includes(1);
  const stray = anySpecialised ? undefined : applicants.find((a) => (a.specialisedWishes?.length ?? 0) > 0);
  if (stray) throw new AllocationInputError(`${stray.id}: specialised wishes but no specialised school`);
  return {
    n,
    schoolCount: schools.length,
    seats,
    tieAtLastSeat: config.tieAtLastSeat,
    rankTail,
    classTail,
    ordinaryTotal,
    ordinary: packStage('ordinary', config.wishOffsets, (a) => a.wishes),
    specialised: anySpecialised
      ? packStage(
          'specialised',
          config.specialisedWishOffsets ?? DEFAULT_SPECIALISED_OFFSETS,
          (a) => a.specialisedWishes ?? [],
        )
      : null,
  };
}
