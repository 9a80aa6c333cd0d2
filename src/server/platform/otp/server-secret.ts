import { randomBytes } from 'node:crypto';
import { systemActor } from '../actor.ts';
import type { Platform } from '../platform.ts';

/** The settings row holding the HMAC secret (base64url of 32 random bytes). */
export const SECRET_SETTING = 'secret.hmac';

const cache = new WeakMap<object, Promise<Buffer>>();

/**
 * The server's HMAC secret, shared by every app node through the settings table and created on
 * first use (INSERT … ON CONFLICT DO NOTHING, so two nodes starting together agree on one).
 * Backups carry it, so hashes stay comparable after a restore. Cached per database handle.
 */
export function serverSecret(platform: Platform): Promise<Buffer> {
  let secret = cache.get(platform.db);
  if (!secret) {
    secret = readOrCreate(platform);
    cache.set(platform.db, secret);
    secret.catch(() => cache.delete(platform.db));
  }
  return secret;
}

async function readOrCreate(p: Platform): Promise<Buffer> {
  const existing = await read(p);
  if (existing) return existing;
  await p.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('settings')
      .values({ key: SECRET_SETTING, value: JSON.stringify(randomBytes(32).toString('base64url')) })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    // The value itself never goes into the audit trail.
    if (created) {
      await p.audit.record(trx, systemActor('otp'), {
        action: 'settings.secret_created',
        entityType: 'settings',
        entityId: SECRET_SETTING,
      });
    }
  });
  const secret = await read(p);
  if (!secret) throw new Error(`settings ${SECRET_SETTING} could not be created`);
  return secret;
}

async function read(p: Platform): Promise<Buffer | undefined> {
  const row = await p.db.selectFrom('settings').select('value').where('key', '=', SECRET_SETTING).executeTakeFirst();
  if (!row) return undefined;
  if (typeof row.value !== 'string' || row.value.length < 40) {
    throw new Error(`settings ${SECRET_SETTING} is malformed: expected base64url of 32 bytes`);
  }
  return Buffer.from(row.value, 'base64url');
}
