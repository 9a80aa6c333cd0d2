import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './types.ts';

export type { DB };
export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
/** A database handle that may or may not be inside a transaction. */
export type Executor = Kysely<DB>;

// `date` (OID 1082) as 'yyyy-mm-dd' strings: a date has no time zone, and JS Date would add one.
pg.types.setTypeParser(1082, (v) => v);
// bigint (OID 20) stays a string (ids, sizes); counts are cast to int in SQL where needed.

export interface Database {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** Opens a pool on `url` (embedded or external PostgreSQL ≥ 15). */
export function openDatabase(url: string, poolSize = 10): Database {
  // Calendar dates are Vietnamese days: `current_date` (is a unit active today?) must turn at
  // midnight in Vietnam, not UTC. Instants (timestamptz) are unaffected.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: 'giaoducso',
    options: '-c TimeZone=Asia/Ho_Chi_Minh',
    // Waiting longer than this for a connection is a fault (pool too small or a deadlock):
    // fail the request with an error rather than hang it and everything behind it.
    connectionTimeoutMillis: 15_000,
  });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    close: async () => {
      await db.destroy();
      // Kysely ends the pool only if it ran a query itself; code using `pool` directly
      // (migrations, backup) would otherwise keep idle connections, and the process, alive.
      if (!pool.ending) await pool.end();
    },
  };
}
