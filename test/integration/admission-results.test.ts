import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantKeyOf } from '../../src/server/modules/admissions/applications/application-identity.ts';
import { supplementaryEligibility } from '../../src/server/modules/admissions/results/supplementary.service.ts';
import { setOtpSender } from '../../src/server/platform/otp/otp-provider.ts';
import { MemoryOtpSender } from '../../src/server/platform/otp/otp-sender.ts';
import {
  approveAll,
  createOpenRound,
  daysFromNow,
  endRegistration,
  fileApplication,
  findTinhKhePrimaries,
  grade1RoundRegisteringNow,
  type Resident,
  type StaffRound,
  timelineRegisteringNow,
  verifiedContactToken,
  youngestCohortByVillage,
} from '../support/admissions.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Results of a grade-1 round of Xã Tịnh Khê (issue 3, item 5): School 1 has 2 seats for the two
 * children of village A, School 2 one seat for the child of village B; two children of other
 * villages are not admitted; a sixth withdraws before the run. Children are synthetic residents.
 */
const LIMIT = 6;
let ctx: TestContext;
let commune: Client;
const sender = new MemoryOtpSender();
let unit: Awaited<ReturnType<typeof findTinhKhePrimaries>>;
let round: StaffRound;
let roundId = '';
let token = '';
let ipSeq = 0;
/** A fresh client address, so the per-address limit only bites where a test wants it to. */
const nextIp = () => `10.9.${Math.floor(++ipSeq / 200)}.${ipSeq % 200}`;

interface Child extends Resident {
  code?: string;
}
const a: Child[] = [];
const b: Child[] = [];
const outside: Child[] = [];
let year = 0;

const results = () => `/api/admissions/rounds/${roundId}/results`;
const tokenFor = (phone: string) => verifiedContactToken(ctx, sender, phone, nextIp());

async function apply(child: Child, wishes: string[]): Promise<void> {
  const residence = { communeId: unit.tinhKhe, village: child.village };
  child.code = await fileApplication(ctx, { roundId, token, ip: nextIp() }, child, { residence, wishes });
}

function lookup(
  c: { code?: string | undefined; personalId: string; dateOfBirth: string },
  headers: Record<string, string> = {},
  ip = nextIp(),
) {
  const q = new URLSearchParams({ code: c.code ?? 'TS1-0000-000000' });
  return ctx.app.inject({
    method: 'GET',
    url: `/api/public/admissions/results?${q}`,
    headers: { 'x-child-id': c.personalId, 'x-child-dob': c.dateOfBirth, ...headers },
    remoteAddress: ip,
  });
}

function confirm(c: Child, otp = token) {
  return ctx.app.inject({
    method: 'POST',
    url: `/api/public/admissions/applications/${c.code}/confirm`,
    headers: { 'x-otp-token': otp },
    remoteAddress: nextIp(),
    payload: { personalId: c.personalId, dateOfBirth: c.dateOfBirth },
  });
}

const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(ctx.platform.db)).rows[0]!.n;

beforeAll(async () => {
  ctx = await createTestContext({ env: { RATE_RESULT_LOOKUPS_PER_IP_PER_MINUTE: String(LIMIT) } });
  setOtpSender(ctx.platform, sender);
  commune = await login(ctx, 'xa.tinhkhe');
  unit = await findTinhKhePrimaries(ctx);

  const cohort = await youngestCohortByVillage(ctx, unit.tinhKhe);
  year = cohort.year;
  const villages = cohort.villages;
  a.push(...villages[0]![1].slice(0, 2));
  b.push(...villages[1]![1].slice(0, 1));
  outside.push(
    ...villages
      .slice(2)
      .flatMap(([, c]) => c)
      .slice(0, 3),
  );
  expect(outside).toHaveLength(3);

  round = await createOpenRound(commune, {
    round: grade1RoundRegisteringNow({
      code: 'TS1-TINHKHE-KQ',
      name: 'Tuyển sinh lớp 1 Tịnh Khê (kết quả)',
      schoolYear: `${year + 6}-${year + 7}`,
      runningUnitId: unit.tinhKhe,
      timeline: { ...timelineRegisteringNow(), supplementaryFrom: daysFromNow(41), supplementaryTo: daysFromNow(50) },
    }),
    schools: [
      { schoolId: unit.school1, classes: 1, pupilsPerClass: 2 },
      { schoolId: unit.school2, classes: 1, pupilsPerClass: 1 },
    ],
    catchments: [
      { schoolId: unit.school1, communeId: unit.tinhKhe, village: villages[0]![0] },
      { schoolId: unit.school2, communeId: unit.tinhKhe, village: villages[1]![0] },
    ],
  });
  roundId = round.id;

  token = await tokenFor('0905777201');
  for (const c of a) await apply(c, [unit.school1]);
  for (const c of b) await apply(c, [unit.school2]);
  for (const c of outside) await apply(c, [unit.school1, unit.school2]);
  // The third outside child withdraws before the allocation.
  const gone = outside[2]!;
  const w = await ctx.app.inject({
    method: 'POST',
    url: `/api/public/admissions/applications/${gone.code}/withdraw`,
    headers: { 'x-otp-token': token },
    remoteAddress: nextIp(),
    payload: { personalId: gone.personalId, dateOfBirth: gone.dateOfBirth, reason: 'Gia đình chuyển nơi ở' },
  });
  expect(w.statusCode, w.body).toBe(200);

  // Two hours back, so that the review, results and confirmation can follow it into the past later.
  await endRegistration(ctx, roundId, '2 hours');
  expect((await round.setStatus('closed_for_review')).status).toBe(200);
  await approveAll(commune, roundId);
  const seed = await commune.post(`/api/admissions/rounds/${roundId}/lottery-seed`, {
    expectedVersion: round.version,
    seed: 'xo-so-ket-qua-2027',
  });
  expect(seed.status).toBe(200);
  round.version = seed.body.version;
  expect((await round.setStatus('allocating')).status).toBe(200);
  const prepared = await commune.get(`/api/admissions/rounds/${roundId}/allocation`);
  const run = await commune.post(`/api/admissions/rounds/${roundId}/allocation/runs`, {
    kind: 'final',
    expectedInputsHash: prepared.body.inputsSha256,
  });
  expect(run.status, JSON.stringify(run.body)).toBe(201);
});
afterAll(() => ctx.close());

describe('before publication', () => {
  it('tells the family when results are expected, and nobody else anything', async () => {
    const early = await lookup(a[0]!);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('admissions.results_not_published');
    const expected = new Date(Date.parse(daysFromNow(30)) /* the timeline's resultsAt */ + 7 * 3600_000)
      .toISOString()
      .slice(0, 10)
      .split('-')
      .reverse()
      .join('/');
    expect(early.json().error.messages.vi).toContain(expected);
    expect((await lookup({ ...a[0]!, dateOfBirth: '2000-01-01' })).statusCode).toBe(404);
  });

  it('refuses release and the supplementary round', async () => {
    expect((await commune.post(`${results()}/release`)).body.error.code).toBe('admissions.results_not_published');
  });
});

describe('publish', () => {
  it('moves the round to published and snapshots one result per application, in one step', async () => {
    const stale = await commune.post(`${results()}/publish`, { expectedVersion: round.version - 1 });
    expect(stale.status).toBe(409);
    const res = await commune.post(`${results()}/publish`, { expectedVersion: round.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ admitted: 3, notAdmitted: 2, notConsidered: 1, notified: 5 });
    const roundNow = await commune.get(`/api/admissions/rounds/${roundId}`);
    expect(roundNow.body.status).toBe('published');
    round.version = roundNow.body.version;
    expect(await count(sql`SELECT count(*)::int AS n FROM admission_results WHERE round_id = ${roundId}`)).toBe(6);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM notification_outbox WHERE template = 'admissions.result.published'`,
      ),
    ).toBe(5);
    const again = await commune.post(`${results()}/publish`, { expectedVersion: round.version });
    expect(again.status).toBe(409);
  });

  it('audits the publication and the status change', async () => {
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'admissions.results.publish' AND entity_id = ${roundId}`,
      ),
    ).toBe(1);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'admissions.round.status'
        AND entity_id = ${roundId} AND after->>'status' = 'published'`),
    ).toBe(1);
  });

  it('lists the results for the commune, and only its own school for a principal', async () => {
    const all = await commune.get(results());
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(6);
    const principal = await login(ctx, 'ht.thso1tinhkhe');
    const own = await principal.get(results());
    expect(own.status).toBe(200);
    expect(own.body.items.map((r: { school: { id: string } }) => r.school.id)).toEqual([unit.school1, unit.school1]);
  });
});

describe('public lookup', () => {
  it('shows the outcome, the school and the explanation in the request language, with the deadline', async () => {
    const vi = await lookup(a[0]!);
    expect(vi.statusCode, vi.body).toBe(200);
    expect(vi.json()).toMatchObject({
      outcome: 'admitted',
      school: { id: unit.school1 },
      wish: 1,
      confirmation: 'pending',
    });
    expect(vi.json().explanation).toContain('cư trú trong địa bàn tuyển sinh');
    expect(vi.json().confirmToText).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(vi.headers['cache-control']).toBe('private, max-age=60');
    const en = await lookup(a[0]!, { 'accept-language': 'en' });
    expect(en.json().explanation).toContain('lives in the catchment');
    expect(en.headers.etag).not.toBe(vi.headers.etag);
    const no = await lookup(outside[0]!);
    expect(no.json()).toMatchObject({ outcome: 'not_admitted', school: null, confirmation: 'not_applicable' });
    const withdrawn = await lookup(outside[2]!);
    expect(withdrawn.json().outcome).toBe('not_considered');
  });

  it('answers 304 to If-None-Match with the current ETag', async () => {
    const first = await lookup(b[0]!);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await lookup(b[0]!, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await lookup(b[0]!, { 'if-none-match': '"other"' })).statusCode).toBe(200);
  });

  it('gives the same 404 for an unknown code, a wrong ID and a wrong date of birth', async () => {
    const c = a[1]!;
    const wrongId = `${c.personalId.slice(0, 11)}${(Number(c.personalId[11]) + 1) % 10}`;
    const answers = await Promise.all([
      lookup({ ...c, code: 'TS1-2099-999999' }),
      lookup({ ...c, personalId: wrongId }),
      lookup({ ...c, dateOfBirth: '2001-02-03' }),
    ]);
    for (const r of answers) {
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('resource.not_found');
      expect(r.json().error.messages).toEqual(answers[0]!.json().error.messages);
    }
  });

  it('refuses an address after the limit per minute with 429 and Retry-After', async () => {
    const ip = '10.99.0.1';
    for (let i = 0; i < LIMIT; i++) expect((await lookup(a[0]!, {}, ip)).statusCode).toBe(200);
    const over = await lookup(a[0]!, {}, ip);
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.json().error.code).toBe('rate.limited');
    expect(over.json().error.messages.vi).toContain('giây');
    expect(over.json().error.messages.en).toContain('seconds');
    expect((await lookup(a[0]!, {}, '10.99.0.2')).statusCode).toBe(200);
  });
});

describe('confirmation', () => {
  it('confirms an admitted child once; a second confirmation answers the same', async () => {
    const first = await confirm(a[0]!);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ confirmation: 'confirmed', outcome: 'admitted' });
    const second = await confirm(a[0]!);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect((await lookup(a[0]!)).json().confirmation).toBe('confirmed');
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'admissions.result.confirm'`)).toBe(
      1,
    );
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM notification_outbox WHERE template = 'admissions.result.confirmed'`,
      ),
    ).toBe(1);
  });

  it('refuses a child who was not admitted, another contact and a missing code', async () => {
    const no = await confirm(outside[0]!);
    expect(no.statusCode).toBe(409);
    expect(no.json().error.code).toBe('admissions.not_admitted');
    const stranger = await tokenFor('0905777299');
    expect((await confirm(a[1]!, stranger)).statusCode).toBe(404);
    expect((await confirm(a[1]!, '')).statusCode).toBe(401);
  });

  it('lets the school record a confirmation made in person, on its own school only', async () => {
    const list = await commune.get(`${results()}?schoolId=${unit.school2}`);
    const resultId = list.body.items[0].id as string;
    const principal = await login(ctx, 'ht.thso1tinhkhe');
    expect((await principal.post(`/api/admissions/results/${resultId}/confirm`)).status).toBe(403);
    const res = await commune.post(`/api/admissions/results/${resultId}/confirm`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ confirmation: 'confirmed', confirmedChannel: 'in_person' });
  });
});

describe('after the deadline', () => {
  it('refuses release before the confirmation deadline', async () => {
    const early = await commune.post(`${results()}/release`);
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('admissions.confirmation_open');
  });

  it('refuses a late confirmation but still answers an earlier one', async () => {
    await sql`UPDATE admission_rounds SET review_to = now() - interval '50 minutes',
      results_at = now() - interval '40 minutes', confirm_to = now() - interval '30 minutes' WHERE id = ${roundId}`.execute(
      ctx.platform.db,
    );
    const late = await confirm(a[1]!);
    expect(late.statusCode).toBe(422);
    expect(late.json().error.code).toBe('admissions.confirmation_closed');
    expect((await confirm(a[0]!)).statusCode).toBe(200);
  });

  it('releases the unconfirmed seat, tells the family, and a second release adds nothing', async () => {
    const other = await login(ctx, 'xa.dakha');
    expect((await other.post(`${results()}/release`)).status).toBe(403);
    const res = await commune.post(`${results()}/release`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ releasedNow: 1, total: 1, schools: [{ schoolId: unit.school1, released: 1 }] });
    const again = await commune.post(`${results()}/release`);
    expect(again.body).toMatchObject({ releasedNow: 0, total: 1 });
    expect((await lookup(a[1]!)).json().confirmation).toBe('released');
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM notification_outbox WHERE template = 'admissions.result.released'`,
      ),
    ).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'admissions.results.release'`)).toBe(
      2,
    );
  });
});

describe('supplementary round', () => {
  let supplementaryId = '';

  it('creates a draft round with the released seats and the catchments of those schools', async () => {
    const res = await commune.post(`/api/admissions/rounds/${roundId}/supplementary`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      code: 'TS1-TINHKHE-KQ-BS',
      parentRoundId: roundId,
      status: 'draft',
      seats: [{ schoolId: unit.school1, released: 1, seats: 1 }],
    });
    supplementaryId = res.body.roundId;
    const round = await commune.get(`/api/admissions/rounds/${supplementaryId}`);
    expect(round.body.schools).toHaveLength(1);
    expect(round.body.schools[0]).toMatchObject({ schoolId: unit.school1, seats: 1 });
    expect(round.body.catchments.map((c: { schoolId: string }) => c.schoolId)).toEqual([unit.school1]);
    const parent = await commune.get(`/api/admissions/rounds/${roundId}`);
    expect(round.body.timeline.registerFrom).toBe(parent.body.timeline.supplementaryFrom);
    expect(round.body.timeline.registerTo).toBe(parent.body.timeline.supplementaryTo);
    expect((await commune.post(`/api/admissions/rounds/${roundId}/supplementary`, {})).status).toBe(409);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'admissions.results.supplementary'`),
    ).toBe(1);
  });

  it('admits only children of the parent round who were not admitted or lost their seat', async () => {
    const key = (c: Child) => applicantKeyOf(ctx.platform, c.personalId);
    const check = async (c: Child) => supplementaryEligibility(ctx.platform.db, supplementaryId, await key(c));
    expect(await check(a[1]!)).toMatchObject({ restricted: true, eligible: true, parentRoundId: roundId });
    expect(await check(outside[0]!)).toMatchObject({ restricted: true, eligible: true });
    expect(await check(a[0]!)).toMatchObject({ restricted: true, eligible: false });
    expect(await check(outside[2]!)).toMatchObject({ restricted: true, eligible: false });
    expect(await supplementaryEligibility(ctx.platform.db, roundId, await key(a[0]!))).toEqual({ restricted: false });
  });
});

describe('children without an application', () => {
  const path = () => `/api/admissions/communes/${unit.tinhKhe}/children-without-application`;

  it('lists children of the age in the commune without an active application, minimally', async () => {
    const res = await commune.get(`${path()}?level=1&roundId=${roundId}&pageSize=200`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ level: 1, birthYear: year, source: 'demo' });
    expect(res.body.total).toBe(res.body.cohort - 5);
    const names = res.body.items.map((c: { fullName: string }) => c.fullName);
    for (const c of [...a, ...b, outside[0]!, outside[1]!]) expect(names).not.toContain(c.fullName);
    // Withdrawn: no active application any more.
    expect(names).toContain(outside[2]!.fullName);
    for (const item of res.body.items) {
      expect(Object.keys(item).sort()).toEqual(['dateOfBirth', 'fullName', 'village']);
      expect(item.dateOfBirth.startsWith(String(year))).toBe(true);
    }
    const page2 = await commune.get(`${path()}?level=1&pageSize=1&page=2`);
    expect(page2.body.items).toEqual(res.body.items.slice(1, 2));
    expect(
      await count(sql`SELECT count(*)::int AS n FROM audit_log
        WHERE action = 'admissions.children_without_application.view' AND entity_id = ${unit.tinhKhe}`),
    ).toBe(2);
  });

  it('refuses another commune, a principal and anonymous callers, and checks the level', async () => {
    expect((await (await login(ctx, 'xa.dakha')).get(`${path()}?level=1`)).status).toBe(403);
    expect((await (await login(ctx, 'ht.thso1tinhkhe')).get(`${path()}?level=1`)).status).toBe(403);
    expect((await ctx.app.inject(`${path()}?level=1`)).statusCode).toBe(401);
    expect((await commune.get(`${path()}?level=6&roundId=${roundId}`)).status).toBe(400);
    expect((await commune.get(`${path()}?level=2`)).status).toBe(400);
  });
});
