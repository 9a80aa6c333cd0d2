/** A primary or lower-secondary school in a grade-1 or grade-6 round. */
export interface CatchmentSchool {
  readonly id: string;
  readonly name: string;
  readonly seats: number;
}

export interface CatchmentWish {
  readonly schoolId: string;
  /** The child lives in this school's catchment (tuyến), as verified by the school or commune. */
  readonly inCatchment: boolean;
}

export interface CatchmentApplicant {
  readonly id: string;
  /** First choice first; one wish is the usual case. */
  readonly wishes: readonly CatchmentWish[];
  /** Priority group rank: 1 before 2 before …; null = no priority group (after every group). */
  readonly priorityRank: number | null;
}

export interface CatchmentInput {
  /**
   * Published before the draw; see `lotteryNumber`. Null: the round has no lottery, and the
   * seats left go by priority group, then in order of receipt (applicant ids are dossier codes,
   * numbered as received).
   */
  readonly seed: string | null;
  readonly schools: readonly CatchmentSchool[];
  readonly applicants: readonly CatchmentApplicant[];
}

/**
 * Why a child got its place: it lives in the catchment; its priority group was admitted in full;
 * it was admitted by lottery within the group that the seats ran out in; or every applicant to
 * the school got in (no competition).
 */
export type CatchmentReason = 'in_catchment' | 'priority_group' | 'lottery' | 'receipt_order' | 'seats_available';

export interface CatchmentWishResult {
  readonly schoolId: string;
  readonly schoolName: string;
  readonly inCatchment: boolean;
  readonly outcome: 'admitted' | 'seats_full' | 'not_considered';
  /** For `admitted`. */
  readonly reason: CatchmentReason | null;
  /** The school's last admission by lottery, to compare with (`lottery` and `seats_full`). */
  readonly lastAdmitted: { readonly priorityRank: number | null; readonly lottery: number } | null;
}

export interface CatchmentApplicantResult {
  readonly applicantId: string;
  readonly schoolId: string | null;
  readonly wishIndex: number | null;
  readonly reason: CatchmentReason | 'seats_full';
  readonly priorityRank: number | null;
  readonly lottery: number;
  readonly wishes: readonly CatchmentWishResult[];
}

export interface CatchmentSchoolResult {
  readonly schoolId: string;
  readonly seats: number;
  readonly admitted: number;
  readonly inCatchment: number;
  /** Catchment children beyond the seats: placed anyway (the law guarantees them a place). */
  readonly overflow: number;
  /** Out-of-catchment children admitted because their whole priority group fitted. */
  readonly byPriorityGroup: readonly { readonly priorityRank: number; readonly admitted: number }[];
  readonly byLottery: number;
  readonly seatsAvailable: number;
  /** The group the lottery was drawn in (null = no priority group), when one was needed. */
  readonly lotteryGroup: { readonly priorityRank: number | null } | null;
  /** The largest lottery number admitted in that group; the school's lottery cut-off. */
  readonly lastAdmittedLottery: number | null;
  readonly rejected: number;
  readonly emptySeats: number;
}

/** Applicants and schools in input order. */
export interface CatchmentResult {
  readonly seed: string | null;
  readonly applicants: readonly CatchmentApplicantResult[];
  readonly schools: readonly CatchmentSchoolResult[];
}
