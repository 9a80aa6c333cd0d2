import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { grantUnitOf, insertReport, schoolsOf } from './kpis-support.ts';

/**
 * KPIs on real PostgreSQL: formulas over report data against hand-computed values, targets
 * (the province's, overridden for a commune), the drill-down, manual actuals, and access.
 *
 * Report data (form KS_CDS, yearly, period 2025), schools of two communes:
 *   Tịnh Khê: 3 schools — software yes, yes, no; computers 10, 20, 30
 *   Đăk Hà:   2 schools — software yes, no;      computers 5, 15
 * and one school of Tịnh Khê answered in 2024 (yes; 8 computers) for the trend.
 */
let ctx: TestContext;
let so: Client;
let tinhKheOfficer: Client;
let principal: Client;
let otherPrincipal: Client;
const u = { province: '', tinhKhe: '', dakHa: '', tk: [] as string[], dh: [] as string[], school1: '' };

beforeAll(async () => {
  ctx = await createTestContext();
  so = await login(ctx, 'so.lanhdao');
  tinhKheOfficer = await login(ctx, 'xa.tinhkhe');
  principal = await login(ctx, 'ht.thso1tinhkhe');
  otherPrincipal = await login(ctx, 'ht.thdakha');
  u.province = await grantUnitOf(ctx, 'so.lanhdao');
  u.tinhKhe = await grantUnitOf(ctx, 'xa.tinhkhe');
  u.dakHa = await grantUnitOf(ctx, 'xa.dakha');
  u.school1 = await grantUnitOf(ctx, 'ht.thso1tinhkhe');
  const tk = (await schoolsOf(ctx, u.tinhKhe)).map((s) => s.id);
  // School 1 first, so that its principal's answers are the first row.
  u.tk = [u.school1, ...tk.filter((id) => id !== u.school1)].slice(0, 3);
  u.dh = (await schoolsOf(ctx, u.dakHa)).map((s) => s.id).slice(0, 2);
  expect(u.tk).toHaveLength(3);
  expect(u.dh).toHaveLength(2);
  const answers: [string, boolean, number][] = [
    [u.tk[0]!, true, 10],
    [u.tk[1]!, true, 20],
    [u.tk[2]!, false, 30],
    [u.dh[0]!, true, 5],
    [u.dh[1]!, false, 15],
  ];
  const fields = [
    { code: 'phan_mem_qlnt', type: 'yes_no' as const },
    { code: 'so_may_tinh', type: 'integer' as const },
  ];
  await insertReport(ctx, {
    formCode: 'KS_CDS',
    periodKey: '2025',
    closesOn: '2025-12-06',
    fields,
    submissions: answers.map(([unitId, yes, pcs]) => ({
      unitId,
      status: 'completed',
      values: { phan_mem_qlnt: yes, so_may_tinh: pcs },
    })),
  });
  await insertReport(ctx, {
    formCode: 'KS_CDS',
    periodKey: '2024',
    closesOn: '2024-12-06',
    fields,
    submissions: [{ unitId: u.tk[0]!, status: 'completed', values: { phan_mem_qlnt: true, so_may_tinh: 8 } }],
  });
  const made = await so.post('/api/kpis/indicators', {
    code: 'QLNT',
    nameVi: '100% cơ sở giáo dục phổ thông sử dụng phần mềm quản lý nhà trường',
    nameEn: 'All general-education schools use school-management software',
    unit: 'percent',
    kind: 'formula',
    formula: 'share(report:KS_CDS.phan_mem_qlnt, report_count:KS_CDS.phan_mem_qlnt)',
    level: 'school',
    isPublic: true,
  });
  expect(made.status).toBe(201);
  expect(
    (
      await so.post('/api/kpis/indicators', {
        code: 'MAY_TINH',
        nameVi: 'Số máy tính bình quân một trường',
        nameEn: 'Computers per school',
        unit: 'number',
        kind: 'formula',
        formula: 'report:KS_CDS.so_may_tinh / report_count:KS_CDS.so_may_tinh',
        level: 'commune',
      })
    ).status,
  ).toBe(201);
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

const card = (body: { items: { indicator: { code: string } }[] }, code: string) =>
  body.items.find((c) => c.indicator.code === code) as unknown as {
    actual: number | null;
    target: number | null;
    status: string;
    trend: { year: number; actual: number | null; target: number | null }[];
  };

describe('formula evaluation over report data', () => {
  it('computes the province share and average by hand-checked values', async () => {
    const r = await so.get('/api/kpis?year=2025');
    expect(r.status).toBe(200);
    expect(r.body.unitId).toBe(u.province);
    expect(card(r.body, 'QLNT').actual).toBe(60); // 3 yes of 5 answers
    expect(card(r.body, 'MAY_TINH').actual).toBe(16); // 80 computers / 5 schools
  });

  it('computes a commune from its own schools only', async () => {
    const r = await so.get(`/api/kpis?year=2025&unitId=${u.tinhKhe}`);
    expect(card(r.body, 'QLNT').actual).toBe(66.67); // 2 of 3
    expect(card(r.body, 'MAY_TINH').actual).toBe(20); // 60 / 3
  });

  it('shows the previous years as a trend', async () => {
    const r = await so.get('/api/kpis?year=2025');
    const trend = card(r.body, 'QLNT').trend;
    expect(trend.map((p) => p.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(trend.find((p) => p.year === 2024)!.actual).toBe(100);
    expect(trend.find((p) => p.year === 2023)!.actual).toBeNull();
  });

  it('gives no value (not zero) when a division has nothing below it', async () => {
    const r = await so.get('/api/kpis?year=2023');
    expect(card(r.body, 'MAY_TINH').actual).toBeNull();
    expect(card(r.body, 'MAY_TINH').status).toBe('no_target');
  });
});

describe('targets and drill-down', () => {
  beforeAll(async () => {
    expect((await so.put('/api/kpis/QLNT/targets', { year: 2025, unitId: u.province, target: 80 })).status).toBe(204);
    expect((await so.put('/api/kpis/QLNT/targets', { year: 2025, unitId: u.dakHa, target: 40 })).status).toBe(204);
    expect((await so.put('/api/kpis/QLNT/targets', { year: 2025, unitId: u.tinhKhe, target: 70 })).status).toBe(204);
  });

  it('judges the province against its target', async () => {
    const c = card((await so.get('/api/kpis?year=2025')).body, 'QLNT');
    expect(c.target).toBe(80);
    expect(c.status).toBe('behind'); // 60 < 72 (80 less 10 %)
  });

  it('drills down to communes, each with its own or the inherited target', async () => {
    const r = await so.get('/api/kpis/QLNT?year=2025&pageSize=200');
    expect(r.status).toBe(200);
    const rows: { unitId: string; actual: number | null; target: number | null; status: string; drillable: boolean }[] =
      r.body.children.items;
    const tk = rows.find((x) => x.unitId === u.tinhKhe)!;
    const dh = rows.find((x) => x.unitId === u.dakHa)!;
    expect(tk).toMatchObject({ actual: 66.67, target: 70, status: 'near', drillable: true }); // ≥ 63
    expect(dh).toMatchObject({ actual: 50, target: 40, status: 'met' });
    expect(r.body.targets.map((t: { target: number }) => t.target).sort()).toEqual([40, 70, 80]);
    const quiet = rows.find((x) => x.unitId !== u.tinhKhe && x.unitId !== u.dakHa && x.actual === null);
    expect(quiet?.status).toBe('no_data');
  });

  it('drills from a commune down to its schools', async () => {
    const r = await so.get(`/api/kpis/QLNT?year=2025&unitId=${u.tinhKhe}&pageSize=200`);
    const byId = new Map(
      r.body.children.items.map((x: { unitId: string; actual: number | null }) => [x.unitId, x.actual]),
    );
    expect(u.tk.map((id) => byId.get(id))).toEqual([100, 100, 0]);
  });

  it('stops at the indicator’s level', async () => {
    const r = await so.get(`/api/kpis/MAY_TINH?year=2025&unitId=${u.tinhKhe}`);
    expect(r.body.children.total).toBe(0);
  });

  it('removes an override so that the province target applies again', async () => {
    expect((await so.del(`/api/kpis/QLNT/targets/2025/${u.dakHa}`)).status).toBe(204);
    const c = card((await so.get(`/api/kpis?year=2025&unitId=${u.dakHa}`)).body, 'QLNT');
    expect(c.target).toBe(80);
    expect(c.status).toBe('behind');
  });
});

describe('defining indicators', () => {
  it('points at the formula when it does not parse or names an unknown input', async () => {
    const base = { nameVi: 'Chỉ số thử', nameEn: 'Test indicator', unit: 'percent', kind: 'formula' };
    const bad = await so.post('/api/kpis/indicators', { ...base, code: 'BAD', formula: 'share(1,' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('body.formula');
    const unknown = await so.post('/api/kpis/indicators', {
      ...base,
      code: 'BAD',
      formula: 'platform:nothing.here * 2',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].message).toContain('platform:nothing.here');
  });

  it('refuses a second indicator with the same code', async () => {
    const r = await so.post('/api/kpis/indicators', {
      code: 'QLNT',
      nameVi: 'Trùng mã',
      nameEn: 'Same code',
      unit: 'percent',
      kind: 'manual',
    });
    expect(r.status).toBe(409);
  });

  it('changes an indicator with its version and audits it', async () => {
    const list = await so.get('/api/kpis/indicators');
    const q = list.body.items.find((i: { code: string }) => i.code === 'MAY_TINH');
    const { id: _id, code: _code, ...rest } = q;
    const r = await so.put('/api/kpis/indicators/MAY_TINH', { ...rest, nameVi: 'Máy tính bình quân mỗi trường' });
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(q.version + 1);
    expect((await so.put('/api/kpis/indicators/MAY_TINH', { ...rest })).status).toBe(409);
    const audit = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'kpis.%' AND entity_type = 'kpi_indicator'`.execute(
      ctx.platform.db,
    );
    expect(audit.rows[0]!.n).toBe(3);
  });

  it('lets only kpis.manage define indicators and targets', async () => {
    const r = await tinhKheOfficer.post('/api/kpis/indicators', {
      code: 'XA',
      nameVi: 'Chỉ số xã',
      nameEn: 'Commune KPI',
      unit: 'count',
      kind: 'manual',
    });
    expect(r.status).toBe(403);
    expect(
      (await tinhKheOfficer.put('/api/kpis/QLNT/targets', { year: 2025, unitId: u.tinhKhe, target: 90 })).status,
    ).toBe(403);
  });
});

describe('manual indicators', () => {
  beforeAll(async () => {
    const r = await so.post('/api/kpis/indicators', {
      code: 'ATTT_TUYEN_TRUYEN',
      nameVi: '100% CB, CC, VC và người lao động của ngành Giáo dục được tuyên truyền về an toàn thông tin',
      nameEn: 'All staff informed on information security',
      unit: 'percent',
      kind: 'manual',
      level: 'school',
    });
    expect(r.status).toBe(201);
  });

  it('lets a school enter its own actual with a source note, seen by the commune', async () => {
    const r = await principal.put('/api/kpis/ATTT_TUYEN_TRUYEN/actuals', {
      year: 2025,
      unitId: u.school1,
      value: 95.5,
      sourceNote: 'Biên bản sinh hoạt chuyên môn 12/2025',
    });
    expect(r.status).toBe(204);
    const d = await tinhKheOfficer.get(`/api/kpis/ATTT_TUYEN_TRUYEN?year=2025&pageSize=200`);
    expect(d.status).toBe(200);
    const row = d.body.children.items.find((x: { unitId: string }) => x.unitId === u.school1);
    expect(row).toMatchObject({ actual: 95.5, sourceNote: 'Biên bản sinh hoạt chuyên môn 12/2025' });
  });

  it('refuses another school’s principal and a computed indicator', async () => {
    const body = { year: 2025, unitId: u.school1, value: 10, sourceNote: 'Thử' };
    expect((await otherPrincipal.put('/api/kpis/ATTT_TUYEN_TRUYEN/actuals', body)).status).toBe(403);
    const computed = await principal.put('/api/kpis/QLNT/actuals', body);
    expect(computed.status).toBe(400);
    expect(computed.body.error.details[0].path).toBe('body.value');
  });

  it('requires a source note', async () => {
    const r = await principal.put('/api/kpis/ATTT_TUYEN_TRUYEN/actuals', { year: 2025, unitId: u.school1, value: 1 });
    expect(r.status).toBe(400);
  });
});

describe('who reads what', () => {
  it('shows a commune officer its commune by default and refuses the province', async () => {
    const r = await tinhKheOfficer.get('/api/kpis?year=2025');
    expect(r.body.unitId).toBe(u.tinhKhe);
    expect((await tinhKheOfficer.get(`/api/kpis?unitId=${u.province}`)).status).toBe(403);
    expect((await tinhKheOfficer.get(`/api/kpis/QLNT?unitId=${u.dakHa}`)).status).toBe(403);
  });

  it('shows a principal its school, and the public only public indicators', async () => {
    const r = await principal.get('/api/kpis?year=2025');
    expect(r.body.unitId).toBe(u.school1);
    expect(card(r.body, 'QLNT').actual).toBe(100);
    const pub = await ctx.app.inject('/api/kpis/public?year=2025');
    expect(pub.statusCode).toBe(200);
    expect(pub.json().items.map((c: { indicator: { code: string } }) => c.indicator.code)).toEqual(['QLNT']);
    expect((await ctx.app.inject('/api/kpis')).statusCode).toBe(401);
  });
});
