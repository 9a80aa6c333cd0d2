import type { Grade10Applicant, Grade10Config, Grade10Input, Grade10School } from './grade10.types.ts';

/** Small factories for grade-10 tests: one subject (maths ×1) unless told otherwise. */
export function buildSchool(id: string, seats: number, extra: Partial<Grade10School> = {}): Grade10School {
  return { id, name: `Trường ${id}`, seats, ...extra };
}

export function buildApplicant(
  id: string,
  math: number,
  wishes: string[],
  extra: Partial<Grade10Applicant> = {},
): Grade10Applicant {
  return { id, scores: { math }, priorityPoints: 0, bonusPoints: 0, wishes, ...extra };
}

export function buildConfig(extra: Partial<Grade10Config> = {}): Grade10Config {
  return {
    subjects: [{ subject: 'math', coefficient: 1 }],
    wishOffsets: [0, 0, 0],
    tieBreakers: [],
    tieAtLastSeat: 'admit_all',
    ...extra,
  };
}

export function buildInput(
  schools: Grade10School[],
  applicants: Grade10Applicant[],
  config: Partial<Grade10Config> = {},
): Grade10Input {
  return { config: buildConfig(config), schools, applicants };
}
