import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoPlans } from '../../src/server/demo/plans/load-demo-plans.ts';
import { lateTasks } from '../../src/server/modules/plans/plans.read-model.ts';
import type { Client } from '../support/http.ts';
import { login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/** The two 2023 plans of the seeds loaded as demo data, and their budget totals. */
let ctx: TestContext;
let ids: Record<string, string>;
let leader: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  ids = await loadDemoPlans(ctx.platform);
  leader = await login(ctx, 'so.lanhdao');
}, 60_000);
afterAll(() => ctx?.close());

describe('demo plans', () => {
  it('totals the 2023 budget of the Quảng Ngãi plan (seed 002) at 19.382,4 million VND, the per-school lesson-plan item excluded', async () => {
    const r = await leader.get(`/api/plans/${ids['qng-2023']}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const { totals, tasks } = r.body;
    expect(totals.byYear.find((y: { year: number }) => y.year === 2023).amount).toBe(19382.4);
    expect(totals.byYearSource).toContainEqual({ year: 2023, sourceCode: 'CTX_NST', amount: 19382.4 });
    // 2024 and 2025 from the task sections: 300 + 6000 + 31.2 + 6000 + 31.2 + 20.
    expect(totals.byYear.find((y: { year: number }) => y.year === 2024).amount).toBe(12382.4);
    expect(totals.bySource).toEqual([{ sourceCode: 'CTX_NST', label: 'CTX, NST', amount: 44147.2 }]);
    const lessonPlans = tasks.find((t: { code: string }) => t.code === 'II.3.7');
    expect(lessonPlans).toMatchObject({ counted: false, budgetNote: expect.stringContaining('6 triệu/trường') });
    const byUnit = Object.fromEntries(totals.byUnit.map((u: { name: string; amount: number }) => [u.name, u.amount]));
    expect(byUnit['Phòng Giáo dục Trung học']).toBe(7000);
    expect(byUnit['Sở Nội vụ']).toBeUndefined();
    expect(r.body.legalBases).toHaveLength(10);
    expect(tasks.find((t: { code: string }) => t.code === 'II.5.1')).toMatchObject({
      leadUnitId: null,
      leadName: 'Sở Nội vụ',
    });
  });

  it('issues the Kon Tum plan (seed 003) under the former Sở GDĐT Kon Tum name, and loads only once', async () => {
    const again = await loadDemoPlans(ctx.platform);
    expect(again).toEqual(ids);
    const r = await leader.get('/api/plans?year=2023&q=kon tum');
    expect(r.body.items).toHaveLength(1);
    expect(r.body.items[0]).toMatchObject({ issuingUnitName: 'Sở Giáo dục và Đào tạo tỉnh Kon Tum', status: 'issued' });
    const plan = await leader.get(`/api/plans/${ids['ktm-2023']}`);
    const office = plan.body.tasks.find((t: { code: string }) => t.code === 'VI.4.1');
    expect(office.leadName).toBe('Phòng Giáo dục và Đào tạo thành phố Kon Tum');
  });

  it('publishes late tasks for the dashboards (province and a division)', async () => {
    const all = await lateTasks(ctx.platform.db, { rootUnitId: null, today: '2026-11-24' });
    expect(all.late).toBeGreaterThan(0);
    expect(all.open).toBeGreaterThanOrEqual(all.late);
    const div = (
      await ctx.platform.db
        .selectFrom('org_units')
        .select('id')
        .where('code', '=', 'QNG.SGD.GDTRH')
        .executeTakeFirstOrThrow()
    ).id;
    const gdtrh = await lateTasks(ctx.platform.db, { rootUnitId: div, today: '2026-11-24' });
    // II.3.4, II.3.5, II.3.6, II.3.7 are open with an end date of 31/12/2025.
    expect(gdtrh).toMatchObject({ late: 4, open: 4 });
    expect(gdtrh.byUnit).toEqual([{ unitId: div, late: 4, open: 4 }]);
    const early = await lateTasks(ctx.platform.db, { rootUnitId: div, today: '2025-12-31' });
    expect(early.late).toBe(0);
  });

  it('exports the 002 plan to Excel and imports it into an empty plan with the same totals; re-importing changes nothing', async () => {
    const staff = await login(ctx, 'so.gdtrh');
    const x = await ctx.app.inject({
      url: `/api/plans/${ids['qng-2023']}/export.xlsx`,
      headers: { cookie: staff.cookie },
    });
    expect(x.statusCode).toBe(200);
    const soId = (
      await ctx.platform.db.selectFrom('org_units').select('id').where('code', '=', 'QNG.SGD').executeTakeFirstOrThrow()
    ).id;
    const empty = await staff.post('/api/plans', {
      issuingUnitId: soId,
      title: 'Bản sao kế hoạch năm 2023 (nhập từ Excel)',
      yearFrom: 2023,
      yearTo: 2025,
      status: 'issued',
    });
    expect(empty.status).toBe(201);
    const upload = async (planId: string) => {
      const boundary = 'gdsplans';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="k.xlsx"\r\n\r\n`),
        x.rawPayload,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const r = await ctx.app.inject({
        method: 'POST',
        url: `/api/plans/${planId}/import.xlsx`,
        headers: {
          cookie: staff.cookie,
          'x-csrf-token': staff.csrf,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload,
      });
      return r.json();
    };
    const first = await upload(empty.body.id);
    expect(first).toMatchObject({ rows: 19, created: 19, updated: 0, written: true, problems: [] });
    const copy = await leader.get(`/api/plans/${empty.body.id}`);
    const orig = await leader.get(`/api/plans/${ids['qng-2023']}`);
    expect(copy.body.totals).toEqual(orig.body.totals);
    expect(copy.body.sections.map((s: { code: string }) => s.code)).toEqual(['II.1', 'II.2', 'II.3', 'II.4', 'II.5']);
    expect(await upload(empty.body.id)).toMatchObject({ created: 0, updated: 0, written: true });
    expect(await upload(ids['qng-2023']!)).toMatchObject({ created: 0, updated: 0, written: true });
  });
});
