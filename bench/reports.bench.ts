import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createRandom } from '../src/server/demo/data/prng.ts';
import { aggregate, completeness } from '../src/server/modules/reports/reports.read-model.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { createLogger } from '../src/server/platform/logger.ts';
import { openRuntime } from '../src/server/runtime.ts';
import { fillReportScale } from './support/report-scale.ts';

/**
 * Periodic reports at scale (issue 6, "Speed"): 1,500 reporting units × 200 numeric fields ×
 * 4 quarterly periods (1.2 M values in report_values) plus 5 small forms sharing the last period,
 * in a fresh embedded PostgreSQL with the demo organisation tree (synthetic schools added under
 * the communes' Culture–Society divisions up to 1,500). Then, through the read model the
 * dashboards use: a field's aggregate for the province and for one commune with byChild, and the
 * completeness of all forms of a period (province and commune). p50/p95 over RUNS random fields.
 * Last line: one JSON object.
 */
const UNITS = Number(process.env.REPORTS_BENCH_UNITS ?? 1500);
const FIELDS = Number(process.env.REPORTS_BENCH_FIELDS ?? 200);
const RUNS = Number(process.env.REPORTS_BENCH_RUNS ?? 40);
const PERIODS = ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'];

const keepDir = process.env.REPORTS_BENCH_DATA_DIR;
if (keepDir) fs.mkdirSync(keepDir, { recursive: true });
const dataDir = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gds-bench-reports-'));
const config = loadConfig({
  ...process.env,
  // The organisation tree and users only: the modules' own demo data is not needed here.
  NODE_ENV: 'test',
  DEMO_DATA: 'on',
  DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: process.env.BENCH_PG_PORT ?? '55996',
  LOG_LEVEL: 'silent',
  DATABASE_URL: '',
});
const runtime = await openRuntime(config, createLogger('silent'));
const { db } = runtime.platform;
const rand = createRandom(20_261_124);
const ms = (t: number) => Math.round((performance.now() - t) * 10) / 10;

const loaded = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM report_values`.execute(db)).rows[0]!.n) > 0;
const t = performance.now();
if (!loaded) {
  await fillReportScale(runtime.platform, { units: UNITS, fields: FIELDS, periods: PERIODS });
  await sql`VACUUM ANALYZE report_values`.execute(db);
  await sql`VACUUM ANALYZE report_submissions`.execute(db);
  await sql`VACUUM ANALYZE org_unit_closure`.execute(db);
}
const loadMs = ms(t);
const counts = (
  await sql<{ units: string; values: string; submissions: string }>`SELECT
    (SELECT count(DISTINCT unit_id) FROM report_submissions) AS units,
    (SELECT count(*) FROM report_values) AS values,
    (SELECT count(*) FROM report_submissions) AS submissions`.execute(db)
).rows[0]!;
console.log(
  `loaded ${counts.units} units, ${counts.submissions} submissions, ${counts.values} values in ${loadMs} ms${loaded ? ' (kept)' : ''}`,
);

// A commune with many reporting schools.
const commune = (
  await sql<{ id: string; n: string }>`
    SELECT c.ancestor_id AS id, count(*) AS n FROM report_submissions s
    JOIN org_unit_closure c ON c.descendant_id = s.unit_id JOIN org_units u ON u.id = c.ancestor_id AND u.type_code = 'commune'
    WHERE s.period_key = '2026-Q2' GROUP BY 1 ORDER BY 2 DESC LIMIT 1`.execute(db)
).rows[0]!;
const fieldCode = () => `f${String(1 + Math.floor(rand() * FIELDS)).padStart(3, '0')}`;
const periodKey = () => PERIODS[Math.floor(rand() * PERIODS.length)]!;

const cases: [string, () => Promise<unknown>][] = [
  [
    'aggregate province',
    () => aggregate(db, { formCode: 'BENCH-BIG', fieldCode: fieldCode(), periodKey: periodKey(), rootUnitId: null }),
  ],
  [
    'aggregate province approved',
    () =>
      aggregate(db, {
        formCode: 'BENCH-BIG',
        fieldCode: fieldCode(),
        periodKey: periodKey(),
        rootUnitId: null,
        approvedOnly: true,
      }),
  ],
  [
    'aggregate commune',
    () =>
      aggregate(db, { formCode: 'BENCH-BIG', fieldCode: fieldCode(), periodKey: periodKey(), rootUnitId: commune.id }),
  ],
  ['completeness period province', () => completeness(db, { periodKey: '2026-Q2', rootUnitId: null })],
  ['completeness period commune', () => completeness(db, { periodKey: '2026-Q2', rootUnitId: commune.id })],
];
const figures: Record<string, { p50: number; p95: number }> = {};
for (const [name, run] of cases) {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
  figures[name] = { p50: at(0.5), p95: at(0.95) };
  console.log(`${name.padEnd(32)} p50 ${figures[name].p50} ms, p95 ${figures[name].p95} ms`);
}
const sample = await aggregate(db, {
  formCode: 'BENCH-BIG',
  fieldCode: 'f001',
  periodKey: '2026-Q2',
  rootUnitId: null,
});
const comp = await completeness(db, { periodKey: '2026-Q2', rootUnitId: null });
console.log(
  `province f001 2026-Q2: ${sample.value} over ${sample.count} units, ${sample.byChild.length} children; ` +
    `completeness 2026-Q2: ${comp.submitted}/${comp.expected} (${comp.byChild.length} children)`,
);

await runtime.close();
if (!keepDir) fs.rmSync(dataDir, { recursive: true, force: true });
const p95Max = Math.max(...Object.values(figures).map((f) => f.p95));
console.log(
  JSON.stringify({
    units: Number(counts.units),
    fields: FIELDS,
    periods: PERIODS.length,
    values: Number(counts.values),
    submissions: Number(counts.submissions),
    loadMs,
    figures,
    targetP95Ms: 100,
    withinTarget: p95Max < 100,
  }),
);
