import { systemActor } from '../../platform/actor.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Platform } from '../../platform/platform.ts';
import { DEMO_EMAIL_DOMAIN } from '../data/school-factory.ts';
import { type DemoInfo, readDemoInfo } from '../demo-info.ts';
import type { DemoModerator } from './catalogue.ts';

/** The SQL of the library demo outside the library's own tables: accounts, grants, the demo notice. */

const LOADED_KEY = 'demo.library';

export async function demoLibraryLoaded(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('settings').select('key').where('key', '=', LOADED_KEY).executeTakeFirst();
  return row !== undefined;
}

export async function markDemoLibraryLoaded(p: Platform, after: Record<string, number>): Promise<void> {
  await p.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('settings')
      .values({ key: LOADED_KEY, value: JSON.stringify({ ...after, loadedAt: new Date().toISOString() }) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    await p.audit.record(trx, systemActor('demo'), {
      action: 'demo.library.load',
      entityType: 'settings',
      entityId: LOADED_KEY,
      after: { synthetic: true, ...after },
    });
  });
}

/**
 * The moderators' accounts (demo password, role library_moderator on the province, the unit the
 * demo administrator's grant is on), created when missing and added to the logins the login
 * page lists. Returns each moderator's user id.
 */
export async function ensureModeratorAccounts(
  p: Platform,
  moderators: readonly DemoModerator[],
  password: string,
): Promise<Map<string, string>> {
  const passwordHash = await hashPassword(password);
  return p.db.transaction().execute(async (trx) => {
    const admin = await trx
      .selectFrom('role_grants as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .select('g.unit_id')
      .where('u.username', '=', 'admin')
      .where('g.role_code', '=', 'system_admin')
      .executeTakeFirstOrThrow();
    const ids = new Map<string, string>();
    for (const m of moderators) {
      const existing = await trx.selectFrom('users').select('id').where('username', '=', m.username).executeTakeFirst();
      if (existing) {
        ids.set(m.username, existing.id);
        continue;
      }
      const { id } = await trx
        .insertInto('users')
        .values({
          username: m.username,
          full_name: m.fullName,
          email: `${m.username}@${DEMO_EMAIL_DOMAIN}`,
          password_hash: passwordHash,
          must_change_password: false,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('role_grants')
        .values({ user_id: id, role_code: 'library_moderator', unit_id: admin.unit_id, created_by: null })
        .execute();
      await p.audit.record(trx, systemActor('demo'), {
        action: 'demo.library.moderator',
        entityType: 'user',
        entityId: id,
        after: { username: m.username, role: 'library_moderator', synthetic: true },
      });
      ids.set(m.username, id);
    }
    const info = await readDemoInfo(trx);
    if (info) {
      const listed = new Set(info.users.map((u) => u.username));
      const next: DemoInfo = {
        ...info,
        users: [
          ...info.users,
          ...moderators
            .filter((m) => !listed.has(m.username))
            .map((m) => ({ username: m.username, description: m.description })),
        ],
      };
      await trx
        .updateTable('settings')
        .set({ value: JSON.stringify(next), updated_at: new Date() })
        .where('key', '=', 'demo')
        .execute();
    }
    return ids;
  });
}

/** A demo login's id, name and grants with their permissions (as the auth hook reads them). */
export async function findDemoUser(db: Executor, username: string) {
  const u = await db
    .selectFrom('users')
    .select(['id', 'username', 'full_name'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const grants = await db
    .selectFrom('role_grants as g')
    .innerJoin('roles as r', 'r.code', 'g.role_code')
    .select(['g.id', 'g.role_code', 'g.unit_id', 'r.permissions'])
    .where('g.user_id', '=', u.id)
    .execute();
  return { ...u, grants };
}
