import type {
  CatchmentApplicantResult,
  CatchmentResult,
  CatchmentSchoolResult,
  ResultDiff,
} from '../allocation/index.ts';

/** Per school: seats, admitted by reason, and the lottery cut-off (group and last number admitted). */
export interface SchoolSummary extends CatchmentSchoolResult {
  readonly name: string;
  readonly lastLottery: { readonly priorityRank: number | null; readonly lottery: number } | null;
}

/** What a run stores in `admission_allocation_runs.summary` and returns. */
export interface RunSummary {
  readonly level: 1 | 6;
  readonly seed: string | null;
  readonly applicants: number;
  readonly placed: number;
  readonly unplaced: number;
  readonly schools: readonly SchoolSummary[];
}

/** Summarises a grade-1/6 result; `names` by school id. */
export function summariseCatchment(
  level: 1 | 6,
  result: CatchmentResult,
  names: ReadonlyMap<string, string>,
): RunSummary {
  const placed = result.applicants.filter((a) => a.schoolId !== null).length;
  return {
    level,
    seed: result.seed,
    applicants: result.applicants.length,
    placed,
    unplaced: result.applicants.length - placed,
    schools: result.schools.map((s) => ({
      ...s,
      name: names.get(s.schoolId) ?? s.schoolId,
      lastLottery:
        s.lotteryGroup && s.lastAdmittedLottery !== null
          ? { priorityRank: s.lotteryGroup.priorityRank, lottery: s.lastAdmittedLottery }
          : null,
    })),
  };
}

/** The library result back from a stored run (summary + per-applicant explanations), for diffResults. */
export function storedCatchmentResult(
  summary: RunSummary,
  applicants: readonly CatchmentApplicantResult[],
): CatchmentResult {
  return { seed: summary.seed, applicants, schools: summary.schools };
}

export type { ResultDiff };
