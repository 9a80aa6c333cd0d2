import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadDemo } from '../../src/server/demo/load-demo.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import { openDatabase } from '../../src/server/platform/db/database.ts';
import { type EmbeddedServer, startEmbedded } from '../../src/server/platform/db/embedded.ts';
import { migrate } from '../../src/server/platform/db/migrate.ts';
import { createLogger } from '../../src/server/platform/logger.ts';
import { createPlatform } from '../../src/server/platform/platform.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test server (database `postgres`); tests create their own databases. */
    pgAdminUrl: string;
  }
}

export const TEMPLATE_EMPTY = 'gds_tpl_empty';
export const TEMPLATE_DEMO = 'gds_tpl_demo';
export const DEMO_PASSWORD = 'GiaoDucSo@2026';

/**
 * One PostgreSQL for the whole run: TEST_DATABASE_URL (e.g. the PostgreSQL 15 of CI) or an
 * embedded PostgreSQL 18 in a temporary directory. Two template databases are made once:
 * migrated, and migrated + the demo province. Each test file clones one (CREATE DATABASE …
 * TEMPLATE), which takes a fraction of a second.
 */
/** A TCP port nobody listens on now (the OS picks it), for the test cluster. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  const log = createLogger('warn');
  let embedded: EmbeddedServer | undefined;
  let tmp: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gds-test-pg-'));
    const port = await freePort();
    embedded = await startEmbedded({ dataDir: tmp, port, log, dbName: 'postgres', lock: false });
    adminUrl = embedded.url;
    // If the run ends without teardown (another project's setup failed, Ctrl-C), the test
    // cluster must not outlive it.
    const pid = embedded.pid;
    process.once('exit', () => {
      if (pid) {
        try {
          process.kill(pid, 'SIGINT');
        } catch {
          /* already stopped */
        }
      }
    });
  }
  try {
    return await prepare(project, adminUrl, tmp, log, embedded);
  } catch (err) {
    await embedded?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

async function prepare(
  project: TestProject,
  adminUrl: string,
  tmp: string | undefined,
  log: ReturnType<typeof createLogger>,
  embedded: EmbeddedServer | undefined,
) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const suffix = `${process.pid}`;
  const tplEmpty = `${TEMPLATE_EMPTY}_${suffix}`;
  const tplDemo = `${TEMPLATE_DEMO}_${suffix}`;
  for (const name of [tplEmpty, tplDemo]) {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  const urlOf = (db: string) => adminUrl.replace(/\/[^/?]*(\?|$)/, `/${db}$1`);
  for (const name of [tplEmpty, tplDemo]) {
    const d = openDatabase(urlOf(name), 2);
    await migrate(d.pool);
    if (name === tplDemo) {
      const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: tmp ?? os.tmpdir() });
      await loadDemo(createPlatform(config, d.db, log), DEMO_PASSWORD);
    }
    await d.close();
  }
  project.provide('pgAdminUrl', adminUrl);
  process.env.GDS_TEMPLATE_SUFFIX = suffix;
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${tplEmpty}`).catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS ${tplDemo}`).catch(() => {});
    await admin.end();
    await embedded?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  };
}
