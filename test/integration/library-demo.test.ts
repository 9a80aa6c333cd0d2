import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RESOURCES } from '../../src/server/demo/library/catalogue.ts';
import { loadDemoLibrary } from '../../src/server/demo/library/load-demo-library.ts';
import { login } from '../support/http.ts';
import { createTestContext, DEMO_PASSWORD, type TestContext } from '../support/test-app.ts';

/**
 * The library demo (synthetic): loaded into a fresh database of the demo province through the
 * library's services, in every moderation state, findable without accents, and idempotent.
 */
let ctx: TestContext;
let took = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  const t0 = performance.now();
  const summary = await loadDemoLibrary(ctx.platform, DEMO_PASSWORD);
  took = performance.now() - t0;
  expect(summary.resources).toBe(DEMO_RESOURCES.length);
}, 60_000);
afterAll(() => ctx?.close());

const anonymous = (url: string) => ctx.app.inject(url).then((r) => ({ status: r.statusCode, body: r.json() }));

describe('library demo', () => {
  it('loads 20–30 resources in every state (a sanity bound on time; speed is measured in bench/)', async () => {
    expect(took).toBeLessThan(30_000);
    const rows = await ctx.platform.db
      .selectFrom('library_resources')
      .select(['status', 'published_version_id', 'current_version_id', 'kind', 'language_code', 'visibility'])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows.length).toBeLessThanOrEqual(30);
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    expect({
      draft: count('draft'),
      submitted: count('submitted'),
      in_review: count('in_review'),
      returned: count('returned'),
      published: count('published'),
      taken_down: count('taken_down'),
    }).toEqual({ draft: 2, submitted: 3, in_review: 4, returned: 2, published: 12, taken_down: 1 });
    // A published resource with a new version under review.
    const underReview = rows.filter(
      (r) => r.status === 'in_review' && r.published_version_id && r.published_version_id !== r.current_version_id,
    );
    expect(underReview).toHaveLength(1);
    for (const k of ['image', 'document', 'link', 'simulation', 'lesson_plan', 'etextbook'])
      expect(
        rows.some((r) => r.kind === k),
        k,
      ).toBe(true);
    expect(rows.some((r) => r.language_code === 'bdq' || r.language_code === 'sed')).toBe(true);
    expect(new Set(rows.map((r) => r.visibility))).toEqual(new Set(['public', 'province', 'school']));
  });

  it('keeps a comment on the returned resources and a reason on the taken-down one', async () => {
    const t = await ctx.platform.db
      .selectFrom('library_transitions')
      .select(['action', 'comment'])
      .where('action', 'in', ['return', 'take_down'])
      .execute();
    expect(t).toHaveLength(3);
    for (const x of t) expect(x.comment).toBeTruthy();
  });

  it('finds "thi nghiem ao" without accents, anonymously', async () => {
    const r = await anonymous('/api/library/resources?q=thi%20nghiem%20ao');
    expect(r.status).toBe(200);
    const titles = r.body.items.map((i: { title: string }) => i.title);
    expect(titles).toContain('Thí nghiệm ảo Vật lí 10: Rơi tự do');
    expect(titles.every((t: string) => !t.includes('Tổng hợp lực đồng quy'))).toBe(true); // still in review
  });

  it('stores real files: a PNG, a PDF and a simulation zip', async () => {
    const files = await ctx.platform.db
      .selectFrom('stored_files')
      .select(['storage_key', 'content_type', 'size_bytes'])
      .where('storage_key', 'like', 'uploads/%')
      .execute();
    const types = new Set(files.map((f) => f.content_type));
    for (const t of ['image/png', 'application/pdf', 'application/zip']) expect(types).toContain(t);
    const png = files.find((f) => f.content_type === 'image/png')!;
    const chunks: Buffer[] = [];
    for await (const c of await ctx.platform.storage.get(png.storage_key)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).subarray(1, 4).toString('ascii')).toBe('PNG');
  });

  it('has the curated collection and moderators listed on the login page, who can sign in', async () => {
    const list = await anonymous('/api/library/collections');
    const c = list.body.items.find((i: { title: string }) => i.title === 'Vật lí 10 – Kết nối tri thức');
    expect(c).toBeTruthy();
    const detail = await anonymous(`/api/library/collections/${c.id}`);
    expect(detail.body.items.length).toBeGreaterThanOrEqual(3);
    const info = await anonymous('/api/public/info');
    const names = info.body.demoUsers.map((u: { username: string }) => u.username);
    for (const u of ['kd.vatli', 'kd.toan']) expect(names).toContain(u);
    const kd = await login(ctx, 'kd.vatli');
    const queue = await kd.get('/api/library/queue');
    expect(queue.status).toBe(200);
    expect(queue.body.items.length).toBeGreaterThan(0);
  });

  it('is idempotent', async () => {
    const again = await loadDemoLibrary(ctx.platform, DEMO_PASSWORD);
    expect(again.resources).toBe(0);
    const n = await ctx.platform.db
      .selectFrom('library_resources')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(DEMO_RESOURCES.length);
  });
});
