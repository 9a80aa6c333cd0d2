import { buildApp } from './app.ts';
import { isEmpty, loadDemo } from './demo/load-demo.ts';
import { archiveScheduledJobs } from './modules/archive/archive.module.ts';
import { directivesScheduledJobs } from './modules/directives/directives.module.ts';
import { dossierEngine } from './modules/dossiers/dossier-engine.ts';
import { dxScheduledJobs } from './modules/dx-index/dx-index.module.ts';
import { plansScheduledJobs } from './modules/plans/plans.module.ts';
import { reportsScheduledJobs } from './modules/reports/reports.module.ts';
import type { Config } from './platform/config.ts';
import { type Database, openDatabase } from './platform/db/database.ts';
import {
  attachRunningEmbedded,
  DataDirLockedError,
  type EmbeddedServer,
  startEmbedded,
} from './platform/db/embedded.ts';
import { migrate } from './platform/db/migrate.ts';
import { Jobs } from './platform/jobs/jobs.ts';
import type { Logger } from './platform/logger.ts';
import { getOtpService } from './platform/otp/otp-provider.ts';
import { createPlatform, type Platform } from './platform/platform.ts';
import { getUploadsService } from './platform/uploads/uploads.module.ts';

export interface Runtime {
  platform: Platform;
  database: Database;
  embedded: EmbeddedServer | undefined;
  /** Connection string of the database in use. */
  url: string;
  /** Migrations applied while opening. */
  applied: string[];
  /** Closes the pool and stops the embedded database, if any. */
  close(): Promise<void>;
}

/**
 * Opens the database (DATABASE_URL, or the embedded PostgreSQL under DATA_DIR), applies
 * migrations, and on a fresh embedded install (or DEMO_DATA=on) loads the demo province.
 * Shared by the server, the CLI and the benchmarks.
 */
export async function openRuntime(
  config: Config,
  log: Logger,
  opts: { demo?: boolean; attach?: boolean } = {},
): Promise<Runtime> {
  let embedded: EmbeddedServer | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    try {
      embedded = await startEmbedded({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, log });
      url = embedded.url;
      log.info({ port: config.EMBEDDED_PG_PORT, dataDir: config.DATA_DIR }, 'embedded PostgreSQL ready');
    } catch (err) {
      // `attach`: a running `npm start` holds the data directory; use its database (CLI).
      const running =
        opts.attach && err instanceof DataDirLockedError ? attachRunningEmbedded(config.DATA_DIR) : undefined;
      if (!running) throw err;
      url = running;
      log.info('using the embedded PostgreSQL of the running server');
    }
  }
  const database = openDatabase(url, config.DATABASE_POOL_SIZE);
  const close = async () => {
    await database.close();
    await embedded?.stop();
  };
  try {
    const applied = await migrate(database.pool);
    if (applied.length) log.info({ applied }, 'migrations applied');
    const platform = createPlatform(config, database.db, log);
    const wantDemo = config.DEMO_DATA === 'on' || (config.DEMO_DATA === 'auto' && !config.DATABASE_URL);
    if (opts.demo !== false && wantDemo && (await isEmpty(database.db))) {
      const t0 = Date.now();
      await loadDemo(platform, config.DEMO_PASSWORD);
      log.info({ ms: Date.now() - t0 }, 'demo province loaded (synthetic data)');
    }
    return { platform, database, embedded, url, applied, close };
  } catch (err) {
    await close().catch(() => {});
    throw err;
  }
}

/** Starts the HTTP server and wires graceful shutdown: stop accepting, drain, close the database. */
export async function startServer(config: Config, log: Logger) {
  const runtime = await openRuntime(config, log);
  const { app, state } = await buildApp(runtime.platform);
  let closing: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    closing ??= (async () => {
      log.info({ signal }, 'shutting down: draining requests');
      state.shuttingDown = true;
      const force = setTimeout(() => {
        log.error('shutdown took longer than 20 s; exiting');
        process.exit(1);
      }, 20_000);
      force.unref();
      await app.close();
      await jobs?.stop();
      await runtime.close();
      log.info('stopped');
    })();
    return closing;
  };
  process.once('SIGINT', () => void shutdown('SIGINT').then(() => process.exit(0)));
  process.once('SIGTERM', () => void shutdown('SIGTERM').then(() => process.exit(0)));
  const jobs = config.JOBS ? new Jobs(runtime.url, log) : undefined;
  await jobs?.start([
    ...archiveScheduledJobs(runtime.platform),
    ...dxScheduledJobs(runtime.platform),
    ...plansScheduledJobs(runtime.platform),
    ...reportsScheduledJobs(runtime.platform),
    ...directivesScheduledJobs(runtime.platform),
    { name: 'platform.purge-sessions', cron: '17 * * * *', run: () => runtime.platform.auth.purgeExpired() },
    { name: 'platform.purge-otp', cron: '23 * * * *', run: () => getOtpService(runtime.platform).purgeExpired() },
    {
      name: 'platform.purge-uploads',
      cron: '41 * * * *',
      run: async () => {
        await getUploadsService(runtime.platform).purgeExpired();
      },
    },
    {
      name: 'notify.deliver',
      cron: '* * * * *',
      run: async () => {
        await dossierEngine(runtime.platform).notifier.deliverPending();
      },
    },
  ]);
  await app.listen({ host: config.HOST, port: config.PORT });
  return { app, runtime, shutdown };
}
