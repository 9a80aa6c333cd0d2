import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDiplomaCopies } from '../../src/server/demo/diploma-copies/load-demo-diploma-copies.ts';
import { loadDemoDiplomas } from '../../src/server/demo/diplomas/load-demo-diplomas.ts';
import { login } from '../support/http.ts';
import { createTestContext, DEMO_PASSWORD, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

describe('demo certified copies', () => {
  it('files three requests once, one issued and verifiable, in the demo officer’s queue', async () => {
    await loadDemoDiplomas(ctx.platform, DEMO_PASSWORD);
    await loadDemoDiplomaCopies(ctx.platform);
    await loadDemoDiplomaCopies(ctx.platform);
    const officer = await login(ctx, 'so.vanbang');
    const all = await officer.get('/api/diploma-copies/requests?state=all');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    const issued = await officer.get('/api/diploma-copies/requests?state=approved');
    expect(issued.body.items).toHaveLength(1);
    const detail = await officer.get(`/api/diploma-copies/requests/${issued.body.items[0].dossierId}`);
    expect(detail.body.deliveryStatus).toBe('ready_for_pickup');
    const { copyNumber, checkCode } = detail.body.copy;
    const check = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/diplomas/copies/verify?${new URLSearchParams({ so: copyNumber, ma: checkCode })}`,
    });
    expect(check.json()).toMatchObject({ found: true, signature: { valid: true, demo: true } });
    const open = await officer.get('/api/diploma-copies/requests?state=open');
    expect(open.body.items).toHaveLength(2);
    const candidates = await officer.get(`/api/diploma-copies/requests/${open.body.items[0].dossierId}/candidates`);
    expect(candidates.body.items[0].reasons).toContain('serial');
  });
});
