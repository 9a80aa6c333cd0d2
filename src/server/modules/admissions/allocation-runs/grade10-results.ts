import {
  formatExplanation,
  formatScore,
  type Grade10ApplicantResult,
  type Grade10Result,
  type Grade10SchoolResult,
  type Locale,
} from '../allocation/index.ts';
import type { ExclusionReason, Grade10Inputs } from './grade10-inputs.ts';

/** Per school of a grade-10 run: the library's counts, its name, and the cut-off in points. */
export interface Grade10SchoolSummary extends Omit<Grade10SchoolResult, 'cutoff'> {
  readonly name: string;
  /** Điểm chuẩn in points (36.5); null when every applicant was admitted with seats to spare. */
  readonly cutoff: number | null;
}

/** What a grade-10 run stores in `admission_allocation_runs.summary`. */
export interface Grade10RunSummary {
  readonly level: 10;
  readonly applicants: number;
  readonly placed: number;
  readonly unplaced: number;
  readonly absent: number;
  readonly disqualified: number;
  readonly overCapacity: number;
  readonly schools: readonly Grade10SchoolSummary[];
}

/**
 * `admission_allocation_results.explanation` of a grade-10 run: the library's result for the
 * applicant (Grade10ApplicantResult, wish by wish with school names and cut-offs, as 0008 says and
 * as the results module reads it with formatExplanation). A candidate absent or disqualified has
 * no wishes considered and carries `excluded`.
 */
export type StoredGrade10 = Grade10ApplicantResult & { readonly excluded?: ExclusionReason };

/** The stored form of a candidate left out of the allocation. */
export function storeExcluded(applicantId: string, reason: ExclusionReason): StoredGrade10 {
  return {
    applicantId,
    schoolId: null,
    stage: null,
    wishIndex: null,
    total: 0,
    specialisedWishes: [],
    wishes: [],
    excluded: reason,
  };
}

export function summariseGrade10(inputs: Grade10Inputs, result: Grade10Result): Grade10RunSummary {
  const names = new Map(inputs.input.schools.map((s) => [s.id, s.name]));
  let placed = 0;
  for (const a of result.applicants) if (a.schoolId !== null) placed++;
  const absent = inputs.excluded.filter((x) => x.reason === 'absent').length;
  return {
    level: 10,
    applicants: result.applicants.length + inputs.excluded.length,
    placed,
    unplaced: result.applicants.length - placed + inputs.excluded.length,
    absent,
    disqualified: inputs.excluded.length - absent,
    overCapacity: result.schools.reduce((n, s) => n + s.overCapacity, 0),
    schools: result.schools.map((s) => ({
      ...s,
      name: names.get(s.schoolId) ?? s.schoolId,
      cutoff: s.cutoff === null ? null : s.cutoff / 100,
    })),
  };
}

const EXCLUDED_TEXT: Record<ExclusionReason, Record<Locale, string>> = {
  absent: { vi: 'Vắng thi: không tham gia xét tuyển', en: 'Absent from the exam: not considered' },
  disqualified: {
    vi: 'Vi phạm quy chế thi: không tham gia xét tuyển',
    en: 'Disqualified for breaking the exam rules: not considered',
  },
};

/** "Tổng điểm 36,50. NV1 Trường A: …" in the locale; for an excluded candidate, why. */
export function explainGrade10(stored: StoredGrade10, locale: Locale): string {
  if (stored.excluded) return EXCLUDED_TEXT[stored.excluded][locale];
  const total = `${locale === 'vi' ? 'Tổng điểm' : 'Total'} ${formatScore(stored.total, locale)}`;
  return `${total}. ${formatExplanation(stored, locale)}`;
}

/** Result reason of a grade-10 applicant: admitted, not_admitted, absent or disqualified. */
export function grade10Reason(schoolId: string | null, stored: StoredGrade10): string {
  if (stored.excluded) return stored.excluded;
  return schoolId === null ? 'not_admitted' : 'admitted';
}
