import type { CellValue } from 'exceljs';
import type { UnitRef } from './org-xlsx.repository.ts';
import { cellText, parseDate, UNIT_COLUMNS, UNIT_SHEET } from './org-xlsx.ts';
import type { Lookups } from './org-xlsx-plan.ts';

/**
 * The checks of one "Đơn vị" row: its own cells (readUnitRow), then, once every row is read,
 * its parent (resolveParent) and the change it makes (checkUnitChange). Pure.
 */

export type UnitColumnKey = (typeof UNIT_COLUMNS)[number]['key'];

/** One data row of the "Đơn vị" sheet: its Excel row number and raw cells by column. */
export interface UnitRawRow {
  row: number;
  cells: Record<UnitColumnKey, CellValue>;
}

/** Records a row error on a column, in Vietnamese and English. */
export type UnitFail = (key: UnitColumnKey, vi: string, en: string) => void;

/** Unit types whose rows belong to the "Trường học" sheet. */
export const SCHOOL_TYPES: readonly string[] = ['school', 'gdtx_centre'];

/** The column of a units-sheet error names the sheet, so it reads apart from the schools sheet's. */
export const unitColumn = (key: UnitColumnKey): string =>
  `${UNIT_SHEET}: ${UNIT_COLUMNS.find((c) => c.key === key)!.header}`;

/** A row's checked values, with the unit it names (if known) and the id it has or will have. */
export interface UnitEntry {
  row: number;
  code: string;
  name: string;
  typeCode: string;
  parentCode: string;
  validFrom: string | null;
  validTo: string | null;
  unit: UnitRef | undefined;
  id: string;
}

export type UnitCells = Pick<UnitEntry, 'name' | 'typeCode' | 'parentCode' | 'validFrom' | 'validTo'>;

/**
 * Reads and checks what a row says by itself (limits as UnitCreate: code ≤ 40, name 2–200): a
 * known type, readable dates in order, and for a known unit the same type and start date and no
 * change to an end date once set (reopening a unit is not an import's job).
 */
export function readUnitRow(
  r: UnitRawRow,
  code: string,
  unit: UnitRef | undefined,
  lk: Lookups,
  fail: UnitFail,
): UnitCells {
  const c = r.cells;
  const name = cellText(c.name);
  const typeCode = cellText(c.type);
  if (!code) fail('code', 'Thiếu mã đơn vị', 'Missing unit code');
  else if (code.length > 40) fail('code', 'Mã đơn vị dài quá 40 ký tự', 'Unit code longer than 40 characters');
  if (!name) fail('name', 'Thiếu tên đơn vị', 'Missing unit name');
  else if (name.length < 2 || name.length > 200)
    fail('name', 'Tên phải có 2–200 ký tự', 'The name must have 2–200 characters');
  if (!typeCode) fail('type', 'Thiếu loại đơn vị', 'Missing unit type');
  else if (!lk.parentTypes.has(typeCode)) {
    const known = [...lk.parentTypes.keys()].join(', ');
    fail(
      'type',
      `Không có loại đơn vị "${typeCode}" (dùng: ${known})`,
      `Unknown unit type "${typeCode}" (use: ${known})`,
    );
  } else if (unit && unit.type_code !== typeCode) {
    const is = unit.type_code;
    fail('type', `Không đổi loại đơn vị (hiện là ${is})`, `The unit type cannot change (it is ${is})`);
  } else if (!unit && SCHOOL_TYPES.includes(typeCode)) {
    fail('type', 'Trường học được thêm ở trang "Trường học"', 'Schools are added in the "Trường học" sheet');
  }
  const validFrom = parseDate(c.validFrom);
  const validTo = parseDate(c.validTo);
  for (const [key, value] of [['validFrom', validFrom] as const, ['validTo', validTo] as const]) {
    if (value !== undefined) continue;
    const t = cellText(c[key]);
    fail(key, `Ngày không hợp lệ: "${t}" (dùng dd/mm/yyyy)`, `Invalid date "${t}" (use dd/mm/yyyy)`);
  }
  const start = validFrom ?? unit?.valid_from;
  if (start && validTo && validTo < start && validTo !== unit?.valid_to) {
    fail('validTo', 'Ngày hết hiệu lực trước ngày bắt đầu', 'The end date precedes the start date');
  }
  if (unit && validFrom && validFrom !== unit.valid_from) {
    fail('validFrom', 'Không đổi ngày bắt đầu hiệu lực qua nhập tệp', 'The start date cannot be changed by import');
  }
  if (unit?.valid_to && !validTo && validTo !== undefined) {
    fail(
      'validTo',
      'Không mở lại đơn vị đã ngừng hoạt động qua nhập tệp',
      'A closed unit cannot be reopened by import',
    );
  } else if (unit?.valid_to && validTo && validTo !== unit.valid_to) {
    fail('validTo', 'Không đổi ngày hết hiệu lực đã có', 'An end date, once set, cannot be changed');
  }
  return { name, typeCode, parentCode: cellText(c.parent), validFrom: validFrom ?? null, validTo: validTo ?? null };
}

export interface ParentRef {
  id: string;
  typeCode: string;
  active: boolean;
}

/**
 * The parent a row names, from the database or from another row of the sheet: null for a root
 * that stays one, undefined (with an error) when there is none to use.
 */
export function resolveParent(
  e: UnitEntry,
  entries: ReadonlyMap<string, UnitEntry>,
  lk: Lookups,
  fail: UnitFail,
): ParentRef | null | undefined {
  if (!e.parentCode) {
    if (e.unit && e.unit.parent_id === null) return null;
    fail('parent', 'Thiếu mã đơn vị cấp trên', 'Missing parent unit code');
    return undefined;
  }
  if (e.parentCode === e.code) {
    fail('parent', 'Đơn vị không thể là cấp trên của chính nó', 'A unit cannot be its own parent');
    return undefined;
  }
  const inDb = lk.units.get(e.parentCode);
  if (inDb) return { id: inDb.id, typeCode: inDb.type_code, active: inDb.active };
  const inFile = entries.get(e.parentCode);
  if (inFile)
    return { id: inFile.id, typeCode: inFile.typeCode, active: !inFile.validTo || inFile.validTo >= lk.today };
  fail(
    'parent',
    `Không có đơn vị mã "${e.parentCode}" (trong hệ thống hoặc trong trang)`,
    `No unit has code "${e.parentCode}" (in the system or in the sheet)`,
  );
  return undefined;
}

/**
 * The rules of a change: a new or moved unit goes under a living parent of a type its own type
 * allows (unit_types.parent_types); a closed unit is not changed; a closure is not combined with
 * a rename or a move (two events of one day, in an order the sheet cannot say).
 */
export function checkUnitChange(
  e: UnitEntry,
  parent: ParentRef | null,
  change: { renamed: boolean; moved: boolean; expires: boolean },
  lk: Lookups,
  fail: UnitFail,
): void {
  if (parent && (!e.unit || change.moved)) {
    const allowed = lk.parentTypes.get(e.typeCode) ?? [];
    if (!parent.active) {
      fail(
        'parent',
        `Đơn vị cấp trên "${e.parentCode}" đã ngừng hoạt động`,
        `The parent "${e.parentCode}" no longer exists`,
      );
    } else if (!allowed.includes(parent.typeCode)) {
      const list = allowed.join(', ') || '—';
      fail(
        'parent',
        `Không thể đặt loại ${e.typeCode} dưới đơn vị loại ${parent.typeCode} (chỉ dưới: ${list})`,
        `A ${e.typeCode} cannot be placed under a ${parent.typeCode} (only under: ${list})`,
      );
    }
  }
  if (e.unit && !e.unit.active && (change.renamed || change.moved)) {
    fail('code', 'Đơn vị đã ngừng hoạt động, không cập nhật được', 'The unit no longer exists and cannot be changed');
  }
  if (change.expires && (change.renamed || change.moved)) {
    fail(
      'validTo',
      'Không vừa đóng vừa đổi tên/chuyển đơn vị trong một lần nhập',
      'A unit cannot be closed and renamed or moved in the same import',
    );
  }
}
