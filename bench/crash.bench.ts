import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { attachRunningEmbedded } from '../src/server/platform/db/embedded.ts';
import { type Attempt, drive, openRound, seedSessions, submitOnce, verifyOnce } from './support/admission-load.ts';

/**
 * Issue 3, "Speed and safety" (crash): the server runs as a child process (`node
 * src/server/main.ts`); public submissions are driven at it, it is killed with SIGKILL in the
 * middle of the load (its embedded PostgreSQL survives as an orphan), started again on the same
 * DATA_DIR, and then: every application that got a 201 is in the database exactly once, and
 * retrying each 201's idempotency key returns the same receipt. Requests without a response
 * may or may not have been filed, but never twice.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gds-bench-crash-'));
const PORT = 38_000 + Math.floor(Math.random() * 2000);
const baseUrl = `http://127.0.0.1:${PORT}`;
const DEMO_CODE = '246810';
const PASSWORD = 'GiaoDucSo@2026';
const SESSIONS = 20_000;
const CONCURRENCY = 64;
const KILL_AFTER_MS = 4_000;
const serverLog = fs.openSync(path.join(dataDir, 'server.log'), 'a');

function startChild(): ChildProcess {
  return spawn(process.execPath, [path.join(root, 'src/server/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      EMBEDDED_PG_PORT: '55994',
      DATABASE_URL: '',
      OTP_DEMO_CODE: DEMO_CODE,
      JOBS: 'false',
      DEMO_DATA: 'on',
      DEMO_PASSWORD: PASSWORD,
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', serverLog, serverLog],
  });
}

function live(): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(`${baseUrl}/health/live`, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(1_000, () => req.destroy());
  });
}

async function waitLive(child: ChildProcess, maxMs: number): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < maxMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}; see ${dataDir}/server.log`);
    if (await live()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server not live after ${maxMs} ms`);
}

function exited(child: ChildProcess, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const t = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, maxMs);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

let server = startChild();
let exitCode = 0;
try {
  await waitLive(server, 180_000);
  const round = await openRound(baseUrl, PASSWORD, 'TS1-BENCH-CRASH');
  await verifyOnce(baseUrl, DEMO_CODE);
  const url = attachRunningEmbedded(dataDir);
  if (!url) throw new Error('cannot attach to the embedded PostgreSQL');
  const before = new pg.Pool({ connectionString: url, max: 2 });
  // Connections ended by a server's shutdown (57P01) must not crash the report.
  before.on('error', () => {});
  const tokens = await seedSessions(before, SESSIONS, 0);
  await before.end();
  const opts = { baseUrl, round, tokens, forwardedFor: true };

  // Warm-up one at a time (a cold server above its pool size stalls; see submissions.bench.ts).
  const warm = await drive({ ...opts, from: 0, count: 10, maxMs: 10_000, concurrency: 1 });
  console.log(`server pid ${server.pid} on ${baseUrl}; driving submissions at concurrency ${CONCURRENCY} …`);
  const victim = server;
  const killer = setTimeout(() => victim.kill('SIGKILL'), KILL_AFTER_MS);
  const load = await drive({
    ...opts,
    from: 10,
    count: SESSIONS - 10,
    maxMs: 30_000,
    concurrency: CONCURRENCY,
    stopAfterErrors: CONCURRENCY,
  });
  clearTimeout(killer);
  await exited(victim, 5_000);
  const attempts: Attempt[] = [...warm.attempts, ...load.attempts];
  const acked = attempts.filter((a) => a.status === 201);
  const unanswered = attempts.filter((a) => a.status === 0);
  const other = attempts.filter((a) => a.status !== 0 && a.status !== 201);
  console.log(
    `killed (SIGKILL) after ${KILL_AFTER_MS} ms of load: ${acked.length} acknowledged (201), ${unanswered.length} without a response, ${other.length} other`,
  );
  if (other[0]) console.log(`  first other: ${other[0].status} ${other[0].body?.slice(0, 200)}`);

  const t0 = performance.now();
  server = startChild();
  await waitLive(server, 120_000);
  const restartMs = Math.round(performance.now() - t0);
  console.log(`restarted on the same DATA_DIR (orphaned PostgreSQL stopped and started) in ${restartMs} ms`);

  const url2 = attachRunningEmbedded(dataDir);
  if (!url2) throw new Error('cannot attach to the embedded PostgreSQL after restart');
  const db = new pg.Pool({ connectionString: url2, max: 2 });
  db.on('error', () => {});
  const codes = acked.map((a) => (JSON.parse(a.body!) as { dossierCode: string }).dossierCode);
  const byCode = await db.query<{ dossier_code: string; n: number }>(
    `SELECT dossier_code, count(*)::int AS n FROM admission_applications
      WHERE dossier_code = ANY($1::text[]) GROUP BY dossier_code`,
    [codes],
  );
  const counts = new Map(byCode.rows.map((r) => [r.dossier_code, r.n]));
  const foundOnce = codes.filter((c) => counts.get(c) === 1).length;
  const lost = codes.filter((c) => !counts.has(c)).length;
  const dup = await db.query<{ extra: number; dossier_extra: number; orphans: number; rows: number }>(
    `SELECT
       (SELECT count(*) - count(DISTINCT applicant_key) FROM admission_applications WHERE round_id = $1)::int AS extra,
       (SELECT count(*) - count(DISTINCT unique_key) FROM dossiers WHERE unique_key LIKE $2)::int AS dossier_extra,
       (SELECT count(*) FROM dossiers d WHERE d.unique_key LIKE $2
          AND NOT EXISTS (SELECT 1 FROM admission_applications a WHERE a.dossier_id = d.id))::int AS orphans,
       (SELECT count(*) FROM admission_applications WHERE round_id = $1)::int AS rows`,
    [round.roundId, `${round.roundId}:%`],
  );
  const d = dup.rows[0]!;
  const duplicated = d.extra + d.dossier_extra;
  console.log(
    `database after restart: ${d.rows} applications; acknowledged found exactly once ${foundOnce}/${acked.length}, lost ${lost}, duplicated ${duplicated}; dossiers without an application row ${d.orphans}`,
  );

  // Retry every acknowledged key (and then every unanswered one) with the same body and key.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  let same = 0;
  const mismatches: string[] = [];
  for (let k = 0; k < acked.length; k += 4) {
    await Promise.all(
      acked.slice(k, k + 4).map(async (a) => {
        const r = await submitOnce(agent, opts, a.i, a.key);
        if (r.status === 201 && JSON.stringify(JSON.parse(r.body)) === JSON.stringify(JSON.parse(a.body!))) same++;
        else mismatches.push(`${r.status} ${r.body.slice(0, 200)}`);
      }),
    );
  }
  const retryStatus = new Map<number, number>();
  for (let k = 0; k < unanswered.length; k += 4) {
    await Promise.all(
      unanswered.slice(k, k + 4).map(async (a) => {
        const r = await submitOnce(agent, opts, a.i, a.key);
        retryStatus.set(r.status, (retryStatus.get(r.status) ?? 0) + 1);
      }),
    );
  }
  agent.destroy();
  const after = await db.query<{ extra: number; orphans: number; rows: number }>(
    `SELECT
       (SELECT count(*) - count(DISTINCT applicant_key) FROM admission_applications WHERE round_id = $1)::int AS extra,
       (SELECT count(*) FROM dossiers d WHERE d.unique_key LIKE $2
          AND NOT EXISTS (SELECT 1 FROM admission_applications a WHERE a.dossier_id = d.id))::int AS orphans,
       (SELECT count(*) FROM admission_applications WHERE round_id = $1)::int AS rows`,
    [round.roundId, `${round.roundId}:%`],
  );
  await db.end();
  console.log(`retried ${acked.length} acknowledged keys: ${same} gave the same receipt`);
  for (const m of mismatches.slice(0, 3)) console.log(`  mismatch: ${m}`);
  console.log(
    `retried ${unanswered.length} unanswered keys: ${[...retryStatus].map(([s, n]) => `${n}× ${s}`).join(', ') || 'none'}; then ${after.rows[0]!.rows} applications, duplicated ${after.rows[0]!.extra}, dossiers without an application row ${after.rows[0]!.orphans}`,
  );
  console.log(
    JSON.stringify({
      acknowledged: acked.length,
      found_after_restart: foundOnce,
      lost,
      duplicated: duplicated + after.rows[0]!.extra,
      same_receipt_on_retry: same,
      unanswered: unanswered.length,
      orphan_dossiers_after_restart: d.orphans,
      restart_ms: restartMs,
    }),
  );
} catch (err) {
  console.error(err);
  console.error(fs.readFileSync(path.join(dataDir, 'server.log'), 'utf8').slice(-3000));
  exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await exited(server, 30_000);
  fs.closeSync(serverLog);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
