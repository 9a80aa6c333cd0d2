import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoReports } from '../../src/server/demo/reports/load-demo-reports.ts';
import { aggregate, completeness } from '../../src/server/modules/reports/reports.read-model.ts';
import { rt } from '../../src/server/modules/reports/reports.tables.ts';
import { login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/** The reports demo: two forms, closed and open periods, every state, fast and idempotent. */
let ctx: TestContext;
let loadMs = 0;
beforeAll(async () => {
  ctx = await createTestContext();
  const t = performance.now();
  await loadDemoReports(ctx.platform);
  loadMs = performance.now() - t;
});
afterAll(() => ctx.close());

describe('reports demo', () => {
  it('loads in under 5 seconds, once', async () => {
    expect(loadMs).toBeLessThan(5000);
    await loadDemoReports(ctx.platform);
    const forms = await rt(ctx.platform.db).selectFrom('report_forms').select('code').execute();
    expect(forms).toHaveLength(2);
  });

  it('has every state in the closed half-year and consistent completeness', async () => {
    const rows = await rt(ctx.platform.db)
      .selectFrom('report_submissions as s')
      .innerJoin('report_periods as p', 'p.id', 's.period_id')
      .select(['s.status as status', 's.on_time as onTime', 'p.closes_on as closesOn'])
      .execute();
    const statuses = new Set(rows.map((r) => r.status));
    for (const st of ['approved', 'completed', 'returned', 'draft', 'not_started']) expect(statuses).toContain(st);
    expect(rows.some((r) => r.onTime === false)).toBe(true);
    const c = await completeness(ctx.platform.db, { rootUnitId: null });
    expect(c.expected).toBe(rows.length);
    expect(c.byChild.reduce((a, r) => a + r.submitted, 0)).toBe(c.submitted);
  });

  it('gives the survey figures the KPIs read (yes/no counts, sums)', async () => {
    const year = String(new Date().getFullYear() - 1);
    const sw = await aggregate(ctx.platform.db, {
      formCode: 'KS-CDS',
      fieldCode: 'uses_school_software',
      periodKey: year,
      rootUnitId: null,
    });
    expect(sw.count).toBeGreaterThan(0);
    expect(sw.value).toBeLessThanOrEqual(sw.count);
    const pcs = await aggregate(ctx.platform.db, {
      formCode: 'KS-CDS',
      fieldCode: 'computers',
      periodKey: year,
      rootUnitId: null,
    });
    expect(pcs.value).toBeGreaterThan(0);
    expect(pcs.byChild.reduce((a, r) => a + (r.value ?? 0), 0)).toBe(pcs.value);
  });

  it('lets demo users work: a commune officer reviews, a principal has reports to fill', async () => {
    const xa = await login(ctx, 'xa.tinhkhe');
    const review = await xa.get('/api/reports/review?pageSize=5');
    expect(review.status).toBe(200);
    const ht = await login(ctx, 'ht.thso1tinhkhe');
    const inbox = await ht.get('/api/reports/inbox?openOnly=true');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.length).toBeGreaterThan(0);
    // the current year's survey, open now (the principal's school may already have sent it)
    const day = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(
      inbox.body.items.every((x: { opensOn: string; closesOn: string }) => x.opensOn <= day && x.closesOn >= day),
    ).toBe(true);
    expect(inbox.body.items.map((x: { formCode: string }) => x.formCode)).toContain('KS-CDS');
  });
});
