import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import pg from 'pg';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDemoLibrary } from '../../src/server/demo/library/load-demo-library.ts';
import { UsersService } from '../../src/server/modules/users/users.service.ts';
import { systemActor } from '../../src/server/platform/actor.ts';
import { createBackup } from '../../src/server/platform/backup/backup.ts';
import { digestAll } from '../../src/server/platform/backup/catalog.ts';
import { copyIn, copyOut } from '../../src/server/platform/backup/copy.ts';
import { restoreBackup } from '../../src/server/platform/backup/restore.ts';
import { verifyBackup } from '../../src/server/platform/backup/verify.ts';
import { openDatabase } from '../../src/server/platform/db/database.ts';
import { migrate, readMigrations } from '../../src/server/platform/db/migrate.ts';
import { LocalStorage } from '../../src/server/platform/files/local-storage.ts';
import { createTestContext, DEMO_PASSWORD, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let tmp: string;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const FILES: Record<string, Buffer> = {
  'hồ-sơ/2026/giấy khai sinh – Nguyễn Thị Ánh.txt': Buffer.from('Giấy khai sinh\tbản sao\nĐặng Văn Đức\n', 'utf8'),
  'scans/raw.bin': randomBytes(64 * 1024),
};

async function digests() {
  const client = await ctx.database.pool.connect();
  try {
    return await digestAll(client);
  } finally {
    client.release();
  }
}

/**
 * The derived tables' content as search reads it (rows with a zero count, left behind by
 * removals, are no different from absent ones): a restore rebuilds it from the sources.
 */
async function derivedDigests() {
  const queries: Record<string, string> = {
    library_search_docs: 'SELECT * FROM library_search_docs ORDER BY id',
    library_search_facet_counts:
      'SELECT * FROM library_search_facet_counts WHERE count <> 0 ORDER BY audience, facet, value',
    library_search_facet_cells:
      'SELECT * FROM library_search_facet_cells WHERE n <> 0 ORDER BY audience, levels, grades, subjects, kind, licence_code, series_code',
    library_search_words: 'SELECT * FROM library_search_words WHERE n <> 0 ORDER BY word',
    library_usage_per_day: 'SELECT * FROM library_usage_per_day ORDER BY 1, 2, 3',
  };
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const [table, q] of Object.entries(queries)) {
    const { rows } = await ctx.database.pool.query<{ rows: number; digest: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n'), '')) AS digest FROM (${q}) t`,
    );
    out[table] = rows[0]!;
  }
  return out;
}

async function storedFiles(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for await (const key of ctx.platform.storage.list())
    out[key] = sha(await buffer(await ctx.platform.storage.get(key)));
  return out;
}

async function backup(name: string) {
  return createBackup({ pool: ctx.database.pool, storage: ctx.platform.storage, out: path.join(tmp, name) });
}

/** Unpacks an archive, lets `edit` change the unpacked files, packs it again. */
async function tamper(file: string, edit: (dir: string) => void): Promise<string> {
  const dir = fs.mkdtempSync(path.join(tmp, 'tamper-'));
  await tar.extract({ file, cwd: dir });
  edit(dir);
  const out = `${file}.tampered.tar.gz`;
  await tar.create({ gzip: true, file: out, cwd: dir }, fs.readdirSync(dir));
  return out;
}

beforeAll(async () => {
  ctx = await createTestContext();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gds-backup-test-'));
  for (const [key, body] of Object.entries(FILES)) await ctx.platform.storage.put(key, body);
  const province = await ctx.platform.db
    .selectFrom('org_units')
    .select('id')
    .where('type_code', '=', 'province')
    .executeTakeFirstOrThrow();
  await new UsersService(ctx.platform).create(systemActor('test'), {
    username: 'kt.backup',
    fullName: 'Nguyễn Thị Ánh Tuyết',
    email: 'anh.tuyet@example.vn',
    grants: [{ role: 'department_staff', unitId: province.id }],
  });
  // The library's search tables are kept by triggers on library_resources: a restore must leave
  // them exactly as archived, not counted twice (0017's replace-on-direct-insert triggers).
  await loadDemoLibrary(ctx.platform, DEMO_PASSWORD);
  // Values that trip naive serialisers: tabs, newlines, backslashes, quotes, emoji, NULL inside jsonb.
  await ctx.database.pool.query(`INSERT INTO settings (key, value) VALUES ('test.tricky', $1)`, [
    JSON.stringify({ text: 'Dòng 1\nDòng\t2 \\ "trích" 😀', nothing: null, list: [1, 2.5, 'Đ'] }),
  ]);
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores every table and every file exactly after the database and the storage are wiped', async () => {
    const before = await digests();
    const filesBefore = await storedFiles();
    const { rows: maxAudit } = await ctx.database.pool.query<{ max: string }>(
      'SELECT max(id)::text AS max FROM audit_log',
    );
    const made = await backup('full.tar.gz');
    expect(made.manifest.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['audit_log', 'users', 'org_units', 'library_resources']),
    );
    // Derived tables are not archived: the restore rebuilds them (checked below).
    expect(made.manifest.tables.map((t) => t.name)).not.toContain('library_search_docs');
    const derivedBefore = await derivedDigests();
    expect(derivedBefore.library_search_docs?.rows).toBeGreaterThan(0);
    expect(made.manifest.tables.find((t) => t.name === 'users')!.columns.map((c) => c.name)).not.toContain(
      'search_key',
    );

    await ctx.database.pool.query(
      'DROP SCHEMA public CASCADE; CREATE SCHEMA public; GRANT USAGE ON SCHEMA public TO PUBLIC',
    );
    for (const key of Object.keys(filesBefore)) await ctx.platform.storage.delete(key);
    expect(await storedFiles()).toEqual({});

    await restoreBackup({ pool: ctx.database.pool, storage: ctx.platform.storage, file: made.file });
    const after = await digests();
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [table, d] of Object.entries(before)) expect({ table, ...after[table] }).toEqual({ table, ...d });
    expect(await derivedDigests()).toEqual(derivedBefore);
    expect(await storedFiles()).toEqual(filesBefore);
    const { rows: user } = await ctx.database.pool.query(
      'SELECT full_name, given_name, search_key FROM users WHERE username = $1',
      ['kt.backup'],
    );
    expect(user[0]).toEqual({
      full_name: 'Nguyễn Thị Ánh Tuyết',
      given_name: 'Tuyết',
      search_key: 'nguyen thi anh tuyet kt.backup',
    });

    await expect(ctx.database.pool.query(`UPDATE audit_log SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    const { rows: added } = await ctx.database.pool.query<{ id: string }>(
      `INSERT INTO audit_log (action, entity_type) VALUES ('test.after_restore', 'test') RETURNING id::text`,
    );
    expect(BigInt(added[0]!.id)).toBeGreaterThan(BigInt(maxAudit[0]!.max));
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'GiaoDucSo@2026' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('refuses an archive with a damaged table file before touching the database', async () => {
    const made = await backup('to-damage.tar.gz');
    const bad = await tamper(made.file, (dir) => {
      const f = path.join(dir, 'tables', 'users.copy');
      const bytes = fs.readFileSync(f);
      const i = Math.floor(bytes.length / 2);
      bytes[i] = bytes[i]! ^ 0x01;
      fs.writeFileSync(f, bytes);
    });
    const before = await digests();
    await expect(restoreBackup({ pool: ctx.database.pool, file: bad })).rejects.toThrow(
      /tables\/users\.copy does not match its checksum/,
    );
    expect(await digests()).toEqual(before);
  });

  it('refuses an archive made by a database with a migration this code does not have', async () => {
    await ctx.database.pool.query(
      `INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, '9999_from_the_future', 'x')`,
    );
    const made = await backup('newer.tar.gz').finally(() =>
      ctx.database.pool.query('DELETE FROM schema_migrations WHERE version = 9999'),
    );
    const before = await digests();
    await expect(restoreBackup({ pool: ctx.database.pool, file: made.file })).rejects.toThrow(
      /9999_from_the_future.*newer or different/,
    );
    expect(await digests()).toEqual(before);
  });

  it('verifies an archive by restoring it into a temporary database, and reports a mismatch', async () => {
    const made = await backup('verify.tar.gz');
    const good = await verifyBackup({ url: ctx.url, file: made.file });
    expect(good.ok).toBe(true);
    expect(good.tables.find((t) => t.name === 'audit_log')!.rows).toBeGreaterThan(0);
    const wrong = await tamper(made.file, (dir) => {
      const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
      m.tables.find((t: { name: string }) => t.name === 'roles').digest = '0'.repeat(32);
      fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(m));
    });
    const bad = await verifyBackup({ url: ctx.url, file: wrong });
    expect(bad.ok).toBe(false);
    expect(bad.tables.filter((t) => !t.ok).map((t) => t.name)).toEqual(['roles']);
    const { rows } = await ctx.database.pool.query('SELECT datname FROM pg_database WHERE datname IN ($1, $2)', [
      good.database,
      bad.database,
    ]);
    expect(rows).toEqual([]);
  });
  it('restores an archive of an older schema, then applies the newer migrations of this code', async () => {
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    const name = `gds_old_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const old = openDatabase(ctx.url.replace(ctx.dbName, name), 2);
    try {
      const all = readMigrations();
      await migrate(old.pool, all.slice(0, -1));
      await old.pool.query(`INSERT INTO settings (key, value) VALUES ('from.old', '"bản cũ"')`);
      const { rows: was } = await old.pool.query('SELECT version, applied_at FROM schema_migrations ORDER BY version');
      const made = await createBackup({
        pool: old.pool,
        storage: new LocalStorage(path.join(tmp, 'old-files')),
        out: path.join(tmp, 'old.tar.gz'),
      });
      expect(made.manifest.migrations).toHaveLength(all.length - 1);
      const restored = await restoreBackup({ pool: old.pool, file: made.file });
      expect(restored.upgraded).toEqual([all.at(-1)!.name]);
      const { rows: now } = await old.pool.query('SELECT version, applied_at FROM schema_migrations ORDER BY version');
      expect(now.slice(0, -1)).toEqual(was);
      expect(now).toHaveLength(all.length);
      const { rows } = await old.pool.query(`SELECT value FROM settings WHERE key = 'from.old'`);
      expect(rows[0].value).toBe('bản cũ');
    } finally {
      await old.pool.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});

describe('COPY streaming', () => {
  it('round-trips bytea, arrays, jsonb, timestamps, floats, NULLs and Vietnamese text exactly', async () => {
    const client = await ctx.database.pool.connect();
    try {
      const cols = 'id int, b bytea, a text[], j jsonb, ts timestamptz, f float8, t text';
      await client.query(`CREATE TEMP TABLE copy_src (${cols}); CREATE TEMP TABLE copy_dst (${cols})`);
      await client.query(
        `INSERT INTO copy_src VALUES
          (1, '\\x00ff5c0a09'::bytea, ARRAY['a,b', 'Đ "q"', NULL, E'x\\ty'], '{"k": "Ư\\n\\\\", "n": null}', '2026-03-14 08:15:02.123456+07', 0.1 + 0.2, E'Trường THPT\\tLê Lợi\\n\\\\N'),
          (2, NULL, NULL, NULL, NULL, 'NaN', NULL),
          (3, ''::bytea, '{}', '[]', 'infinity', -1.7976931348623157e308, '')`,
      );
      const sink = new PassThrough();
      const data = buffer(sink);
      expect(await copyOut(client, 'COPY (SELECT * FROM copy_src ORDER BY id) TO STDOUT', sink)).toBe(3);
      sink.end();
      expect(await copyIn(client, 'COPY copy_dst FROM STDIN', Readable.from([await data]))).toBe(3);
      expect((await client.query('SELECT count(*)::int AS n FROM copy_dst')).rows[0].n).toBe(3);
      const { rows: same } = await client.query(
        `SELECT bool_and(s.b IS NOT DISTINCT FROM d.b AND s.a IS NOT DISTINCT FROM d.a AND s.j IS NOT DISTINCT FROM d.j
           AND s.ts IS NOT DISTINCT FROM d.ts AND s.f IS NOT DISTINCT FROM d.f AND s.t IS NOT DISTINCT FROM d.t) AS ok
         FROM copy_src s JOIN copy_dst d USING (id)`,
      );
      expect(same[0].ok).toBe(true);
      await expect(
        copyIn(client, 'COPY copy_dst FROM STDIN', Readable.from([Buffer.from('not-a-number\n')])),
      ).rejects.toThrow(/invalid input syntax/);
      expect((await client.query('SELECT 1 AS one')).rows[0].one).toBe(1); // the connection is still usable
    } finally {
      await client.query('DROP TABLE IF EXISTS copy_src, copy_dst');
      client.release();
    }
  });
});
