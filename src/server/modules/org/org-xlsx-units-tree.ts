import type { UnitRef } from './org-xlsx.repository.ts';
import type { Lookups, Planned, RowError } from './org-xlsx-plan.ts';
import type { UnitPlanned } from './org-xlsx-units-plan.ts';
import { unitColumn } from './org-xlsx-units-row.ts';

/**
 * The tree as a units plan leaves it, for what is checked across rows and sheets: the schools
 * sheet is planned against it (so a school may sit under a commune created in the same file),
 * and a unit may only close when nothing under it outlives it. Pure.
 */

const activeOn = (validTo: string | null, today: string) => validTo === null || validTo >= today;

/** The lookups with the plan's creations, renames, moves and end dates applied. */
export function applyUnitPlan(lk: Lookups, planned: readonly UnitPlanned[]): Lookups {
  const units = new Map(lk.units);
  for (const p of planned) {
    if (p.kind === 'create') {
      const { id, code, name, typeCode, parentId, validFrom, validTo } = p;
      units.set(code, {
        id,
        code,
        name,
        type_code: typeCode,
        parent_id: parentId,
        valid_from: validFrom,
        valid_to: validTo,
        active: activeOn(validTo, lk.today),
      });
    } else if (p.kind === 'update') {
      const validTo = p.validTo ?? p.unit.valid_to;
      units.set(p.unit.code, {
        ...p.unit,
        name: p.name ?? p.unit.name,
        parent_id: p.parentId ?? p.unit.parent_id,
        valid_to: validTo,
        active: activeOn(validTo, lk.today),
      });
    }
  }
  return { ...lk, units };
}

interface Member {
  name: string;
  validTo: string | null;
}

/**
 * A row error for each unit the units plan closes while a unit below it, or a school located in
 * it (a commune), would outlive it once both sheets are applied. `after` is applyUnitPlan's result.
 */
export function findBlockedExpiries(
  after: Lookups,
  units: readonly UnitPlanned[],
  schools: readonly Planned[],
): RowError[] {
  const closing = new Map<string, { row: number; validTo: string }>();
  for (const p of units)
    if (p.kind === 'update' && p.validTo) closing.set(p.unit.id, { row: p.row, validTo: p.validTo });
  if (closing.size === 0) return [];

  const below = new Map<string, Member[]>();
  const add = (at: string | null | undefined, m: Member) => {
    const c = at ? closing.get(at) : undefined;
    if (c && (m.validTo === null || m.validTo > c.validTo)) below.set(at!, [...(below.get(at!) ?? []), m]);
  };
  const moved = new Map<string, string>();
  const communeOf = new Map<string, string>();
  for (const s of schools) {
    if (s.kind === 'create') {
      add(s.parentId, { name: s.name, validTo: s.validTo });
      add(s.profile.commune_id, { name: s.name, validTo: s.validTo });
    } else if (s.kind === 'update') {
      if (s.parentId) moved.set(s.unit.id, s.parentId);
      if (s.profile.commune_id) communeOf.set(s.unit.id, s.profile.commune_id);
    }
  }
  const byId = new Map([...after.units.values()].map((u): [string, UnitRef] => [u.id, u]));
  for (const u of after.units.values()) add(moved.get(u.id) ?? u.parent_id, { name: u.name, validTo: u.valid_to });
  for (const s of after.schools.values()) {
    const u = byId.get(s.unit_id);
    if (u) add(communeOf.get(s.unit_id) ?? s.commune_id, { name: u.name, validTo: u.valid_to });
  }

  const errors: RowError[] = [];
  for (const [id, members] of below) {
    const { row } = closing.get(id)!;
    const names = members.slice(0, 3).map((m) => m.name);
    const list = `${names.join('; ')}${members.length > 3 ? '; …' : ''}`;
    errors.push({
      row,
      column: unitColumn('validTo'),
      message:
        `Còn ${members.length} đơn vị/trường trực thuộc hoặc đặt tại đây vẫn hoạt động (${list}); ` +
        `hãy chuyển hoặc đóng chúng trước / ${members.length} units or schools under or located in it ` +
        `are still active (${list}); move or close them first`,
    });
  }
  return errors.sort((a, b) => a.row - b.row);
}
