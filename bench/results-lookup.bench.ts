import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { resultLookupOf } from '../src/server/modules/admissions/results/results.routes.ts';
import { keyedHash } from '../src/server/platform/otp/keyed-hash.ts';
import { SECRET_SETTING } from '../src/server/platform/otp/server-secret.ts';
import { child, clientIp, openRound, percentile, request } from './support/admission-load.ts';

/**
 * Issue 3, item 5: the public result lookup (GET /api/public/admissions/results) under load.
 * A real server on the embedded PostgreSQL with N published results — applications seeded with
 * SQL (synthetic children, fast), then the real path over HTTP: final allocation run and
 * POST …/results/publish. A load generator in another process (`--load`, this file) looks up
 * families at random for a fixed time: lookups with the right identity (200), repeats with the
 * ETag it was given (304), wrong dates of birth (404), each family from its own X-Forwarded-For
 * address (TRUST_PROXY=true), plus one hot address asking non-stop (429 after the per-minute
 * limit). Prints lookups/s, p50/p99, the server's cache hit rate and the 429s.
 */

interface LoadIn {
  baseUrl: string;
  n: number;
  codes: string[];
  personalIds: string[];
  dateOfBirth: string;
  ms: number;
  concurrency: number;
}
interface LoadOut {
  elapsedMs: number;
  byStatus: Record<string, number>;
  times: number[];
  hot: Record<string, number>;
  retryAfter: string | null;
}

if (process.argv[2] === '--load') await loadProcess(process.argv[3]!, process.argv[4]!);
else await main();

async function loadProcess(input: string, output: string): Promise<void> {
  const o = JSON.parse(fs.readFileSync(input, 'utf8')) as LoadIn;
  const base = new URL(o.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency + 1 });
  const etags = new Map<number, string>();
  const byStatus: Record<string, number> = {};
  const hot: Record<string, number> = {};
  const times: number[] = [];
  let retryAfter: string | null = null;
  const t0 = performance.now();
  // The code in the address; the child's ID and date of birth in headers, as the web sends them.
  const url = (i: number) => `/api/public/admissions/results?${new URLSearchParams({ code: o.codes[i]! })}`;
  const child = (i: number, dob: string) => ({ 'x-child-id': o.personalIds[i]!, 'x-child-dob': dob });
  const worker = async () => {
    while (performance.now() - t0 < o.ms) {
      const i = Math.floor(Math.random() * o.n);
      const roll = Math.random();
      const dob = roll > 0.85 ? '2020-01-01' : o.dateOfBirth;
      const headers: Record<string, string> = { 'x-forwarded-for': clientIp(i + 1), ...child(i, dob) };
      const etag = etags.get(i);
      if (etag && roll < 0.5) headers['if-none-match'] = etag;
      const s = performance.now();
      const r = await request(agent, base, 'GET', url(i), headers);
      times.push(performance.now() - s);
      byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
      if (r.status === 200 && r.headers.etag) etags.set(i, String(r.headers.etag));
    }
  };
  // One address asking as fast as it can: the per-minute limit must stop it.
  const hammer = async () => {
    while (performance.now() - t0 < o.ms) {
      const r = await request(agent, base, 'GET', url(0), {
        'x-forwarded-for': '203.0.113.7',
        ...child(0, o.dateOfBirth),
      });
      hot[r.status] = (hot[r.status] ?? 0) + 1;
      if (r.status === 429) retryAfter = String(r.headers['retry-after']);
    }
  };
  await Promise.all([...Array.from({ length: o.concurrency }, worker), hammer()]);
  agent.destroy();
  const out: LoadOut = { elapsedMs: performance.now() - t0, byStatus, times, hot, retryAfter };
  fs.writeFileSync(output, JSON.stringify(out));
}

async function main(): Promise<void> {
  const { loadConfig } = await import('../src/server/platform/config.ts');
  const { createLogger } = await import('../src/server/platform/logger.ts');
  const { startServer } = await import('../src/server/runtime.ts');
  const N = Number(process.env.BENCH_RESULTS ?? 20_000);
  const MS = Number(process.env.BENCH_MS ?? 10_000);
  const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gds-bench-res-'));
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: process.env.BENCH_PG_PORT ?? String(56_000 + Math.floor(Math.random() * 2000)),
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: '',
    JOBS: 'false',
    DEMO_DATA: 'on',
    TRUST_PROXY: 'true',
  });
  const { app, runtime, shutdown } = await startServer(config, createLogger('silent'));
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const db = new pg.Pool({ connectionString: runtime.url, max: 4 });
  db.on('error', () => {});
  try {
    const round = await openRound(baseUrl, config.DEMO_PASSWORD, 'TS1-BENCH-RESULTS');
    const base = new URL(baseUrl);
    const agent = new http.Agent({ keepAlive: true });
    // One lookup creates the server's HMAC secret (404: nothing published yet).
    await request(agent, base, 'GET', '/api/public/admissions/results?code=X-1', {
      'x-child-id': '001221000001',
      'x-child-dob': '2021-05-20',
    });
    const t0 = performance.now();
    const seeded = await seed(db, round, N);
    const seedMs = performance.now() - t0;
    const staff = await signIn(agent, base, config.DEMO_PASSWORD);
    const call = async (method: string, p: string, body?: object) => {
      const r = await request(agent, base, method, p, staff, body && JSON.stringify(body));
      if (r.status >= 300) throw new Error(`${method} ${p}: ${r.status} ${r.body}`);
      return JSON.parse(r.body) as Record<string, unknown>;
    };
    const r = `/api/admissions/rounds/${round.roundId}`;
    await db.query(`UPDATE admission_rounds SET register_to = now() - interval '1 minute' WHERE id = $1`, [
      round.roundId,
    ]);
    let v = (await call('POST', `${r}/status`, { status: 'closed_for_review', expectedVersion: 4 })).version as number;
    v = (await call('POST', `${r}/lottery-seed`, { expectedVersion: v, seed: 'bench-results-seed' })).version as number;
    v = (await call('POST', `${r}/status`, { status: 'allocating', expectedVersion: v })).version as number;
    const hash = (await call('GET', `${r}/allocation`)).inputsSha256 as string;
    const t1 = performance.now();
    await call('POST', `${r}/allocation/runs`, { kind: 'final', expectedInputsHash: hash });
    const runMs = performance.now() - t1;
    const t2 = performance.now();
    const published = await call('POST', `${r}/results/publish`, { expectedVersion: v });
    const publishMs = performance.now() - t2;
    agent.destroy();
    console.log(
      `server ${baseUrl}: ${N} applications seeded in ${(seedMs / 1000).toFixed(1)} s; final run ${(runMs / 1000).toFixed(1)} s; publish (snapshot + ${published.notified} outbox messages) ${(publishMs / 1000).toFixed(1)} s`,
    );

    const work = fs.mkdtempSync(path.join(dataDir, 'load-'));
    const input = path.join(work, 'in.json');
    const output = path.join(work, 'out.json');
    const loadIn: LoadIn = { baseUrl, n: N, ...seeded, dateOfBirth: '2021-05-20', ms: MS, concurrency: CONCURRENCY };
    fs.writeFileSync(input, JSON.stringify(loadIn));
    const stats = resultLookupOf(runtime.platform)!.stats;
    const before = { ...stats };
    console.log(`load: ${MS / 1000} s, ${CONCURRENCY} connections + 1 hot address, from another process …`);
    await new Promise<void>((resolve, reject) => {
      const p = spawn(process.execPath, [fileURLToPath(import.meta.url), '--load', input, output], {
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      p.on('error', reject);
      p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`load process exited with ${code}`))));
    });
    const out = JSON.parse(fs.readFileSync(output, 'utf8')) as LoadOut;
    const lookups = stats.lookups - before.lookups;
    const hitRate = lookups ? (stats.cacheHits - before.cacheHits) / lookups : 0;
    const times = out.times.sort((x, y) => x - y);
    const total = times.length + Object.values(out.hot).reduce((n, x) => n + x, 0);
    const perS = total / (out.elapsedMs / 1000);
    const limited = (out.byStatus['429'] ?? 0) + (out.hot['429'] ?? 0);
    console.log(
      `  ${total} lookups in ${(out.elapsedMs / 1000).toFixed(1)} s: ${perS.toFixed(0)}/s; families: ${JSON.stringify(out.byStatus)}; hot address: ${JSON.stringify(out.hot)} (Retry-After ${out.retryAfter ?? '—'} s)`,
    );
    console.log(
      `  latency (families) p50 ${percentile(times, 50)} ms, p99 ${percentile(times, 99)} ms; server cache hit rate ${(hitRate * 100).toFixed(1)}% of ${lookups} lookups (TTL 5 s per node); 429: ${limited}`,
    );
    console.log(
      JSON.stringify({
        bench: 'results-lookup',
        results: N,
        seed_s: Math.round(seedMs) / 1000,
        publish_s: Math.round(publishMs) / 1000,
        lookups: total,
        lookups_per_s: Math.round(perS),
        p50_ms: percentile(times, 50),
        p99_ms: percentile(times, 99),
        ok_200: out.byStatus['200'] ?? 0,
        not_modified_304: out.byStatus['304'] ?? 0,
        not_found_404: out.byStatus['404'] ?? 0,
        cache_hit_rate: Math.round(hitRate * 1000) / 1000,
        rate_limited_429: limited,
        hot_address_200: out.hot['200'] ?? 0,
      }),
    );
  } finally {
    await db.end();
    await shutdown('bench');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function signIn(agent: http.Agent, base: URL, password: string): Promise<Record<string, string>> {
  const r = await request(
    agent,
    base,
    'POST',
    '/api/auth/login',
    {},
    JSON.stringify({ username: 'xa.tinhkhe', password }),
  );
  if (r.status !== 200) throw new Error(`login: ${r.status}`);
  return { cookie: String(r.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': JSON.parse(r.body).csrfToken };
}

/** N filed applications of synthetic children (dossier + application rows), in batches of 5,000. */
async function seed(db: pg.Pool, round: { roundId: string; communeId: string; wishes: string[] }, n: number) {
  const { rows } = await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [SECRET_SETTING]);
  const secret = Buffer.from(String(rows[0]!.value).replace(/^"|"$/g, ''), 'base64url');
  const codes: string[] = [];
  const personalIds: string[] = [];
  for (let from = 0; from < n; from += 5000) {
    const ids: string[] = [];
    const keys: string[] = [];
    const batchCodes: string[] = [];
    const phones: string[] = [];
    for (let i = from; i < Math.min(n, from + 5000); i++) {
      const c = child(i);
      ids.push(randomUUID());
      keys.push(keyedHash(secret, 'personal-id', c.personalId));
      batchCodes.push(`TS1-BENCH-${String(i).padStart(7, '0')}`);
      phones.push(`+8491${String(i).padStart(7, '0')}`);
      personalIds.push(c.personalId);
    }
    codes.push(...batchCodes);
    await db.query(
      `INSERT INTO dossiers (id, code, procedure_code, unit_id, applicant_key, contact_phone, state, received_at, unique_key)
       SELECT id, code, 'TS_LOP1', $5::uuid, k, p, 'approved', now(), $6 || ':' || k
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS u(id, code, k, p)`,
      [ids, batchCodes, keys, phones, round.wishes[0], round.roundId],
    );
    await db.query(
      `INSERT INTO admission_applications (dossier_id, round_id, dossier_code, applicant_key, child_name, date_of_birth,
         gender, residence_commune_id, residence_village, residence_status, registry_match, wishes, contact_channel, contact_address)
       SELECT id, $5, code, k, 'Trẻ Mô Phỏng', '2021-05-20', 'male', $6, NULL, 'unregistered', false, $7::uuid[], 'sms', p
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS u(id, code, k, p)`,
      [ids, batchCodes, keys, phones, round.roundId, round.communeId, round.wishes],
    );
  }
  return { codes, personalIds };
}
