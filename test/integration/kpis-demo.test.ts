import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoAdmissions } from '../../src/server/demo/admissions/load-demo-admissions.ts';
import { loadDemoKpis } from '../../src/server/demo/kpis/load-demo-kpis.ts';
import { kpiServices } from '../../src/server/modules/kpis/kpis.module.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * The demo KPIs: the targets of seed 003 section I.2 with their wording and values, and the
 * online-dossier share computed from the demo admissions (a few made clerk-assisted by hand).
 */
let ctx: TestContext;
let so: Client;
const year = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()),
);

beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemoAdmissions(ctx.platform);
  so = await login(ctx, 'so.lanhdao');
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

type Card = {
  indicator: { code: string; nameVi: string; sourceRef: string | null };
  actual: number | null;
  target: number | null;
  status: string;
};

describe('loadDemoKpis', () => {
  it('loads the targets of seed 003 I.2 once', async () => {
    expect((await loadDemoKpis(ctx.platform)).indicators).toBe(12);
    expect((await loadDemoKpis(ctx.platform)).indicators).toBe(0);
    const items: Card[] = (await so.get(`/api/kpis?year=${year}`)).body.items;
    const byCode = new Map(items.map((c) => [c.indicator.code, c]));
    const q = byCode.get('CDS.QUAN_TRI_SO')!;
    expect(q.indicator.nameVi).toBe(
      'Tỷ lệ các cơ sở giáo dục phổ thông hoàn thiện được mô hình quản trị số, hoạt động số, chuẩn hóa dữ liệu số, kho học liệu số mở đạt tối thiểu 30%',
    );
    expect(q.target).toBe(30);
    expect(q.indicator.sourceRef).toContain('mục I.2');
    expect(byCode.get('CDS.HOC_PHI_KDTM')).toMatchObject({ target: 50, actual: 56, status: 'met' });
    expect(byCode.get('CDS.ATTT_BOI_DUONG')?.target).toBe(20);
    expect(byCode.get('VH.NHIEM_VU_TRE_HAN')?.indicator.sourceRef).toBeNull();
  });

  it('computes the online share of admission dossiers by hand-checked counts', async () => {
    const filed = await sql<{ id: string }>`
      SELECT d.id FROM admission_rounds r JOIN admission_applications a ON a.round_id = r.id JOIN dossiers d ON d.id = a.dossier_id
       WHERE EXTRACT(year FROM r.register_from AT TIME ZONE 'Asia/Ho_Chi_Minh') = ${year} AND d.state <> 'draft'
       ORDER BY d.id`.execute(ctx.platform.db);
    const n = filed.rows.length;
    expect(n).toBeGreaterThan(10);
    const assisted = filed.rows.slice(0, 5).map((r) => r.id);
    await sql`UPDATE dossiers SET form = form || '{"assisted": {"consent": true}}'::jsonb WHERE id = ANY(${assisted}::uuid[])`.execute(
      ctx.platform.db,
    );
    // Computed actuals are cached for a minute per node (kpi-actuals.ts): the first test read this one.
    const before: Card[] = (await so.get(`/api/kpis?year=${year}`)).body.items;
    expect(before.find((c) => c.indicator.code === 'CDS.HO_SO_TRUC_TUYEN')!.actual).toBe(100);
    kpiServices(ctx.platform).read.actuals.clear();
    const items: Card[] = (await so.get(`/api/kpis?year=${year}`)).body.items;
    const online = items.find((c) => c.indicator.code === 'CDS.HO_SO_TRUC_TUYEN')!;
    expect(online.actual).toBe(Math.round(((n - 5) / n) * 100 * 100) / 100);
    expect(online.target).toBe(90);
  });
});
