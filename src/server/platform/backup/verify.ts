import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { BackupError } from './archive.ts';
import { derivedTables, ident, listTables, setExactOutput, tableDigest } from './catalog.ts';
import { restoreBackup } from './restore.ts';

export interface VerifyResult {
  ok: boolean;
  /** The temporary database used (dropped again). */
  database: string;
  tables: { name: string; rows: number; expectedRows: number; ok: boolean }[];
  ms: number;
}

/** The same server URL pointing at another database. */
function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/**
 * Proves that a backup restores: restores it (its own migrations only, no files) into a
 * temporary database `gds_verify_<random>` on the server of `url`, compares every table's
 * row count and content digest with the manifest, and drops the database again. Needs the
 * CREATEDB privilege. The archive's files are checked against their SHA-256 on the way in.
 */
export async function verifyBackup(opts: { url: string; file: string; tmpDir?: string }): Promise<VerifyResult> {
  const t0 = Date.now();
  const name = `gds_verify_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: opts.url });
  await admin.connect();
  try {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
    } catch (err) {
      const why = (err as Error).message;
      throw new BackupError(
        `Không tạo được cơ sở dữ liệu tạm để kiểm tra (cần quyền CREATEDB): ${why}`,
        `Could not create a temporary database for the check (needs the CREATEDB privilege): ${why}`,
        { cause: err },
      );
    }
    const pool = new pg.Pool({ connectionString: withDatabase(opts.url, name), max: 1 });
    pool.on('error', () => {});
    try {
      const { manifest } = await restoreBackup({
        pool,
        file: opts.file,
        upgrade: false,
        ...(opts.tmpDir ? { tmpDir: opts.tmpDir } : {}),
      });
      const client = await pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        await setExactOutput(client);
        const tables: VerifyResult['tables'] = [];
        const derived = await derivedTables(client);
        for (const t of manifest.tables.filter((x) => !derived.has(x.name))) {
          const got = await tableDigest(
            client,
            t.name,
            t.columns.map((c) => c.name),
            t.orderBy,
          );
          tables.push({
            name: t.name,
            rows: got.rows,
            expectedRows: t.rows,
            ok: got.rows === t.rows && got.digest === t.digest,
          });
        }
        // A table the archive does not know must at least be empty.
        const known = new Set(manifest.tables.map((t) => t.name));
        for (const t of (await listTables(client)).filter((x) => !known.has(x.name))) {
          const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(t.name)}`);
          tables.push({ name: t.name, rows: rows[0]!.n, expectedRows: 0, ok: rows[0]!.n === 0 });
        }
        await client.query('COMMIT');
        return { ok: tables.every((t) => t.ok), database: name, tables, ms: Date.now() - t0 };
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}
