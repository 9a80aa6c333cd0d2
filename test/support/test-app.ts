import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { type Config, loadConfig } from '../../src/server/platform/config.ts';
import { type Database, openDatabase } from '../../src/server/platform/db/database.ts';
import { createLogger } from '../../src/server/platform/logger.ts';
import { createPlatform, type Platform } from '../../src/server/platform/platform.ts';
import { DEMO_PASSWORD } from './global-setup.ts';

export { DEMO_PASSWORD };

export interface TestContext {
  app: Awaited<ReturnType<typeof buildApp>>['app'];
  platform: Platform;
  database: Database;
  config: Config;
  dbName: string;
  url: string;
  close(): Promise<void>;
}

function urlOf(adminUrl: string, db: string) {
  return adminUrl.replace(/\/[^/?]*(\?|$)/, `/${db}$1`);
}

/**
 * A fresh database for one test file (a clone of the migrated template, with or without the
 * demo province), a platform on it, and the Fastify app for `app.inject()`.
 */
export async function createTestContext(
  opts: { demo?: boolean; env?: Record<string, string>; web?: boolean } = {},
): Promise<TestContext> {
  const adminUrl = inject('pgAdminUrl');
  const suffix = process.env.GDS_TEMPLATE_SUFFIX;
  const template = `${opts.demo === false ? 'gds_tpl_empty' : 'gds_tpl_demo'}_${suffix}`;
  const dbName = `gds_t_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // Two files cloning one template at the same moment collide (55006: "being accessed by
  // other users"): wait and try again.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${dbName} TEMPLATE ${template}`);
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt > 50) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gds-t-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...opts.env });
  const url = urlOf(adminUrl, dbName);
  const database = openDatabase(url, 4);
  // TEST_LOG_LEVEL=error shows the server's errors while debugging a test.
  const log = createLogger((process.env.TEST_LOG_LEVEL as 'error' | undefined) ?? 'silent');
  const platform = createPlatform(config, database.db, log);
  const { app } = await buildApp(platform, { logger: log, web: opts.web ?? false });
  await app.ready();
  return {
    app,
    platform,
    database,
    config,
    dbName,
    url,
    close: async () => {
      await app.close();
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await a.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
