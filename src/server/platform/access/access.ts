import { sql } from 'kysely';
import type { Actor } from '../actor.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { Permission } from './permissions.ts';

/** Where an action applies: a unit (checked against the actor's subtrees) or nowhere in particular. */
export interface AccessTarget {
  unitId?: string | null;
}

/** What an actor may see for one permission: everything, a set of subtree roots, or nothing. */
export type Scope = { all: true } | { all: false; roots: string[] };

/**
 * The one access helper every service calls before touching data
 * (`await access.require(actor, 'users.read', { unitId })`).
 * A grant on unit U with permission P allows P on U and on every unit below U
 * (org_unit_closure). System actors (CLI, jobs) are allowed everything.
 */
export class Access {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Throws auth.required for anonymous actors and access.denied when no grant covers the unit. */
  async require(actor: Actor, permission: Permission, target: AccessTarget = {}): Promise<void> {
    if (!(await this.can(actor, permission, target))) {
      throw new AppError(actor.kind === 'anonymous' ? 'auth.required' : 'access.denied');
    }
  }

  async can(actor: Actor, permission: Permission, target: AccessTarget = {}): Promise<boolean> {
    if (actor.kind === 'system') return true;
    if (actor.kind === 'anonymous') return false;
    const roots = actor.grants.filter((g) => g.permissions.includes(permission)).map((g) => g.unitId);
    if (roots.length === 0) return false;
    if (!target.unitId) return true;
    const row = await this.#db
      .selectFrom('org_unit_closure')
      .select(sql<number>`1`.as('ok'))
      .where('descendant_id', '=', target.unitId)
      .where('ancestor_id', 'in', roots)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * The subtrees in which the actor holds `permission`, for filtering lists in repositories
   * (`unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id IN roots)`).
   * Throws like require() when the actor holds it nowhere.
   */
  async scope(actor: Actor, permission: Permission): Promise<Scope> {
    if (actor.kind === 'system') return { all: true };
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    const roots = [...new Set(actor.grants.filter((g) => g.permissions.includes(permission)).map((g) => g.unitId))];
    if (roots.length === 0) throw new AppError('access.denied');
    // A grant on the root of the tree (the province) covers everything, including entries that
    // concern no unit at all (e.g. platform settings).
    const root = await this.#db
      .selectFrom('org_units')
      .select('id')
      .where('id', 'in', roots)
      .where('parent_id', 'is', null)
      .executeTakeFirst();
    return root ? { all: true } : { all: false, roots };
  }
}
