import type { LibraryLevel, Reference } from '../../../shared/library.schema.ts';
import type { Db } from '../../platform/db/database.ts';
import type { ErrorDetail } from '../../platform/errors.ts';
import { loadReferenceRows } from './reference.repository.ts';

/** The grades of each level (Luật Giáo dục 2019, art. 28: primary 1–5, lower secondary 6–9, upper secondary 10–12). */
export const LEVEL_GRADES: Record<LibraryLevel, readonly number[]> = {
  tieu_hoc: [1, 2, 3, 4, 5],
  thcs: [6, 7, 8, 9],
  thpt: [10, 11, 12],
};
export const LEVEL_NAMES: Record<LibraryLevel, string> = {
  tieu_hoc: 'Tiểu học',
  thcs: 'Trung học cơ sở',
  thpt: 'Trung học phổ thông',
};

export interface MetadataCodes {
  levels: readonly string[];
  grades: readonly number[];
  subjects: readonly string[];
  seriesCode: string | null;
  licenceCode: string;
  languageCode: string;
}

/**
 * Checks a resource's codes against the curriculum: known subject, series, licence and
 * language; every grade within one of the chosen levels; every subject taught at one of them.
 * Returns the problems (empty when fine).
 */
export function checkCodes(ref: Reference, m: MetadataCodes): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const levels = m.levels as LibraryLevel[];
  for (const g of m.grades)
    if (levels.length > 0 && !levels.some((l) => LEVEL_GRADES[l].includes(g)))
      problems.push({ path: 'grades', message: `Lớp ${g} không thuộc cấp học đã chọn.` });
  for (const code of m.subjects) {
    const s = ref.subjects.find((x) => x.code === code);
    if (!s) problems.push({ path: 'subjects', message: `Môn học không có trong chương trình: ${code}.` });
    else if (levels.length > 0 && !s.levels.some((l) => levels.includes(l.level)))
      problems.push({ path: 'subjects', message: `Môn ${s.nameVi} không được dạy ở cấp học đã chọn.` });
  }
  if (m.seriesCode !== null && !ref.series.some((x) => x.code === m.seriesCode))
    problems.push({ path: 'seriesCode', message: `Bộ sách không xác định: ${m.seriesCode}.` });
  if (!ref.licences.some((x) => x.code === m.licenceCode))
    problems.push({ path: 'licenceCode', message: `Giấy phép không xác định: ${m.licenceCode}.` });
  if (!ref.languages.some((x) => x.code === m.languageCode))
    problems.push({ path: 'languageCode', message: `Ngôn ngữ không xác định: ${m.languageCode}.` });
  return problems;
}

const TTL_MS = 60_000;

/** The reference data, cached per node for a minute (it changes with a migration, not at run time). */
export class LibraryReference {
  readonly #db: Db;
  #cached: { at: number; ref: Reference } | null = null;

  constructor(db: Db) {
    this.#db = db;
  }

  async get(): Promise<Reference> {
    if (this.#cached && Date.now() - this.#cached.at < TTL_MS) return this.#cached.ref;
    const rows = await loadReferenceRows(this.#db);
    const ref: Reference = {
      subjects: rows.subjects.map((s) => ({
        code: s.code,
        nameVi: s.name_vi,
        nameEn: s.name_en,
        levels: rows.levels
          .filter((l) => l.subject_code === s.code)
          .map((l) => ({ level: l.level as LibraryLevel, nameVi: l.name_vi, grades: l.grades, elective: l.elective })),
      })),
      series: rows.series.map((s) => ({ code: s.code, nameVi: s.name_vi, publisher: s.publisher })),
      licences: rows.licences.map((l) => ({ code: l.code, nameVi: l.name_vi, nameEn: l.name_en, url: l.url })),
      languages: rows.languages.map((l) => ({ code: l.code, nameVi: l.name_vi, nameEn: l.name_en })),
    };
    this.#cached = { at: Date.now(), ref };
    return ref;
  }
}
