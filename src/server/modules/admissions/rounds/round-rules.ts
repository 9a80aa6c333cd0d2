import type { AdmissionLevel, RoundSchoolInput } from '../../../../shared/admissions.schema.ts';
import type { ErrorDetail } from '../../../platform/errors.ts';

/**
 * Pure rules of round configuration: who may run a round of each level, which schools may take
 * part, how many pupils a class may hold. Messages are bilingual ("vi / en") because they travel
 * as validation details.
 */

/** Since 1 July 2025 communes, wards and the special zone run grades 1 and 6 (Resolution 202/2025/QH15). */
export const COMMUNE_LEVEL_TYPES: readonly string[] = ['commune', 'ward', 'special_zone'];
/** Grade 10 stays with the province: the Sở, or the province unit itself. */
export const GRADE10_RUNNER_TYPES: readonly string[] = ['department', 'province'];

/** The school level (schools.levels) that admits each grade; liên cấp schools list each level they teach. */
export const TEACHING_LEVEL: Readonly<Record<AdmissionLevel, string>> = { 1: 'tieu_hoc', 6: 'thcs', 10: 'thpt' };

/**
 * Most pupils per class: 35 in primary schools (Điều lệ trường tiểu học, Thông tư 28/2020/TT-BGDĐT,
 * art. 16), 45 in lower- and upper-secondary schools (Điều lệ trường THCS, THPT, Thông tư
 * 32/2020/TT-BGDĐT, art. 15).
 */
export const MAX_PUPILS_PER_CLASS: Readonly<Record<AdmissionLevel, number>> = { 1: 35, 6: 45, 10: 45 };

export interface UnitFacts {
  id: string;
  name: string;
  type_code: string;
  active: boolean;
  /** schools.levels; null when the unit is not a school. */
  levels: string[] | null;
  /** Lies in the running unit's subtree (org_unit_closure). */
  in_scope: boolean;
}

/** Why this unit cannot run a round of this level, or null. */
export function runningUnitProblem(level: AdmissionLevel, unit: UnitFacts): ErrorDetail | null {
  const path = 'runningUnitId';
  if (!unit.active) return { path, message: `${unit.name}: đơn vị đã ngừng hoạt động / the unit no longer exists` };
  if (level === 10 && !GRADE10_RUNNER_TYPES.includes(unit.type_code))
    return { path, message: 'Tuyển sinh lớp 10 do Sở GDĐT tổ chức / grade-10 admissions are run by the Department' };
  if (level !== 10 && !COMMUNE_LEVEL_TYPES.includes(unit.type_code))
    return {
      path,
      message:
        'Tuyển sinh lớp 1, lớp 6 do UBND xã, phường, đặc khu tổ chức / grades 1 and 6 are run by a commune, ward or special zone',
    };
  return null;
}

/** Every reason this school cannot take part in a round of this level run by that unit. */
export function schoolProblems(level: AdmissionLevel, school: UnitFacts, path: string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const say = (vi: string, en: string) => out.push({ path, message: `${school.name}: ${vi} / ${en}` });
  if (school.levels === null || school.type_code !== 'school') say('không phải là trường học', 'not a school');
  if (!school.active) say('trường đã ngừng hoạt động', 'the school no longer exists');
  if (!school.in_scope) say('không thuộc đơn vị tổ chức tuyển sinh', 'does not belong to the unit running the round');
  if (school.levels !== null && !school.levels.includes(TEACHING_LEVEL[level]))
    say(`không dạy cấp học của lớp ${level}`, `does not teach the level grade ${level} belongs to`);
  return out;
}

/** Class size and the specialised flag, per school row of a PUT. */
export function seatProblems(level: AdmissionLevel, s: RoundSchoolInput, path: string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const max = MAX_PUPILS_PER_CLASS[level];
  if (s.pupilsPerClass > max)
    out.push({
      path: `${path}.pupilsPerClass`,
      message: `tối đa ${max} học sinh mỗi lớp theo Điều lệ trường / at most ${max} pupils per class by the school charter`,
    });
  if (s.specialised && level !== 10)
    out.push({
      path: `${path}.specialised`,
      message: 'chỉ lớp 10 có trường chuyên / only grade 10 has specialised schools',
    });
  return out;
}

const VN_OFFSET_MS = 7 * 3_600_000;

/**
 * The same Vietnamese wall-clock moment `years` later (Vietnam keeps UTC+7 all year).
 * 29 February becomes 28 February in a common year.
 */
export function shiftYears(at: Date, years: number): Date {
  const local = new Date(at.getTime() + VN_OFFSET_MS);
  const month = local.getUTCMonth();
  local.setUTCFullYear(local.getUTCFullYear() + years);
  if (local.getUTCMonth() !== month) local.setUTCDate(0);
  return new Date(local.getTime() - VN_OFFSET_MS);
}

/** Whole years between two school years ('2026-2027' → '2027-2028' is 1). */
export function yearsBetween(from: string, to: string): number {
  return Number(to.slice(0, 4)) - Number(from.slice(0, 4));
}
