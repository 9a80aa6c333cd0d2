import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoResidents } from '../../src/server/demo/residents/load-residents.ts';
import { setOtpSender } from '../../src/server/platform/otp/otp-provider.ts';
import { MemoryOtpSender } from '../../src/server/platform/otp/otp-sender.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Allocation runs (issue 3, item 4) on a grade-1 round of Xã Tịnh Khê with two schools and few
 * seats: School 1 takes village A, School 2 village B; children of other villages compete by
 * priority group and lottery. Children are synthetic demo residents of the commune.
 */
let ctx: TestContext;
let commune: Client;
const sender = new MemoryOtpSender();
const unit = { tinhKhe: '', school1: '', school2: '' };
let roundId = '';
let version = 0;
let token = '';

interface Child {
  personalId: string;
  dateOfBirth: string;
  fullName: string;
  gender: string;
  village: string;
  code?: string;
}
const insideA: Child[] = [];
const insideB: Child[] = [];
const outside: Child[] = [];

const day = 24 * 3600 * 1000;
const at = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();
const allocation = () => `/api/admissions/rounds/${roundId}/allocation`;

async function tokenFor(phone: string, ip: string): Promise<string> {
  const purpose = 'admissions.apply';
  const post = (url: string, payload: object) => ctx.app.inject({ method: 'POST', url, payload, remoteAddress: ip });
  await post('/api/public/otp/request', { channel: 'sms', address: phone, purpose });
  const code = sender.lastCode(`+84${phone.slice(1)}`)!;
  const res = await post('/api/public/otp/verify', { channel: 'sms', address: phone, purpose, code });
  expect(res.statusCode).toBe(200);
  return res.json().token;
}

async function apply(child: Child, wishes: string[], priorityGroup: string | null = null): Promise<void> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/public/admissions/rounds/${roundId}/applications`,
    headers: { 'x-otp-token': token, 'idempotency-key': randomUUID() },
    remoteAddress: '10.8.0.1',
    payload: {
      personalId: child.personalId,
      dateOfBirth: child.dateOfBirth,
      fullName: child.fullName,
      gender: child.gender,
      residence: { communeId: unit.tinhKhe, village: child.village },
      wishes,
      priorityGroup,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  child.code = res.json().dossierCode;
}

async function status(to: string): Promise<{ status: number; body: { error?: { details?: { message: string }[] } } }> {
  const res = await commune.post(`/api/admissions/rounds/${roundId}/status`, { status: to, expectedVersion: version });
  if (res.status === 200) version = res.body.version;
  return res;
}

/** Grade-1 children of Tịnh Khê (the youngest cohort), grouped by permanent village. */
async function childrenByVillage(): Promise<{ year: number; villages: [string, Child[]][] }> {
  const { rows } = await sql<Child & { year: number }>`
    SELECT personal_id AS "personalId", to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
           full_name AS "fullName", gender, permanent_village AS village,
           extract(year FROM date_of_birth)::int AS year
      FROM demo_residents
     WHERE permanent_commune_id = ${unit.tinhKhe} AND permanent_village IS NOT NULL AND note IS NULL
     ORDER BY date_of_birth DESC, personal_id`.execute(ctx.platform.db);
  const year = rows[0]!.year;
  const byVillage = new Map<string, Child[]>();
  for (const r of rows.filter((x) => x.year === year)) {
    const { year: _, ...child } = r;
    byVillage.set(r.village, [...(byVillage.get(r.village) ?? []), child]);
  }
  return { year, villages: [...byVillage].sort((a, b) => b[1].length - a[1].length) };
}

beforeAll(async () => {
  ctx = await createTestContext();
  setOtpSender(ctx.platform, sender);
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM demo_residents`.execute(ctx.platform.db);
  if (rows[0]!.n === 0) await loadDemoResidents(ctx.platform.db);
  commune = await login(ctx, 'xa.tinhkhe');
  const communes: { id: string; name: string }[] = (await ctx.app.inject('/api/org/communes')).json();
  unit.tinhKhe = communes.find((c) => c.name === 'Xã Tịnh Khê')!.id;
  const schools: { unitId: string; name: string; levels: string[] }[] = (
    await ctx.app.inject(`/api/org/schools?communeId=${unit.tinhKhe}&pageSize=200`)
  ).json().items;
  const primaries = schools.filter((s) => s.levels.includes('tieu_hoc'));
  unit.school1 = primaries.find((s) => s.name.includes('số 1'))!.unitId;
  unit.school2 = primaries.find((s) => s.unitId !== unit.school1)!.unitId;

  const { year, villages } = await childrenByVillage();
  const [a, b, ...rest] = villages;
  insideA.push(...a![1].slice(0, 2));
  insideB.push(...b![1].slice(0, 1));
  outside.push(...rest.flatMap(([, c]) => c).slice(0, 4));
  expect(outside).toHaveLength(4);

  const created = await commune.post('/api/admissions/rounds', {
    code: 'TS1-TINHKHE-ALLOC',
    name: 'Tuyển sinh lớp 1 Tịnh Khê (xét tuyển)',
    level: 1,
    schoolYear: `${year + 6}-${year + 7}`,
    runningUnitId: unit.tinhKhe,
    timeline: { registerFrom: at(-1), registerTo: at(10), reviewTo: at(20), resultsAt: at(30), confirmTo: at(40) },
    rules: { method: 'catchment', wishCount: 2, lotteryForOutOfCatchment: true },
    priorityGroups: [{ code: 'LS', nameVi: 'Con liệt sĩ, thương binh', rank: 1 }],
  });
  expect(created.status).toBe(201);
  roundId = created.body.id;
  const put = (path: string, payload: object) => commune.put(`/api/admissions/rounds/${roundId}/${path}`, payload);
  // School 1: 4 seats for 2 catchment children, 1 priority child, 1 lottery seat; School 2: 2 seats.
  const seats = await put('schools', {
    expectedVersion: 1,
    schools: [
      { schoolId: unit.school1, classes: 1, pupilsPerClass: 4 },
      { schoolId: unit.school2, classes: 1, pupilsPerClass: 2 },
    ],
  });
  expect(seats.status, JSON.stringify(seats.body)).toBe(200);
  const catchments = await put('catchments', {
    expectedVersion: 2,
    catchments: [
      { schoolId: unit.school1, communeId: unit.tinhKhe, village: a![0] },
      { schoolId: unit.school2, communeId: unit.tinhKhe, village: b![0] },
    ],
  });
  expect(catchments.status, JSON.stringify(catchments.body)).toBe(200);
  version = 3;
  expect((await status('open')).status).toBe(200);

  token = await tokenFor('0905777101', '10.8.0.1');
  for (const c of insideA) await apply(c, [unit.school1]);
  for (const c of insideB) await apply(c, [unit.school2]);
  await apply(outside[0]!, [unit.school1, unit.school2], 'LS');
  for (const c of outside.slice(1)) await apply(c, [unit.school1, unit.school2]);

  // Registration ends (no waiting in a test): move its deadline into the past, then close.
  await sql`UPDATE admission_rounds SET register_to = now() - interval '1 minute' WHERE id = ${roundId}`.execute(
    ctx.platform.db,
  );
  expect((await status('closed_for_review')).status).toBe(200);
});
afterAll(() => ctx.close());

interface SchoolSummary {
  schoolId: string;
  seats: number;
  admitted: number;
  inCatchment: number;
  overflow: number;
  byLottery: number;
  byPriorityGroup: { priorityRank: number; admitted: number }[];
  lastLottery: { priorityRank: number | null; lottery: number } | null;
}
interface ResultLine {
  dossierCode: string;
  schoolId: string | null;
  reason: string;
  lottery: number;
  explanation: { vi: string; en: string };
}

let hash = '';
let firstRun = '';
let firstResults: ResultLine[] = [];

describe('allocation before the seed', () => {
  it('shows the inputs hash but refuses to run without the published lottery seed', async () => {
    const prepared = await commune.get(allocation());
    expect(prepared.status).toBe(200);
    expect(prepared.body).toMatchObject({ applicants: 7, schools: 2, seedPublished: false });
    const run = await commune.post(`${allocation()}/runs`, {
      kind: 'practice',
      expectedInputsHash: prepared.body.inputsSha256,
    });
    expect(run.status).toBe(400);
  });
});

describe('practice runs', () => {
  beforeAll(async () => {
    const seed = await commune.post(`/api/admissions/rounds/${roundId}/lottery-seed`, {
      expectedVersion: version,
      seed: 'xo-so-2027-05-20',
    });
    expect(seed.status, JSON.stringify(seed.body)).toBe(200);
    version = seed.body.version;
  });

  it('places every catchment child, the priority child, and the rest by lottery within the seats', async () => {
    const prepared = await commune.get(allocation());
    expect(prepared.body.inputsSha256).toMatch(/^[0-9a-f]{64}$/);
    hash = prepared.body.inputsSha256;
    const run = await commune.post(`${allocation()}/runs`, { kind: 'practice', expectedInputsHash: hash });
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    expect(run.body).toMatchObject({ kind: 'practice', inputsSha256: hash, summary: { applicants: 7, placed: 6 } });
    firstRun = run.body.id;
    const schools: SchoolSummary[] = run.body.summary.schools;
    const s1 = schools.find((s) => s.schoolId === unit.school1)!;
    const s2 = schools.find((s) => s.schoolId === unit.school2)!;
    expect(s1).toMatchObject({ seats: 4, admitted: 4, inCatchment: 2, overflow: 0, byLottery: 1 });
    expect(s1.byPriorityGroup).toEqual([{ priorityRank: 1, admitted: 1 }]);
    expect(s1.lastLottery).toMatchObject({ priorityRank: null });
    expect(s2).toMatchObject({ seats: 2, admitted: 2, inCatchment: 1, byLottery: 1 });
    for (const s of schools) expect(s.admitted).toBeLessThanOrEqual(s.seats + s.overflow);

    const page = await commune.get(`${allocation()}/runs/${firstRun}`);
    expect(page.status).toBe(200);
    firstResults = page.body.results;
    const byCode = new Map(firstResults.map((r) => [r.dossierCode, r]));
    for (const c of insideA)
      expect(byCode.get(c.code!)).toMatchObject({ schoolId: unit.school1, reason: 'in_catchment' });
    expect(byCode.get(insideB[0]!.code!)).toMatchObject({ schoolId: unit.school2, reason: 'in_catchment' });
    expect(byCode.get(outside[0]!.code!)).toMatchObject({ schoolId: unit.school1, reason: 'priority_group' });
    const drawn = outside.slice(1).map((c) => byCode.get(c.code!)!);
    expect(drawn.filter((r) => r.reason === 'lottery')).toHaveLength(2);
    expect(drawn.filter((r) => r.schoolId === null)).toHaveLength(1);
    // The lowest lottery number among the drawn children wins School 1's last seat.
    const best = [...drawn].sort((x, y) => x.lottery - y.lottery)[0]!;
    expect(best.schoolId).toBe(unit.school1);
    expect(byCode.get(insideA[0]!.code!)!.explanation.vi).toContain('cư trú trong địa bàn tuyển sinh');
    expect(drawn.find((r) => r.schoolId === null)!.explanation.en).toContain('not admitted: seats full');
  });

  it('gives identical results when run again on the same inputs', async () => {
    const again = await commune.post(`${allocation()}/runs`, { kind: 'practice', expectedInputsHash: hash });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(firstRun);
    const page = await commune.get(`${allocation()}/runs/${again.body.id}`);
    expect(page.body.results).toEqual(firstResults);
    const first = await commune.get(`${allocation()}/runs/${firstRun}`);
    expect(again.body.summary).toEqual(first.body.run.summary);
    const diff = await commune.get(`${allocation()}/diff?a=${firstRun}&b=${again.body.id}`);
    expect(diff.body).toEqual({ applicants: [], schools: [] });
    const runs = await commune.get(`${allocation()}/runs`);
    expect(runs.body).toHaveLength(2);
  });

  it('audits every run', async () => {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log
      WHERE action = 'admissions.allocation.run'`.execute(ctx.platform.db);
    expect(rows[0]!.n).toBe(2);
  });

  it('shows a new hash after a withdrawal and refuses a run with the old one', async () => {
    const gone = insideA[0]!;
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/public/admissions/applications/${gone.code}/withdraw`,
      headers: { 'x-otp-token': token },
      remoteAddress: '10.8.0.1',
      payload: { personalId: gone.personalId, dateOfBirth: gone.dateOfBirth, reason: 'Gia đình chuyển nơi ở' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const prepared = await commune.get(allocation());
    expect(prepared.body.applicants).toBe(6);
    expect(prepared.body.inputsSha256).not.toBe(hash);
    const stale = await commune.post(`${allocation()}/runs`, { kind: 'practice', expectedInputsHash: hash });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('resource.stale');
    hash = prepared.body.inputsSha256;
    const fresh = await commune.post(`${allocation()}/runs`, { kind: 'practice', expectedInputsHash: hash });
    expect(fresh.status).toBe(201);
    const diff = await commune.get(`${allocation()}/diff?a=${firstRun}&b=${fresh.body.id}`);
    expect(diff.status).toBe(200);
    expect(diff.body.applicants).toContainEqual({ applicantId: gone.code, before: unit.school1, after: null });
  });
});

describe('access', () => {
  it('refuses the officer of another commune', async () => {
    const other = await login(ctx, 'xa.dakha');
    expect((await other.get(allocation())).status).toBe(403);
    const run = await other.post(`${allocation()}/runs`, { kind: 'practice', expectedInputsHash: hash });
    expect(run.status).toBe(403);
    expect((await other.get(`${allocation()}/runs`)).status).toBe(403);
  });

  it('asks anonymous callers to sign in', async () => {
    expect((await ctx.app.inject(allocation())).statusCode).toBe(401);
  });
});

describe('final run and publication', () => {
  it('refuses to publish before the final run', async () => {
    expect((await status('allocating')).status).toBe(200);
    const early = await status('published');
    expect(early.status).toBe(400);
    expect(early.body.error?.details?.[0]?.message).toContain('no final allocation run yet');
  });

  it('allows one final run, then publication', async () => {
    const final = await commune.post(`${allocation()}/runs`, { kind: 'final', expectedInputsHash: hash });
    expect(final.status).toBe(201);
    expect(final.body.kind).toBe('final');
    const second = await commune.post(`${allocation()}/runs`, { kind: 'final', expectedInputsHash: hash });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('resource.conflict');
    expect((await status('published')).status).toBe(200);
  });

  it('runs no more once the results are published', async () => {
    const late = await commune.post(`${allocation()}/runs`, { kind: 'practice', expectedInputsHash: hash });
    expect(late.status).toBe(400);
  });
});
