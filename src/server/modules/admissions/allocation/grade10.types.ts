import type { Hundredths, TieBreaker } from './score.ts';

/** One exam subject and its weight in the total, e.g. maths ×2 (data, not code). Integer weights. */
export interface SubjectWeight {
  readonly subject: string;
  readonly coefficient: number;
}

/**
 * What happens when applicants tied on the effective score and every configured tie-breaker
 * straddle the last seat: `admit_all` takes them all (the school goes over capacity, reported
 * per school), `admit_none` takes none of them (seats stay empty, reported per school).
 */
export type TieAtLastSeat = 'admit_all' | 'admit_none';

/** A grade-10 round's allocation rules (Thông tư 30/2024/TT-BGDĐT; the province decides the figures). */
export interface Grade10Config {
  /** Σ score × coefficient, plus priority and bonus points, is the total. */
  readonly subjects: readonly SubjectWeight[];
  /**
   * Points the total must exceed the cut-off by for wish k (index 0 = NV1): the effective score at
   * the school named in wish k is total − wishOffsets[k]. Hanoi: [0, 1, 2]; [0, 0, 0] = plain
   * preference order. Its length is the maximum number of ordinary wishes.
   */
  readonly wishOffsets: readonly number[];
  /** The same for wishes to specialised schools; default zeros, two wishes. */
  readonly specialisedWishOffsets?: readonly number[];
  readonly tieBreakers: readonly TieBreaker[];
  readonly tieAtLastSeat: TieAtLastSeat;
}

export interface Grade10School {
  readonly id: string;
  readonly name: string;
  readonly seats: number;
  /** Specialised (chuyên) schools are allocated first, from `specialisedWishes`. */
  readonly specialised?: boolean;
  /** A specialised school may weigh subjects differently (e.g. the specialised subject ×2). */
  readonly subjects?: readonly SubjectWeight[];
}

export interface Grade10Applicant {
  readonly id: string;
  /** Points per subject code, at most two decimals (8.25). */
  readonly scores: Readonly<Record<string, number>>;
  readonly priorityPoints: number;
  readonly bonusPoints: number;
  /** YYYY-MM-DD; read only by a `dateOfBirth` tie-breaker. */
  readonly dateOfBirth?: string;
  /** Ordinary schools, NV1 first. */
  readonly wishes: readonly string[];
  /** Specialised schools, first choice first. */
  readonly specialisedWishes?: readonly string[];
}

export interface Grade10Input {
  readonly config: Grade10Config;
  readonly schools: readonly Grade10School[];
  readonly applicants: readonly Grade10Applicant[];
}

export type Grade10Stage = 'specialised' | 'ordinary';

/**
 * Why a wish ended as it did. `below_cutoff`: effective score under the cut-off.
 * `lost_tie_breaker`: equal to the cut-off but behind on a configured tie-breaker.
 * `tie_excluded`: tied with others at the last seat under `admit_none`.
 * `not_considered`: a higher wish (or a specialised school) admitted the applicant.
 */
export type WishOutcome = 'admitted' | 'below_cutoff' | 'lost_tie_breaker' | 'tie_excluded' | 'not_considered';

/** One wish of one applicant and how it ended; its position in the list is the wish index (0 = NV1). */
export interface WishExplanation {
  readonly schoolId: string;
  readonly schoolName: string;
  readonly outcome: WishOutcome;
  /** Total at this school (its subject weights) minus `offset`. */
  readonly effective: Hundredths;
  /** The wish offset for this wish index (0 for NV1). */
  readonly offset: Hundredths;
  readonly cutoff: Hundredths | null;
}

export interface Grade10ApplicantResult {
  readonly applicantId: string;
  readonly schoolId: string | null;
  readonly stage: Grade10Stage | null;
  /** Index of the admitting wish in that stage's list (0 = NV1). */
  readonly wishIndex: number | null;
  /** Total for ordinary schools: Σ mark × coefficient + priority + bonus. */
  readonly total: Hundredths;
  readonly specialisedWishes: readonly WishExplanation[];
  readonly wishes: readonly WishExplanation[];
}

export interface Grade10SchoolResult {
  readonly schoolId: string;
  readonly stage: Grade10Stage;
  readonly seats: number;
  readonly admitted: number;
  /**
   * Effective score of the last admitted applicant, when the school filled its seats or turned
   * someone away; null when every applicant was admitted with seats to spare.
   */
  readonly cutoff: Hundredths | null;
  /** Applicants turned away (all wishes, all rounds of the algorithm). */
  readonly rejected: number;
  /** admit_all: admitted beyond the seats because they tied at the last seat. */
  readonly overCapacity: number;
  /** admit_none: tied applicants turned away at the last seat, leaving `emptySeats`. */
  readonly tieExcluded: number;
  readonly emptySeats: number;
}

/** Applicants in input order; schools in input order. All scores in hundredths. */
export interface Grade10Result {
  readonly applicants: readonly Grade10ApplicantResult[];
  readonly schools: readonly Grade10SchoolResult[];
}
