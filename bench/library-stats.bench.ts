import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createRandom } from '../src/server/demo/data/prng.ts';
import { libraryServices } from '../src/server/modules/library/library.module.ts';
import { LibraryStatsService } from '../src/server/modules/library/library-stats.service.ts';
import { recordUsage } from '../src/server/modules/library/resources.repository.ts';
import { systemActor, type UserActor } from '../src/server/platform/actor.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { createLogger } from '../src/server/platform/logger.ts';
import { openRuntime } from '../src/server/runtime.ts';
import { OverviewQuery } from '../src/shared/library-reports.schema.ts';

/**
 * Library statistics at scale (issue 4 item 5): 1,000,000 usage events (a year, skewed towards
 * popular resources and busy schools, 10 % by readers of no school; see MODEL) over 20,000 published
 * resources, loaded into a fresh embedded PostgreSQL through library_usage_events (its trigger
 * keeps library_usage_per_day). Then the Sở's report (the province, a month, a subject, a level,
 * one commune) and one resource's figures through the service, and the report's main query on
 * the raw events for comparison; and the cost of the trigger on single recorded events.
 * Last line: one JSON object.
 */
const EVENTS = Number(process.env.LIBRARY_STATS_BENCH_EVENTS ?? 1_000_000);
const RESOURCES = Number(process.env.LIBRARY_STATS_BENCH_RESOURCES ?? 20_000);
const RUNS = Number(process.env.LIBRARY_STATS_BENCH_RUNS ?? 15);
const BATCH = 100_000;

// LIBRARY_STATS_BENCH_DATA_DIR keeps the loaded database between runs (for working on the queries).
const keepDir = process.env.LIBRARY_STATS_BENCH_DATA_DIR;
if (keepDir) fs.mkdirSync(keepDir, { recursive: true });
const dataDir = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gds-bench-stats-'));
const config = loadConfig({
  ...process.env,
  DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: process.env.BENCH_PG_PORT ?? '55997',
  LOG_LEVEL: 'silent',
  DATABASE_URL: '',
});
const runtime = await openRuntime(config, createLogger('silent'));
const { db } = runtime.platform;
const rand = createRandom(20_251_124);
/** Skewed towards the start of the list (a few popular items, a long tail). */
const skewed = <T>(xs: readonly T[], power = 3): T => xs[Math.floor(rand() ** power * xs.length)]!;
const ms = (t: number) => Math.round((performance.now() - t) * 10) / 10;

const schools = (
  await db
    .selectFrom('org_units')
    .select('id')
    .where('type_code', '=', 'school')
    .where('valid_to', 'is', null)
    .execute()
).map((s) => s.id);
const teacher = await db
  .selectFrom('users')
  .select('id')
  .where('username', '=', 'gv.tranquoctuan')
  .executeTakeFirstOrThrow();
const subjectLevels = await db
  .selectFrom('library_subject_levels')
  .select(['subject_code', 'level', 'grades'])
  .execute();

// ── Load ──────────────────────────────────────────────────────────────────────────────────
// The search tables' triggers (0017 and after) are off while the synthetic resources are loaded:
// this measures statistics, which never read them.
const loaded =
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM library_usage_events`.execute(db)).rows[0]!.n) >= EVENTS;
await sql`ALTER TABLE library_resources DISABLE TRIGGER USER`.execute(db);
let t = performance.now();
for (let done = loaded ? RESOURCES : 0; done < RESOURCES; done += 10_000) {
  const n = Math.min(10_000, RESOURCES - done);
  const cols = { level: [] as string[], subject: [] as string[], grade: [] as number[], school: [] as string[] };
  for (let i = 0; i < n; i++) {
    const sl = subjectLevels[Math.floor(rand() * subjectLevels.length)]!;
    cols.level.push(sl.level);
    cols.subject.push(sl.subject_code);
    cols.grade.push(sl.grades[0]!);
    cols.school.push(skewed(schools, 2));
  }
  await sql`
    WITH ins AS (
      INSERT INTO library_resources (kind, title, levels, grades, subjects, school_id, licence_code, visibility,
        status, published_at, created_at, created_by)
      SELECT 'link', 'Học liệu ' || s.subject || ' ' || s.n, ARRAY[s.level], ARRAY[s.grade], ARRAY[s.subject], s.school,
        'cc_by', 'public', 'published', now() - (random() * 365 || ' days')::interval,
        now() - (random() * 400 || ' days')::interval, ${teacher.id}
      FROM unnest(${cols.level}::text[], ${cols.subject}::text[], ${cols.grade}::int[], ${cols.school}::uuid[])
        WITH ORDINALITY AS s(level, subject, grade, school, n)
      RETURNING id
    )
    INSERT INTO library_resource_versions (resource_id, number, url, created_by)
    SELECT id, 1, 'https://example.edu.vn/' || id, ${teacher.id} FROM ins`.execute(db);
}
await sql`UPDATE library_resources r SET current_version_id = v.id, published_version_id = v.id
  FROM library_resource_versions v WHERE v.resource_id = r.id AND r.published_version_id IS NULL`.execute(db);
await sql`ALTER TABLE library_resources ENABLE TRIGGER USER`.execute(db);
const resources = (await db.selectFrom('library_resources').select('id').execute()).map((r) => r.id);
const resourcesMs = ms(t);

t = performance.now();
const yearMs = 365 * 86_400_000;
const start = Date.now() - yearMs;
/**
 * How readers are modelled: `sessions` (default) — a reader opens a resource and, as the library
 * counts them, that is a view, sometimes a second view (opened again) or a download the same
 * minute; `uniform` — every event independent (the worst case for daily counts: hardly two
 * events share a day, resource and school).
 */
const MODEL = process.env.LIBRARY_STATS_BENCH_MODEL === 'uniform' ? 'uniform' : 'sessions';
for (let done = loaded ? EVENTS : 0; done < EVENTS; ) {
  const cols = { resource: [] as string[], kind: [] as string[], at: [] as string[], school: [] as (string | null)[] };
  while (cols.resource.length < BATCH && done + cols.resource.length < EVENTS) {
    const resource = skewed(resources);
    const at = start + Math.floor(rand() * yearMs);
    const school = rand() < 0.1 ? null : skewed(schools, 2);
    const push = (kind: string, later: number) => {
      cols.resource.push(resource);
      cols.kind.push(kind);
      cols.at.push(new Date(at + later).toISOString());
      cols.school.push(school);
    };
    if (MODEL === 'uniform') {
      push(rand() < 0.8 ? 'view' : 'download', 0);
      continue;
    }
    push('view', 0);
    if (rand() < 0.5) push('view', 60_000);
    if (rand() < 0.4) push('download', 120_000);
  }
  done += cols.resource.length;
  await sql`INSERT INTO library_usage_events (resource_id, kind, at, school_id)
    SELECT * FROM unnest(${cols.resource}::uuid[], ${cols.kind}::text[], ${cols.at}::timestamptz[], ${cols.school}::uuid[])`.execute(
    db,
  );
}
const eventsMs = ms(t);
await sql`VACUUM ANALYZE library_usage_events`.execute(db);
await sql`VACUUM ANALYZE library_usage_per_day`.execute(db);
await sql`VACUUM ANALYZE library_resources`.execute(db);
const counts = (
  await sql<{ events: string; days: string }>`SELECT (SELECT count(*) FROM library_usage_events) AS events,
    (SELECT count(*) FROM library_usage_per_day) AS days`.execute(db)
).rows[0]!;
console.log(
  `loaded ${resources.length} resources in ${resourcesMs} ms, ${counts.events} events in ${eventsMs} ms ` +
    `(${Math.round(EVENTS / (eventsMs / 1000))}/s with the trigger) → ${counts.days} rows per day, resource and school`,
);

// ── Single events: the trigger's cost on what a reader's view pays ─────────────────────────
// Rounds alternate with and without the trigger, so that autovacuum after the load or another
// process on the machine weighs on both alike.
const single: Record<'with' | 'without', number[]> = { with: [], without: [] };
for (let round = 0; round < 6; round++) {
  for (const mode of ['with', 'without'] as const) {
    await sql
      .raw(
        `ALTER TABLE library_usage_events ${mode === 'with' ? 'ENABLE' : 'DISABLE'} TRIGGER library_usage_per_day_insert`,
      )
      .execute(db);
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      await db
        .transaction()
        .execute((trx) =>
          recordUsage(trx, { resourceId: skewed(resources), kind: 'view', userId: null, schoolId: skewed(schools, 2) }),
        );
      single[mode].push(performance.now() - t0);
    }
  }
}
await sql`ALTER TABLE library_usage_events ENABLE TRIGGER library_usage_per_day_insert`.execute(db);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const withTrigger = median(single.with);
const withoutTrigger = median(single.without);
console.log(
  `one recorded view (p50): ${withTrigger.toFixed(2)} ms with the daily counts, ${withoutTrigger.toFixed(2)} ms without`,
);

// ── Reports ───────────────────────────────────────────────────────────────────────────────
const stats = new LibraryStatsService(runtime.platform, libraryServices(runtime.platform).reference);
const sys = systemActor('bench');
const commune = await db
  .selectFrom('org_units')
  .select('id')
  .where('code', 'like', 'QNG.X%')
  .where('type_code', '=', 'commune')
  .orderBy('code')
  .executeTakeFirstOrThrow();
const officer: UserActor = {
  kind: 'user',
  userId: teacher.id,
  username: 'bench',
  fullName: 'Bench',
  mustChangePassword: false,
  sessionTokenHash: null,
  grants: [{ id: 'bench', role: 'commune_education_officer', unitId: commune.id, permissions: ['library.report'] }],
  requestId: null,
  ip: null,
  locale: 'vi',
};
const day = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 10);
const popular = resources[0]!;
const cases: [string, () => Promise<unknown>][] = [
  ['province, a year', () => stats.overview(sys, OverviewQuery.parse({}))],
  ['province, a month', () => stats.overview(sys, OverviewQuery.parse({ from: day(30), to: day(0) }))],
  ['province, a subject', () => stats.overview(sys, OverviewQuery.parse({ subject: 'toan' }))],
  ['province, a level', () => stats.overview(sys, OverviewQuery.parse({ level: 'thcs' }))],
  ['one commune', () => stats.overview(officer, OverviewQuery.parse({}))],
  ['the most used resource', () => stats.resource(sys, popular, {})],
  [
    'report query on raw events',
    () =>
      sql`SELECT school_id, count(*) FILTER (WHERE kind = 'view'), count(*) FILTER (WHERE kind = 'download')
        FROM library_usage_events GROUP BY 1`.execute(db),
  ],
  [
    'report query on daily counts',
    () => sql`SELECT school_id, sum(views), sum(downloads) FROM library_usage_per_day GROUP BY 1`.execute(db),
  ],
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
  console.log(`${name.padEnd(30)} p50 ${figures[name].p50} ms, p95 ${figures[name].p95} ms`);
}

await runtime.close();
if (!keepDir) fs.rmSync(dataDir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    model: MODEL,
    events: Number(counts.events),
    perDayRows: Number(counts.days),
    resources: resources.length,
    loadEventsPerSecond: Math.round(EVENTS / (eventsMs / 1000)),
    recordViewMs: { withDailyCounts: Number(withTrigger.toFixed(2)), without: Number(withoutTrigger.toFixed(2)) },
    reports: figures,
  }),
);
