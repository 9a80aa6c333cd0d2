import { sql } from 'kysely';
import type { Scope } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/db/database.ts';

const likeEscape = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/**
 * Users holding at least one grant inside `scope` (and below `unitId` when given), sorted the
 * Vietnamese way: by given name, then full name.
 */
export async function findUsers(
  db: Executor,
  scope: Scope,
  f: { q?: string | undefined; unitId?: string | undefined; page: number; pageSize: number },
) {
  let q = db.selectFrom('users as u');
  const within = (roots: string[]) =>
    db
      .selectFrom('role_grants as g')
      .innerJoin('org_unit_closure as c', 'c.descendant_id', 'g.unit_id')
      .select('g.user_id')
      .where('c.ancestor_id', 'in', roots);
  if (!scope.all) q = q.where('u.id', 'in', within(scope.roots));
  if (f.unitId) q = q.where('u.id', 'in', within([f.unitId]));
  for (const w of (f.q ?? '').normalize('NFC').trim().split(/\s+/).filter(Boolean).slice(0, 6)) {
    q = q.where(sql<boolean>`u.search_key LIKE '%' || gds_search_key(${likeEscape(w)}) || '%'`);
  }
  const [rows, count] = await Promise.all([
    q
      .select([
        'u.id',
        'u.username',
        'u.full_name',
        'u.email',
        'u.disabled',
        'u.must_change_password',
        'u.locked_until',
      ])
      .orderBy(sql`u.given_name COLLATE vi`)
      .orderBy(sql`u.full_name COLLATE vi`)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export function findUser(db: Executor, id: string) {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.username', 'u.full_name', 'u.email', 'u.disabled', 'u.must_change_password', 'u.locked_until'])
    .where('u.id', '=', id)
    .executeTakeFirst();
}

export function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('users').select(['id']).where('username', '=', username).executeTakeFirst();
}

export function findGrants(db: Executor, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('role_grants as g')
    .innerJoin('roles as r', 'r.code', 'g.role_code')
    .innerJoin('org_units as o', 'o.id', 'g.unit_id')
    .select([
      'g.id',
      'g.user_id',
      'g.role_code',
      'g.unit_id',
      'r.name_vi',
      'r.name_en',
      'r.permissions',
      'o.name as unit_name',
    ])
    .where('g.user_id', 'in', userIds)
    .orderBy('r.sort_order')
    .execute();
}

export async function insertUser(
  db: Executor,
  u: { username: string; fullName: string; email: string | null; passwordHash: string; mustChangePassword: boolean },
): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({
      username: u.username,
      full_name: u.fullName,
      email: u.email,
      password_hash: u.passwordHash,
      must_change_password: u.mustChangePassword,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertGrant(
  db: Executor,
  g: { userId: string; role: string; unitId: string; createdBy: string | null },
) {
  const row = await db
    .insertInto('role_grants')
    .values({ user_id: g.userId, role_code: g.role, unit_id: g.unitId, created_by: g.createdBy })
    .onConflict((oc) => oc.columns(['user_id', 'role_code', 'unit_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function deleteGrant(db: Executor, grantId: string) {
  return db.deleteFrom('role_grants').where('id', '=', grantId).returningAll().executeTakeFirst();
}

export function findGrant(db: Executor, grantId: string) {
  return db.selectFrom('role_grants').selectAll().where('id', '=', grantId).executeTakeFirst();
}

export function listRoles(db: Executor) {
  return db.selectFrom('roles').selectAll().orderBy('sort_order').execute();
}

export function findRole(db: Executor, code: string) {
  return db.selectFrom('roles').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function setUserFlags(
  db: Executor,
  id: string,
  set: Partial<{ disabled: boolean; locked_until: null; failed_logins: number }>,
) {
  await db
    .updateTable('users')
    .set({ ...set, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}
