import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import type { Storage } from '../files/storage.ts';
import { BackupError, openArchive } from './archive.ts';
import { derivedTables, ident, listTables, loadOrder, setExactOutput } from './catalog.ts';
import { copyIn } from './copy.ts';
import { fileEntry, type Manifest, tableEntry } from './manifest.ts';
import { applyMigration, createMigrationsTable, planMigrations } from './migrations.ts';

// The advisory-lock key of platform/db/migrate.ts: an app node starting during a restore
// waits instead of migrating a half-restored schema.
const MIGRATION_LOCK = 72_114_201;

export interface RestoreResult {
  manifest: Manifest;
  /** This code's migrations applied after the data (the archive was older). */
  upgraded: string[];
  files: number;
  ms: number;
}

/**
 * Replaces ALL data of the database behind `pool` (and puts the archive's files into
 * `storage`, when given) with the contents of a backup archive.
 *
 * The archive is verified completely first; nothing is touched unless it is intact and its
 * migrations are a prefix of this code's. Then, in one transaction (a failure leaves the
 * database as it was): schema public is dropped and recreated with its owner and grants,
 * the archive's migrations rebuild its schema, the tables are emptied of seed rows and
 * loaded in foreign-key order with COPY (which also fills GENERATED ALWAYS identity
 * columns), sequences are moved past the restored ids, and, unless `upgrade` is false, this
 * code's newer migrations run. The audit log's append-only triggers stay on: loading only
 * inserts. Files are written after the commit.
 */
export async function restoreBackup(opts: {
  pool: pg.Pool;
  file: string;
  storage?: Storage;
  upgrade?: boolean;
  tmpDir?: string;
}): Promise<RestoreResult> {
  const t0 = Date.now();
  const archive = await openArchive(opts.file, opts.tmpDir ?? os.tmpdir());
  try {
    const { manifest, dir } = archive;
    const plan = planMigrations(manifest);
    const upgraded: string[] = [];
    const client = await opts.pool.connect();
    try {
      await client.query('BEGIN');
      // Waiting forever behind a running application's locks helps nobody: fail and say so.
      await client.query("SET LOCAL lock_timeout = '60s'");
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await recreateSchema(client);
      await setExactOutput(client);
      await createMigrationsTable(client);
      for (const a of plan.archived) await applyMigration(client, a.migration, a.appliedAt);
      await loadTables(client, manifest, dir);
      await resetSequences(client, manifest);
      if (opts.upgrade !== false) {
        for (const m of plan.newer) {
          await applyMigration(client, m);
          upgraded.push(m.name);
        }
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      if ((err as { code?: string }).code === '55P03') {
        throw new BackupError(
          'Không khóa được cơ sở dữ liệu: ứng dụng vẫn đang chạy trên nó. Hãy dừng ứng dụng rồi thử lại.',
          'Could not lock the database: the application is still using it. Stop the application and try again.',
          { cause: err },
        );
      }
      throw err;
    } finally {
      client.release();
    }
    if (opts.storage) await restoreFiles(opts.storage, manifest, dir);
    return { manifest, upgraded, files: opts.storage ? manifest.files.length : 0, ms: Date.now() - t0 };
  } finally {
    await archive.dispose();
  }
}

/**
 * DROP SCHEMA public CASCADE takes everything in it, including the extensions unaccent and
 * pg_trgm and the `vi` collation, which migration 0001 creates again. The new schema gets the
 * old one's owner and grants (PostgreSQL 15+: pg_database_owner, USAGE for PUBLIC).
 */
async function recreateSchema(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ owner: string }>(
    "SELECT r.rolname AS owner FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = 'public'",
  );
  const { rows: grants } = await client.query<{ grantee: string | null; privilege: string }>(`
    SELECT r.rolname AS grantee, a.privilege_type AS privilege
    FROM pg_namespace n CROSS JOIN LATERAL aclexplode(n.nspacl) a LEFT JOIN pg_roles r ON r.oid = a.grantee
    WHERE n.nspname = 'public' AND a.grantee <> n.nspowner`);
  await client.query('DROP SCHEMA IF EXISTS public CASCADE');
  const owner = rows[0]?.owner;
  await client.query(`CREATE SCHEMA public${owner ? ` AUTHORIZATION ${ident(owner)}` : ''}`);
  // Grantee 0 (no role) is PUBLIC.
  for (const g of grants)
    await client.query(`GRANT ${g.privilege} ON SCHEMA public TO ${g.grantee ? ident(g.grantee) : 'PUBLIC'}`);
  if (!owner) await client.query('GRANT USAGE ON SCHEMA public TO PUBLIC');
}

/** Empties what the migrations seeded (roles, unit types…), then loads every table with COPY. */
async function loadTables(client: pg.ClientBase, manifest: Manifest, dir: string): Promise<void> {
  const live = new Map((await listTables(client)).map((t) => [t.name, t]));
  // Derived tables are rebuilt by their triggers as the source rows load; an archive made
  // before a table was marked derived still carries its rows, which are not loaded.
  const derived = await derivedTables(client);
  for (const t of manifest.tables) {
    if (derived.has(t.name)) continue;
    const columns = new Set(live.get(t.name)?.columns.map((c) => c.name));
    const missing = t.columns.filter((c) => !columns.has(c.name)).map((c) => c.name);
    if (!live.has(t.name) || missing.length) {
      throw new BackupError(
        `Bảng ${t.name} trong bản sao lưu không khớp với lược đồ dựng lại từ migration (${missing.join(', ') || 'không có bảng'}).`,
        `Table ${t.name} in the backup does not match the schema rebuilt from its migrations (${missing.join(', ') || 'no such table'}).`,
      );
    }
  }
  const seeded: string[] = [];
  for (const name of live.keys()) {
    const { rowCount } = await client.query(`SELECT 1 FROM ${ident(name)} LIMIT 1`);
    if (rowCount) seeded.push(ident(name));
  }
  // CASCADE reaches only the (still empty) tables that reference the seeded ones.
  if (seeded.length) await client.query(`TRUNCATE ${seeded.join(', ')} CASCADE`);
  const byName = new Map(manifest.tables.filter((t) => !derived.has(t.name)).map((t) => [t.name, t]));
  for (const name of await loadOrder(client, [...byName.keys()])) {
    const t = byName.get(name)!;
    if (t.rows === 0) continue;
    const sql = `COPY ${ident(t.name)} (${t.columns.map((c) => ident(c.name)).join(', ')}) FROM STDIN`;
    const rows = await copyIn(client, sql, fs.createReadStream(path.join(dir, tableEntry(t.name))));
    if (rows !== t.rows) throw new Error(`Table ${t.name}: loaded ${rows} rows, the manifest says ${t.rows}`);
  }
}

/**
 * Puts every sequence at its position in the archive, then past the largest restored value
 * of the column it feeds (identity columns such as audit_log.id), so new rows get new ids.
 */
async function resetSequences(client: pg.ClientBase, manifest: Manifest): Promise<void> {
  for (const s of manifest.sequences) {
    if (s.lastValue === null) continue;
    await client.query(`SELECT setval(format('public.%I', $1::text)::regclass, $2::bigint, true)`, [
      s.name,
      s.lastValue,
    ]);
  }
  const { rows } = await client.query<{ table: string; column: string; seq: string }>(`
    SELECT c.relname AS table, a.attname AS column, pg_get_serial_sequence(format('public.%I', c.relname), a.attname) AS seq
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      AND pg_get_serial_sequence(format('public.%I', c.relname), a.attname) IS NOT NULL`);
  for (const r of rows) {
    await client.query(
      `SELECT setval($1::regclass, m) FROM (SELECT max(${ident(r.column)})::bigint AS m FROM ${ident(r.table)}) s
       WHERE m IS NOT NULL AND m > coalesce(pg_sequence_last_value($1::regclass), 0)`,
      [r.seq],
    );
  }
}

async function restoreFiles(storage: Storage, manifest: Manifest, dir: string): Promise<void> {
  for (const f of manifest.files) {
    const stored = await storage.put(f.key, fs.createReadStream(path.join(dir, fileEntry(f.key))));
    if (stored.sha256 !== f.sha256) throw new Error(`File ${f.key} was stored with a different checksum`);
  }
}
