import {
  type ImportField,
  type ImportMapping,
  isRealDay,
  type ProblemCode,
  parsePartialDate,
} from '../../../shared/diplomas.schema.ts';

/**
 * One row of a digitised list → a staged entry with its problems (pure; the checks that need
 * the whole file or the registry — duplicates, conflicts — are SQL over the staging table).
 */

export interface StagedRow {
  rowNo: number;
  typeCode: string | null;
  year: number | null;
  registerNo: string | null;
  serial: string | null;
  serialKey: string | null;
  fullName: string | null;
  birthYear: number | null;
  birthMonth: number | null;
  birthDay: number | null;
  birthPlace: string | null;
  gender: 'male' | 'female' | null;
  ethnicity: string | null;
  schoolName: string | null;
  classification: string | null;
  decisionNo: string | null;
  decisionDate: string | null;
  problems: { field: string; code: ProblemCode; value?: string | null }[];
}

export interface RowContext {
  mapping: ImportMapping;
  defaults: { typeCode?: string | undefined; year?: number | undefined };
  /** Known type codes → their classifications (empty: any text). */
  types: ReadonlyMap<string, readonly string[]>;
}

const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();

/** Text as stored: NFC, spaces collapsed, empty → null. */
export function clean(v: string | undefined | null): string | null {
  if (v === undefined || v === null) return null;
  const s = v.normalize('NFC').replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

/** Ordered: the first rule whose pattern matches the folded header wins. */
const HEADER_RULES: [RegExp, ImportField][] = [
  [/^(so )?vao so|so vao so|so so goc|^so vs$/, 'registerNo'],
  [/so hieu|^so seri|^serial|^seri/, 'serial'],
  [/ho (va )?ten|^ten hoc sinh|^full ?name|^name$/, 'fullName'],
  [/ngay quyet dinh|ngay ky|ngay qd|^ngay cap/, 'decisionDate'],
  [/(so )?quyet dinh|^so qd/, 'decisionNo'],
  [/ngay,? thang,? nam sinh|^ngay sinh|^date of birth|^dob$/, 'birthDate'],
  [/^nam sinh$/, 'birthYear'],
  [/^thang sinh$/, 'birthMonth'],
  [/noi sinh|que quan|^place of birth/, 'birthPlace'],
  [/gioi tinh|^gender|^sex$/, 'gender'],
  [/dan toc|^ethnic/, 'ethnicity'],
  [/xep loai|^classification|^loai tot nghiep/, 'classification'],
  [/loai (van )?bang|^loai$|^type$|^diploma type/, 'typeCode'],
  [/truong|hoi dong|^school|co so giao duc/, 'schoolName'],
  [/nam tot nghiep|khoa thi|^nam cap|^nam$|^year$|^graduation year/, 'year'],
];

/** A mapping guessed from Vietnamese (or English) headers; each field at most once. */
export function guessMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  headers.forEach((h, i) => {
    const key = fold(h);
    if (!key) return;
    const rule = HEADER_RULES.find(([re, field]) => re.test(key) && mapping[field] === undefined);
    if (rule) mapping[rule[1]] = i;
  });
  return mapping;
}

/** Which required fields a mapping (with defaults) leaves without a source. */
export function missingFields(ctx: Pick<RowContext, 'mapping' | 'defaults'>): ImportField[] {
  const m = ctx.mapping;
  const missing: ImportField[] = [];
  if (m.typeCode === undefined && !ctx.defaults.typeCode) missing.push('typeCode');
  if (m.year === undefined && !ctx.defaults.year) missing.push('year');
  for (const f of ['registerNo', 'fullName', 'schoolName'] as const) if (m[f] === undefined) missing.push(f);
  if (m.birthDate === undefined && m.birthYear === undefined) missing.push('birthDate');
  return missing;
}

const TYPE_WORDS: [RegExp, string][] = [
  [/bo tuc.*(thpt|trung hoc pho thong)|^bt ?thpt$/, 'bt_thpt'],
  [/bo tuc.*(thcs|trung hoc co so)|^bt ?thcs$/, 'bt_thcs'],
  [/thpt|trung hoc pho thong|ptth|pho thong trung hoc/, 'thpt'],
  [/thcs|trung hoc co so/, 'thcs'],
];

function typeOf(raw: string, types: RowContext['types']): string | null {
  const key = fold(raw);
  const asCode = key.replace(/[\s-]/g, '_');
  if (types.has(asCode)) return asCode;
  const hit = TYPE_WORDS.find(([re, code]) => re.test(key) && types.has(code));
  return hit ? hit[1] : null;
}

function genderOf(raw: string): 'male' | 'female' | null {
  const key = fold(raw);
  if (['nam', 'male', 'm', 'trai'].includes(key)) return 'male';
  if (['nu', 'female', 'f', 'gai'].includes(key)) return 'female';
  return null;
}

const CLASSIFICATION_WORDS: Record<string, string> = {
  'xuat sac': 'Xuất sắc',
  gioi: 'Giỏi',
  kha: 'Khá',
  'trung binh': 'Trung bình',
  tb: 'Trung bình',
  'trung binh kha': 'Trung bình khá',
};

function int(raw: string): number | null {
  return /^\d{1,4}$/.test(raw.trim()) ? Number(raw.trim()) : null;
}

/** Maps and checks one row (cells as text). */
export function stageRow(rowNo: number, cells: readonly string[], ctx: RowContext): StagedRow {
  const problems: StagedRow['problems'] = [];
  const cell = (f: ImportField): string | null => {
    const i = ctx.mapping[f];
    return i === undefined ? null : clean(cells[i]);
  };
  const bad = (field: string, code: ProblemCode, value: string | null = null) => problems.push({ field, code, value });

  let typeCode: string | null = ctx.defaults.typeCode ?? null;
  const rawType = cell('typeCode');
  if (rawType) {
    typeCode = typeOf(rawType, ctx.types);
    if (!typeCode) bad('typeCode', 'unknown_type', rawType);
  } else if (!typeCode) bad('typeCode', 'missing');

  let year: number | null = ctx.defaults.year ?? null;
  const rawYear = cell('year');
  if (rawYear) {
    year = int(rawYear);
    if (year === null || year < 1945 || year > 2100) {
      bad('year', 'bad_number', rawYear);
      year = null;
    }
  } else if (!year) bad('year', 'missing');

  const registerNo = cell('registerNo');
  if (!registerNo) bad('registerNo', 'missing');
  else if (registerNo.length > 50) bad('registerNo', 'bad_value', registerNo);
  const serial = cell('serial');
  if (serial && serial.length > 50) bad('serial', 'bad_value', serial);
  const fullName = cell('fullName');
  if (!fullName) bad('fullName', 'missing');
  else if (fullName.length < 2 || fullName.length > 150 || /\d/.test(fullName)) bad('fullName', 'bad_value', fullName);

  let birth: { year: number; month: number | null; day: number | null } | null = null;
  const rawBirth = cell('birthDate');
  if (rawBirth) {
    birth = parsePartialDate(rawBirth);
    if (!birth) bad('birthDate', 'bad_date', rawBirth);
  } else if (ctx.mapping.birthYear !== undefined) {
    const y = cell('birthYear');
    const mo = cell('birthMonth');
    const d = cell('birthDay');
    const text = [d, mo, y].filter(Boolean).join('/');
    birth = y ? parsePartialDate(text) : null;
    if (!y) bad('birthDate', 'missing');
    else if (!birth || (d && !mo)) {
      bad('birthDate', 'bad_date', text);
      birth = null;
    }
  } else bad('birthDate', 'missing');
  if (birth && year && birth.year > year - 5) bad('birthDate', 'bad_date', rawBirth ?? String(birth.year));

  const rawGender = cell('gender');
  const gender = rawGender ? genderOf(rawGender) : null;
  if (rawGender && !gender) bad('gender', 'bad_value', rawGender);

  const schoolName = cell('schoolName');
  if (!schoolName) bad('schoolName', 'missing');
  else if (schoolName.length < 2 || schoolName.length > 200) bad('schoolName', 'bad_value', schoolName);

  let classification = cell('classification');
  if (classification) {
    classification = CLASSIFICATION_WORDS[fold(classification)] ?? classification;
    const allowed = typeCode ? (ctx.types.get(typeCode) ?? []) : [];
    if (classification.length > 50 || (allowed.length && !allowed.includes(classification)))
      bad('classification', 'bad_value', classification);
  }

  const decisionNo = cell('decisionNo');
  if (decisionNo && decisionNo.length > 100) bad('decisionNo', 'bad_value', decisionNo);
  let decisionDate: string | null = null;
  const rawDecisionDate = cell('decisionDate');
  if (rawDecisionDate) {
    const d = parsePartialDate(rawDecisionDate);
    if (d?.day && d.month && isRealDay(d.year, d.month, d.day))
      decisionDate = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    else bad('decisionDate', 'bad_date', rawDecisionDate);
  }
  const birthPlace = cell('birthPlace');
  const ethnicity = cell('ethnicity');
  if (birthPlace && birthPlace.length > 200) bad('birthPlace', 'bad_value', birthPlace);
  if (ethnicity && ethnicity.length > 50) bad('ethnicity', 'bad_value', ethnicity);

  return {
    rowNo,
    typeCode,
    year,
    registerNo,
    serial,
    serialKey: serial ? serial.replace(/[\s.\-/]/g, '').toUpperCase() : null,
    fullName,
    birthYear: birth?.year ?? null,
    birthMonth: birth?.month ?? null,
    birthDay: birth?.day ?? null,
    birthPlace,
    gender,
    ethnicity,
    schoolName,
    classification,
    decisionNo,
    decisionDate,
    problems,
  };
}
