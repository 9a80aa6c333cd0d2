import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWeb,
  checkAxe,
  launchChromium,
  listen,
  noSideScroll,
  RUN,
  screenshot,
  signIn as signInAs,
} from '../support/browser.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Configuration of the dossier engine in Chromium with axe-core: an administrator edits a
 * procedure (a refused value shown beside its field, then a new processing time saved) on a
 * desktop, and adds and deletes a public holiday on a phone.
 */
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

let ctx: TestContext;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!RUN) return;
  ctx = await createTestContext({ web: true, env: { WEB_DIST: buildWeb('dossiers-admin') } });
  base = await listen(ctx);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

/** No axe violation, no sideways scrolling, and a full-page screenshot to look at. */
async function check(page: Page, shot: string) {
  await checkAxe(page);
  await noSideScroll(page);
  await screenshot(page, shot);
}

const signIn = (page: Page) => signInAs(page, base, 'admin');

const main = (page: Page) => page.locator('main');

describe.runIf(RUN)('an administrator configures procedures', () => {
  it('sees the list, is told beside the field what the server refused, and saves a new processing time', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(page);
    await page.locator('#main-nav-list').getByRole('link', { name: 'Thủ tục hành chính' }).click();
    await page.waitForURL(`${base}/dossiers/procedures`);
    const row = page.getByRole('row').filter({ hasText: 'CHUYEN_TRUONG' });
    await expect.poll(() => row.textContent()).toContain('3 ngày làm việc');
    await expect.poll(() => main(page).textContent()).toContain('Toàn trình');
    await check(page, 'dossiers-procedures-1280.png');

    await row.getByRole('link').click();
    await page.waitForURL(`${base}/dossiers/procedures/CHUYEN_TRUONG`);
    const days = page.getByLabel('Thời hạn giải quyết (ngày làm việc)');
    await expect.poll(() => days.inputValue()).toBe('3');
    await check(page, 'dossiers-procedure-1280.png');

    // 50 MB is over the server's limit (20 MB): its message comes back beside the field.
    const size = page.locator('#doc-0-maxSizeMb');
    await size.fill('50');
    await page.getByRole('button', { name: 'Lưu thủ tục' }).click();
    await expect
      .poll(() => page.locator('#doc-0-maxSizeMb-error').textContent())
      .toMatch(/^Giấy tờ 1, Dung lượng tối đa \(MB\): .+/);
    expect(await size.getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
      .toBe(true);
    await check(page, 'dossiers-procedure-error-1280.png');

    await size.fill('5');
    await days.fill('4');
    await page.getByLabel('Lệ phí (đồng)').fill('15.000');
    await page.getByRole('button', { name: 'Lưu thủ tục' }).click();
    await expect.poll(() => main(page).textContent()).toContain('Đã lưu thủ tục.');
    await page.reload();
    await expect.poll(() => page.getByLabel('Thời hạn giải quyết (ngày làm việc)').inputValue()).toBe('4');
    await page.goto(`${base}/dossiers/procedures`);
    const saved = page.getByRole('row').filter({ hasText: 'CHUYEN_TRUONG' });
    await expect.poll(() => saved.textContent()).toContain('4 ngày làm việc');
    await expect.poll(() => saved.textContent()).toContain('15.000');
    await page.close();
  });

  it('reads the list and a procedure as cards on a phone', async () => {
    const page = await browser.newPage({ viewport: PHONE, deviceScaleFactor: 2, locale: 'vi-VN' });
    await signIn(page);
    await page.goto(`${base}/dossiers/procedures`);
    await expect.poll(() => main(page).textContent()).toContain('TS_LOP1');
    await check(page, 'dossiers-procedures-360.png');
    await page.goto(`${base}/dossiers/procedures/TS_LOP1`);
    await expect.poll(() => page.locator('#doc-0-code').inputValue()).toBe('GIAY_KHAI_SINH');
    await check(page, 'dossiers-procedure-360.png');
    await page.goto(`${base}/dossiers/procedures/new`);
    await expect.poll(() => main(page).textContent()).toContain('Thủ tục mới');
    await check(page, 'dossiers-procedure-new-360.png');
    await page.close();
  });
});

describe.runIf(RUN)('an administrator keeps the holiday calendar', () => {
  it('adds a day off on a phone and deletes it again', async () => {
    const page = await browser.newPage({ viewport: PHONE, deviceScaleFactor: 2, locale: 'vi-VN' });
    await signIn(page);
    await page.goto(`${base}/dossiers/holidays?year=2026`);
    await expect.poll(() => main(page).textContent()).toContain('17/02/2026');
    await expect.poll(() => main(page).textContent()).toContain('Ngày làm bù');
    await check(page, 'dossiers-holidays-360.png');

    await page.getByRole('button', { name: 'Thêm ngày' }).click();
    await page.getByLabel('Ngày', { exact: true }).fill('24/11/2026');
    await page.getByLabel('Tên tiếng Việt').fill('Ngày Văn hóa Việt Nam');
    await page.getByLabel('Tên tiếng Anh').fill('Vietnam Culture Day');
    await check(page, 'dossiers-holiday-form-360.png');
    await page.getByRole('button', { name: 'Lưu ngày' }).click();
    await expect.poll(() => main(page).textContent()).toContain('Đã lưu ngày 24/11/2026.');
    const row = page.getByRole('row').filter({ hasText: '24/11/2026' });
    await expect.poll(() => row.textContent()).toContain('Ngày Văn hóa Việt Nam');
    await expect.poll(() => row.textContent()).toContain('Thứ Ba');
    await check(page, 'dossiers-holidays-added-360.png');

    await row.getByRole('button', { name: /Xóa/ }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('Xóa ngày 24/11/2026 khỏi lịch?');
    await check(page, 'dossiers-holiday-delete-360.png');
    await dialog.getByRole('button', { name: 'Xóa' }).click();
    await expect.poll(() => main(page).textContent()).toContain('Đã xóa ngày 24/11/2026.');
    expect(await page.getByRole('row').filter({ hasText: '24/11/2026' }).count()).toBe(0);
    await page.close();
  });

  it('shows the calendar on a desktop', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(page);
    await page.goto(`${base}/dossiers/holidays?year=2026`);
    await expect.poll(() => main(page).textContent()).toContain('17/02/2026');
    await page.getByLabel('Năm', { exact: true }).selectOption('2027');
    await page.getByRole('button', { name: 'Xem' }).click();
    await page.waitForURL(`${base}/dossiers/holidays?year=2027`);
    await expect.poll(() => main(page).textContent()).toContain('Các ngày trong năm 2027');
    await page.goto(`${base}/dossiers/holidays?year=2026`);
    await expect.poll(() => main(page).textContent()).toContain('17/02/2026');
    await check(page, 'dossiers-holidays-1280.png');
    await page.close();
  });
});
