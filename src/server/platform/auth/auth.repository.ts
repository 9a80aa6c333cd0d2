import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

/** SQL for sign-in, sessions and throttling. The users module owns account administration. */

export function findUserForLogin(db: Executor, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'full_name', 'password_hash', 'disabled', 'failed_logins', 'locked_until'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export function findUserById(db: Executor, id: string) {
  return db.selectFrom('users').select(['id', 'username', 'password_hash']).where('id', '=', id).executeTakeFirst();
}

/** Counts a failed attempt and locks the account when it reaches `max`. Returns the new lock time. */
export async function registerFailure(db: Executor, userId: string, max: number, lockMinutes: number) {
  const row = await db
    .updateTable('users')
    .set({
      failed_logins: sql`CASE WHEN failed_logins + 1 >= ${max} THEN 0 ELSE failed_logins + 1 END`,
      locked_until: sql`CASE WHEN failed_logins + 1 >= ${max}
        THEN now() + make_interval(mins => ${lockMinutes}) ELSE locked_until END`,
    })
    .where('id', '=', userId)
    .returning(['locked_until', 'failed_logins'])
    .executeTakeFirstOrThrow();
  return row.locked_until;
}

export async function clearFailures(db: Executor, userId: string) {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

export async function recordIpFailure(db: Executor, ip: string, username: string) {
  await db.insertInto('login_failures').values({ ip, username }).execute();
}

export async function countRecentIpFailures(db: Executor, ip: string, seconds: number): Promise<number> {
  const row = await db
    .selectFrom('login_failures')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('ip', '=', ip)
    .where('at', '>', sql<Date>`now() - make_interval(secs => ${seconds})`)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function insertSession(
  db: Executor,
  s: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    ttlHours: number;
    ip: string | null;
    userAgent: string | null;
  },
) {
  await db
    .insertInto('sessions')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      expires_at: sql<Date>`now() + make_interval(hours => ${s.ttlHours})`,
      ip: s.ip,
      user_agent: s.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
}

/** The session with its user and grants (each grant with its role's permissions), if valid. */
export async function findSession(db: Executor, tokenHash: string) {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.token_hash',
      's.csrf_token',
      's.last_seen_at',
      'u.id as user_id',
      'u.username',
      'u.full_name',
      'u.email',
      'u.locale',
      'u.must_change_password',
      'u.disabled',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  if (!row || row.disabled) return undefined;
  const grants = await findGrantsOfUser(db, row.user_id);
  return { ...row, grants };
}

export function findGrantsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('role_grants as g')
    .innerJoin('roles as r', 'r.code', 'g.role_code')
    .innerJoin('org_units as u', 'u.id', 'g.unit_id')
    .select(['g.id', 'g.role_code', 'g.unit_id', 'r.permissions', 'r.name_vi', 'r.name_en', 'u.name as unit_name'])
    .where('g.user_id', '=', userId)
    .orderBy('r.sort_order')
    .execute();
}

/** Sliding expiry, written at most once a minute per session to keep reads cheap. */
export async function touchSession(db: Executor, tokenHash: string, ttlHours: number) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: sql`now()`, expires_at: sql`now() + make_interval(hours => ${ttlHours})` })
    .where('token_hash', '=', tokenHash)
    .where('last_seen_at', '<', sql<Date>`now() - interval '1 minute'`)
    .execute();
}

export async function deleteSession(db: Executor, tokenHash: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: string, exceptTokenHash?: string) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptTokenHash) q = q.where('token_hash', '<>', exceptTokenHash);
  await q.execute();
}

export async function setPassword(db: Executor, userId: string, passwordHash: string, mustChange: boolean) {
  await db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      must_change_password: mustChange,
      password_changed_at: sql`now()`,
      updated_at: sql`now()`,
      failed_logins: 0,
      locked_until: null,
    })
    .where('id', '=', userId)
    .execute();
}

/** Housekeeping: expired sessions and old failure records. */
export async function purgeExpired(db: Executor) {
  await db.deleteFrom('sessions').where('expires_at', '<', sql<Date>`now()`).execute();
  await db.deleteFrom('login_failures').where('at', '<', sql<Date>`now() - interval '1 day'`).execute();
}
