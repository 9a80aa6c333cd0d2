import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

/** SQL of one-time codes and verified-contact sessions (table otp_codes, otp_sessions). */

// Advisory lock namespaces (first key of pg_advisory_xact_lock(int, int)); the second key is
// hashtext() of the hashed address or client. Locks are always taken address first, then client.
const ADDRESS_LOCK = 72_114_301;
const CLIENT_LOCK = 72_114_302;

/**
 * Serialises code requests for one address and one client across app nodes until the
 * transaction ends, so that "count, then insert" cannot be raced past the limits.
 */
export async function lockRequester(trx: Executor, addressHash: string, clientHash: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK}, hashtext(${addressHash}))`.execute(trx);
  await sql`SELECT pg_advisory_xact_lock(${CLIENT_LOCK}, hashtext(${clientHash}))`.execute(trx);
}

/** Codes sent to the address (any purpose) in the last `seconds`. Index otp_codes_address. */
export async function countCodesForAddress(db: Executor, addressHash: string, seconds: number): Promise<number> {
  const row = await db
    .selectFrom('otp_codes')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('address_hash', '=', addressHash)
    .where('created_at', '>', sql<Date>`clock_timestamp() - make_interval(secs => ${seconds})`)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Codes asked from the client in the last `seconds`. Index otp_codes_client. */
export async function countCodesForClient(db: Executor, clientHash: string, seconds: number): Promise<number> {
  const row = await db
    .selectFrom('otp_codes')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('client_hash', '=', clientHash)
    .where('created_at', '>', sql<Date>`clock_timestamp() - make_interval(secs => ${seconds})`)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function insertCode(
  db: Executor,
  c: {
    id: string;
    channel: 'sms' | 'email';
    purpose: string;
    addressHash: string;
    clientHash: string;
    codeHash: string;
    ttlSeconds: number;
  },
): Promise<void> {
  await db
    .insertInto('otp_codes')
    .values({
      id: c.id,
      channel: c.channel,
      purpose: c.purpose,
      address_hash: c.addressHash,
      client_hash: c.clientHash,
      code_hash: c.codeHash,
      expires_at: sql<Date>`clock_timestamp() + make_interval(secs => ${c.ttlSeconds})`,
    })
    .execute();
}

/** The newest code of an address and purpose, with its state evaluated on the database clock. */
export function findLatestCode(db: Executor, addressHash: string, purpose: string) {
  return db
    .selectFrom('otp_codes')
    .select([
      'id',
      'channel',
      'code_hash',
      'attempts',
      sql<boolean>`used_at IS NOT NULL`.as('used'),
      sql<boolean>`expires_at > now()`.as('live'),
    ])
    .where('address_hash', '=', addressHash)
    .where('purpose', '=', purpose)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Counts one attempt, atomically: only while the code is unused, unexpired and below `max`.
 * Returns the new count, or undefined when the code could no longer be tried.
 */
export async function countAttempt(db: Executor, id: string, max: number): Promise<number | undefined> {
  const row = await db
    .updateTable('otp_codes')
    .set({ attempts: sql`attempts + 1` })
    .where('id', '=', id)
    .where('attempts', '<', max)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('attempts')
    .executeTakeFirst();
  return row?.attempts;
}

/** Marks the code used; false when another request used it first. */
export async function markUsed(db: Executor, id: string): Promise<boolean> {
  const row = await db
    .updateTable('otp_codes')
    .set({ used_at: sql`clock_timestamp()` })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertSession(
  db: Executor,
  s: {
    tokenHash: string;
    channel: 'sms' | 'email';
    purpose: string;
    address: string;
    addressHash: string;
    ttlSeconds: number;
  },
) {
  return db
    .insertInto('otp_sessions')
    .values({
      token_hash: s.tokenHash,
      channel: s.channel,
      purpose: s.purpose,
      address: s.address,
      address_hash: s.addressHash,
      expires_at: sql<Date>`now() + make_interval(secs => ${s.ttlSeconds})`,
    })
    .returning(['id', 'expires_at'])
    .executeTakeFirstOrThrow();
}

/** Live sessions of several tokens at once. */
export function findSessions(db: Executor, tokenHashes: readonly string[]) {
  return db
    .selectFrom('otp_sessions')
    .select(['id', 'token_hash', 'channel', 'purpose', 'address', 'address_hash', 'expires_at'])
    .where('token_hash', '=', sql<string>`ANY(${[...tokenHashes]}::text[])`)
    .where('expires_at', '>', sql<Date>`now()`)
    .execute();
}

/** Housekeeping: sessions past expiry; codes older than a day (throttling looks back an hour). */
export async function purgeExpired(db: Executor): Promise<void> {
  await db.deleteFrom('otp_sessions').where('expires_at', '<', sql<Date>`now()`).execute();
  await db.deleteFrom('otp_codes').where('created_at', '<', sql<Date>`now() - interval '1 day'`).execute();
}
