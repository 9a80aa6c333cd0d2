import { sql } from 'kysely';
import type { Db, Executor } from '../../platform/db/database.ts';

/** SQL of the registry access log (table population_lookups), which the public limits count. */

// Advisory lock namespaces (pg_advisory_xact_lock(int, int)): client first, then OTP session.
const CLIENT_LOCK = 72_114_311;
const SESSION_LOCK = 72_114_312;

export interface LookupEntry {
  actorKind: 'user' | 'public' | 'system';
  actorId: string | null;
  actorName: string | null;
  clientHash: string | null;
  otpSessionId: string | null;
  purpose: string;
  kind: 'child' | 'cohort';
  personalIdHash: string | null;
  communeId: string | null;
  requestId: string | null;
}

export interface LookupLimits {
  /** Lookups per OTP session (over its lifetime). */
  perSession: number;
  /** Lookups per client address in a sliding window. */
  perClient: { max: number; windowSeconds: number };
}

/**
 * Writes the log row before the registry is asked (found stays null until it answers), after
 * checking the public limits under advisory locks so that app nodes agree. Returns the row id,
 * or undefined when a limit is reached (nothing written). Staff and system lookups are not
 * limited here (they are logged the same way).
 */
export async function reserveLookup(db: Db, e: LookupEntry, limits: LookupLimits): Promise<string | undefined> {
  return db.transaction().execute(async (trx) => {
    if (e.clientHash) {
      await sql`SELECT pg_advisory_xact_lock(${CLIENT_LOCK}, hashtext(${e.clientHash}))`.execute(trx);
      if ((await countForClient(trx, e.clientHash, limits.perClient.windowSeconds)) >= limits.perClient.max) {
        return undefined;
      }
    }
    if (e.otpSessionId) {
      await sql`SELECT pg_advisory_xact_lock(${SESSION_LOCK}, hashtext(${e.otpSessionId}))`.execute(trx);
      if ((await countForSession(trx, e.otpSessionId)) >= limits.perSession) return undefined;
    }
    const row = await trx
      .insertInto('population_lookups')
      .values({
        actor_kind: e.actorKind,
        actor_id: e.actorId,
        actor_name: e.actorName,
        client_hash: e.clientHash,
        otp_session_id: e.otpSessionId,
        purpose: e.purpose,
        kind: e.kind,
        personal_id_hash: e.personalIdHash,
        commune_id: e.communeId,
        request_id: e.requestId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

/** Log rows of lookups already answered (filings: written in the filing's transaction). */
export async function insertAnswered(db: Executor, rows: readonly (LookupEntry & { found: boolean })[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('population_lookups')
    .values(
      rows.map((e) => ({
        actor_kind: e.actorKind,
        actor_id: e.actorId,
        actor_name: e.actorName,
        client_hash: e.clientHash,
        otp_session_id: e.otpSessionId,
        purpose: e.purpose,
        kind: e.kind,
        personal_id_hash: e.personalIdHash,
        commune_id: e.communeId,
        request_id: e.requestId,
        found: e.found,
        result_count: e.found ? 1 : 0,
      })),
    )
    .execute();
}

/** Records the registry's answer on the log row. */
export async function recordResult(db: Executor, id: string, found: boolean, resultCount: number): Promise<void> {
  await db.updateTable('population_lookups').set({ found, result_count: resultCount }).where('id', '=', id).execute();
}

/** Index population_lookups_client. */
async function countForClient(db: Executor, clientHash: string, seconds: number): Promise<number> {
  const row = await db
    .selectFrom('population_lookups')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('client_hash', '=', clientHash)
    .where('at', '>', sql<Date>`clock_timestamp() - make_interval(secs => ${seconds})`)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Index population_lookups_session. */
async function countForSession(db: Executor, otpSessionId: string): Promise<number> {
  const row = await db
    .selectFrom('population_lookups')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('otp_session_id', '=', otpSessionId)
    .executeTakeFirstOrThrow();
  return row.n;
}
