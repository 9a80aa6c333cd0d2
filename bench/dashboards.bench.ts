import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { createLogger } from '../src/server/platform/logger.ts';
import { openRuntime } from '../src/server/runtime.ts';

/**
 * The operations overview (/api/dashboards/overview) on the full demo, as `npm start` loads it
 * (admissions, reports, DX index, plans, directives, KPIs): every figure of a unit in one call,
 * through the HTTP stack (Fastify inject, signed in), sequentially. Measures the province (the
 * Sở's leader), a commune, a school and the public variant; the first call of each is cold (the
 * KPI cache empty), then 100 warm calls each.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gds-bench-'));
const config = loadConfig({
  ...process.env,
  DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: '55993',
  LOG_LEVEL: 'silent',
  DATABASE_URL: '',
});
const log = createLogger('silent');
const t0 = performance.now();
const runtime = await openRuntime(config, log);
const firstStartMs = Math.round(performance.now() - t0);
const { app } = await buildApp(runtime.platform, { logger: log, web: false });
await app.ready();

const password = config.DEMO_PASSWORD;
async function signIn(username: string): Promise<string> {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
  return String(r.headers['set-cookie']).split(';')[0]!;
}

const cases: { name: string; cookie: string | null; url: string }[] = [
  { name: 'province', cookie: await signIn('so.lanhdao'), url: '/api/dashboards/overview' },
  { name: 'commune', cookie: await signIn('xa.tinhkhe'), url: '/api/dashboards/overview' },
  { name: 'school', cookie: await signIn('ht.thso1tinhkhe'), url: '/api/dashboards/overview' },
  { name: 'public', cookie: null, url: '/api/dashboards/public' },
];
const result: Record<string, number> = { firstStartMs };
for (const c of cases) {
  const call = async () => {
    const s = performance.now();
    const r = await app.inject({ url: c.url, headers: c.cookie ? { cookie: c.cookie } : {} });
    if (r.statusCode !== 200) throw new Error(`${c.name}: ${r.statusCode} ${r.body}`);
    return performance.now() - s;
  };
  result[`${c.name}ColdMs`] = Math.round((await call()) * 10) / 10;
  const times: number[] = [];
  for (let i = 0; i < 100; i++) times.push(await call());
  times.sort((a, b) => a - b);
  result[`${c.name}P50Ms`] = Math.round(times[49]! * 10) / 10;
  result[`${c.name}P95Ms`] = Math.round(times[94]! * 10) / 10;
  const last = (await app.inject({ url: c.url, headers: c.cookie ? { cookie: c.cookie } : {} })).json();
  console.log(`${c.name}: sections (one warm call) ${JSON.stringify(last.sectionsMs)}`);
}
await app.close();
await runtime.close();
fs.rmSync(dataDir, { recursive: true, force: true });
console.log(
  `dashboards overview on the full demo: ${cases.map((c) => `${c.name} cold ${result[`${c.name}ColdMs`]} ms, p50 ${result[`${c.name}P50Ms`]} ms, p95 ${result[`${c.name}P95Ms`]} ms`).join('; ')}`,
);
console.log(JSON.stringify({ bench: 'dashboards', ...result }));
