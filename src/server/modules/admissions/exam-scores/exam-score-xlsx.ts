import ExcelJS, { type CellValue } from 'exceljs';
import { type Column, cellText, fold } from '../../org/org-xlsx.ts';
import type { ScoreRules } from './exam-score-rules.ts';

/**
 * The spreadsheet of a round's exam scores (import and template). Headers are Vietnamese and
 * found by text, so columns may be reordered; a subject's column is named as the round configures
 * it ("Toán") or by its code ("toan"). "Họ và tên" is for the reader and never imported.
 */
export const SCORE_SHEET = 'Điểm thi';

export type FixedKey =
  | 'dossierCode'
  | 'childName'
  | 'registrationNo'
  | 'priorityPoints'
  | 'bonusPoints'
  | 'absent'
  | 'disqualified';

export const FIXED_HEADERS: Readonly<Record<FixedKey, string>> = {
  dossierCode: 'Mã hồ sơ',
  childName: 'Họ và tên',
  registrationNo: 'Số báo danh',
  priorityPoints: 'Điểm ưu tiên',
  bonusPoints: 'Điểm khuyến khích',
  absent: 'Vắng thi',
  disqualified: 'Vi phạm quy chế',
};

/** Column key of a subject's mark: `m:<code>` (never a fixed key, whatever the code). */
export const markKey = (code: string) => `m:${code}`;

/** The columns of a round: code, name, registration number, one per subject, points, flags. */
export function scoreColumns(rules: ScoreRules): Column<string>[] {
  const fixed = (key: FixedKey, width: number, text = false): Column<string> => ({
    key,
    header: FIXED_HEADERS[key],
    width,
    text,
  });
  return [
    fixed('dossierCode', 22, true),
    fixed('childName', 30),
    fixed('registrationNo', 14, true),
    ...rules.subjects.map((s) => ({ key: markKey(s.code), header: s.name, width: 10 })),
    fixed('priorityPoints', 13),
    fixed('bonusPoints', 16),
    fixed('absent', 10),
    fixed('disqualified', 16),
  ];
}

/**
 * Reads the columns of row 1 by header text (or a subject's code) and every data row after it,
 * by Excel row number. A row whose cells are all empty is skipped.
 */
export function readScoreRows(ws: ExcelJS.Worksheet, columns: readonly Column<string>[]) {
  const where = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const text = fold(cellText(cell.value));
    const c = columns.find((x) => fold(x.header) === text || x.key === markKey(text));
    if (c && !where.has(c.key)) where.set(c.key, col);
  });
  const rows: { row: number; cells: Record<string, CellValue> }[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const cells: Record<string, CellValue> = {};
    for (const [key, col] of where) cells[key] = r.getCell(col).value;
    if (Object.values(cells).some((v) => cellText(v) !== '')) rows.push({ row: n, cells });
  });
  return { rows, present: new Set(where.keys()) };
}

/**
 * A number cell: a number, or text with a decimal comma or point ("8,25", "8.25").
 * null for an empty cell, undefined when unreadable.
 */
export function parseNumber(value: CellValue): number | null | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const text = cellText(value);
  if (text === '') return null;
  if (!/^\d{1,2}([.,]\d{1,4})?$/.test(text)) return undefined;
  return Number(text.replace(',', '.'));
}

const YES = new Set(['x', 'có', 'co', 'true', '1', 'yes']);
const NO = new Set(['', 'không', 'khong', 'false', '0', 'no']);

/** A flag cell ("x", "có", true, 1 / empty, "không", false, 0); undefined when unreadable. */
export function parseFlag(value: CellValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = fold(cellText(value));
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return undefined;
}

export interface TemplateLine {
  dossierCode: string;
  childName: string;
  registrationNo: string | null;
  marks: Record<string, number>;
  priorityPoints: number;
  bonusPoints: number;
  absent: boolean;
  disqualified: boolean;
}

/** The template: the columns of the round, one line per application (with its recorded scores, if any). */
export async function buildTemplate(rules: ScoreRules, lines: readonly TemplateLine[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'giaoducso';
  const ws = wb.addWorksheet(SCORE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = scoreColumns(rules);
  ws.columns = columns.map((c) => ({
    key: c.key,
    header: c.header,
    width: c.width,
    style: c.text ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const l of lines) {
    const row: Record<string, string | number | null> = {
      dossierCode: l.dossierCode,
      childName: l.childName,
      registrationNo: l.registrationNo,
      priorityPoints: l.registrationNo === null ? null : l.priorityPoints,
      bonusPoints: l.registrationNo === null ? null : l.bonusPoints,
      absent: l.absent ? 'x' : null,
      disqualified: l.disqualified ? 'x' : null,
    };
    for (const s of rules.subjects) row[markKey(s.code)] = l.marks[s.code] ?? null;
    ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
