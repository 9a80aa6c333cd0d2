import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MODERATORS } from '../../src/server/demo/library/catalogue.ts';
import { ensureModeratorAccounts } from '../../src/server/demo/library/demo-library.repository.ts';
import {
  buildWeb,
  checkAxe,
  launchChromium,
  listen,
  noSideScroll,
  RUN,
  screenshot,
  signIn,
} from '../support/browser.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, DEMO_PASSWORD, type TestContext } from '../support/test-app.ts';

/**
 * Issue 4's journey in Chromium, every person on a 390 px phone: a teacher of Trường THPT Trần
 * Quốc Tuấn uploads a video and a lesson plan (resumable tus uploads from the browser), fills
 * their metadata and sends both for review; the moderator kd.vatli returns the video with a
 * comment; the teacher reads it, fixes the metadata and resends; kd.vatli starts the review and
 * publishes both; a teacher of another school searches without accents, opens the video and it
 * plays. Each new page is checked by axe (WCAG 2.1 A/AA) and for sideways scrolling.
 * The library demo is not in the tests' template: kd.vatli is made with the demo's own code.
 */
const FIXTURES = path.resolve('test/fixtures/library');
const VIDEO = 'Thí nghiệm ảo: Lực ma sát – Vật lí 10';
const PLAN = 'Kế hoạch bài dạy: Lực ma sát – Vật lí 10';
const RETURN_COMMENT = 'Chọn lớp 10 và thêm từ khoá “ma sát” để giáo viên dễ tìm.';
const OTHER_PASSWORD = 'HocLieu2026moi';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'vi-VN', isMobile: true };

let ctx: TestContext;
let browser: Browser;
let base: string;
let otherTeacher = '';

/** kd.vatli exactly as the demo makes it (account, role on the province, assignments). */
async function makeModerator(admin: Client) {
  const kd = DEMO_MODERATORS.find((m) => m.username === 'kd.vatli')!;
  const ids = await ensureModeratorAccounts(ctx.platform, [kd], DEMO_PASSWORD);
  const put = await admin.put(`/api/library/moderators/${ids.get('kd.vatli')}/assignments`, {
    items: kd.assignments,
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
}

/** A teacher of another upper-secondary school, made through the admin API, past the first-login password change. */
async function makeOtherTeacher(admin: Client): Promise<string> {
  const schools: { unitId: string; name: string }[] = (await admin.get('/api/org/schools?level=thpt&pageSize=50')).body
    .items;
  const other = schools.find((s) => !s.name.includes('Trần Quốc Tuấn'))!;
  const username = 'gv.khac.hoclieu';
  const created = await admin.post('/api/users', {
    username,
    fullName: 'Đoàn Thị Thu Trang',
    password: 'TamThoi2026abc',
    grants: [{ role: 'teacher', unitId: other.unitId }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const teacher = await login(ctx, username, 'TamThoi2026abc');
  const changed = await teacher.post('/api/auth/password', {
    currentPassword: 'TamThoi2026abc',
    newPassword: OTHER_PASSWORD,
  });
  expect(changed.status, JSON.stringify(changed.body)).toBe(204);
  return username;
}

beforeAll(async () => {
  if (!RUN) return;
  ctx = await createTestContext({ web: true, env: { WEB_DIST: buildWeb('library-journey') } });
  base = await listen(ctx);
  const admin = await login(ctx, 'admin');
  await makeModerator(admin);
  otherTeacher = await makeOtherTeacher(admin);
  // Played without a click: the test stands in for the reader's tap on "play".
  browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
});

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

/** No axe violation, nothing wider than the phone, and a screenshot to look at. */
async function check(page: Page, shot: string) {
  await checkAxe(page, shot);
  await noSideScroll(page, `${shot}: horizontal overflow`);
  await screenshot(page, shot);
}

async function phone(username: string, password = DEMO_PASSWORD): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await signIn(page, base, username, password);
  return { context, page };
}

/** Fills the contribution form's common metadata (Vật lí, THPT, CC BY, Toàn tỉnh). */
async function describeResource(page: Page, opts: { title: string; grade10: boolean; keywords?: string }) {
  await page.getByLabel('Tên học liệu', { exact: true }).fill(opts.title);
  await page
    .getByLabel('Mô tả', { exact: true })
    .fill('Video thí nghiệm ảo: kéo khối gỗ trên mặt bàn, đo lực ma sát trượt.');
  await page.getByRole('group', { name: 'Cấp học', exact: true }).getByLabel('Trung học phổ thông').check();
  if (opts.grade10) await page.getByRole('group', { name: 'Lớp', exact: true }).getByLabel('Lớp 10').check();
  await page.getByRole('group', { name: 'Môn học', exact: true }).getByLabel('Vật lí').check();
  if (opts.keywords) await page.getByLabel('Từ khoá', { exact: true }).fill(opts.keywords);
  await page.getByLabel('Giấy phép sử dụng').selectOption('cc_by');
}

/** The moderator opens a resource from the queue. */
async function openFromQueue(page: Page, title: string) {
  await page.goto(`${base}/hoc-lieu/kiem-duyet`);
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** One moderation step through its button (and its dialog when it has one). */
async function moderate(page: Page, button: string, after: string, comment?: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  if (button !== 'Bắt đầu duyệt') {
    await dialog.waitFor();
    if (comment) await dialog.getByRole('textbox').fill(comment);
    await dialog.getByRole('button', { name: button, exact: true }).click();
  }
  await page.locator('.lib-status-line').getByText(after, { exact: true }).waitFor();
}

describe.runIf(RUN)('library journey on a 390 px phone', () => {
  it('a teacher uploads a video and a lesson plan, describes them and sends both for review', async () => {
    const { context, page } = await phone('gv.tranquoctuan');
    await page.locator('main').getByRole('link', { name: 'Học liệu của tôi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Học liệu của tôi' }).waitFor();
    await page.getByText('Bạn chưa đóng góp học liệu nào.').waitFor();
    await check(page, 'library-mine-empty-390.png');

    await page.getByRole('link', { name: 'Đóng góp học liệu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đóng góp học liệu' }).waitFor();
    await check(page, 'library-contribute-390.png');
    await page.getByLabel('Video', { exact: true }).check();
    await page.getByLabel('Tệp học liệu').setInputFiles(path.join(FIXTURES, 'luc-ma-sat.webm'));
    await page.getByText(/Đã tải lên: luc-ma-sat\.webm/).waitFor();
    expect(await page.locator('progress').getAttribute('value')).toBe('100');
    // Without a title the form says so before sending; a keyword longer than the server takes
    // comes back in its 400 answer, shown beside the field and in the focused summary.
    await describeResource(page, { title: '', grade10: false, keywords: 'ma sát '.repeat(12) });
    await page.getByRole('button', { name: 'Gửi duyệt', exact: true }).click();
    await page.locator('#lib-f-title-error').getByText('Hãy nhập tên học liệu').waitFor();
    await page.getByLabel('Tên học liệu', { exact: true }).fill(VIDEO);
    await page.getByRole('button', { name: 'Gửi duyệt', exact: true }).click();
    await page
      .locator('#lib-f-keywords-error')
      .getByText(/^Từ khoá: /)
      .waitFor();
    expect(await page.locator('#lib-f-title-error').count()).toBe(0);
    const summary = page.locator('.error-summary');
    await summary.getByRole('link', { name: /^Từ khoá: / }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
      .toBe(true);
    expect(await page.getByLabel('Từ khoá', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await check(page, 'library-contribute-errors-390.png');
    // The moderator will ask for keywords: none for now.
    await page.getByLabel('Từ khoá', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Gửi duyệt', exact: true }).click();
    await page.waitForURL(`${base}/hoc-lieu/cua-toi`);
    await page.getByText(`Đã gửi duyệt “${VIDEO}”.`).waitFor();

    await page.getByRole('link', { name: 'Đóng góp học liệu' }).click();
    await page.getByLabel('Kế hoạch bài dạy', { exact: true }).check();
    await page.getByLabel('Tệp học liệu').setInputFiles(path.join(FIXTURES, 'ke-hoach-bai-day-luc-ma-sat.pdf'));
    await page.getByText(/Đã tải lên: ke-hoach-bai-day-luc-ma-sat\.pdf/).waitFor();
    await describeResource(page, { title: PLAN, grade10: true, keywords: 'ma sát, kế hoạch bài dạy' });
    await page.getByRole('button', { name: 'Gửi duyệt', exact: true }).click();
    await page.waitForURL(`${base}/hoc-lieu/cua-toi`);
    const cards = page.locator('.lib-card');
    await expect.poll(() => cards.count()).toBe(2);
    expect(await cards.filter({ hasText: 'Chờ duyệt' }).count()).toBe(2);
    await check(page, 'library-mine-submitted-390.png');
    await context.close();
  });

  it('pauses an upload on a slow connection and resumes it where the server stopped', async () => {
    const { context, page } = await phone('gv.tranquoctuan');
    await page.goto(`${base}/hoc-lieu/moi`);
    await page.getByLabel('Video', { exact: true }).check();
    // About 1 MB/s upwards, so that a 5 MB file takes a few seconds (DevTools network emulation).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 1_000_000,
    });
    const heads: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'HEAD' && r.url().includes('/api/uploads/')) heads.push(r.url());
    });
    const webm = fs.readFileSync(path.join(FIXTURES, 'luc-ma-sat.webm'));
    const big = Buffer.concat([webm, Buffer.alloc(5 * 1024 * 1024 - webm.length)]);
    await page.getByLabel('Tệp học liệu').setInputFiles({ name: 'ban-dai.webm', mimeType: 'video/webm', buffer: big });
    await page.getByText(/Đang tải lên: [1-9]\d?%/).waitFor();
    await page.getByRole('button', { name: 'Tạm dừng' }).click();
    await page.getByText(/Đã tạm dừng ở \d+%/).waitFor();
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.getByRole('button', { name: 'Tải tiếp' }).click();
    await page.getByText('Đã tải lên: ban-dai.webm (5 MB)').waitFor();
    // One upload on the server, continued (HEAD, then PATCH from its offset), not started again.
    const uploads = await ctx.platform.db
      .selectFrom('uploads')
      .select(['state', 'upload_offset'])
      .where('filename', '=', 'ban-dai.webm')
      .execute();
    expect(uploads.map((u) => [u.state, Number(u.upload_offset)])).toEqual([['complete', big.length]]);
    expect(heads.length).toBeGreaterThan(0);
    await context.close();
  });

  it('the moderator sees both in the queue and returns the video with a comment', async () => {
    const { context, page } = await phone('kd.vatli');
    await page.locator('main').getByRole('link', { name: 'Kiểm duyệt học liệu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kiểm duyệt học liệu' }).waitFor();
    await page.getByRole('heading', { name: '2 học liệu' }).waitFor();
    await page.getByLabel('Môn học').selectOption('vat_li');
    await page.waitForURL(/subject=vat_li/);
    await check(page, 'library-queue-390.png');

    await page.getByRole('link', { name: VIDEO }).click();
    await page.getByRole('heading', { level: 1, name: VIDEO }).waitFor();
    // The pending version is previewed with the reader's player.
    await page.locator('video.lib-media').waitFor();
    await check(page, 'library-review-390.png');
    await page.getByRole('button', { name: 'Trả lại để sửa', exact: true }).click();
    await page.getByRole('dialog').waitFor();
    await checkAxe(page, 'return dialog');
    await screenshot(page, 'library-review-return-dialog-390.png', false);
    await page.getByRole('dialog').getByRole('textbox').fill(RETURN_COMMENT);
    await page.getByRole('dialog').getByRole('button', { name: 'Trả lại để sửa', exact: true }).click();
    await page.locator('.lib-status-line').getByText('Trả lại để sửa', { exact: true }).waitFor();
    await page.getByText('Đã trả lại cho tác giả.').waitFor();
    await context.close();
  });

  it('the teacher reads the comment, fixes the metadata and resends', async () => {
    const { context, page } = await phone('gv.tranquoctuan');
    await page.goto(`${base}/hoc-lieu/cua-toi`);
    const card = page.locator('.lib-card', { hasText: VIDEO });
    await card.getByText(RETURN_COMMENT).waitFor();
    await card.getByText('Trả lại để sửa').waitFor();
    await card.getByRole('link', { name: VIDEO }).click();
    await page.getByRole('heading', { name: 'Người kiểm duyệt đã trả lại để sửa' }).waitFor();
    await page.locator('.lib-return').getByText(RETURN_COMMENT).waitFor();
    await check(page, 'library-edit-returned-390.png');

    await page.getByRole('group', { name: 'Lớp', exact: true }).getByLabel('Lớp 10').check();
    await page.getByLabel('Từ khoá', { exact: true }).fill('ma sát, lực ma sát trượt, thí nghiệm ảo');
    await page.getByRole('button', { name: 'Lưu và gửi lại' }).click();
    await page.getByText('Đã gửi duyệt.', { exact: true }).waitFor();
    await page.locator('.lib-status-line').getByText('Chờ duyệt', { exact: true }).waitFor();
    await context.close();
  });

  it('the moderator starts the review and publishes both', async () => {
    const { context, page } = await phone('kd.vatli');
    for (const title of [VIDEO, PLAN]) {
      await openFromQueue(page, title);
      await moderate(page, 'Bắt đầu duyệt', 'Đang duyệt');
      await moderate(page, 'Xuất bản', 'Đã xuất bản');
    }
    await page.getByText('Đã xuất bản.').waitFor();
    await check(page, 'library-review-published-390.png');
    await page.goto(`${base}/hoc-lieu/kiem-duyet`);
    await page.getByText('Không có học liệu nào chờ duyệt.').waitFor();
    await context.close();
  });

  it('a teacher of another school finds the video without accents and it plays', async () => {
    const { context, page } = await phone(otherTeacher, OTHER_PASSWORD);
    await page.goto(`${base}/hoc-lieu`);
    await page.getByLabel('Từ khoá tìm kiếm').fill('thi nghiem ao luc ma sat');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('link', { name: VIDEO }).click();
    await page.getByRole('heading', { level: 1, name: VIDEO }).waitFor();
    await page.getByText('Trường THPT Trần Quốc Tuấn').waitFor();
    const video = page.locator('video.lib-media');
    await video.waitFor();
    await check(page, 'library-reader-video-390.png');
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    await expect
      .poll(
        () =>
          video.evaluate((v: HTMLVideoElement) => ({
            ready: v.readyState >= 2,
            moved: v.currentTime > 0.2 || v.ended,
          })),
        {
          timeout: 10_000,
        },
      )
      .toEqual({ ready: true, moved: true });
    await context.close();
  });
});
