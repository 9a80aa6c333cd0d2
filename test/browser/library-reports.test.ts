import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOfflinePackage } from '../../src/server/platform/packages/offline-package-build.ts';
import { collect, PNG, sha256 } from '../../src/server/platform/packages/packages.fixtures.ts';
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
import { login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * The library's report and offline packages in Chromium on a 360 px phone: the Sở's leader reads
 * which schools contribute and which use, filters and downloads the Excel workbook; a commune
 * officer sees the commune's schools; a teacher imports a package through the resumable upload
 * and reads the summary; anyone downloads a collection's package. axe on every page.
 */
let ctx: TestContext;
let browser: Browser;
let base: string;
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: 'vi-VN', isMobile: true };
const PACKAGE = path.resolve('.tmp/library-reports-package.zip');

beforeAll(async () => {
  if (!RUN) return;
  ctx = await createTestContext({ web: true, env: { WEB_DIST: buildWeb('library-reports') } });
  base = await listen(ctx);
  const teacher = await login(ctx, 'gv.tranquoctuan');
  const draft = await teacher.post('/api/library/resources', {
    kind: 'link',
    title: 'Đường tròn lượng giác',
    levels: ['thpt'],
    subjects: ['toan'],
    licenceCode: 'cc_by',
    visibility: 'public',
    version: { url: 'https://example.edu.vn/duong-tron' },
  });
  expect(draft.status).toBe(201);
  const admin = await login(ctx, 'admin');
  const collection = await admin.post('/api/library/collections', {
    title: 'Toán 10 – Lượng giác',
    description: 'Bộ sưu tập mang đến trường bằng USB.',
  });
  expect(collection.status).toBe(201);
  const sha = sha256(PNG);
  const zip = await collect(
    buildOfflinePackage(
      {
        format: 'giaoducso-package',
        formatVersion: 1,
        installation: { name: 'Sở GDĐT tỉnh Thử Nghiệm', url: 'https://thu-nghiem.example.vn' },
        exportedAt: '2025-09-05T08:30:00+07:00',
        collection: { title: 'Hình học trực quan' },
        resources: ['h-1', 'h-2'].map((id, i) => ({
          id,
          title: `Hình minh họa ${i + 1}`,
          kind: 'image' as const,
          levels: [{ code: 'thpt', name: 'Trung học phổ thông' }],
          subjects: [{ code: 'toan', name: 'Toán' }],
          language: { code: 'vi', name: 'Tiếng Việt' },
          licence: { code: 'cc_by', name: 'CC BY 4.0' },
          files: [{ path: `files/${sha}.png`, sha256: sha, size: PNG.length, mime: 'image/png' }],
        })),
      },
      async () => PNG,
    ),
  );
  fs.mkdirSync(path.dirname(PACKAGE), { recursive: true });
  fs.writeFileSync(PACKAGE, zip);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

async function check(page: Page, shot: string) {
  await checkAxe(page, shot);
  await noSideScroll(page, `${shot}: horizontal overflow`);
  await screenshot(page, shot);
}

async function phone(username: string) {
  const context = await browser.newContext({ ...PHONE, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, base, username);
  return { context, page };
}

describe.runIf(RUN)('the library report and offline packages', () => {
  it('shows the Sở every school, those that do neither first, filters and downloads the Excel report', async () => {
    const { context, page } = await phone('so.lanhdao');
    await page.goto(`${base}/hoc-lieu/thong-ke`);
    await page.getByRole('heading', { level: 1, name: 'Thống kê học liệu số' }).waitFor();
    const table = page.getByRole('table', { name: 'Theo trường' });
    await table.waitFor();
    const tqt = table.getByRole('row').filter({ hasText: 'Trường THPT Trần Quốc Tuấn' });
    await expect.poll(() => tqt.textContent()).toContain('Chỉ đóng góp');
    await expect.poll(() => table.getByRole('row').nth(1).textContent()).toContain('Chưa đóng góp, chưa sử dụng');
    await check(page, 'library-report-360.png');

    await page.getByLabel('Cấp học').selectOption('thpt');
    await page.getByLabel('Môn học', { exact: true }).selectOption('toan');
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    await page.waitForURL(/level=thpt/);
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Toán' }).count()).toBeGreaterThan(0);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Tải báo cáo Excel (.xlsx)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await context.close();
  });

  it('shows a commune officer only the commune’s schools', async () => {
    const { context, page } = await phone('xa.tinhkhe');
    await page.goto(`${base}/hoc-lieu/thong-ke`);
    await page.getByText(/Phạm vi: .*Tịnh Khê/).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Trần Quốc Tuấn' }).count()).toBe(0);
    await check(page, 'library-report-commune-360.png');
    await context.close();
  });

  it('lets a teacher import a package with a resumable upload and read the summary', async () => {
    const { context, page } = await phone('gv.tranquoctuan');
    await page.goto(`${base}/hoc-lieu/goi-ngoai-tuyen`);
    await page.getByRole('heading', { level: 1, name: 'Gói học liệu ngoại tuyến' }).waitFor();
    await page.getByRole('link', { name: /^Xuất gói ngoại tuyến\s*: Toán 10 – Lượng giác$/ }).waitFor();
    await check(page, 'library-packages-360.png');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /^Xuất gói ngoại tuyến\s*: Toán 10 – Lượng giác$/ }).click();
    expect((await download).suggestedFilename()).toBe('Toán 10 – Lượng giác.zip');

    await page.getByRole('link', { name: 'Nhập gói' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Nhập gói học liệu' }).waitFor();
    await check(page, 'library-import-360.png');
    await page.getByLabel('Tệp gói (.zip)').setInputFiles(PACKAGE);
    await page.getByRole('button', { name: 'Nhập gói' }).click();
    await page.getByRole('heading', { name: 'Kết quả nhập gói' }).waitFor();
    await expect
      .poll(() => page.locator('.lr-summary').textContent())
      .toContain('Đã tạo 2 học liệu, bỏ qua 0 học liệu đã nhập trước đây, 0 học liệu không nhập được.');
    await page.getByRole('link', { name: 'Hình minh họa 1' }).waitFor();
    await check(page, 'library-import-done-360.png');

    // The same package again: nothing is copied twice.
    await page.getByLabel('Tệp gói (.zip)').setInputFiles(PACKAGE);
    await page.getByRole('button', { name: 'Nhập gói' }).click();
    await expect
      .poll(() => page.locator('.lr-summary').textContent())
      .toContain('Đã tạo 0 học liệu, bỏ qua 2 học liệu đã nhập trước đây');
    await context.close();
  });
});
