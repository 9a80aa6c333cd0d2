import type { Scope } from '../../platform/access/access.ts';
import type { Permission } from '../../platform/access/permissions.ts';
import { scopeCovers, steeringScope } from '../../platform/access/steering-scope.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { findProvinceRoot, findUnit, type SteeringLevel } from './steering-units.ts';

export interface ReadUnit {
  id: string;
  name: string;
  code: string;
  type_code: string;
  level: SteeringLevel;
  /** The province root: the read models take null for it. */
  isProvince: boolean;
}

/** The union of the actor's steering scopes for any of `permissions` (access.denied when none). */
export async function readScope(db: Db, actor: Actor, permissions: readonly Permission[]): Promise<Scope> {
  const roots = new Set<string>();
  for (const p of permissions) {
    try {
      const s = await steeringScope(db, actor, p);
      if (s.all) return s;
      for (const r of s.roots) roots.add(r);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'access.denied') throw e;
    }
  }
  if (roots.size === 0) throw new AppError('access.denied');
  return { all: false, roots: [...roots] };
}

/**
 * The unit a steering page shows: the one asked for when the actor's scope covers it, else the
 * actor's own top unit (the province for the Sở, the commune for its officer, the school for
 * its principal).
 */
export async function resolveReadUnit(
  db: Db,
  actor: Actor,
  permissions: readonly Permission[],
  unitId: string | undefined,
): Promise<{ unit: ReadUnit; scope: Scope }> {
  const scope = await readScope(db, actor, permissions);
  const province = await findProvinceRoot(db);
  const id = unitId ?? (scope.all ? province.id : scope.roots[0]!);
  if (unitId && !(await scopeCovers(db, scope, unitId))) throw new AppError('access.denied');
  const u = await findUnit(db, id);
  if (!u) throw new AppError('resource.not_found');
  return { unit: { ...u, isProvince: u.id === province.id }, scope };
}

/** The province as the unit of the public pages. */
export async function publicUnit(db: Db): Promise<ReadUnit> {
  const p = await findProvinceRoot(db);
  return { ...p, level: 'province', isProvince: true };
}
