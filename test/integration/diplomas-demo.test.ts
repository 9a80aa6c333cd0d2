import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDiplomas } from '../../src/server/demo/diplomas/load-demo-diplomas.ts';
import { login } from '../support/http.ts';
import { createTestContext, DEMO_PASSWORD, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

describe('demo diploma registers', () => {
  it('loads two synthetic registers through the import path, once, with an officer who can search them', async () => {
    await loadDemoDiplomas(ctx.platform, DEMO_PASSWORD);
    await loadDemoDiplomas(ctx.platform, DEMO_PASSWORD);
    const officer = await login(ctx, 'so.vanbang');
    const registers = await officer.get('/api/diplomas/registers');
    expect(registers.status).toBe(200);
    expect(
      registers.body.items.map((r: { year: number; entries: number; issuingUnitName: string }) => [
        r.year,
        r.entries,
        r.issuingUnitName,
      ]),
    ).toEqual([
      [2015, 300, 'Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi'],
      [2012, 200, 'Sở Giáo dục và Đào tạo tỉnh Kon Tum'],
    ]);
    const found = await officer.get('/api/diplomas/entries?serial=DM000001');
    expect(found.body.items).toHaveLength(1);
  });
});
