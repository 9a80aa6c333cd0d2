import type { Candidate } from '../../../shared/diploma-copies.schema.ts';
import type { EntrySummary } from '../../../shared/diplomas.schema.ts';

/** What the applicant gave to identify the diploma (a request row's fields). */
export interface Identifying {
  holder_name: string;
  birth_year: number;
  birth_month: number | null;
  birth_day: number | null;
  type_code: string;
  graduation_year: number;
  school_name: string;
  serial: string | null;
}

/** Accent-, case- and spacing-insensitive (as the registry's name_key). */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

const serialKey = (s: string) => s.toUpperCase().replace(/[\s.\-/]/g, '');

const WEIGHTS: Record<Candidate['reasons'][number], number> = {
  serial: 50,
  name: 20,
  birth: 15,
  year: 10,
  type: 3,
  school: 2,
};

/**
 * Ranks register entries against a request: the serial is decisive when given; otherwise the
 * whole name, the date of birth (as far as both know it), the year, the type and the school.
 * Duplicates (found by several searches) count once. Pure; the staff choose.
 */
export function rankCandidates(req: Identifying, entries: readonly EntrySummary[]): Candidate[] {
  const seen = new Map<string, Candidate>();
  for (const e of entries) {
    if (seen.has(e.id)) continue;
    const reasons: Candidate['reasons'] = [];
    if (req.serial && e.serial && serialKey(req.serial) === serialKey(e.serial)) reasons.push('serial');
    if (fold(req.holder_name) === fold(e.fullName)) reasons.push('name');
    const b = e.birthDate;
    if (
      b.year === req.birth_year &&
      (b.month === null || req.birth_month === null || b.month === req.birth_month) &&
      (b.day === null || req.birth_day === null || b.day === req.birth_day)
    )
      reasons.push('birth');
    if (e.year === req.graduation_year) reasons.push('year');
    if (e.typeCode === req.type_code) reasons.push('type');
    const school = fold(req.school_name);
    const theirs = fold(e.schoolName);
    if (school.length >= 4 && (theirs.includes(school) || school.includes(theirs))) reasons.push('school');
    const score = reasons.reduce((n, r) => n + WEIGHTS[r], 0);
    seen.set(e.id, { ...e, score, reasons });
  }
  return [...seen.values()].sort((a, b) => b.score - a.score || a.fullName.localeCompare(b.fullName, 'vi'));
}
