import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, checkAxe, launchChromium, listen, noSideScroll, RUN } from '../support/browser.ts';
import { createTestContext, DEMO_PASSWORD, type TestContext } from '../support/test-app.ts';

// A developer's machine without Chromium skips these journeys with a warning; CI (which
// installs Chromium in .ci/run) never does.
if (!RUN) console.warn(`\n!! ${CHROMIUM} not found: browser journeys skipped (apt-get install -y chromium)\n`);
const SHOTS = path.resolve('.tmp/screenshots');

let ctx: TestContext;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!RUN) return;
  // Always test the current web code (a build takes about a second).
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  ctx = await createTestContext({ web: true, env: { WEB_DIST: path.resolve('dist/web') } });
  base = await listen(ctx);
  browser = await launchChromium(['--disable-component-update']);
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

describe.runIf(RUN)('a department officer on a phone', () => {
  it('signs in, switches language, finds a school without accents, and every page passes axe', async () => {
    const page = await browser.newPage({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      locale: 'vi-VN',
    });
    await page.goto(`${base}/login`);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('vi');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toMatch(/Đăng nhập/);
    await checkAxe(page);
    await page.screenshot({ path: path.join(SHOTS, 'login-360.png'), fullPage: true });

    await page.getByLabel('Tên đăng nhập').fill('so.lanhdao');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${base}/`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Xin chào, /);
    await expect.poll(() => page.locator('main .grants').textContent()).toContain('Lãnh đạo Sở — Tỉnh Quảng Ngãi');
    await noSideScroll(page);
    await checkAxe(page);
    await page.screenshot({ path: path.join(SHOTS, 'home-360.png'), fullPage: true });

    await page.goto(`${base}/schools`);
    await page.getByRole('searchbox').fill('truong thpt tran quoc tuan');
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 10_000 })
      .toContain('Trường THPT Trần Quốc Tuấn');
    await checkAxe(page);
    await page.screenshot({ path: path.join(SHOTS, 'schools-360.png'), fullPage: true });

    await page.goto(`${base}/org`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Tỉnh Quảng Ngãi');
    await checkAxe(page);
    await page.locator('.tree-toggle').first().click();
    await page.getByRole('button', { name: 'Xã Tịnh Khê', exact: true }).click();
    const detail = page.locator('section[aria-labelledby="unit-detail-title"]');
    await expect.poll(() => detail.textContent()).toContain('01/07/2025 — Thành lập');
    await expect.poll(() => detail.textContent()).toContain('Thành phố Quảng Ngãi');
    // The panel is below the long tree on a phone: selecting moves focus (and the view) to it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('unit-detail-title');
    await checkAxe(page);
    await page.screenshot({ path: path.join(SHOTS, 'org-360.png'), fullPage: true });

    await page.getByLabel(/Ngôn ngữ|Language/).selectOption('en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.locator('body').textContent()).toMatch(/Organisation|Organization/);
    await page.close();
  });

  it('shows the desktop layout without axe violations', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/schools?q=dak%20ha`);
    await expect.poll(() => page.locator('main').textContent(), { timeout: 10_000 }).toContain('Đăk Hà');
    await checkAxe(page);
    await page.screenshot({ path: path.join(SHOTS, 'schools-desktop.png') });
    await page.close();
  });
});

async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe.runIf(RUN)('the other pages on a phone', () => {
  it('an administrator browses the audit log, the users and a school, all without axe violations', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    await signIn(page, 'admin');
    await page.waitForURL(`${base}/`);
    for (const [url, text, shot] of [
      ['/audit', 'auth.login', 'audit-360.png'],
      ['/admin/users', 'ht.tranquoctuan', 'users-360.png'],
    ] as const) {
      await page.goto(`${base}${url}`);
      await expect.poll(() => page.locator('main').textContent(), { timeout: 10_000 }).toContain(text);
      await checkAxe(page);
      await noSideScroll(page);
      await page.screenshot({ path: path.join(SHOTS, shot), fullPage: true });
    }
    const school = (await ctx.app.inject('/api/org/schools?q=tran%20quoc%20tuan')).json().items[0];
    await page.goto(`${base}/schools/${school.unitId}`);
    await expect.poll(() => page.locator('main').textContent(), { timeout: 10_000 }).toContain(school.code);
    await checkAxe(page);
    await page.screenshot({ path: path.join(SHOTS, 'school-360.png'), fullPage: true });
    await page.close();
  });

  it('a new teacher must change the initial password before anything else', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await signIn(page, 'moi.capphep');
    await page.waitForURL(/\/password/);
    await checkAxe(page);
    await page.goto(`${base}/schools`);
    await page.waitForURL(/\/password/);
    await page.getByLabel('Mật khẩu hiện tại').fill(DEMO_PASSWORD);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Trường tôi 2027');
    const confirm = page.getByLabel(/Nhập lại/);
    if (await confirm.count()) await confirm.fill('Trường tôi 2027');
    await page.getByRole('button', { name: /Đổi mật khẩu/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/password'));
    await page.close();
  });
});
