import type { Grade10Applicant, Grade10Config, Grade10School, SubjectWeight } from './grade10.types.ts';
import { AllocationInputError, dayNumber, hundredthsOrNaN, parseTieBreaker, toHundredths } from './score.ts';

/** What the packer needs from the applicants' marks, all in hundredths. */
export interface Marks {
  /** Totals with the round's subject weights, for everyone (every mark must be present). */
  readonly ordinaryTotal: Int32Array;
  /** Σ coefficient × mark + priority + bonus with other weights (a specialised school's), for applicant i. */
  total(i: number, weights: readonly SubjectWeight[]): number;
  /** One column per configured tie-breaker, smaller = better, +∞ = missing. */
  readonly tieBreakerColumns: Float64Array[];
}

/**
 * Reads marks, priority and bonus points once (validating two decimals), so totals and
 * tie-breakers are integer arithmetic from then on. Coefficients must be non-negative integers so
 * a total stays a whole number of hundredths. Error messages are built only when thrown: a
 * template string per mark would cost more than the reading.
 */
export function readMarks(
  applicants: readonly Grade10Applicant[],
  config: Grade10Config,
  schools: readonly Grade10School[],
): Marks {
  const n = applicants.length;
  for (const set of [config.subjects, ...schools.flatMap((s) => (s.subjects ? [s.subjects] : []))]) {
    for (const w of set) {
      if (!Number.isInteger(w.coefficient) || w.coefficient < 0) {
        throw new AllocationInputError(`coefficient of ${w.subject}`);
      }
    }
  }
  const mark = (a: Grade10Applicant, subject: string): number => {
    const v = a.scores[subject];
    if (v === undefined) throw new AllocationInputError(`${a.id}: no score in ${subject}`);
    const h = hundredthsOrNaN(v);
    return Number.isNaN(h) ? toHundredths(v, `${a.id} ${subject}`) : h;
  };
  const points = (a: Grade10Applicant, v: number, what: string): number => {
    const h = hundredthsOrNaN(v);
    return Number.isNaN(h) ? toHundredths(v, `${a.id} ${what}`) : h;
  };
  const total = (i: number, weights: readonly SubjectWeight[]): number => {
    const a = applicants[i]!;
    let sum = points(a, a.priorityPoints, 'priorityPoints') + points(a, a.bonusPoints, 'bonusPoints');
    for (const w of weights) sum += w.coefficient * mark(a, w.subject);
    return sum;
  };
  const ordinaryTotal = new Int32Array(n);
  for (let i = 0; i < n; i++) ordinaryTotal[i] = total(i, config.subjects);

  const tieBreakerColumns = config.tieBreakers.map(parseTieBreaker).map(({ field, subject, sign }) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const a = applicants[i]!;
      let v: number | null;
      if (field === 'priorityPoints') v = points(a, a.priorityPoints, field);
      else if (field === 'bonusPoints') v = points(a, a.bonusPoints, field);
      else if (field === 'subject') v = a.scores[subject] === undefined ? null : mark(a, subject);
      else v = a.dateOfBirth === undefined ? null : dayNumber(a.dateOfBirth, a.id);
      out[i] = v === null ? Number.POSITIVE_INFINITY : sign * v;
    }
    return out;
  });
  return { ordinaryTotal, total, tieBreakerColumns };
}
