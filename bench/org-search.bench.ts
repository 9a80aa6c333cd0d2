import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { createLogger } from '../src/server/platform/logger.ts';
import { openRuntime } from '../src/server/runtime.ts';

/**
 * First start on an empty data directory (initdb, migrations, demo province), then the
 * school-directory search (diacritic-insensitive, trigram index) over the demo's schools,
 * through the HTTP stack (Fastify inject), sequentially, with typical queries.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gds-bench-'));
const config = loadConfig({
  ...process.env,
  DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: '55991',
  LOG_LEVEL: 'silent',
  DATABASE_URL: '',
});
const log = createLogger('silent');
const t0 = performance.now();
const runtime = await openRuntime(config, log);
const firstStartMs = Math.round(performance.now() - t0);
const { app } = await buildApp(runtime.platform, { logger: log, web: false });
await app.ready();

const queries = [
  'truong thpt tran quoc tuan',
  'dak ha',
  'tieu hoc',
  'mam non son',
  'thcs nghia',
  'kon tum',
  'd',
  'ly son',
  '',
];
const times: number[] = [];
for (let i = 0; i < 50; i++) for (const q of queries) await app.inject(`/api/org/schools?q=${encodeURIComponent(q)}`); // warm-up
for (let i = 0; i < 300; i++) {
  for (const q of queries) {
    const s = performance.now();
    const res = await app.inject(`/api/org/schools?q=${encodeURIComponent(q)}&pageSize=20`);
    times.push(performance.now() - s);
    if (res.statusCode !== 200) throw new Error(`search failed: ${res.statusCode}`);
  }
}
times.sort((a, b) => a - b);
const pct = (p: number) =>
  Math.round(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]! * 100) / 100;
const schools = (await app.inject('/api/org/schools?pageSize=1')).json().total as number;
await app.close();
await runtime.close();
fs.rmSync(dataDir, { recursive: true, force: true });
console.log(
  `first start (initdb + migrations + demo): ${firstStartMs} ms; ${times.length} searches over ${schools} schools`,
);
console.log(
  JSON.stringify({
    first_start_ms: firstStartMs,
    schools,
    searches: times.length,
    p50_ms: pct(50),
    p95_ms: pct(95),
    p99_ms: pct(99),
  }),
);
