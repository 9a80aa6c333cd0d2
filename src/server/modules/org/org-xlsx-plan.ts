import type { ImportReport } from '../../../shared/org.schema.ts';
import type { UnitRef } from './org-xlsx.repository.ts';
import { cellText, headerOf, type SchoolColumnKey } from './org-xlsx.ts';
import { type Fail, type RawRow, readSchoolCells } from './org-xlsx-row.ts';
import type { SchoolRow } from './school.repository.ts';

/**
 * Turns the rows of a "Trường học" sheet into a plan (create, update, unchanged) against the
 * current tree, or row errors. Pure: the service loads the lookups, checks access on the units
 * the plan names and writes it. Messages are Vietnamese first, then English.
 */

export type RowError = ImportReport['errors'][number];
export type Profile = Omit<SchoolRow, 'unit_id'>;
export type { RawRow } from './org-xlsx-row.ts';

export interface Lookups {
  /** Every unit by code. */
  units: Map<string, UnitRef>;
  /** Every school profile by unit id. */
  schools: Map<string, SchoolRow>;
  /** Unit type → the unit types it may be placed under (unit_types.parent_types). */
  parentTypes: Map<string, readonly string[]>;
  today: string;
}

export type Planned =
  | {
      kind: 'create';
      row: number;
      code: string;
      name: string;
      typeCode: string;
      parentId: string;
      validFrom: string;
      validTo: string | null;
      profile: Profile;
    }
  | {
      kind: 'update';
      row: number;
      unit: UnitRef;
      before: SchoolRow;
      name?: string;
      parentId?: string;
      profile: Partial<Profile>;
    }
  | { kind: 'unchanged'; row: number };

const COMMUNE_TYPES = ['commune', 'ward', 'special_zone'];
const bi = (vi: string, en: string) => `${vi} / ${en}`;
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Units the actor needs `org.manage` on for a planned row (the parent, and the school itself when it exists). */
export function accessTargets(p: Planned): string[] {
  if (p.kind === 'create') return [p.parentId];
  if (p.kind === 'update') return p.parentId ? [p.unit.id, p.parentId] : [p.unit.id];
  return [];
}

export function planSchoolRows(rows: readonly RawRow[], lk: Lookups): { planned: Planned[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const planned: Planned[] = [];
  const firstRow = new Map<string, number>();
  for (const r of rows) {
    const fail = (key: SchoolColumnKey, vi: string, en: string) =>
      errors.push({ row: r.row, column: headerOf(key), message: bi(vi, en) });
    const code = cellText(r.cells.code);
    const first = firstRow.get(code);
    if (code && first !== undefined) {
      fail(
        'code',
        `Mã trường "${code}" trùng với dòng ${first}`,
        `Duplicate school code "${code}" (also on row ${first})`,
      );
      continue;
    }
    if (code) firstRow.set(code, r.row);
    const before = errors.length;
    const p = planRow(r, code, lk, fail);
    if (p && errors.length === before) planned.push(p);
  }
  return { planned, errors };
}

function planRow(r: RawRow, code: string, lk: Lookups, fail: Fail): Planned | undefined {
  const c = r.cells;
  const { name, levels, ownership, address, phone, email, validFrom, validTo } = readSchoolCells(r, code, fail);
  const unit = code ? lk.units.get(code) : undefined;
  const school = unit ? lk.schools.get(unit.id) : undefined;
  if (unit && !school)
    fail(
      'code',
      `Mã "${code}" đã dùng cho đơn vị "${unit.name}", không phải trường`,
      `Code "${code}" belongs to "${unit.name}", which is not a school`,
    );
  const typeCode = school ? unit!.type_code : levels.length === 1 && levels[0] === 'gdtx' ? 'gdtx_centre' : 'school';
  const commune = resolve(lk, 'commune', cellText(c.commune), school?.commune_id, fail, (u) =>
    COMMUNE_TYPES.includes(u.type_code),
  );
  const parent = resolve(
    lk,
    'parent',
    cellText(c.parent),
    school ? (unit!.parent_id ?? undefined) : undefined,
    fail,
    (u) => (lk.parentTypes.get(typeCode) ?? []).includes(u.type_code),
  );
  if (
    !name ||
    !ownership ||
    !commune ||
    !parent ||
    validFrom === undefined ||
    validTo === undefined ||
    !code ||
    (unit && !school)
  )
    return undefined;

  const profile: Profile = {
    levels,
    ownership,
    commune_id: commune.id,
    address,
    phone,
    email,
  };
  if (!unit || !school) {
    return {
      kind: 'create',
      row: r.row,
      code,
      name,
      typeCode,
      parentId: parent.id,
      validFrom: validFrom ?? lk.today,
      validTo,
      profile,
    };
  }
  if (validFrom && validFrom !== unit.valid_from)
    fail('validFrom', 'Không đổi ngày hiệu lực qua nhập tệp', 'Validity dates cannot be changed by import');
  if (validTo && validTo !== unit.valid_to)
    fail(
      'validTo',
      'Không đổi ngày hiệu lực qua nhập tệp (dùng sáp nhập/giải thể)',
      'Validity dates cannot be changed by import (use merge/dissolve)',
    );
  const changes: Partial<Profile> = {};
  if (!sameSet(levels, school.levels)) changes.levels = profile.levels;
  for (const k of ['ownership', 'commune_id', 'address', 'phone', 'email'] as const) {
    if (profile[k] !== school[k]) Object.assign(changes, { [k]: profile[k] });
  }
  const renamed = name !== unit.name;
  const moved = parent.id !== unit.parent_id;
  if (!renamed && !moved && Object.keys(changes).length === 0) return { kind: 'unchanged', row: r.row };
  if (!unit.active)
    fail('code', 'Trường đã ngừng hoạt động, không cập nhật được', 'The school no longer exists and cannot be updated');
  return {
    kind: 'update',
    row: r.row,
    unit,
    before: school,
    ...(renamed ? { name } : {}),
    ...(moved ? { parentId: parent.id } : {}),
    profile: changes,
  };
}

/** A commune or parent code → its unit, checking kind and that it still exists (unless it is the current one). */
function resolve(
  lk: Lookups,
  key: 'commune' | 'parent',
  code: string,
  currentId: string | undefined,
  fail: Fail,
  fits: (u: UnitRef) => boolean,
): UnitRef | undefined {
  const u = code ? lk.units.get(code) : undefined;
  if (!code) {
    const what = key === 'commune' ? ['mã xã/phường', 'commune code'] : ['mã đơn vị quản lý', 'managing unit code'];
    fail(key, `Thiếu ${what[0]}`, `Missing ${what[1]}`);
  } else if (key === 'commune' && (!u || !fits(u))) {
    fail(key, `Không có xã/phường/đặc khu mã "${code}"`, `No commune, ward or special zone has code "${code}"`);
  } else if (!u) {
    fail(key, `Không có đơn vị mã "${code}"`, `No unit has code "${code}"`);
  } else if (u.id === currentId) {
    return u;
  } else if (!u.active) {
    fail(key, `Đơn vị "${u.name}" (${code}) đã ngừng hoạt động`, `"${u.name}" (${code}) no longer exists`);
  } else if (!fits(u)) {
    fail(
      key,
      `"${u.name}" (loại ${u.type_code}) không thể quản lý trường học`,
      `"${u.name}" (type ${u.type_code}) cannot manage a school`,
    );
  } else {
    return u;
  }
  return undefined;
}
