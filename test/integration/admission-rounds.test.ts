import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCommuneId } from '../support/admissions.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Grade-1 and grade-6 rounds, run by communes since 07/2025: configuration, access by subtree,
 * the rules once a round is open, copying last year's round, and the audit trail.
 */
let ctx: TestContext;
let tinhKhe: Client;
let dakHa: Client;
const unit = { tinhKhe: '', dakHa: '', primary1: '', primary2: '', preschool: '', dakHaPrimary: '', sonMy: '' };

const vn = (day: string) => `${day}T08:00:00+07:00`;
/** A full timeline in June–July of `year`. */
const timeline = (year: number) => ({
  trialFrom: vn(`${year}-06-01`),
  trialTo: vn(`${year}-06-05`),
  registerFrom: vn(`${year}-06-10`),
  registerTo: vn(`${year}-06-20`),
  reviewTo: vn(`${year}-06-30`),
  resultsAt: vn(`${year}-07-05`),
  confirmTo: vn(`${year}-07-15`),
  supplementaryFrom: vn(`${year}-07-20`),
  supplementaryTo: vn(`${year}-07-31`),
});

const grade1 = (code: string, runningUnitId: string, year = 2027) => ({
  code,
  name: `Tuyển sinh lớp 1 năm học ${year}-${year + 1}`,
  level: 1,
  schoolYear: `${year}-${year + 1}`,
  runningUnitId,
  timeline: timeline(year),
  rules: { method: 'catchment', wishCount: 2, lotteryForOutOfCatchment: true },
  priorityGroups: [
    { code: 'LS', nameVi: 'Con liệt sĩ, thương binh', nameEn: 'Children of war martyrs or invalids', rank: 1 },
    { code: 'ANH_CHI', nameVi: 'Có anh chị đang học tại trường', rank: 2, evidenceVi: 'Xác nhận của nhà trường' },
  ],
});

beforeAll(async () => {
  ctx = await createTestContext();
  [tinhKhe, dakHa] = await Promise.all([login(ctx, 'xa.tinhkhe'), login(ctx, 'xa.dakha')]);
  unit.tinhKhe = await findCommuneId(ctx, 'Xã Tịnh Khê');
  unit.dakHa = await findCommuneId(ctx, 'Xã Đăk Hà');
  const schools = async (communeId: string) =>
    (await ctx.app.inject(`/api/org/schools?communeId=${communeId}&pageSize=200`)).json().items as {
      unitId: string;
      name: string;
      levels: string[];
    }[];
  const inTinhKhe = await schools(unit.tinhKhe);
  const primaries = inTinhKhe.filter((s) => s.levels.includes('tieu_hoc'));
  unit.primary1 = primaries[0]!.unitId;
  unit.primary2 = primaries[1]!.unitId;
  unit.preschool = inTinhKhe.find((s) => s.levels.includes('mam_non'))!.unitId;
  unit.sonMy = inTinhKhe.find((s) => s.name === 'Trường THPT Sơn Mỹ')!.unitId;
  unit.dakHaPrimary = (await schools(unit.dakHa)).find((s) => s.levels.includes('tieu_hoc'))!.unitId;
});
afterAll(() => ctx.close());

let round: { id: string; version: number };

describe('a commune configures its grade-1 round', () => {
  it('creates a draft, adds two of its primary schools and their catchments, and opens it', async () => {
    const created = await tinhKhe.post('/api/admissions/rounds', grade1('TS1-TINHKHE-2027', unit.tinhKhe));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', level: 1, version: 1, runningUnit: { name: 'Xã Tịnh Khê' } });
    const url = `/api/admissions/rounds/${created.body.id}`;
    const schools = await tinhKhe.put(`${url}/schools`, {
      expectedVersion: 1,
      schools: [
        { schoolId: unit.primary1, classes: 3, pupilsPerClass: 35 },
        { schoolId: unit.primary2, classes: 2, pupilsPerClass: 30, note: 'Có bán trú' },
      ],
    });
    expect(schools.status).toBe(200);
    expect(schools.body).toMatchObject({ seats: 165, schoolCount: 2, version: 2 });
    const catchments = await tinhKhe.put(`${url}/catchments`, {
      expectedVersion: 2,
      catchments: [
        { schoolId: unit.primary1, communeId: unit.tinhKhe, village: 'Thôn Khê Thủy' },
        { schoolId: unit.primary1, communeId: unit.tinhKhe, village: 'Thôn Khê Ba' },
        { schoolId: unit.primary2, communeId: unit.tinhKhe, village: 'Thôn Mỹ Lai' },
      ],
    });
    expect(catchments.status).toBe(200);
    expect(catchments.body.catchments).toHaveLength(3);
    const opened = await tinhKhe.post(`${url}/status`, { status: 'open', expectedVersion: 3 });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'open', version: 4 });
    round = { id: created.body.id, version: 4 };
  });

  it('refuses a school of another commune, and says why', async () => {
    const draft = await tinhKhe.post('/api/admissions/rounds', grade1('TS1-TINHKHE-B', unit.tinhKhe));
    const res = await tinhKhe.put(`/api/admissions/rounds/${draft.body.id}/schools`, {
      expectedVersion: 1,
      schools: [{ schoolId: unit.dakHaPrimary, classes: 2, pupilsPerClass: 30 }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('request.invalid');
    expect(res.body.error.details).toEqual([
      {
        path: 'body.schools.0.schoolId',
        message: expect.stringContaining('does not belong to the unit running the round'),
      },
    ]);
    expect(res.body.error.messages.en).toMatch(/cannot take part in this round/);
  });

  it('refuses an upper-secondary school and a preschool in a grade-1 round, and more than 35 pupils a class', async () => {
    const draft = await tinhKhe.get('/api/admissions/rounds?status=draft');
    const id = draft.body.items[0].id;
    const res = await tinhKhe.put(`/api/admissions/rounds/${id}/schools`, {
      expectedVersion: 1,
      schools: [
        { schoolId: unit.sonMy, classes: 2, pupilsPerClass: 30 },
        { schoolId: unit.preschool, classes: 2, pupilsPerClass: 30 },
        { schoolId: unit.primary1, classes: 2, pupilsPerClass: 40 },
      ],
    });
    expect(res.status).toBe(400);
    const messages = res.body.error.details.map((d: { path: string; message: string }) => `${d.path} ${d.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^body\.schools\.0\.schoolId Trường THPT Sơn Mỹ: .*does not teach the level/),
        expect.stringMatching(/^body\.schools\.1\.schoolId .*does not teach the level/),
        expect.stringMatching(/^body\.schools\.2\.pupilsPerClass .*at most 35 pupils per class/),
      ]),
    );
  });

  it('lets only a commune-level unit run grade 1, and only within its own subtree', async () => {
    expect((await dakHa.post('/api/admissions/rounds', grade1('TS1-X', unit.tinhKhe))).status).toBe(403);
    const so = await login(ctx, 'so.tuyensinh');
    const province = (await ctx.app.inject('/api/org/units')).json()[0].id;
    const res = await so.post('/api/admissions/rounds', grade1('TS1-TINH', province));
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'body.runningUnitId' });
    expect(res.body.error.messages.en).toMatch(/grades 1 and 6 are run by communes/);
  });
});

describe('access by subtree', () => {
  it('hides the round from another commune, which can neither read nor change it', async () => {
    expect((await dakHa.get(`/api/admissions/rounds/${round.id}`)).status).toBe(404);
    expect((await dakHa.get('/api/admissions/rounds')).body.items).toEqual([]);
    const patch = await dakHa.patch(`/api/admissions/rounds/${round.id}`, {
      expectedVersion: round.version,
      name: 'Tên khác',
    });
    expect(patch.status).toBe(403);
    const seats = await dakHa.put(`/api/admissions/rounds/${round.id}/schools`, {
      expectedVersion: round.version,
      schools: [],
    });
    expect(seats.status).toBe(403);
  });

  it('shows the round to the principal of a school in it, read-only', async () => {
    const principal = await login(ctx, 'ht.thso1tinhkhe');
    expect((await principal.get(`/api/admissions/rounds/${round.id}`)).status).toBe(200);
    const patch = await principal.patch(`/api/admissions/rounds/${round.id}`, {
      expectedVersion: round.version,
      name: 'Đổi tên',
    });
    expect(patch.status).toBe(403);
  });

  it('asks anonymous callers to sign in', async () => {
    expect((await ctx.app.inject('/api/admissions/rounds')).statusCode).toBe(401);
  });
});

describe('an open round', () => {
  const url = () => `/api/admissions/rounds/${round.id}`;

  it('may extend a deadline still ahead, but not change its rules, name or start dates', async () => {
    const refused = await tinhKhe.patch(url(), {
      expectedVersion: round.version,
      name: 'Tên khác',
      rules: { method: 'catchment', wishCount: 1, lotteryForOutOfCatchment: true },
      timeline: { registerFrom: vn('2027-06-12') },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body.name',
      'body.rules',
      'body.timeline.registerFrom',
    ]);
    const extended = await tinhKhe.patch(url(), {
      expectedVersion: round.version,
      timeline: { registerTo: vn('2027-06-25') },
    });
    expect(extended.status).toBe(200);
    expect(Date.parse(extended.body.timeline.registerTo)).toBe(Date.parse(vn('2027-06-25')));
    round.version = extended.body.version;
    const shortened = await tinhKhe.patch(url(), {
      expectedVersion: round.version,
      timeline: { confirmTo: vn('2027-07-10') },
    });
    expect(shortened.status).toBe(400);
  });

  it('may increase seats but not decrease them, and keeps its catchments fixed', async () => {
    const schools = (s1: number) => [
      { schoolId: unit.primary1, classes: s1, pupilsPerClass: 35 },
      { schoolId: unit.primary2, classes: 2, pupilsPerClass: 30 },
    ];
    const fewer = await tinhKhe.put(`${url()}/schools`, { expectedVersion: round.version, schools: schools(2) });
    expect(fewer.status).toBe(400);
    expect(fewer.body.error.details[0].message).toMatch(/seats may only be increased \(now 105\)/);
    const more = await tinhKhe.put(`${url()}/schools`, { expectedVersion: round.version, schools: schools(4) });
    expect(more.status).toBe(200);
    expect(more.body.seats).toBe(200);
    round.version = more.body.version;
    const catchments = await tinhKhe.put(`${url()}/catchments`, { expectedVersion: round.version, catchments: [] });
    expect(catchments.status).toBe(400);
  });

  it('answers a write based on an old version with resource.stale', async () => {
    const res = await tinhKhe.patch(url(), {
      expectedVersion: round.version - 1,
      timeline: { reviewTo: vn('2027-07-01') },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('resource.stale');
  });
});

describe("copy last year's round", () => {
  it('makes a draft for the next school year with the same schools and catchments, dates one year later', async () => {
    const source = (await tinhKhe.get(`/api/admissions/rounds/${round.id}`)).body;
    const res = await tinhKhe.post(`/api/admissions/rounds/${round.id}/copy`, {
      code: 'TS1-TINHKHE-2028',
      name: 'Tuyển sinh lớp 1 năm học 2028-2029',
      schoolYear: '2028-2029',
    });
    expect(res.status).toBe(201);
    const copy = res.body.round;
    expect(res.body.skipped).toEqual([]);
    expect(copy).toMatchObject({ status: 'draft', version: 1, schoolYear: '2028-2029', copiedFromId: round.id });
    expect(copy.lotterySeed).toBeNull();
    expect(copy.rules).toEqual(source.rules);
    expect(copy.priorityGroups).toEqual(source.priorityGroups);
    for (const [key, at] of Object.entries(source.timeline as Record<string, string>)) {
      const shifted = new Date(at);
      shifted.setUTCFullYear(shifted.getUTCFullYear() + 1);
      expect(copy.timeline[key], key).toBe(shifted.toISOString());
    }
    const strip = (xs: object[]) => xs.map((x) => JSON.stringify(x)).sort();
    expect(strip(copy.schools)).toEqual(strip(source.schools));
    expect(strip(copy.catchments)).toEqual(strip(source.catchments));
  });

  it('refuses a code already in use', async () => {
    const res = await tinhKhe.post(`/api/admissions/rounds/${round.id}/copy`, {
      code: 'TS1-TINHKHE-2028',
      name: 'Bản sao',
      schoolYear: '2029-2030',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('resource.conflict');
  });
});

describe('audit', () => {
  it('records every change with before and after, on the commune running the round', async () => {
    const res = await tinhKhe.get(`/api/audit?entityType=admission_round&entityId=${round.id}&pageSize=50`);
    expect(res.status).toBe(200);
    const actions = res.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'admissions.round.create',
        'admissions.round.schools.replace',
        'admissions.round.catchments.replace',
        'admissions.round.status',
        'admissions.round.update',
      ]),
    );
    for (const e of res.body.items) expect(e).toMatchObject({ unitId: unit.tinhKhe, actorName: 'xa.tinhkhe' });
    const status = res.body.items.find((e: { action: string }) => e.action === 'admissions.round.status');
    expect(status).toMatchObject({ before: { status: 'draft' }, after: { status: 'open' } });
    const update = res.body.items.find((e: { action: string }) => e.action === 'admissions.round.update');
    expect(Date.parse(update.after.timeline.registerTo)).toBeGreaterThan(Date.parse(update.before.timeline.registerTo));
    expect((await dakHa.get(`/api/audit?entityType=admission_round&entityId=${round.id}`)).body.items).toEqual([]);
  });
});
