/**
 * Admission allocation: pure, deterministic functions, no I/O. The admissions service reads a
 * round from the database, shows `hash…Inputs` before a run, calls `allocate…`, stores the result
 * with the hash, and publishes cut-offs and explanations.
 */
export { allocateCatchment } from './allocate-catchment.ts';
export { allocateGrade10 } from './allocate-grade10.ts';
export type {
  CatchmentApplicant,
  CatchmentApplicantResult,
  CatchmentInput,
  CatchmentReason,
  CatchmentResult,
  CatchmentSchool,
  CatchmentSchoolResult,
  CatchmentWish,
  CatchmentWishResult,
} from './catchment.types.ts';
export { diffResults, type ResultDiff, type SchoolCutoff } from './diff-results.ts';
export { formatCatchmentResult } from './explain-catchment.ts';
export { formatExplanation } from './explain-grade10.ts';
export type {
  Grade10Applicant,
  Grade10ApplicantResult,
  Grade10Config,
  Grade10Input,
  Grade10Result,
  Grade10School,
  Grade10SchoolResult,
  Grade10Stage,
  SubjectWeight,
  TieAtLastSeat,
  WishExplanation,
  WishOutcome,
} from './grade10.types.ts';
export { canonicalJson, hashCatchmentInputs, hashGrade10Inputs } from './inputs-hash.ts';
export { lotteryNumber } from './lottery.ts';
export {
  AllocationInputError,
  formatScore,
  type Hundredths,
  type Locale,
  type SortDirection,
  type TieBreaker,
  toHundredths,
} from './score.ts';
export { type Grade10Check, verifyGrade10 } from './verify-grade10.ts';
