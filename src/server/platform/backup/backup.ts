import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import type { Storage } from '../files/storage.ts';
import { BackupError, hashingFileWriter, packArchive } from './archive.ts';
import { ident, listTables, setExactOutput, tableDigest } from './catalog.ts';
import { copyOut } from './copy.ts';
import { appVersion, FORMAT_VERSION, fileEntry, type Manifest, tableEntry } from './manifest.ts';

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: Manifest;
  ms: number;
}

/** `giaoducso-20260314-081502.tar.gz`, local time of the machine making it. */
export function defaultBackupName(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}`;
  return `giaoducso-${day}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.tar.gz`;
}

/**
 * Writes a self-contained backup archive (see manifest.ts) of the database behind `pool` and
 * of every object in `storage`, without pg_dump: the embedded PostgreSQL ships none, and an
 * external server's pg_dump may not match its version.
 *
 * All tables are read in one REPEATABLE READ, read-only transaction: one consistent snapshot
 * while the application keeps running and writing. Files are copied right after the snapshot
 * is taken, so a file whose row is in the snapshot is in the archive unless it was deleted in
 * that short window; a file added later is merely extra.
 */
export async function createBackup(opts: {
  pool: pg.Pool;
  storage: Storage;
  out: string;
  tmpDir?: string;
}): Promise<BackupResult> {
  const t0 = Date.now();
  const out = path.resolve(opts.out);
  if (fs.existsSync(out)) throw new BackupError(`Tệp ${out} đã tồn tại.`, `${out} already exists.`);
  const tmpDir = opts.tmpDir ?? path.dirname(out);
  await fs.promises.mkdir(tmpDir, { recursive: true, mode: 0o700 });
  const stage = await fs.promises.mkdtemp(path.join(tmpDir, '.gds-backup-'));
  try {
    for (const d of ['tables', 'files']) await fs.promises.mkdir(path.join(stage, d));
    const client = await opts.pool.connect();
    let manifest: Manifest;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        await setExactOutput(client);
        manifest = await exportDatabase(client, stage, opts.storage);
      } finally {
        await client.query('COMMIT').catch(() => {});
      }
    } finally {
      client.release();
    }
    await fs.promises.writeFile(path.join(stage, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, {
      mode: 0o600,
    });
    const bytes = await packArchive(stage, out);
    return { file: out, bytes, manifest, ms: Date.now() - t0 };
  } finally {
    await fs.promises.rm(stage, { recursive: true, force: true });
  }
}

/** Everything inside the snapshot transaction: header, files, tables, sequences. */
async function exportDatabase(client: pg.PoolClient, stage: string, storage: Storage): Promise<Manifest> {
  // The first query of the transaction takes the snapshot.
  const { rows: head } = await client.query<{ version: string; num: number; now: string }>(
    `SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int AS num,
            to_json(now())#>>'{}' AS now`,
  );
  const { rows: migrations } = await client.query<Manifest['migrations'][number]>(
    'SELECT version, name, checksum, applied_at::text AS "appliedAt" FROM schema_migrations ORDER BY version',
  );
  const files = await exportFiles(storage, stage);
  const tables: Manifest['tables'] = [];
  for (const t of await listTables(client)) {
    const cols = t.columns.map((c) => ident(c.name)).join(', ');
    const order = t.orderBy.map(ident).join(', ');
    const { sink, finished } = hashingFileWriter(path.join(stage, tableEntry(t.name)));
    const copy = `COPY (SELECT ${cols} FROM ${ident(t.name)} ORDER BY ${order}) TO STDOUT`;
    const [rows, { sha256 }] = await Promise.all([copyOut(client, copy, sink).finally(() => sink.end()), finished]);
    const { digest } = await tableDigest(
      client,
      t.name,
      t.columns.map((c) => c.name),
      t.orderBy,
    );
    tables.push({ name: t.name, columns: t.columns, orderBy: t.orderBy, rows, sha256, digest });
  }
  // Sequences are not transactional: this reads their current position, at or past the
  // snapshot's, which is what a restore needs (never hand out an id twice).
  const { rows: sequences } = await client.query<{ name: string; lastValue: string | null }>(
    `SELECT sequencename AS name, last_value::text AS "lastValue" FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
  );
  return {
    format: 'giaoducso-backup',
    formatVersion: FORMAT_VERSION,
    appVersion: appVersion(),
    createdAt: new Date(head[0]!.now).toISOString(),
    postgres: { version: head[0]!.version, versionNum: head[0]!.num },
    migrations,
    tables,
    sequences,
    files,
  };
}

async function exportFiles(storage: Storage, stage: string): Promise<Manifest['files']> {
  const files: Manifest['files'] = [];
  for await (const key of storage.list()) {
    const target = path.join(stage, fileEntry(key));
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const { sink, finished } = hashingFileWriter(target);
    await pipeline(await storage.get(key), sink);
    const { sha256, size } = await finished;
    files.push({ key, size, sha256 });
  }
  return files;
}
