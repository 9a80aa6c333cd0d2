import type { Actor } from '../../platform/actor.ts';
import type { Platform } from '../../platform/platform.ts';
import { headerOf } from './org-xlsx.ts';
import { accessTargets, type Lookups, type Planned, type RowError } from './org-xlsx-plan.ts';
import type { UnitPlanned } from './org-xlsx-units-plan.ts';
import { unitColumn } from './org-xlsx-units-row.ts';

/**
 * Row-level permission checks of an import: a row that changes something needs `org.manage` on
 * what it changes and where it puts it (the parent of a new unit or school, the new parent of a
 * moved one, the unit itself for any other change); rows that change nothing need none. A unit
 * created by the same file is covered by a grant on its nearest existing ancestor, as it will
 * be once written.
 */

interface Need {
  row: number;
  unitId: string;
  column: string;
  /** The refusal, given the unit's name. */
  message: (name: string) => string;
}

const bi = (vi: string, en: string) => `${vi} / ${en}`;

/** What each units-sheet row needs. */
export function unitNeeds(planned: readonly UnitPlanned[]): Need[] {
  const under = (row: number, unitId: string): Need => ({
    row,
    unitId,
    column: unitColumn('parent'),
    message: (n) => bi(`Bạn không có quyền quản lý đơn vị thuộc "${n}"`, `You may not manage units under "${n}"`),
  });
  return planned.flatMap((p): Need[] => {
    if (p.kind === 'create') return [under(p.row, p.parentId)];
    if (p.kind === 'unchanged') return [];
    const own: Need = {
      row: p.row,
      unitId: p.unit.id,
      column: unitColumn('code'),
      message: (n) => bi(`Bạn không có quyền thay đổi đơn vị "${n}"`, `You may not change the unit "${n}"`),
    };
    return p.parentId ? [own, under(p.row, p.parentId)] : [own];
  });
}

/** What each schools-sheet row needs. */
export function schoolNeeds(planned: readonly Planned[]): Need[] {
  return planned.flatMap((p) =>
    accessTargets(p).map((unitId): Need => {
      const own = p.kind === 'update' && p.unit.id === unitId;
      return {
        row: p.row,
        unitId,
        column: headerOf(own ? 'code' : 'parent'),
        message: own
          ? (n) => bi(`Bạn không có quyền cập nhật trường "${n}"`, `You may not update the school "${n}"`)
          : (n) => bi(`Bạn không có quyền quản lý trường thuộc "${n}"`, `You may not manage schools under "${n}"`),
      };
    }),
  );
}

/**
 * One row error per row with a need the actor's grants do not cover. `before` is the tree in the
 * database, `after` as the units sheet leaves it; `created` maps each new unit to its parent.
 */
export async function checkAccess(
  p: Platform,
  actor: Actor,
  needs: readonly Need[],
  tree: { before: Lookups; after: Lookups; created: ReadonlyMap<string, string> },
): Promise<RowError[]> {
  const stored = new Set([...tree.before.units.values()].map((u) => u.id));
  const names = new Map([...tree.after.units.values()].map((u) => [u.id, u.name]));
  const anchor = (id: string): string | undefined => {
    for (let at: string | undefined = id, n = 0; at && n < 100; at = tree.created.get(at), n++) {
      if (stored.has(at)) return at;
    }
    return undefined; // a new unit whose chain is broken: its row already has an error
  };
  const cache = new Map<string, boolean>();
  const refused = new Set<number>();
  const errors: RowError[] = [];
  for (const need of needs) {
    const unitId = anchor(need.unitId);
    if (!unitId || refused.has(need.row)) continue;
    if (!cache.has(unitId)) cache.set(unitId, await p.access.can(actor, 'org.manage', { unitId }));
    if (cache.get(unitId)) continue;
    refused.add(need.row);
    errors.push({ row: need.row, column: need.column, message: need.message(names.get(unitId) ?? unitId) });
  }
  return errors;
}
