import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, checkAxe, launchChromium, listen, noSideScroll, RUN, screenshot } from '../support/browser.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * The library's reader pages on a phone (issue 4): an anonymous reader searches without
 * accents, finds a published resource, opens it; every page checked by axe (WCAG 2.1 A/AA)
 * at 360 px, with nothing wider than the screen.
 */
const TITLE = 'Thí nghiệm ảo: đo gia tốc rơi tự do (trình duyệt)';

let ctx: TestContext;
let browser: Browser;
let base: string;
let resourceId = '';
let collectionId = '';

/** A user with one role on one unit, signed in without the first-login password change. */
async function makeUser(username: string, role: string, unitId: string): Promise<Client> {
  const db = ctx.platform.db;
  const { password_hash } = await db
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const u = await db
    .insertInto('users')
    .values({ username, full_name: 'Phạm Văn Khoa', password_hash, must_change_password: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('role_grants').values({ user_id: u.id, role_code: role, unit_id: unitId }).execute();
  return login(ctx, username);
}

/** Creates, submits, reviews and publishes one public resource through the API. */
async function publish(teacher: Client, moderator: Client, body: object): Promise<string> {
  const created = await teacher.post('/api/library/resources', {
    levels: ['thpt'],
    grades: [10],
    subjects: ['vat_li'],
    licenceCode: 'cc_by',
    visibility: 'public',
    version: { url: 'https://example.org/hoc-lieu' },
    ...body,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  for (const [who, action] of [
    [teacher, 'submit'],
    [moderator, 'start_review'],
    [moderator, 'publish'],
  ] as const) {
    const version = (await teacher.get(`/api/library/resources/${id}`)).body.version;
    const r = await who.post(`/api/library/resources/${id}/actions`, { action, expectedVersion: version });
    expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
  }
  return id;
}

beforeAll(async () => {
  if (!RUN) return;
  ctx = await createTestContext({ web: true, env: { WEB_DIST: buildWeb('library') } });
  base = await listen(ctx);
  const teacher = await login(ctx, 'gv.tranquoctuan');
  const admin = await login(ctx, 'admin');
  const province = (await admin.get('/api/auth/me')).body.user.grants[0].unitId as string;
  const moderator = await makeUser('kd.vatli.web', 'library_moderator', province);
  const modId = (await moderator.get('/api/auth/me')).body.user.id as string;
  await admin.put(`/api/library/moderators/${modId}/assignments`, {
    items: [{ subjectCode: 'vat_li', level: 'thpt' }],
  });
  resourceId = await publish(teacher, moderator, {
    kind: 'simulation',
    title: TITLE,
    description: 'Mô phỏng HTML5: thả vật trong chân không và đo gia tốc trọng trường.',
    keywords: ['rơi tự do'],
    seriesCode: 'kntt',
    authors: ['Lê Thị Mỹ Duyên'],
  });
  await publish(teacher, moderator, {
    kind: 'document',
    title: 'Phiếu học tập: chuyển động thẳng biến đổi đều',
    licenceCode: 'cc_by_sa',
  });
  // A curated collection (moderators curate).
  const collection = await moderator.post('/api/library/collections', {
    title: 'Vật lí 10 – Kết nối tri thức',
    description: 'Học liệu Vật lí lớp 10 theo bộ sách Kết nối tri thức với cuộc sống.',
    resourceIds: [resourceId],
  });
  expect(collection.status, JSON.stringify(collection.body)).toBe(201);
  collectionId = collection.body.id;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

async function check(page: Page, shot: string) {
  await checkAxe(page, shot);
  await noSideScroll(page, `${shot}: horizontal overflow`);
  await screenshot(page, shot);
}

describe.runIf(RUN)('library pages at 360 px', () => {
  it('finds "Thí nghiệm…" when searched without accents, and opens it', async () => {
    const page = await browser.newPage({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      locale: 'vi-VN',
    });
    await page.goto(`${base}/hoc-lieu`);
    await page.getByRole('heading', { level: 1, name: 'Kho học liệu số' }).waitFor();
    await page.getByLabel('Từ khoá tìm kiếm').fill('thi nghiem');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.waitForURL(/q=thi\+nghiem|q=thi%20nghiem/);
    const link = page.getByRole('link', { name: TITLE });
    await link.waitFor();
    await page.locator('.lib-filters summary').click();
    await page.getByRole('group', { name: 'Môn học' }).waitFor();
    await check(page, 'library-search-360.png');

    await link.click();
    await page.waitForURL(`${base}/hoc-lieu/${resourceId}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Lê Thị Mỹ Duyên').waitFor();
    await page.getByText('Trường THPT Trần Quốc Tuấn').waitFor();
    await check(page, 'library-resource-360.png');
    await page.close();
  });

  it('shows the curated collections and one collection’s resources', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    await page.goto(`${base}/hoc-lieu`);
    await page.getByRole('link', { name: 'Bộ sưu tập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bộ sưu tập' }).waitFor();
    await page.getByRole('link', { name: 'Vật lí 10 – Kết nối tri thức' }).click();
    await page.waitForURL(`${base}/hoc-lieu/bo-suu-tap/${collectionId}`);
    await page.getByRole('link', { name: TITLE }).waitFor();
    await page.getByRole('link', { name: 'Tải gói ngoại tuyến (USB)' }).waitFor();
    await check(page, 'library-collection-360.png');
    await page.close();
  });

  it('keeps facets in the URL', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    await page.goto(`${base}/hoc-lieu?kind=document`);
    await page.getByRole('link', { name: 'Phiếu học tập: chuyển động thẳng biến đổi đều' }).waitFor();
    expect(await page.getByRole('link', { name: TITLE }).count()).toBe(0);
    await page.close();
  });
});
