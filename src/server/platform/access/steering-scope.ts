import { sql } from 'kysely';
import type { Actor } from '../actor.ts';
import type { Db, Executor } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { Scope } from './access.ts';
import type { Permission } from './permissions.ts';

/**
 * Scopes for steering (plans, directives, reports, KPIs, the DX index, dashboards).
 *
 * A grant on unit U applies to U's subtree, as everywhere. One exception: the Sở's staff hold
 * their grants on the Sở or on one of its divisions, whose subtrees hold no school and no commune
 * — yet the Sở steers the whole province. A steering grant on a unit of type `department` or
 * `division` is therefore lifted to the province it belongs to (the same rule as the library's
 * report, library-report-scope.ts).
 */
const LIFTED_TYPES = ['department', 'division'] as const;

/** The roots an actor holds `permission` on, lifted as above; `{ all: true }` for the province root or a system actor. */
export async function steeringScope(db: Db, actor: Actor, permission: Permission): Promise<Scope> {
  if (actor.kind === 'system') return { all: true };
  if (actor.kind === 'anonymous') throw new AppError('auth.required');
  const granted = [...new Set(actor.grants.filter((g) => g.permissions.includes(permission)).map((g) => g.unitId))];
  if (granted.length === 0) throw new AppError('access.denied');
  const rows = await sql<{ root: string; top: boolean }>`
    SELECT COALESCE(p.id, u.id) AS root,
      (CASE WHEN p.id IS NOT NULL THEN p.parent_id IS NULL ELSE u.parent_id IS NULL END) AS top
    FROM org_units u
    LEFT JOIN LATERAL (
      SELECT a.id, a.parent_id FROM org_unit_closure c JOIN org_units a ON a.id = c.ancestor_id
      WHERE c.descendant_id = u.id AND a.type_code = 'province'
        AND u.type_code IN (${sql.join(LIFTED_TYPES.map((t) => sql`${t}`))})
      ORDER BY c.depth DESC LIMIT 1
    ) p ON true
    WHERE u.id IN (${sql.join(granted.map((id) => sql`${id}::uuid`))})
  `.execute(db);
  if (rows.rows.some((r) => r.top)) return { all: true };
  return { all: false, roots: [...new Set(rows.rows.map((r) => r.root))] };
}

/** Whether the actor holds `permission` on `unitId` under the steering scope (false for anonymous). */
export async function canSteer(db: Db, actor: Actor, permission: Permission, unitId: string): Promise<boolean> {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'anonymous') return false;
  let scope: Scope;
  try {
    scope = await steeringScope(db, actor, permission);
  } catch {
    return false;
  }
  return scopeCovers(db, scope, unitId);
}

/** Throws auth.required / access.denied unless the actor holds `permission` on `unitId` (steering scope). */
export async function requireSteer(db: Db, actor: Actor, permission: Permission, unitId: string): Promise<void> {
  if (!(await canSteer(db, actor, permission, unitId))) {
    throw new AppError(actor.kind === 'anonymous' ? 'auth.required' : 'access.denied');
  }
}

/** Whether a scope covers a unit. */
export async function scopeCovers(db: Executor, scope: Scope, unitId: string): Promise<boolean> {
  if (scope.all) return true;
  if (scope.roots.length === 0) return false;
  const row = await db
    .selectFrom('org_unit_closure')
    .select(sql<number>`1`.as('ok'))
    .where('descendant_id', '=', unitId)
    .where('ancestor_id', 'in', scope.roots)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * SQL condition "the unit column is inside the scope", for repositories:
 * `.where(inScope(scope, sql.ref('t.unit_id')))`.
 */
export function inScope(scope: Scope, unitColumn: ReturnType<typeof sql.ref>) {
  if (scope.all) return sql<boolean>`true`;
  if (scope.roots.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${unitColumn} IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id IN (${sql.join(
    scope.roots.map((r) => sql`${r}::uuid`),
  )}))`;
}
