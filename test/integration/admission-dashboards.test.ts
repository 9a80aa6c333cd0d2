import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoAdmissions } from '../../src/server/demo/admissions/load-demo-admissions.ts';
import { ApplicationQueueService } from '../../src/server/modules/admissions/applications/application-queue.service.ts';
import { dossierEngine } from '../../src/server/modules/dossiers/dossier-engine.ts';
import { systemActor } from '../../src/server/platform/actor.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Admission dashboards on the demo admissions (grade-1 rounds open now, a published grade-6 round,
 * the Sở's grade-10 round): who sees which figures, and the public demand per school.
 */
let ctx: TestContext;
let so: Client;
let tinhKhe: Client;
let dakHa: Client;
let principal: Client;
const round = { tinhKhe: '', kontum6: '', grade10: '' };
let loadMs = 0;

const roundId = async (code: string) =>
  (await ctx.platform.db.selectFrom('admission_rounds').select('id').where('code', '=', code).executeTakeFirstOrThrow())
    .id;

beforeAll(async () => {
  ctx = await createTestContext();
  const t0 = performance.now();
  const summary = await loadDemoAdmissions(ctx.platform);
  loadMs = performance.now() - t0;
  expect(summary.rounds).toBe(7);
  so = await login(ctx, 'so.tuyensinh');
  tinhKhe = await login(ctx, 'xa.tinhkhe');
  dakHa = await login(ctx, 'xa.dakha');
  principal = await login(ctx, 'ht.thso1tinhkhe');
  round.tinhKhe = await roundId('DEMO-TS1-TINHKHE');
  round.kontum6 = await roundId('DEMO-TS6-KONTUM');
  round.grade10 = await roundId('DEMO-TS10-QUANGNGAI');
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

describe('demo admissions', () => {
  it('loads only once', async () => {
    console.info(`demo admissions load: ${Math.round(loadMs)} ms`);
    expect((await loadDemoAdmissions(ctx.platform)).rounds).toBe(0);
  });

  it('never gives one child two active applications in a round', async () => {
    const dup = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (
        SELECT a.round_id, a.applicant_key FROM admission_applications a JOIN dossiers d ON d.id = a.dossier_id
         WHERE d.state NOT IN ('withdrawn', 'rejected') GROUP BY 1, 2 HAVING count(*) > 1) x`.execute(ctx.platform.db);
    expect(dup.rows[0]!.n).toBe(0);
  });

  it('reads back through the engine: the queue and the public timeline', async () => {
    const queue = await new ApplicationQueueService(ctx.platform).list(systemActor('test'), round.tinhKhe, {
      page: 1,
      pageSize: 200,
    });
    const count = await ctx.platform.db
      .selectFrom('admission_applications')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('round_id', '=', round.tinhKhe)
      .executeTakeFirstOrThrow();
    expect(queue.total).toBe(count.n);
    expect(queue.total).toBeGreaterThan(10);
    const states = new Set(queue.items.map((i) => i.state));
    for (const s of ['submitted', 'approved', 'withdrawn']) expect(states).toContain(s);
    expect(states.size).toBeGreaterThanOrEqual(4);
    const reviewed = queue.items.find((i) => i.state === 'approved')!;
    const row = await ctx.platform.db
      .selectFrom('dossiers')
      .select('applicant_key')
      .where('id', '=', reviewed.dossierId)
      .executeTakeFirstOrThrow();
    const timeline = await dossierEngine(ctx.platform).applicants.getPublicTimeline(
      reviewed.dossierId,
      row.applicant_key,
    );
    expect(timeline.state).toBe('approved');
  });
});

describe('GET /api/admissions/dashboard', () => {
  it('needs a sign-in', async () => {
    expect((await ctx.app.inject('/api/admissions/dashboard')).statusCode).toBe(401);
  });

  it('shows the Sở and the commune the whole round, a principal only their school', async () => {
    const url = `/api/admissions/dashboard?roundId=${round.tinhKhe}`;
    const [a, b, c] = await Promise.all([so.get(url), tinhKhe.get(url), principal.get(url)]);
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
    expect(a.body.coverage).toBe('round');
    expect(b.body.total).toEqual(a.body.total);
    expect(b.body.schools).toHaveLength(2);
    expect(c.body.coverage).toBe('schools');
    expect(c.body.schools.map((s: { name: string }) => s.name)).toEqual(['Trường Tiểu học số 1 Tịnh Khê']);
    const own = b.body.schools.find((s: { name: string }) => s.name === 'Trường Tiểu học số 1 Tịnh Khê');
    expect(c.body.schools[0]).toEqual(own);
    const byStatus = (body: { byStatus: { count: number }[] }) => body.byStatus.reduce((n, s) => n + s.count, 0);
    expect(byStatus(c.body)).toBeLessThan(byStatus(b.body));
    expect(byStatus(b.body)).toBe(b.body.total.applications);
    // Over-subscribed on purpose: two first wishes more than seats.
    expect(own.firstWish).toBe(own.seats + 2);
    expect(own.demandRatio).toBeGreaterThan(1);
    expect(a.body.perDay.length).toBeGreaterThan(3);
    expect(JSON.stringify(a.body)).not.toMatch(/child|personal|phuhuynh/i);
  });

  it('hides another commune’s round and narrows by unit', async () => {
    expect((await dakHa.get(`/api/admissions/dashboard?roundId=${round.tinhKhe}`)).status).toBe(404);
    const g10 = (await so.get(`/api/admissions/dashboard?roundId=${round.grade10}`)).body;
    expect(g10.schools.find((s: { specialised: boolean }) => s.specialised)).toBeDefined();
    expect(g10.communes.length).toBeGreaterThan(3);
    const commune = g10.communes[0];
    const narrowed = (await so.get(`/api/admissions/dashboard?roundId=${round.grade10}&unitId=${commune.communeId}`))
      .body;
    expect(narrowed.total.seats).toBe(commune.seats);
    expect(narrowed.total.firstWish).toBe(commune.firstWish);
  });

  it('reports admitted and fill rate once the final run exists', async () => {
    const g6 = (await so.get(`/api/admissions/dashboard?roundId=${round.kontum6}`)).body;
    expect(g6.round.status).toBe('published');
    expect(g6.total.admitted).toBeGreaterThan(0);
    expect(g6.total.admitted).toBeLessThanOrEqual(g6.total.seats);
    expect(g6.schools[0].fillRate).not.toBeNull();
    const g1 = (await so.get(`/api/admissions/dashboard?roundId=${round.tinhKhe}`)).body;
    expect(g1.total.admitted).toBeNull();
  });
});

describe('published demand', () => {
  const pub = (id: string) => ctx.app.inject(`/api/public/admissions/rounds/${id}/demand`);
  const switchUrl = (id: string) => `/api/admissions/rounds/${id}/demand-publication`;

  it('is not found until staff publish it', async () => {
    expect((await pub(round.tinhKhe)).statusCode).toBe(404);
    expect((await pub('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('may be switched only with admissions.manage on the running unit, while open', async () => {
    expect((await principal.put(switchUrl(round.tinhKhe), { published: true })).status).toBe(403);
    expect((await dakHa.put(switchUrl(round.tinhKhe), { published: true })).status).toBe(403);
    expect((await so.put(switchUrl(round.grade10), { published: true })).status).toBe(400);
    expect((await tinhKhe.put(switchUrl(round.tinhKhe), { published: 'yes' })).status).toBe(400);
    const on = await tinhKhe.put(switchUrl(round.tinhKhe), { published: true });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ roundId: round.tinhKhe, published: true });
  });

  it('shows seats and first wishes per school, cacheable, without personal data', async () => {
    const res = await pub(round.tinhKhe);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const body = res.json();
    const staff = (await tinhKhe.get(`/api/admissions/dashboard?roundId=${round.tinhKhe}`)).body;
    expect(body.total).toEqual({ seats: staff.total.seats, firstWish: staff.total.firstWish });
    expect(staff.demand).toEqual({ published: true, canPublish: true });
    expect(res.body).not.toMatch(/phuhuynh|example\.invalid|applicant|dossier/i);
  });

  it('audits the switch and can be withdrawn', async () => {
    expect((await tinhKhe.put(switchUrl(round.tinhKhe), { published: false })).status).toBe(200);
    expect((await pub(round.tinhKhe)).statusCode).toBe(404);
    const audit = (await tinhKhe.get(`/api/audit?entityType=admission_round&entityId=${round.tinhKhe}&pageSize=50`))
      .body.items;
    const actions = audit.map((e: { action: string }) => e.action);
    expect(actions).toContain('admissions.demand.publish');
    expect(actions).toContain('admissions.demand.unpublish');
  });
});

describe('GET /api/admissions/dashboard/overview', () => {
  const url = (q = '') => `/api/admissions/dashboard/overview${q}`;
  const codes = (body: { rows: { round: { code: string } }[] }) => body.rows.map((r) => r.round.code).sort();
  type Figures = {
    schools: number;
    seats: number;
    applications: number;
    firstWish: number;
    overdue: number;
    admitted: number | null;
    byStatus: Record<string, number>;
  };

  it('needs a sign-in', async () => {
    expect((await ctx.app.inject(url('?schoolYear=2027-2028&level=1'))).statusCode).toBe(401);
  });

  it('shows the Sở every commune’s round, most over-subscribed first', async () => {
    const res = await so.get(url('?schoolYear=2027-2028&level=1'));
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({ schoolYear: '2027-2028', level: 1 });
    expect(codes(body)).toEqual([
      'DEMO-TS1-BATO',
      'DEMO-TS1-CAMTHANH',
      'DEMO-TS1-DAKHA',
      'DEMO-TS1-KONTUM',
      'DEMO-TS1-TINHKHE',
    ]);
    expect(body.rows.every((r: { coverage: string }) => r.coverage === 'round')).toBe(true);
    const ratios = body.rows.map((r: { demandRatio: number | null }) => r.demandRatio ?? -1);
    expect(ratios).toEqual([...ratios].sort((a, b) => b - a));
    expect(ratios[0]).toBeGreaterThan(ratios.at(-1));
    expect(JSON.stringify(body)).not.toMatch(/child|personal|phuhuynh/i);
  });

  it('counts each round as its own dashboard does', async () => {
    const row = (await so.get(url('?schoolYear=2027-2028&level=1'))).body.rows.find(
      (r: { round: { id: string } }) => r.round.id === round.tinhKhe,
    );
    const one = (await so.get(`/api/admissions/dashboard?roundId=${round.tinhKhe}`)).body;
    expect(row).toMatchObject({
      seats: one.total.seats,
      firstWish: one.total.firstWish,
      demandRatio: one.total.demandRatio,
      applications: one.total.applications,
      admitted: null,
      fillRate: null,
      schools: one.schools.length,
    });
    for (const s of one.byStatus) expect(row.byStatus[s.state]).toBe(s.count);
    expect(row.round.runningUnit.name).toBe(one.round.runningUnit.name);
  });

  it('gives totals that are the sums of the rows', async () => {
    for (const level of [1, 6, 10]) {
      const body = (await so.get(url(`?schoolYear=2027-2028&level=${level}`))).body;
      const rows: Figures[] = body.rows;
      expect(rows.length).toBeGreaterThan(0);
      const sum = (f: (r: Figures) => number) => rows.reduce((n, r) => n + f(r), 0);
      expect(body.total).toMatchObject({
        rounds: rows.length,
        schools: sum((r) => r.schools),
        seats: sum((r) => r.seats),
        applications: sum((r) => r.applications),
        firstWish: sum((r) => r.firstWish),
        overdue: sum((r) => r.overdue),
      });
      for (const state of Object.keys(body.total.byStatus))
        expect(body.total.byStatus[state]).toBe(sum((r) => r.byStatus[state] ?? 0));
      expect(sum((r) => Object.values(r.byStatus).reduce((n, c) => n + c, 0))).toBe(body.total.applications);
      const allocated = rows.filter((r) => r.admitted !== null);
      expect(body.total.admitted).toBe(allocated.length ? sum((r) => r.admitted ?? 0) : null);
    }
  });

  it('reports admitted and fill rate where the final run exists', async () => {
    const g6 = (await so.get(url('?schoolYear=2027-2028&level=6'))).body;
    expect(codes(g6)).toEqual(['DEMO-TS6-KONTUM']);
    expect(g6.rows[0].admitted).toBeGreaterThan(0);
    expect(g6.rows[0].fillRate).toBeGreaterThan(0);
    expect(g6.total.fillRate).toBe(g6.rows[0].fillRate);
    expect((await so.get(url('?schoolYear=2027-2028&level=1'))).body.total.admitted).toBeNull();
  });

  it('shows a commune only its own rounds', async () => {
    const own = (await tinhKhe.get(url('?schoolYear=2027-2028&level=1'))).body;
    expect(codes(own)).toEqual(['DEMO-TS1-TINHKHE']);
    expect(own.rows[0].coverage).toBe('round');
    expect(own.total.seats).toBe(own.rows[0].seats);
    expect(codes((await dakHa.get(url('?schoolYear=2027-2028&level=1'))).body)).toEqual(['DEMO-TS1-DAKHA']);
    expect((await tinhKhe.get(url('?schoolYear=2027-2028&level=6'))).body.rows).toEqual([]);
  });

  it('shows a principal only the rounds of their school, counting only that school', async () => {
    const body = (await principal.get(url('?schoolYear=2027-2028&level=1'))).body;
    expect(codes(body)).toEqual(['DEMO-TS1-TINHKHE']);
    const one = (await principal.get(`/api/admissions/dashboard?roundId=${round.tinhKhe}`)).body;
    expect(body.rows[0]).toMatchObject({
      coverage: 'schools',
      schools: 1,
      seats: one.total.seats,
      firstWish: one.total.firstWish,
      applications: one.total.applications,
    });
    expect(body.rows[0].firstWish).toBe(body.rows[0].seats + 2);
  });

  it('defaults to grade 1 and the school year with rounds', async () => {
    const body = (await so.get(url())).body;
    expect(body).toMatchObject({ schoolYear: '2027-2028', level: 1 });
    expect(body.rows).toHaveLength(5);
    const empty = (await so.get(url('?schoolYear=2030-2031&level=1'))).body;
    expect(empty.rows).toEqual([]);
    expect(empty.total).toMatchObject({ rounds: 0, seats: 0, demandRatio: null, admitted: null });
  });

  it('refuses a bad query with the bilingual error', async () => {
    for (const q of ['?level=7', '?schoolYear=2027-2029', '?schoolYear=27-28', '?level=one']) {
      const res = await so.get(url(q));
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe('request.invalid');
      expect(res.body.error.messages.vi).not.toBe(res.body.error.messages.en);
      expect(res.body.error.details[0].path).toMatch(/^querystring\.(level|schoolYear)$/);
    }
  });
});
