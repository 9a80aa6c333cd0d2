import { hasTwoDecimals } from '../../../../shared/admission-exam-scores.schema.ts';
import type { AdmissionRules, PriorityGroup } from '../../../../shared/admissions.schema.ts';

/**
 * What a grade-10 score record must satisfy, from the round's configuration (Thông tư
 * 30/2024/TT-BGDĐT; the province sets subjects, coefficients, priority groups and the bonus cap).
 * Pure: shared by the import, the single correction and the demo helper.
 */
export interface ScoreRules {
  readonly subjects: readonly { readonly code: string; readonly name: string; readonly coefficient: number }[];
  readonly maxBonusPoints: number;
  /** Priority points a record may carry: 0 or one group's points. Empty: the round has no groups. */
  readonly priorityPoints: readonly number[];
}

export interface ScoreValues {
  readonly marks: Readonly<Record<string, number>>;
  readonly priorityPoints: number;
  readonly bonusPoints: number;
  readonly absent: boolean;
  readonly disqualified: boolean;
}

/** A problem with one field of a record: `marks.<code>`, `priorityPoints`, `bonusPoints`. */
export interface ScoreProblem {
  readonly field: string;
  readonly message: string;
}

/** The score rules of a grade-10 round; null for a round that does not admit by exam. */
export function scoreRulesOf(rules: AdmissionRules, groups: readonly PriorityGroup[]): ScoreRules | null {
  if (rules.method !== 'exam') return null;
  return {
    subjects: rules.subjects.map((s) => ({ code: s.code, name: s.name, coefficient: s.coefficient })),
    maxBonusPoints: rules.maxBonusPoints,
    priorityPoints: [...new Set(groups.flatMap((g) => (g.points === null ? [] : [g.points])))].sort((a, b) => a - b),
  };
}

const fmt = (v: number) => v.toFixed(2).replace(/\.?0+$/, '');

/**
 * Marks are 0–10 with at most two decimals (essay subjects are marked in steps of 0,25,
 * multiple-choice ones in steps of 0,2: two decimals hold both). Every subject of the round is
 * required unless the candidate was absent or disqualified; subjects the round does not have are
 * refused. Priority points must be 0 or the points of one of the round's groups; bonus points at
 * most the round's cap.
 */
export function scoreProblems(v: ScoreValues, r: ScoreRules): ScoreProblem[] {
  const out: ScoreProblem[] = [];
  const known = new Set(r.subjects.map((s) => s.code));
  for (const code of Object.keys(v.marks))
    if (!known.has(code))
      out.push({ field: `marks.${code}`, message: `môn không có trong kỳ thi / not a subject of this round: ${code}` });
  const excused = v.absent || v.disqualified;
  for (const s of r.subjects) {
    const m = v.marks[s.code];
    if (m === undefined) {
      if (!excused)
        out.push({ field: `marks.${s.code}`, message: `thiếu điểm môn ${s.name} / missing the mark in ${s.name}` });
      continue;
    }
    if (!Number.isFinite(m) || m < 0 || m > 10)
      out.push({ field: `marks.${s.code}`, message: 'điểm từ 0 đến 10 / a mark is between 0 and 10' });
    else if (!hasTwoDecimals(m))
      out.push({ field: `marks.${s.code}`, message: 'tối đa 2 chữ số thập phân / at most 2 decimals' });
  }
  const points = (field: 'priorityPoints' | 'bonusPoints', value: number, max: number) => {
    if (!Number.isFinite(value) || value < 0 || value > max) {
      out.push({ field, message: `từ 0 đến ${fmt(max)} / between 0 and ${fmt(max)}` });
      return false;
    }
    if (!hasTwoDecimals(value)) {
      out.push({ field, message: 'tối đa 2 chữ số thập phân / at most 2 decimals' });
      return false;
    }
    return true;
  };
  if (points('priorityPoints', v.priorityPoints, 5) && v.priorityPoints !== 0 && r.priorityPoints.length > 0) {
    if (!r.priorityPoints.some((p) => Math.abs(p - v.priorityPoints) < 1e-9)) {
      const allowed = ['0', ...r.priorityPoints.map(fmt)].join(', ');
      out.push({
        field: 'priorityPoints',
        message: `điểm ưu tiên phải là một trong: ${allowed} / priority points must be one of: ${allowed}`,
      });
    }
  }
  points('bonusPoints', v.bonusPoints, r.maxBonusPoints);
  return out;
}

/** Σ mark × coefficient + priority + bonus in hundredths (3650 = 36,50); null when a mark is missing or excused. */
export function totalHundredths(v: ScoreValues, r: ScoreRules): number | null {
  if (v.absent || v.disqualified) return null;
  let sum = Math.round(v.priorityPoints * 100) + Math.round(v.bonusPoints * 100);
  for (const s of r.subjects) {
    const m = v.marks[s.code];
    if (m === undefined) return null;
    sum += s.coefficient * Math.round(m * 100);
  }
  return sum;
}
