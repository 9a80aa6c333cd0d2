import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lotteryNumber } from '../../src/server/modules/admissions/allocation/lottery.ts';
import { setOtpSender } from '../../src/server/platform/otp/otp-provider.ts';
import { MemoryOtpSender } from '../../src/server/platform/otp/otp-sender.ts';
import {
  approveAll,
  createOpenRound,
  endRegistration,
  fileApplication,
  findTinhKhePrimaries,
  grade1RoundRegisteringNow,
  type Resident,
  type StaffRound,
  verifiedContactToken,
  youngestCohortByVillage,
} from '../support/admissions.ts';
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
let unit: Awaited<ReturnType<typeof findTinhKhePrimaries>>;
let round: StaffRound;
let roundId = '';
let token = '';

interface Child extends Resident {
  code?: string;
}
const insideA: Child[] = [];
const insideB: Child[] = [];
const outside: Child[] = [];
/** Filed with the others, approved only later (a late decision changes the inputs). */
let late: Child;

const allocation = () => `/api/admissions/rounds/${roundId}/allocation`;

async function apply(child: Child, wishes: string[], priorityGroup: string | null = null): Promise<void> {
  const residence = { communeId: unit.tinhKhe, village: child.village };
  child.code = await fileApplication(ctx, { roundId, token, ip: '10.8.0.1' }, child, {
    residence,
    wishes,
    priorityGroup,
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  setOtpSender(ctx.platform, sender);
  commune = await login(ctx, 'xa.tinhkhe');
  unit = await findTinhKhePrimaries(ctx);

  const { year, villages } = await youngestCohortByVillage(ctx, unit.tinhKhe);
  const [a, b, ...rest] = villages;
  insideA.push(...a![1].slice(0, 2));
  late = a![1][2]!;
  insideB.push(...b![1].slice(0, 1));
  outside.push(...rest.flatMap(([, c]) => c).slice(0, 4));
  expect(outside).toHaveLength(4);

  // School 1: 4 seats for 2 catchment children, 1 priority child, 1 lottery seat; School 2: 2 seats.
  round = await createOpenRound(commune, {
    round: grade1RoundRegisteringNow({
      code: 'TS1-TINHKHE-ALLOC',
      name: 'Tuyển sinh lớp 1 Tịnh Khê (xét tuyển)',
      schoolYear: `${year + 6}-${year + 7}`,
      runningUnitId: unit.tinhKhe,
      priorityGroups: [{ code: 'LS', nameVi: 'Con liệt sĩ, thương binh', rank: 1 }],
    }),
    schools: [
      { schoolId: unit.school1, classes: 1, pupilsPerClass: 4 },
      { schoolId: unit.school2, classes: 1, pupilsPerClass: 2 },
    ],
    catchments: [
      { schoolId: unit.school1, communeId: unit.tinhKhe, village: a![0] },
      { schoolId: unit.school2, communeId: unit.tinhKhe, village: b![0] },
    ],
  });
  roundId = round.id;

  token = await verifiedContactToken(ctx, sender, '0905777101', '10.8.0.1');
  for (const c of insideA) await apply(c, [unit.school1]);
  for (const c of insideB) await apply(c, [unit.school2]);
  await apply(outside[0]!, [unit.school1, unit.school2], 'LS');
  for (const c of outside.slice(1)) await apply(c, [unit.school1, unit.school2]);
  await apply(late, [unit.school1]);

  // Registration ends (no waiting in a test): move its deadline into the past, then close.
  await endRegistration(ctx, roundId, '1 minute');
  expect((await round.setStatus('closed_for_review')).status).toBe(200);
  // Reviewers approve every application but one; only approved applications are allocated.
  expect(await approveAll(commune, roundId, { except: [late.code!] })).toBe(7);
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
  it('keeps the draw private until the allocation has begun', async () => {
    expect((await ctx.app.inject(`/api/public/admissions/rounds/${roundId}/lottery`)).statusCode).toBe(404);
  });

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
      expectedVersion: round.version,
      seed: 'xo-so-2027-05-20',
    });
    expect(seed.status, JSON.stringify(seed.body)).toBe(200);
    round.version = seed.body.version;
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

  it('refuses to allocate while an application is undecided', async () => {
    const early = await round.setStatus('allocating');
    expect(early.status).toBe(400);
    expect(early.body.error.details[0].message).toContain('1 applications are not yet decided');
  });

  it('shows a new hash after a late approval and refuses a run with the old one', async () => {
    expect(await approveAll(commune, roundId, { only: [late.code!] })).toBe(1);
    const prepared = await commune.get(allocation());
    expect(prepared.body.applicants).toBe(8);
    expect(prepared.body.inputsSha256).not.toBe(hash);
    const stale = await commune.post(`${allocation()}/runs`, { kind: 'practice', expectedInputsHash: hash });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('resource.stale');
    hash = prepared.body.inputsSha256;
    const fresh = await commune.post(`${allocation()}/runs`, { kind: 'practice', expectedInputsHash: hash });
    expect(fresh.status).toBe(201);
    const diff = await commune.get(`${allocation()}/diff?a=${firstRun}&b=${fresh.body.id}`);
    expect(diff.status).toBe(200);
    // The late catchment child takes a seat at School 1 that the lottery gave out before.
    expect(diff.body.applicants).toContainEqual({ applicantId: late.code, before: null, after: unit.school1 });
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
    expect((await round.setStatus('allocating')).status).toBe(200);
    // From now on the applications are what the allocation reads: every one is decided.
    const locked = await commune.post(`/api/admissions/rounds/${roundId}/applications/bulk`, {
      dossierIds: [
        (await commune.get(`/api/admissions/rounds/${roundId}/applications?q=${late.code}`)).body.items[0].dossierId,
      ],
      action: 'reject',
      reason: 'Thử từ chối sau khi xét tuyển',
    });
    expect(locked.body.failed).toBe(1);
    expect((await round.setStatus('closed_for_review')).status).toBe(200);
    expect((await round.setStatus('allocating')).status).toBe(200);
    const early = await round.setStatus('published');
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
    const back = await round.setStatus('closed_for_review');
    expect(back.status).toBe(400);
    expect(back.body.error.details[0].message).toContain('final allocation run is made');
    expect((await round.setStatus('published')).status).toBe(200);
  });

  it('publishes the seed and the exact inputs so that anyone can re-run the draw', async () => {
    const pub = await ctx.app.inject(`/api/public/admissions/rounds/${roundId}/lottery`);
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['cache-control']).toContain('public');
    const body = pub.json();
    expect(body).toMatchObject({ seed: 'xo-so-2027-05-20', inputsSha256: hash });
    const ids = body.input.applicants.map((a: { id: string }) => a.id);
    expect(ids).toContain(late.code);
    // Nothing personal: dossier codes, wishes, catchment flags and priority ranks only.
    for (const c of [...insideA, ...insideB, ...outside]) expect(pub.body).not.toContain(c.fullName);
    const run = (await commune.get(`${allocation()}/runs`)).body.find((r: { kind: string }) => r.kind === 'final');
    const results: ResultLine[] = (await commune.get(`${allocation()}/runs/${run.id}`)).body.results;
    for (const r of results) expect(r.lottery).toBe(lotteryNumber(body.seed, r.dossierCode));
  });

  it('runs no more once the results are published', async () => {
    const late = await commune.post(`${allocation()}/runs`, { kind: 'practice', expectedInputsHash: hash });
    expect(late.status).toBe(400);
  });
});
