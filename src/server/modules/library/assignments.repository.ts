import { sql } from 'kysely';
import type { Db, Executor } from '../../platform/db/database.ts';

/** Whether the user moderates one of the resource's (subject, level) pairs. */
export async function isAssigned(
  db: Db,
  userId: string,
  r: { subjects: readonly string[]; levels: readonly string[] },
): Promise<boolean> {
  if (r.subjects.length === 0 || r.levels.length === 0) return false;
  const row = await db
    .selectFrom('library_moderator_assignments')
    .select(sql<number>`1`.as('ok'))
    .where('user_id', '=', userId)
    .where('subject_code', 'in', [...r.subjects])
    .where('level', 'in', [...r.levels])
    .executeTakeFirst();
  return row !== undefined;
}

export function listAssignments(db: Db, userId: string) {
  return db
    .selectFrom('library_moderator_assignments')
    .select(['user_id', 'subject_code', 'level'])
    .where('user_id', '=', userId)
    .orderBy('level')
    .orderBy('subject_code')
    .execute();
}

/** Replaces a moderator's assignments with `pairs`. */
export async function replaceAssignments(
  trx: Executor,
  userId: string,
  pairs: readonly { subjectCode: string; level: string }[],
  by: string | null,
): Promise<void> {
  await trx.deleteFrom('library_moderator_assignments').where('user_id', '=', userId).execute();
  if (pairs.length === 0) return;
  await trx
    .insertInto('library_moderator_assignments')
    .values(pairs.map((p) => ({ user_id: userId, subject_code: p.subjectCode, level: p.level, created_by: by })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function userExists(db: Db, userId: string) {
  return db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
}
