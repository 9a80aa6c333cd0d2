import type { CellValue } from 'exceljs';
import { cellText, fold, parseDate } from '../org/org-xlsx.ts';

/**
 * The spreadsheet of a plan's tasks (the plan's summary table, "Bảng tổng hợp kế hoạch"):
 * export and import share these headers. Import finds columns by header text (any order), so a
 * user may add columns; units are written "Name [CODE]" so that a re-import finds them again.
 */

export const SHEET = 'Nhiệm vụ';
export const HEADER_ROW = 4;

export const COLUMNS = [
  { key: 'stt', header: 'STT', width: 6 },
  { key: 'code', header: 'Mã nhiệm vụ', width: 12 },
  { key: 'section', header: 'Mục', width: 8 },
  { key: 'sectionTitle', header: 'Tên mục', width: 24 },
  { key: 'parent', header: 'Thuộc nhiệm vụ', width: 12 },
  { key: 'content', header: 'Nội dung', width: 50 },
  { key: 'lead', header: 'Đơn vị chủ trì', width: 32 },
  { key: 'coordinators', header: 'Đơn vị phối hợp', width: 32 },
  { key: 'period', header: 'Thời gian thực hiện', width: 18 },
  { key: 'start', header: 'Từ ngày', width: 12 },
  { key: 'end', header: 'Đến ngày', width: 12 },
  { key: 'outputs', header: 'Sản phẩm', width: 30 },
  { key: 'counted', header: 'Tính vào tổng', width: 10 },
  { key: 'budgetNote', header: 'Ghi chú kinh phí', width: 20 },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];

/** "Kinh phí 2023 (CTX, NST)": the budget of one year and funding source, million VND. */
export const budgetHeader = (year: number, shortLabel: string) => `Kinh phí ${year} (${shortLabel})`;
const BUDGET_RE = /^kinh phí (\d{4}) \((.+)\)$/;

export function parseBudgetHeader(text: string): { year: number; source: string } | null {
  const m = BUDGET_RE.exec(fold(text));
  return m ? { year: Number(m[1]), source: m[2]!.trim() } : null;
}

/** "Văn phòng Sở [QNG.SGD.VP]" → name and unit code; a plain name has no code. */
export function parseUnitRef(text: string): { name: string; code: string | null } {
  const m = /^(.*?)\s*\[([A-Za-z0-9._-]+)\]$/.exec(text.trim());
  return m ? { name: m[1]!.trim(), code: m[2]! } : { name: text.trim(), code: null };
}

export const unitRef = (name: string, code: string | null) => (code ? `${name} [${code}]` : name);

/** "Có"/"Không" (also yes/no, x, 1/0); undefined when unreadable, true when empty. */
export function parseYesNo(v: CellValue): boolean | undefined {
  const t = fold(cellText(v));
  if (t === '' || ['có', 'co', 'yes', 'x', '1', 'true'].includes(t)) return true;
  if (['không', 'khong', 'no', '0', 'false'].includes(t)) return false;
  return undefined;
}

/** A money cell: a number or text with "," or "." as the decimal mark ("19.382,4" is Vietnamese). */
export function parseAmount(v: CellValue): number | null | undefined {
  if (typeof v === 'number') return v;
  const t = cellText(v).replace(/\s/g, '');
  if (!t) return null;
  let n: number;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) n = Number(t.replace(/\./g, '').replace(',', '.'));
  else if (/^\d+(,\d+)?$/.test(t)) n = Number(t.replace(',', '.'));
  else if (/^\d+(\.\d+)?$/.test(t)) n = Number(t);
  else return undefined;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export { cellText, fold, parseDate };
