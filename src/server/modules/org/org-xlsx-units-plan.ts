import type { UnitRef } from './org-xlsx.repository.ts';
import { cellText } from './org-xlsx.ts';
import type { Lookups, RowError } from './org-xlsx-plan.ts';
import {
  checkUnitChange,
  type ParentRef,
  readUnitRow,
  resolveParent,
  SCHOOL_TYPES,
  type UnitEntry,
  type UnitFail,
  type UnitRawRow,
  unitColumn,
} from './org-xlsx-units-row.ts';

/**
 * Turns the rows of a "Đơn vị" sheet into a plan against the current tree (create, update,
 * unchanged), or row errors. Pure, like planSchoolRows. Rows may come in any order: a parent is
 * found in the database or anywhere in the sheet, and parents that form a loop are refused. A
 * known code may get a new name (a rename), a new parent (a move) or an end date (a closure);
 * its type and start date are fixed. Rows of schools and GDNN–GDTX centres belong to the
 * "Trường học" sheet: a known school's row here is counted as unchanged whatever it says (the
 * simpler rule: no second way to edit a school), a new one is refused.
 */

export type { UnitRawRow } from './org-xlsx-units-row.ts';

export type UnitPlanned =
  | {
      kind: 'create';
      row: number;
      /** Chosen now, so that later rows and the schools sheet can refer to the unit. */
      id: string;
      code: string;
      name: string;
      typeCode: string;
      parentId: string;
      validFrom: string;
      validTo: string | null;
    }
  | { kind: 'update'; row: number; unit: UnitRef; name?: string; parentId?: string; validTo?: string }
  | { kind: 'unchanged'; row: number };

type Change = Exclude<UnitPlanned, { kind: 'unchanged' }>;

/**
 * Plans the rows; creations come first in the result, parents before children, so they can be
 * inserted in that order. `newId` names the units to create (randomUUID in the service).
 */
export function planUnitRows(
  rows: readonly UnitRawRow[],
  lk: Lookups,
  newId: () => string,
): { planned: UnitPlanned[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const failOn =
    (row: number): UnitFail =>
    (key, vi, en) =>
      errors.push({ row, column: unitColumn(key), message: `${vi} / ${en}` });
  const unchanged: UnitPlanned[] = [];
  const entries = new Map<string, UnitEntry>();
  const firstRow = new Map<string, number>();
  /** Codes of rows with errors of their own: a row naming one as parent gets no second error. */
  const failed = new Set<string>();
  for (const r of rows) {
    const fail = failOn(r.row);
    const code = cellText(r.cells.code);
    const first = firstRow.get(code);
    if (code && first !== undefined) {
      fail('code', `Mã "${code}" trùng với dòng ${first}`, `Duplicate code "${code}" (also on row ${first})`);
      continue;
    }
    if (code) firstRow.set(code, r.row);
    const unit = code ? lk.units.get(code) : undefined;
    if (unit && SCHOOL_TYPES.includes(unit.type_code) && cellText(r.cells.type) === unit.type_code) {
      unchanged.push({ kind: 'unchanged', row: r.row });
      continue;
    }
    const before = errors.length;
    const cells = readUnitRow(r, code, unit, lk, fail);
    if (errors.length > before || !code) failed.add(code);
    else entries.set(code, { ...cells, row: r.row, code, unit, id: unit?.id ?? newId() });
  }

  // Every row's parent first, then loops, then the rules of each change: a loop between new rows
  // would otherwise show as a parent of the wrong type, which hides what is wrong.
  const parents = new Map<UnitEntry, ParentRef | null>();
  const newParent = new Map<string, string>();
  for (const e of entries.values()) {
    const parent = resolveParent(e, entries, lk, failed.has(e.parentCode) ? () => {} : failOn(e.row));
    if (parent === undefined) continue;
    parents.set(e, parent);
    if (parent && parent.id !== (e.unit?.parent_id ?? null)) newParent.set(e.id, parent.id);
  }
  const looped = findLoops(entries, lk, newParent, failOn);

  const changes: Change[] = [];
  for (const [e, parent] of parents) {
    if (looped.has(e.id)) continue;
    const fail = failOn(e.row);
    const before = errors.length;
    const u = e.unit;
    const change = {
      renamed: u !== undefined && e.name !== u.name,
      moved: newParent.has(e.id) && u !== undefined,
      expires: u !== undefined && e.validTo !== null && u.valid_to === null,
    };
    checkUnitChange(e, parent, change, lk, fail);
    if (errors.length > before) continue;
    if (!u) {
      const { row, id, code, name, typeCode, validTo } = e;
      const validFrom = e.validFrom ?? lk.today;
      changes.push({ kind: 'create', row, id, code, name, typeCode, parentId: parent!.id, validFrom, validTo });
    } else if (change.renamed || change.moved || change.expires) {
      changes.push({
        kind: 'update',
        row: e.row,
        unit: u,
        ...(change.renamed ? { name: e.name } : {}),
        ...(change.moved ? { parentId: parent!.id } : {}),
        ...(change.expires ? { validTo: e.validTo! } : {}),
      });
    } else unchanged.push({ kind: 'unchanged', row: e.row });
  }

  // Parents before children (depth below the nearest stored unit), so the rows insert in this order.
  const stored = new Set([...lk.units.values()].map((x) => x.id));
  const depth = (id: string, n = 0): number =>
    n > 100 || !newParent.has(id) || stored.has(id) ? 0 : 1 + depth(newParent.get(id)!, n + 1);
  const creates = changes.filter((c) => c.kind === 'create').map((c) => ({ c, d: depth(c.id) }));
  creates.sort((a, b) => a.d - b.d);
  const updates = changes.filter((c) => c.kind === 'update');
  errors.sort((a, b) => a.row - b.row);
  return { planned: [...creates.map((x) => x.c), ...updates, ...unchanged], errors };
}

/**
 * Units whose new parent chain comes back to them: new rows naming each other, or a unit moved
 * below itself (the stored tree has no loops; gds_rebuild_org_closure would stop at depth 50).
 */
function findLoops(
  entries: ReadonlyMap<string, UnitEntry>,
  lk: Lookups,
  newParent: ReadonlyMap<string, string>,
  failOn: (row: number) => UnitFail,
): Set<string> {
  const stored = new Map([...lk.units.values()].map((u) => [u.id, u]));
  const fileEntry = new Map([...entries.values()].map((e) => [e.id, e]));
  const parentOf = (id: string) => newParent.get(id) ?? stored.get(id)?.parent_id ?? null;
  const codeOf = (id: string) => fileEntry.get(id)?.code ?? stored.get(id)?.code ?? id;
  const looped = new Set<string>();
  for (const id of newParent.keys()) {
    const path = [id];
    for (let at = parentOf(id); at && path.length <= 100; at = parentOf(at)) {
      path.push(at);
      if (at !== id) continue;
      const chain = path.map(codeOf).join(' → ');
      failOn(fileEntry.get(id)!.row)(
        'parent',
        `Cấp trên tạo thành vòng lặp: ${chain}`,
        `The parents form a loop: ${chain}`,
      );
      looped.add(id);
      break;
    }
  }
  return looped;
}
