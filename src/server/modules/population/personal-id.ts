import type { Gender } from '../../../shared/population.schema.ts';

/**
 * The 12-digit personal identification number (số định danh cá nhân), Thông tư 59/2021/TT-BCA
 * (Điều 7; before it Thông tư 07/2016/TT-BCA): digits 1–3 the province (or centrally-run city)
 * where the birth was registered, digit 4 the century of birth and the gender, digits 5–6 the
 * last two digits of the year of birth, digits 7–12 random.
 */
export interface ParsedPersonalId {
  provinceCode: string;
  gender: Gender;
  birthYear: number;
  serial: string;
}

/**
 * Province codes of the 63 provinces and cities before 2025 (annex of the circular). IDs issued
 * before the 2025 merger keep their code for life, so the old list stays the valid one:
 * 051 Quảng Ngãi and 062 Kon Tum are both today's Quảng Ngãi.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set(
  (
    '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 ' +
    '040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 ' +
    '083 084 086 087 089 091 092 093 094 095 096'
  ).split(' '),
);

export const PROVINCE_QUANG_NGAI = '051';
export const PROVINCE_KON_TUM = '062';

/** Digit 4: 0/1 born 1900–1999 male/female, 2/3 2000–2099, 4/5 2100–2199, 6/7, 8/9 the next centuries. */
function centuryDigit(birthYear: number, gender: Gender): number {
  return (Math.floor(birthYear / 100) - 19) * 2 + (gender === 'female' ? 1 : 0);
}

/** The parts of a structurally valid ID, or undefined (wrong length, unknown province). */
export function parsePersonalId(id: string): ParsedPersonalId | undefined {
  if (!/^\d{12}$/.test(id)) return undefined;
  const provinceCode = id.slice(0, 3);
  if (!PROVINCE_CODES.has(provinceCode)) return undefined;
  const digit = Number(id[3]);
  return {
    provinceCode,
    gender: digit % 2 === 0 ? 'male' : 'female',
    birthYear: 1900 + Math.floor(digit / 2) * 100 + Number(id.slice(4, 6)),
    serial: id.slice(6),
  };
}

/** Builds an ID from its parts (demo data and tests). */
export function formatPersonalId(p: ParsedPersonalId): string {
  if (!PROVINCE_CODES.has(p.provinceCode)) throw new Error(`unknown province code ${p.provinceCode}`);
  if (!/^\d{6}$/.test(p.serial)) throw new Error('serial must be 6 digits');
  if (p.birthYear < 1900 || p.birthYear > 2399) throw new Error(`birth year out of range: ${p.birthYear}`);
  const yy = String(p.birthYear % 100).padStart(2, '0');
  return `${p.provinceCode}${centuryDigit(p.birthYear, p.gender)}${yy}${p.serial}`;
}

export type PersonalIdProblem = 'format' | 'province' | 'birth_year' | 'gender';

/**
 * What is inconsistent between an ID and what else is known of the person (date of birth
 * 'yyyy-mm-dd', gender). Empty when consistent. Computed from the inputs alone: it tells a
 * parent about a typo without revealing anything about the registry.
 */
export function checkPersonalId(id: string, known: { dateOfBirth?: string; gender?: Gender }): PersonalIdProblem[] {
  if (!/^\d{12}$/.test(id)) return ['format'];
  const parsed = parsePersonalId(id);
  if (!parsed) return ['province'];
  const problems: PersonalIdProblem[] = [];
  if (known.dateOfBirth !== undefined && Number(known.dateOfBirth.slice(0, 4)) !== parsed.birthYear) {
    problems.push('birth_year');
  }
  if (known.gender !== undefined && known.gender !== parsed.gender) problems.push('gender');
  return problems;
}

const PROBLEM_TEXT: Record<PersonalIdProblem, { vi: string; en: string }> = {
  format: { vi: 'Số định danh cá nhân gồm 12 chữ số.', en: 'The personal ID number has 12 digits.' },
  province: {
    vi: 'Ba chữ số đầu của số định danh không phải mã tỉnh, thành phố nào.',
    en: 'The first three digits of the personal ID number are not a province code.',
  },
  birth_year: {
    vi: 'Số định danh không khớp với năm sinh (chữ số thứ 4–6 ghi thế kỷ và năm sinh).',
    en: 'The personal ID number does not match the year of birth (digits 4–6 encode century and year).',
  },
  gender: {
    vi: 'Số định danh không khớp với giới tính (chữ số thứ 4).',
    en: 'The personal ID number does not match the gender (digit 4).',
  },
};

export function describeProblem(problem: PersonalIdProblem, locale: 'vi' | 'en'): string {
  return PROBLEM_TEXT[problem][locale];
}
