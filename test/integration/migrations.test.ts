import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from '../../src/server/platform/db/database.ts';
import { migrate, readMigrations } from '../../src/server/platform/db/migrate.ts';

/** Each test gets an empty database (not a template clone): migrations are what is tested. */
const adminUrl = inject('pgAdminUrl');
const created: string[] = [];
const open: Database[] = [];

async function emptyDatabase(): Promise<Database> {
  const name = `gds_mig_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  created.push(name);
  const d = openDatabase(adminUrl.replace(/\/[^/?]*(\?|$)/, `/${name}$1`), 4);
  open.push(d);
  return d;
}

afterAll(async () => {
  for (const d of open) await d.close();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe('migrate', () => {
  const all = readMigrations();
  let db: Database;
  beforeAll(async () => {
    db = await emptyDatabase();
  });

  it('upgrades a database made by an older version, keeping its data', async () => {
    expect(await migrate(db.pool, all.slice(0, 2))).toEqual(all.slice(0, 2).map((m) => m.name));
    await db.pool.query(
      `INSERT INTO org_units (code, name, type_code, valid_from) VALUES ('OLD-1', 'Tỉnh Cũ', 'province', '1989-07-01')`,
    );
    expect(await migrate(db.pool, all)).toEqual(all.slice(2).map((m) => m.name));
    const { rows } = await db.pool.query(`SELECT name, search_key FROM org_units WHERE code = 'OLD-1'`);
    expect(rows).toEqual([{ name: 'Tỉnh Cũ', search_key: 'tinh cu old-1' }]);
    expect(await migrate(db.pool, all)).toEqual([]);
  });

  it('refuses to start when a shipped migration was edited afterwards', async () => {
    const edited = all.map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(db.pool, edited)).rejects.toThrow(/changed after it was applied/);
  });

  it('refuses a database that is newer than the code', async () => {
    await expect(migrate(db.pool, all.slice(0, 2))).rejects.toThrow(/newer than the code/);
  });

  it('lets several app nodes start at once: each migration is applied exactly once', async () => {
    const fresh = await emptyDatabase();
    const results = await Promise.all([migrate(fresh.pool, all), migrate(fresh.pool, all), migrate(fresh.pool, all)]);
    expect(results.flat().sort()).toEqual(all.map((m) => m.name).sort());
  });

  it('rolls back a failing migration whole', async () => {
    const fresh = await emptyDatabase();
    const broken = [
      ...all,
      { version: 9999, name: '9999_broken', checksum: 'x', sql: 'CREATE TABLE half_done (x int); SELECT 1/0;' },
    ];
    await expect(migrate(fresh.pool, broken)).rejects.toThrow(/9999_broken failed/);
    const { rows } = await fresh.pool.query(
      `SELECT to_regclass('half_done') AS t, max(version) AS v FROM schema_migrations`,
    );
    expect(rows[0]).toEqual({ t: null, v: all.at(-1)!.version });
  });
});
