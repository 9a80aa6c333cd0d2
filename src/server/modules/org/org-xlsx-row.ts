import type { CellValue } from 'exceljs';
import type { SchoolLevel } from '../../../shared/org.schema.ts';
import {
  cellText,
  isEmail,
  isPhone,
  LEVEL_LABELS,
  parseDate,
  parseLevels,
  parseOwnership,
  phoneText,
  type SchoolColumnKey,
} from './org-xlsx.ts';

/** One data row of the "Trường học" sheet: its Excel row number and raw cells by column. */
export interface RawRow {
  row: number;
  cells: Record<SchoolColumnKey, CellValue>;
}

/** Records a row error on a column, in Vietnamese and English. */
export type Fail = (key: SchoolColumnKey, vi: string, en: string) => void;

/** The row's own values, checked cell by cell (nothing here needs the tree). */
export interface SchoolCells {
  name: string;
  levels: SchoolLevel[];
  ownership: 'public' | 'private' | undefined;
  address: string | null;
  phone: string | null;
  email: string | null;
  /** undefined when unreadable (an error was recorded). */
  validFrom: string | null | undefined;
  validTo: string | null | undefined;
}

/**
 * Reads and checks the cells of a row that do not refer to other units: code and name present
 * and of a sane length, known levels and ownership, phone, e-mail and dates well formed.
 * Limits follow the schema (UnitCreate: code ≤ 40, name 2–200; SchoolUpdate: address ≤ 300).
 */
export function readSchoolCells(r: RawRow, code: string, fail: Fail): SchoolCells {
  const c = r.cells;
  const name = cellText(c.name);
  if (!code) fail('code', 'Thiếu mã trường', 'Missing school code');
  else if (code.length > 40) fail('code', 'Mã trường dài quá 40 ký tự', 'School code longer than 40 characters');
  if (!name) fail('name', 'Thiếu tên trường', 'Missing school name');
  else if (name.length < 2 || name.length > 200) {
    fail('name', 'Tên trường phải có 2–200 ký tự', 'School name must have 2–200 characters');
  }

  const { levels, unknown } = parseLevels(cellText(c.levels));
  const allowed = Object.values(LEVEL_LABELS).join(', ');
  const list = unknown.join('", "');
  if (unknown.length) {
    fail(
      'levels',
      `Cấp học không hợp lệ: "${list}" (dùng: ${allowed})`,
      `Unknown school level "${list}" (use: ${allowed})`,
    );
  } else if (levels.length === 0) fail('levels', 'Thiếu cấp học', 'Missing school level');
  const ownership = parseOwnership(cellText(c.ownership));
  if (!ownership) {
    fail(
      'ownership',
      'Loại hình phải là "Công lập" hoặc "Tư thục"',
      'Ownership must be "Công lập" (public) or "Tư thục" (private)',
    );
  }

  const address = cellText(c.address) || null;
  if (address && address.length > 300)
    fail('address', 'Địa chỉ dài quá 300 ký tự', 'Address longer than 300 characters');
  const phone = phoneText(c.phone) || null;
  if (phone && !isPhone(phone))
    fail('phone', `Số điện thoại không hợp lệ: "${phone}"`, `Invalid phone number "${phone}"`);
  const email = cellText(c.email) || null;
  if (email && !isEmail(email)) fail('email', `Email không hợp lệ: "${email}"`, `Invalid e-mail address "${email}"`);

  const validFrom = parseDate(c.validFrom);
  const validTo = parseDate(c.validTo);
  for (const [key, value] of [['validFrom', validFrom] as const, ['validTo', validTo] as const]) {
    if (value !== undefined) continue;
    const t = cellText(c[key]);
    fail(key, `Ngày không hợp lệ: "${t}" (dùng dd/mm/yyyy)`, `Invalid date "${t}" (use dd/mm/yyyy)`);
  }
  if (validFrom && validTo && validTo < validFrom) {
    fail('validTo', 'Ngày hết hiệu lực trước ngày bắt đầu', 'The end date precedes the start date');
  }
  return { name, levels, ownership, address, phone, email, validFrom, validTo };
}
