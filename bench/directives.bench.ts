import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { dayInVietnam } from '../src/server/modules/directives/directive-rules.ts';
import { directiveResponses } from '../src/server/modules/directives/directives.read-model.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { createLogger } from '../src/server/platform/logger.ts';
import { openRuntime } from '../src/server/runtime.ts';

/**
 * Directives at scale: DIRECTIVES issued directives (default 300, a busy year of the Sở) each
 * addressed to every school of the demo province (~450), with 70 % read and 50 % answered at
 * random days — about 135,000 recipient rows. Measured (p95 over RUNS): the read model of the
 * dashboards for the province and for one commune, a school's inbox, the Sở's sent list with
 * counts, the late filter of one directive's per-unit table (the last three through HTTP).
 * Last line: one JSON object.
 */
const DIRECTIVES = Number(process.env.DIRECTIVES_BENCH_COUNT ?? 300);
const RUNS = Number(process.env.DIRECTIVES_BENCH_RUNS ?? 40);
const PASSWORD = 'GiaoDucSo@2026';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gds-bench-directives-'));
const config = loadConfig({
  ...process.env,
  // The organisation tree and users only: the modules' own demo data is not needed here.
  NODE_ENV: 'test',
  DEMO_DATA: 'on',
  DEMO_PASSWORD: PASSWORD,
  DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: process.env.BENCH_PG_PORT ?? '55997',
  LOG_LEVEL: 'silent',
  DATABASE_URL: '',
});
const log = createLogger('silent');
const runtime = await openRuntime(config, log);
const { db } = runtime.platform;
const { app } = await buildApp(runtime.platform, { logger: log, web: false });
await app.ready();

const t0 = performance.now();
const so = (await db.selectFrom('org_units').select('id').where('code', '=', 'QNG.SGD').executeTakeFirstOrThrow()).id;
await sql`INSERT INTO directives (issuer_unit_id, issuer_unit_name, number, doc_date, title, response_kind, deadline,
    selection, state, issued_at)
  SELECT ${so}::uuid, 'Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi', i || '/SGDĐT-VP', current_date - (i % 60),
    'Văn bản thử nghiệm số ' || i || ' (tổng hợp)', 'text', current_date - (i % 60) + 10,
    '{"by":"type","unitTypes":["school"]}', 'issued', now() - make_interval(days => i % 60)
  FROM generate_series(1, ${DIRECTIVES}) i`.execute(db);
await sql`INSERT INTO directive_recipients (directive_id, unit_id, unit_name, response_kind, deadline,
    first_read_at, first_answered_at)
  SELECT d.id, u.id, u.name, d.response_kind, d.deadline,
    CASE WHEN random() < 0.7 THEN d.issued_at + interval '1 day' END,
    CASE WHEN random() < 0.5 THEN d.issued_at + make_interval(days => (random() * 15)::int) END
  FROM directives d CROSS JOIN org_units u
  WHERE u.type_code = 'school' AND (u.valid_to IS NULL OR u.valid_to >= current_date)`.execute(db);
await sql`UPDATE directive_recipients SET first_read_at = coalesce(first_read_at, first_answered_at),
  answered_at = first_answered_at, response_version = CASE WHEN first_answered_at IS NULL THEN 0 ELSE 1 END,
  complied_on = (first_answered_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`.execute(db);
await sql`ANALYZE directive_recipients`.execute(db);
const loadMs = Math.round(performance.now() - t0);
const rows = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM directive_recipients`.execute(db)).rows[0]!.n);

async function cookieOf(username: string): Promise<string> {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode}`);
  return String(r.headers['set-cookie']).split(';')[0]!;
}
const issuer = await cookieOf('so.gdtrh');
const school = await cookieOf('ht.tranquoctuan');
const get = async (url: string, cookie: string) => {
  const r = await app.inject({ url, headers: { cookie } });
  if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode}`);
};

async function p95(f: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await f();
  const t: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await f();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  const at = (p: number) => Math.round(t[Math.min(t.length - 1, Math.floor(p * t.length))]! * 10) / 10;
  return { p50: at(0.5), p95: at(0.95) };
}

const today = dayInVietnam();
const commune = (await db.selectFrom('org_units').select('id').where('code', '=', 'QNG.X001').executeTakeFirstOrThrow())
  .id;
const first = (await sql<{ id: string }>`SELECT id FROM directives ORDER BY issued_at DESC LIMIT 1`.execute(db))
  .rows[0]!.id;
const figures = {
  directives: DIRECTIVES,
  recipientRows: rows,
  loadMs,
  readModelProvinceMs: await p95(() => directiveResponses(db, { rootUnitId: null, today })),
  readModelCommuneMs: await p95(() => directiveResponses(db, { rootUnitId: commune, today })),
  schoolInboxMs: await p95(() => get('/api/directives/inbox', school)),
  sentListMs: await p95(() => get('/api/directives/sent', issuer)),
  lateFilterMs: await p95(() => get(`/api/directives/${first}/recipients?filter=late`, issuer)),
};
await app.close();
await runtime.close();
fs.rmSync(dataDir, { recursive: true, force: true });
console.log(
  `${DIRECTIVES} directives × every school = ${rows} recipient rows; read model p95 ${figures.readModelProvinceMs.p95} ms (province)`,
);
console.log(JSON.stringify(figures));
