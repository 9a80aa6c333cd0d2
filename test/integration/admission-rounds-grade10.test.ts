import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCommuneId, findDepartmentId, findSchoolId, grade10ExamRules } from '../support/admissions.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Grade-10 rounds run by the Sở, validation of rules and timelines, the lottery seed of a
 * grade-1 round, and the public list parents read without signing in.
 */
let ctx: TestContext;
let so: Client;
let tinhKhe: Client;
const unit = { department: '', tinhKhe: '', dakHa: '', leKhiet: '', tranQuocTuan: '', primary: '' };

const vn = (day: string) => `${day}T08:00:00+07:00`;
const timeline = (year: number) => ({
  registerFrom: vn(`${year}-05-20`),
  registerTo: vn(`${year}-05-30`),
  reviewTo: vn(`${year}-06-05`),
  resultsAt: vn(`${year}-06-20`),
  confirmTo: vn(`${year}-06-30`),
});

const grade10 = (code: string, over: object = {}) => ({
  code,
  name: 'Tuyển sinh lớp 10 năm học 2027-2028',
  level: 10,
  schoolYear: '2027-2028',
  runningUnitId: unit.department,
  timeline: timeline(2027),
  rules: grade10ExamRules(),
  priorityGroups: [
    { code: 'UT1', nameVi: 'Nhóm đối tượng 1', points: 2 },
    { code: 'UT2', nameVi: 'Nhóm đối tượng 2', points: 1.5 },
    { code: 'UT3', nameVi: 'Nhóm đối tượng 3', points: 1 },
  ],
  ...over,
});

const paths = (res: { body: { error: { details: { path: string }[] } } }) => res.body.error.details.map((d) => d.path);

beforeAll(async () => {
  ctx = await createTestContext();
  [so, tinhKhe] = await Promise.all([login(ctx, 'so.tuyensinh'), login(ctx, 'xa.tinhkhe')]);
  unit.department = await findDepartmentId(ctx);
  unit.leKhiet = await findSchoolId(ctx, 'Trường THPT chuyên Lê Khiết');
  unit.tranQuocTuan = await findSchoolId(ctx, 'Trường THPT Trần Quốc Tuấn');
  unit.tinhKhe = await findCommuneId(ctx, 'Xã Tịnh Khê');
  unit.dakHa = await findCommuneId(ctx, 'Xã Đăk Hà');
  unit.primary = (
    await ctx.app.inject(`/api/org/schools?communeId=${unit.tinhKhe}&level=tieu_hoc`)
  ).json().items[0].unitId;
});
afterAll(() => ctx.close());

describe('grade 10, run by the Sở', () => {
  let id: string;

  it('is configured by the department admissions officer with subjects, wish offsets and a specialised school', async () => {
    const res = await so.post('/api/admissions/rounds', grade10('TS10-2027'));
    expect(res.status).toBe(201);
    expect(res.body.rules).toMatchObject({
      wishOffsets: [0, 1, 2],
      subjects: [{ code: 'toan', coefficient: 2 }, {}, {}],
    });
    expect(res.body.priorityGroups.map((g: { points: number }) => g.points)).toEqual([2, 1.5, 1]);
    id = res.body.id;
    const schools = await so.put(`/api/admissions/rounds/${id}/schools`, {
      expectedVersion: 1,
      schools: [
        { schoolId: unit.leKhiet, classes: 10, pupilsPerClass: 35, specialised: true },
        { schoolId: unit.tranQuocTuan, classes: 12, pupilsPerClass: 45 },
      ],
    });
    expect(schools.status).toBe(200);
    expect(schools.body.schools.find((s: { schoolId: string }) => s.schoolId === unit.leKhiet)).toMatchObject({
      specialised: true,
      seats: 350,
    });
    expect(schools.body.seats).toBe(350 + 540);
  });

  it('is not for a commune, has no catchments and takes no primary school', async () => {
    expect((await tinhKhe.post('/api/admissions/rounds', grade10('TS10-XA'))).status).toBe(403);
    const wrong = await so.post('/api/admissions/rounds', grade10('TS10-XA', { runningUnitId: unit.tinhKhe }));
    expect(paths(wrong)).toEqual(['body.runningUnitId']);
    const catchments = await so.put(`/api/admissions/rounds/${id}/catchments`, { expectedVersion: 2, catchments: [] });
    expect(catchments.body.error.details[0].message).toMatch(/grade 10 admits by scores/);
    const primary = await so.put(`/api/admissions/rounds/${id}/schools`, {
      expectedVersion: 2,
      schools: [{ schoolId: unit.primary, classes: 1, pupilsPerClass: 30 }],
    });
    expect(primary.body.error.details.map((d: { message: string }) => d.message)).toEqual([
      expect.stringMatching(/does not belong to the unit running the round/),
      expect.stringMatching(/does not teach the level/),
    ]);
  });
});

describe('validation', () => {
  it('refuses decreasing wish offsets, seven wishes and a timeline out of order, field by field', async () => {
    const decreasing = await so.post(
      '/api/admissions/rounds',
      grade10('TS10-A', { rules: grade10ExamRules({ wishOffsets: [0, 2, 1] }) }),
    );
    expect(decreasing.status).toBe(400);
    expect(decreasing.body.error.details).toEqual([
      { path: 'body.rules.wishOffsets.2', message: expect.stringContaining('offsets must not decrease') },
    ]);
    const seven = await so.post(
      '/api/admissions/rounds',
      grade10('TS10-B', { rules: grade10ExamRules({ wishCount: 7 }) }),
    );
    expect(seven.status).toBe(400);
    expect(paths(seven)).toContain('body.rules.wishCount');
    const t = { ...timeline(2027), resultsAt: vn('2027-06-01') };
    const order = await so.post('/api/admissions/rounds', grade10('TS10-C', { timeline: t }));
    expect(order.status).toBe(400);
    expect(paths(order)).toEqual(['body.timeline.resultsAt']);
    expect(order.body.error.details[0].message).toMatch(/results come after the review/);
  });

  it('refuses rules or priority groups of the wrong level, and unknown subjects as tie-breakers', async () => {
    const res = await so.post(
      '/api/admissions/rounds',
      grade10('TS10-D', {
        rules: grade10ExamRules({ tieBreakers: ['subject:su'] }),
        priorityGroups: [{ code: 'A', nameVi: 'Nhóm A', rank: 1 }],
      }),
    );
    expect(paths(res).sort()).toEqual(['body.priorityGroups.0.points', 'body.rules.tieBreakers.0']);
    const catchment = await so.post(
      '/api/admissions/rounds',
      grade10('TS10-E', { rules: { method: 'catchment', wishCount: 1, lotteryForOutOfCatchment: false } }),
    );
    expect(paths(catchment)).toEqual(['body.rules.method']);
  });
});

describe('the lottery seed of a grade-1 round', () => {
  let id: string;
  let version: number;

  it('is published once, after registration closes, and never changes', async () => {
    const created = await tinhKhe.post('/api/admissions/rounds', {
      code: 'TS1-TINHKHE-2026',
      name: 'Tuyển sinh lớp 1 năm học 2026-2027',
      level: 1,
      schoolYear: '2026-2027',
      runningUnitId: unit.tinhKhe,
      timeline: timeline(2026),
      rules: { method: 'catchment', wishCount: 1, lotteryForOutOfCatchment: true },
    });
    id = created.body.id;
    const url = `/api/admissions/rounds/${id}`;
    await tinhKhe.put(`${url}/schools`, {
      expectedVersion: 1,
      schools: [{ schoolId: unit.primary, classes: 2, pupilsPerClass: 35 }],
    });
    await tinhKhe.put(`${url}/catchments`, {
      expectedVersion: 2,
      catchments: [{ schoolId: unit.primary, communeId: unit.tinhKhe }],
    });
    expect((await tinhKhe.post(`${url}/lottery-seed`, { expectedVersion: 3 })).status).toBe(400);
    expect((await tinhKhe.post(`${url}/status`, { status: 'open', expectedVersion: 3 })).status).toBe(200);
    expect((await tinhKhe.post(`${url}/status`, { status: 'closed_for_review', expectedVersion: 4 })).status).toBe(200);
    const early = await tinhKhe.post(`${url}/status`, { status: 'allocating', expectedVersion: 5 });
    expect(early.body.error.details[0].message).toMatch(/publish the lottery seed first/);
    const published = await tinhKhe.post(`${url}/lottery-seed`, { expectedVersion: 5 });
    expect(published.status).toBe(200);
    expect(published.body.lotterySeed).toMatch(/^[0-9a-f]{64}$/);
    expect(published.body.lotterySeedPublishedAt).not.toBeNull();
    version = published.body.version;
    const again = await tinhKhe.post(`${url}/lottery-seed`, { expectedVersion: version, seed: 'chosen-seed-123' });
    expect(again.status).toBe(400);
    expect(again.body.error.details[0].message).toMatch(/cannot change/);
    await expect(
      sql`UPDATE admission_rounds SET lottery_seed = 'x' WHERE id = ${id}`.execute(ctx.platform.db),
    ).rejects.toThrow(/cannot change/);
    expect((await tinhKhe.post(`${url}/status`, { status: 'allocating', expectedVersion: version })).status).toBe(200);
  });

  it('refuses transitions that skip a step', async () => {
    const res = await tinhKhe.post(`/api/admissions/rounds/${id}/status`, {
      status: 'closed',
      expectedVersion: version + 1,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].message).toMatch(
      /allocating → closed: .*allowed next: published, closed_for_review/,
    );
  });
});

describe('public list of open rounds', () => {
  it('shows only open rounds, without staff fields, to anyone', async () => {
    const draft = await so.get('/api/admissions/rounds?level=10');
    expect(draft.body.items.every((r: { status: string }) => r.status === 'draft')).toBe(true);
    const res = await ctx.app.inject('/api/public/admissions/rounds');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.json()).toEqual([]);
    const g10 = draft.body.items[0];
    expect(
      (await so.post(`/api/admissions/rounds/${g10.id}/status`, { status: 'open', expectedVersion: g10.version }))
        .status,
    ).toBe(200);
    const open = (await ctx.app.inject('/api/public/admissions/rounds?level=10')).json();
    expect(open.map((r: { code: string }) => r.code)).toEqual(['TS10-2027']);
    expect(open[0]).toMatchObject({ phase: 'upcoming', rules: { wishOffsets: [0, 1, 2] } });
    expect(open[0].schools.find((s: { schoolId: string }) => s.schoolId === unit.leKhiet)).toMatchObject({
      seats: 350,
      specialised: true,
    });
    const body = JSON.stringify(open);
    for (const internal of ['version', 'status', 'note', 'lotterySeed', 'copiedFromId', 'createdAt', 'updatedAt'])
      expect(body).not.toContain(`"${internal}"`);
  });

  it('lists for a commune the grade-10 rounds and its own grade-1 rounds', async () => {
    const forDakHa = (await ctx.app.inject(`/api/public/admissions/rounds?communeId=${unit.dakHa}`)).json();
    expect(forDakHa.map((r: { level: number }) => r.level)).toEqual([10]);
    expect((await ctx.app.inject('/api/public/admissions/rounds?level=5')).statusCode).toBe(400);
  });
});
