import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD, type TestContext } from './test-app.ts';

/**
 * What the browser tests (test/browser) share: the web built for them, Debian's Chromium, signing
 * in through the form, and the checks every page gets (axe, no sideways scrolling, a screenshot).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A developer's machine without Chromium skips the browser tests; CI (which installs it) never does. */
export const RUN = fs.existsSync(CHROMIUM) || process.env.CI === 'true';
export const SHOTS = path.resolve('.tmp/screens');
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Builds the web into .tmp/web-<name> and returns that folder. */
export function buildWeb(name: string): string {
  const dist = path.resolve(`.tmp/web-${name}`);
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'],
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  return dist;
}

/** Starts the test context's app on a free local port and returns its base URL. */
export async function listen(ctx: TestContext): Promise<string> {
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  const addr = ctx.app.server.address();
  return `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
}

/** Headless Chromium; also makes the screenshot folder. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      ...extraArgs,
      '--no-first-run',
    ],
  });
  fs.mkdirSync(SHOTS, { recursive: true });
  return browser;
}

/** Signs in through the login form and waits for the home page. */
export async function signIn(page: Page, base: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${base}/`);
}

/** axe-core WCAG 2.1 A/AA violations on the current page. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Through DevTools (evaluate), not a <script> tag: the page's CSP forbids inline scripts.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
      };
    };
    const r = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** The page has no axe violation. */
export async function checkAxe(page: Page, message?: string): Promise<void> {
  expect(await axeViolations(page), message).toEqual([]);
}

/** Nothing on the page is wider than the window. */
export async function noSideScroll(page: Page, message?: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, message).toBeLessThanOrEqual(0);
}

/** A screenshot to look at, in .tmp/screens. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, name), fullPage });
}
