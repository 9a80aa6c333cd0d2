import type { CellValue, Worksheet } from 'exceljs';
import type { SchoolLevel } from '../../../shared/org.schema.ts';

/**
 * The spreadsheet format of the unit and school directory (export and import), and the cell
 * conversions both sides share. Headers are Vietnamese; import finds columns by header text,
 * so users may reorder or add columns.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const UNIT_SHEET = 'Đơn vị';
export const SCHOOL_SHEET = 'Trường học';

export interface Column<K extends string> {
  key: K;
  header: string;
  width: number;
  /** Stored as text ('@') so that Excel keeps leading zeros and long digit strings. */
  text?: boolean;
}

export const UNIT_COLUMNS: readonly Column<'code' | 'name' | 'type' | 'parent' | 'validFrom' | 'validTo'>[] = [
  { key: 'code', header: 'Mã', width: 20, text: true },
  { key: 'name', header: 'Tên', width: 56 },
  { key: 'type', header: 'Loại', width: 26 },
  { key: 'parent', header: 'Mã đơn vị cấp trên', width: 20, text: true },
  { key: 'validFrom', header: 'Hiệu lực từ', width: 13, text: true },
  { key: 'validTo', header: 'Hiệu lực đến', width: 13, text: true },
];

export type SchoolColumnKey =
  | 'code'
  | 'name'
  | 'levels'
  | 'ownership'
  | 'commune'
  | 'parent'
  | 'address'
  | 'phone'
  | 'email'
  | 'validFrom'
  | 'validTo';

export const SCHOOL_COLUMNS: readonly Column<SchoolColumnKey>[] = [
  { key: 'code', header: 'Mã trường', width: 13, text: true },
  { key: 'name', header: 'Tên trường', width: 46 },
  { key: 'levels', header: 'Cấp học', width: 24 },
  { key: 'ownership', header: 'Loại hình', width: 11 },
  { key: 'commune', header: 'Mã xã/phường', width: 15, text: true },
  { key: 'parent', header: 'Mã đơn vị quản lý', width: 19, text: true },
  { key: 'address', header: 'Địa chỉ', width: 48 },
  { key: 'phone', header: 'Điện thoại', width: 16, text: true },
  { key: 'email', header: 'Email', width: 40 },
  { key: 'validFrom', header: 'Hiệu lực từ', width: 13, text: true },
  { key: 'validTo', header: 'Hiệu lực đến', width: 13, text: true },
];

export const headerOf = (key: SchoolColumnKey): string => SCHOOL_COLUMNS.find((c) => c.key === key)!.header;

export const LEVEL_LABELS: Record<SchoolLevel, string> = {
  mam_non: 'Mầm non',
  tieu_hoc: 'Tiểu học',
  thcs: 'THCS',
  thpt: 'THPT',
  lien_cap: 'Liên cấp',
  gdtx: 'GDTX',
};
const LEVEL_ORDER = Object.keys(LEVEL_LABELS) as SchoolLevel[];

export const OWNERSHIP_LABELS = { public: 'Công lập', private: 'Tư thục' } as const;

/** NFC, lower case, single spaces: how headers and labels are compared. */
export const fold = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** `yyyy-mm-dd` → `dd/mm/yyyy` (DOMAIN: dates shown as dd/mm/yyyy); '' for none. */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Today in Vietnam (UTC+7) as `yyyy-mm-dd`. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

function validDay(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  const ok = y >= 1800 && y <= 2200 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  return ok ? isoOf(y, m, d) : undefined;
}

/**
 * A date cell as `yyyy-mm-dd`: a real Excel date (exceljs gives a Date at UTC midnight), an
 * Excel serial number, or text `dd/mm/yyyy` (also `-` or `.`) or `yyyy-mm-dd`.
 * null for an empty cell, undefined when unreadable.
 */
export function parseDate(value: CellValue): string | null | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? undefined
      : validDay(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') {
    // Excel's day 0 is 1899-12-30 (it counts the non-existent 29/02/1900).
    if (!Number.isInteger(value) || value < 1) return undefined;
    const t = new Date(Date.UTC(1899, 11, 30) + value * 86_400_000);
    return validDay(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  }
  const text = cellText(value);
  if (!text) return null;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return validDay(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

/** Any cell as trimmed NFC text (rich text joined, hyperlinks by their text, formulas by result). */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDate(parseDate(value) ?? null);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .normalize('NFC')
        .trim();
    if ('hyperlink' in value) return cellText(value.text);
    if ('result' in value) return value.result === undefined ? '' : cellText(value.result);
    return '';
  }
  return String(value).normalize('NFC').trim();
}

/** Labels ("Tiểu học, THCS") or codes ("tieu_hoc;thcs") → levels in canonical order, or the unknown parts. */
export function parseLevels(text: string): { levels: SchoolLevel[]; unknown: string[] } {
  const byName = new Map<string, SchoolLevel>();
  for (const l of LEVEL_ORDER) {
    byName.set(fold(LEVEL_LABELS[l]), l);
    byName.set(l, l);
  }
  const found = new Set<SchoolLevel>();
  const unknown: string[] = [];
  for (const part of text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const level = byName.get(fold(part));
    if (level) found.add(level);
    else unknown.push(part);
  }
  return { levels: LEVEL_ORDER.filter((l) => found.has(l)), unknown };
}

export const formatLevels = (levels: readonly string[]): string =>
  levels.map((l) => LEVEL_LABELS[l as SchoolLevel] ?? l).join(', ');

/** "Công lập"/"Tư thục" (or public/private, any case). */
export function parseOwnership(text: string): 'public' | 'private' | undefined {
  const t = fold(text);
  if (t === fold(OWNERSHIP_LABELS.public) || t === 'public') return 'public';
  if (t === fold(OWNERSHIP_LABELS.private) || t === 'private') return 'private';
  return undefined;
}

/** A phone cell as text; a number that lost its leading zero in Excel (Vietnamese numbers start with 0) gets it back. */
export function phoneText(value: CellValue): string {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
    const digits = String(value);
    return digits.length === 9 || digits.length === 10 ? `0${digits}` : digits;
  }
  return cellText(value);
}

/** Same rule as SchoolUpdate.phone, plus at least 6 digits. */
export const isPhone = (s: string): boolean => /^[0-9 +().-]{6,20}$/.test(s) && (s.match(/\d/g)?.length ?? 0) >= 6;
export const isEmail = (s: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) && s.length <= 254;

/** RFC 6266: an ASCII fallback name and the UTF-8 name (RFC 5987 `filename*`). */
export function contentDisposition(ascii: string, utf8: string): string {
  const safe = ascii.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${safe}"; filename*=UTF-8''${encodeURIComponent(utf8)}`;
}

/**
 * The data rows of a sheet as raw cells by column key, with their Excel row numbers; columns
 * are found by header text in row 1. Rows with every known cell empty are skipped.
 */
export function readRows<K extends string>(ws: Worksheet, columns: readonly Column<K>[]) {
  const where = new Map<K, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const c = columns.find((x) => fold(x.header) === fold(cellText(cell.value)) || x.key === cellText(cell.value));
    if (c && !where.has(c.key)) where.set(c.key, col);
  });
  const missing = columns.filter((c) => !where.has(c.key)).map((c) => c.header);
  const rows: { row: number; cells: Record<K, CellValue> }[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const cells = {} as Record<K, CellValue>;
    for (const c of columns) cells[c.key] = where.has(c.key) ? r.getCell(where.get(c.key)!).value : null;
    if (Object.values<CellValue>(cells).some((v) => cellText(v) !== '')) rows.push({ row: n, cells });
  });
  return { rows, missing };
}
