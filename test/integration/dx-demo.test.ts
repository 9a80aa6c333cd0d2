import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDxIndex } from '../../src/server/demo/dx-index/load-demo-dx-index.ts';
import { dxLevels } from '../../src/server/modules/dx-index/dx-index.read-model.ts';
import { login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { assessmentUrl, unitByCode } from './dx-support.ts';

/** The DX index's synthetic demo: a published 2025 and an open 2026 with work waiting. */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemoDxIndex(ctx.platform);
  await loadDemoDxIndex(ctx.platform); // idempotent
}, 60_000);
afterAll(() => ctx?.close());

describe('demo', () => {
  it('publishes 2025 with most schools recognised and a spread of levels', async () => {
    const r = await dxLevels(ctx.platform.db, { year: 2025, rootUnitId: null, recognisedOnly: true });
    expect(r.recognised / r.schools).toBeGreaterThan(0.6);
    expect(r.recognised / r.schools).toBeLessThan(0.9);
    for (const l of [1, 2, 3] as const) expect(r.byLevel.teaching[l]).toBeGreaterThan(5);
    const pub = await ctx.app.inject('/api/public/dx/2025/ranking');
    expect(pub.statusCode).toBe(200);
    const communes = pub.json().communes.filter((c: { rank: number | null }) => c.rank !== null);
    expect(communes.length).toBeGreaterThan(50);
    expect((await ctx.app.inject('/api/public/dx/2026/results')).statusCode).toBe(404);
  });

  it('leaves 2026 open: a half-filled draft for the demo principal, submissions in the queues', async () => {
    const principal = await login(ctx, 'ht.thso1tinhkhe');
    const v = await principal.get(assessmentUrl(2026, await unitByCode(ctx, '51000578')));
    expect(v.body).toMatchObject({ state: 'draft', canEdit: true, canSubmit: true });
    expect(v.body.answers.length).toBeGreaterThan(5);
    const commune = await login(ctx, 'xa.tinhkhe');
    expect((await commune.get('/api/dx/campaigns/2026/queue')).body.total).toBeGreaterThan(0);
    const so = await login(ctx, 'so.gdtrh');
    const q = await so.get('/api/dx/campaigns/2026/queue?pageSize=50');
    expect(q.body.items.map((i: { schoolName: string }) => i.schoolName)).toContain('Trường THPT Trần Quốc Tuấn');
  });
});
