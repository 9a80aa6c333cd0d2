import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dxServices } from '../../src/server/modules/dx-index/dx-index.module.ts';
import { dxLevels } from '../../src/server/modules/dx-index/dx-index.read-model.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { makeUser } from './archive-support.ts';
import {
  answersFor,
  assessmentUrl,
  dayOffset,
  openCampaign,
  saveAndSubmit,
  schoolsOfCommune,
  unitByCode,
} from './dx-support.ts';

/**
 * Levels on the thresholds of QĐ 4725 (49, 50, 75, 76) and an unmet mandatory condition, computed
 * from real answers and stored; results, rankings by commune and the read model for dashboards.
 */
let ctx: TestContext;
let so: Client;
const YEAR = 2026;
// teaching total, governance total, mandatory conditions met
const CASES: [number, number, boolean][] = [
  [49, 49, true],
  [50, 50, true],
  [75, 75, true],
  [76, 76, true],
  [90, 90, false],
];
const schools: string[] = [];
let tinhKhe: string;

beforeAll(async () => {
  ctx = await createTestContext();
  so = await login(ctx, 'so.gdtrh');
  await openCampaign(so, YEAR);
  tinhKhe = await unitByCode(ctx, 'QNG.X001');
  const inTinhKhe = await schoolsOfCommune(ctx, 'QNG.X001');
  const inDakHa = await schoolsOfCommune(ctx, 'QNG.X052');
  const picked = [...inTinhKhe.slice(0, 3), ...inDakHa.slice(0, 2)];
  expect(picked).toHaveLength(5);
  for (const [i, id] of picked.entries()) {
    const code = (
      await ctx.platform.db.selectFrom('org_units').select('code').where('id', '=', id).executeTakeFirstOrThrow()
    ).code;
    const principal = await makeUser(ctx, `ht.dx${i}`, 'principal', code);
    const [t, g, met] = CASES[i]!;
    await saveAndSubmit(principal, principal, YEAR, id, answersFor(t, g, met));
    schools.push(id);
  }
  // The first four are recognised; the fifth (mandatory unmet) stays submitted.
  for (const id of schools.slice(0, 4)) {
    const cur = await so.get(assessmentUrl(YEAR, id));
    const r = await so.post(`${assessmentUrl(YEAR, id)}/recognise`, { version: cur.body.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
}, 90_000);
afterAll(() => ctx?.close());

describe('levels', () => {
  it('gives Mức 1 at 49, Mức 2 at 50 and 75, Mức 3 at 76, and Mức 1 with an unmet mandatory condition', async () => {
    const levels = [];
    for (const id of schools) {
      const r = await so.get(assessmentUrl(YEAR, id));
      levels.push([r.body.final.teaching.total, r.body.final.teaching.level, r.body.final.governance.level]);
    }
    expect(levels).toEqual([
      [49, 1, 1],
      [50, 2, 2],
      [75, 2, 2],
      [76, 3, 3],
      [90, 1, 1],
    ]);
  });
});

describe('results and rankings', () => {
  it('ranks the province by the sum of both groups and filters by level', async () => {
    const r = await so.get(`/api/dx/campaigns/${YEAR}/results?level=2&group=teaching`);
    expect(r.status).toBe(200);
    expect(r.body.items.map((x: { teaching: number }) => x.teaching)).toEqual([75, 50]);
    const all = await so.get(`/api/dx/campaigns/${YEAR}/queue`);
    expect(all.body.items.map((x: { schoolId: string }) => x.schoolId)).toEqual([schools[4]]);
    const ranked = await so.get(`/api/dx/campaigns/${YEAR}/results?pageSize=3`);
    expect(ranked.body.items.map((x: { rank: number; teaching: number }) => [x.rank, x.teaching])).toEqual([
      [1, 90],
      [2, 76],
      [3, 75],
    ]);
    expect(ranked.body.total).toBeGreaterThan(300);
  });

  it('averages and distributes levels per commune, recognised only when asked', async () => {
    const r = await so.get(`/api/dx/campaigns/${YEAR}/ranking?recognisedOnly=true`);
    const tk = r.body.communes.find((c: { unitId: string }) => c.unitId === tinhKhe);
    expect(tk).toMatchObject({ assessed: 3, recognised: 3, avgTeaching: 58, teaching: { 1: 1, 2: 2, 3: 0 } });
    expect(r.body).toMatchObject({ assessed: 5, recognised: 4, teaching: { 1: 1, 2: 2, 3: 1 } });
    const commune = await login(ctx, 'xa.tinhkhe');
    const mine = await commune.get(`/api/dx/campaigns/${YEAR}/ranking`);
    expect(mine.body.communes.map((c: { unitId: string }) => c.unitId)).toEqual([tinhKhe]);
  });

  it('gives the dashboards the levels by commune through dxLevels', async () => {
    const all = await dxLevels(ctx.platform.db, { year: YEAR, rootUnitId: null });
    expect(all).toMatchObject({ assessed: 5, recognised: 4, byLevel: { teaching: { 1: 2, 2: 2, 3: 1 } } });
    expect(all.schools).toBeGreaterThan(300);
    const rec = await dxLevels(ctx.platform.db, { year: YEAR, rootUnitId: tinhKhe, recognisedOnly: true });
    expect(rec.byCommune).toEqual([
      expect.objectContaining({ unitId: tinhKhe, assessed: 3, avgTeaching: 58, avgGovernance: 58 }),
    ]);
    const none = await dxLevels(ctx.platform.db, { year: 2030, rootUnitId: null });
    expect(none.assessed).toBe(0);
  });
});

describe('excel export', () => {
  it('gives the schools and communes of the scope as a workbook, audited', async () => {
    const commune = await login(ctx, 'xa.tinhkhe');
    const r = await ctx.app.inject({
      url: `/api/dx/campaigns/${YEAR}/results.xlsx`,
      headers: { cookie: commune.cookie },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Theo trường', 'Theo xã, phường']);
    const rows = wb.getWorksheet('Theo trường')!.getSheetValues().slice(2) as unknown[][];
    expect(rows.length).toBe((await schoolsOfCommune(ctx, 'QNG.X001')).length);
    expect(rows.some((row) => row[5] === 75 && row[6] === 'Mức 2')).toBe(true);
    const audit = await ctx.platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'dx.results.export')
      .execute();
    expect(audit).toHaveLength(1);
    expect((await ctx.app.inject(`/api/dx/campaigns/${YEAR}/results.xlsx`)).statusCode).toBe(401);
  });
});

describe('reminders', () => {
  it('reminds schools that have not submitted as the deadline nears, once a day', async () => {
    await openCampaign(so, 2027, { opensOn: dayOffset(-20), submitBy: dayOffset(3), evaluateBy: dayOffset(20) });
    // One school of Tịnh Khê submits; the others (no assessment yet) are reminded.
    const first = schools[0]!;
    const code = (
      await ctx.platform.db.selectFrom('org_units').select('code').where('id', '=', first).executeTakeFirstOrThrow()
    ).code;
    const principal = await makeUser(ctx, 'ht.dx.remind', 'principal', code);
    await saveAndSubmit(principal, principal, 2027, first, answersFor(60, 60));
    const reminders = dxServices(ctx.platform).reminders;
    const n = await reminders.run();
    expect(n).toBeGreaterThan(250);
    expect(await reminders.run()).toBe(0);
    const rows = await ctx.platform.db
      .selectFrom('notification_outbox')
      .select(['recipient', 'subject', 'unit_id'])
      .where('template', '=', 'dx.reminder')
      .execute();
    expect(rows.some((r) => r.unit_id === first)).toBe(false);
    const tk = rows.filter((r) => r.unit_id === schools[1]);
    expect(tk.length).toBeGreaterThan(0);
    expect(tk[0]!.subject).toContain('Nhắc tự đánh giá mức độ chuyển đổi số năm 2027');
    // The campaign of 2026 (deadline in 10 days) is not due yet.
    expect(rows.every((r) => !r.subject?.includes('năm 2026'))).toBe(true);
  });
});

describe('published results only (public dashboards)', () => {
  it('counts nothing of a year the Sở has not published, then only recognised results once it has', async () => {
    const before = await dxLevels(ctx.platform.db, { year: YEAR, rootUnitId: null, publishedOnly: true });
    expect(before).toMatchObject({ assessed: 0, recognised: 0, byLevel: { teaching: { 1: 0, 2: 0, 3: 0 } } });
    expect(before.schools).toBeGreaterThan(300);
    // the existing behaviour is unchanged without the option
    expect(await dxLevels(ctx.platform.db, { year: YEAR, rootUnitId: null })).toMatchObject({ assessed: 5 });

    const campaigns = await so.get('/api/dx/campaigns');
    const c = campaigns.body.items.find((x: { year: number }) => x.year === YEAR);
    const pub = await so.post(`/api/dx/campaigns/${YEAR}/publish`, { version: c.version });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);

    const after = await dxLevels(ctx.platform.db, { year: YEAR, rootUnitId: null, publishedOnly: true });
    // four recognised (49 → Mức 1, 50 and 75 → Mức 2, 76 → Mức 3); the fifth is still submitted
    expect(after).toMatchObject({
      schools: before.schools,
      assessed: 4,
      recognised: 4,
      byLevel: { teaching: { 1: 1, 2: 2, 3: 1 }, governance: { 1: 1, 2: 2, 3: 1 } },
    });
    const tk = await dxLevels(ctx.platform.db, { year: YEAR, rootUnitId: tinhKhe, publishedOnly: true });
    expect(tk.byCommune).toEqual([expect.objectContaining({ unitId: tinhKhe, assessed: 3, avgTeaching: 58 })]);
    // the same figures as the public ranking
    const pr = await ctx.app.inject(`/api/public/dx/${YEAR}/ranking`);
    expect(pr.json()).toMatchObject({ recognised: after.recognised, assessed: after.assessed });
    // a year without any campaign stays empty
    expect((await dxLevels(ctx.platform.db, { year: 2031, rootUnitId: null, publishedOnly: true })).assessed).toBe(0);
  });
});
