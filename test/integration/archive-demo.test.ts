import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARCHIVIST, loadDemoArchive } from '../../src/server/demo/archive/load-demo-archive.ts';
import { login } from '../support/http.ts';
import { createTestContext, DEMO_PASSWORD, type TestContext } from '../support/test-app.ts';

/** The synthetic demo archive: two fonds (today's Sở, the former Kon Tum Sở), loaded once. */
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
}, 60_000);
afterAll(() => ctx?.close());

describe('demo archive', () => {
  it('loads the fonds and files once, the former Kon Tum files under the Kon Tum Sở name, readable by the demo archivist', async () => {
    expect(await loadDemoArchive(ctx.platform, DEMO_PASSWORD)).toBe(true);
    expect(await loadDemoArchive(ctx.platform, DEMO_PASSWORD)).toBe(false);
    const anon = await ctx.app.inject('/api/archive/files');
    expect(anon.json().total).toBe(2);
    const archivist = await login(ctx, DEMO_ARCHIVIST);
    const all = await archivist.get('/api/archive/files?pageSize=50');
    expect(all.body.total).toBe(5);
    const kt = all.body.items.find((f: { code: string }) => f.code === '000.00.31.H34.1996.12');
    expect(kt.creatorUnitName).toBe('Sở Giáo dục và Đào tạo tỉnh Kon Tum');
    const restricted = all.body.items.find((f: { accessLevel: string }) => f.accessLevel === 'restricted');
    const detail = await archivist.get(`/api/archive/files/${restricted.id}`);
    expect(detail.body.documents).toHaveLength(1);
    expect((await archivist.post('/api/archive/fixity/run')).body).toMatchObject({ checked: 7, problems: 0 });
  });
});
