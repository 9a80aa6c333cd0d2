import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOfflinePackage } from '../../src/server/platform/packages/offline-package-build.ts';
import { collect, samplePackage, simulationZip } from '../../src/server/platform/packages/packages.fixtures.ts';
import { serveSimulationEntry } from '../../src/server/platform/packages/simulation-serve.ts';
import { checkAxe, launchChromium, noSideScroll, RUN, screenshot } from '../support/browser.ts';

/**
 * The offline package opened as a school would: extracted from the zip onto a disk and opened
 * from file:// in Chromium, with no server and no network; searched without accents. Also a
 * simulation served with its sandboxing headers, to see them hold in a real browser.
 */
const TMP = path.resolve('.tmp');
const OUT = path.join(TMP, 'offline-sample');

let browser: Browser;

beforeAll(async () => {
  if (!RUN) return;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Writes the package's entries under `dir`, as unzipping onto a USB stick would. */
function extract(zip: Uint8Array, dir: string) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [name, bytes] of Object.entries(unzipSync(zip))) {
    const target = path.join(dir, name);
    if (!target.startsWith(dir + path.sep)) throw new Error(`unsafe ${name}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  }
}

describe.runIf(RUN)('an offline package opened from a USB stick', () => {
  it('finds "Thí nghiệm" when "thi nghiem" is typed, filters by grade, and runs the simulation from file://', async () => {
    const { manifest, files } = samplePackage();
    const zip = await collect(buildOfflinePackage(manifest, async (sha) => files.get(sha)!));
    fs.writeFileSync(path.join(TMP, 'offline-sample.zip'), zip);
    extract(zip, OUT);

    const page = await browser.newPage({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      locale: 'vi-VN',
    });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(pathToFileURL(path.join(OUT, 'index.html')).href);

    const titles = page.locator('li.resource:not([hidden]) h3');
    await expect.poll(() => page.locator('#status').textContent()).toBe('Có 5 học liệu.');
    await checkAxe(page);
    await noSideScroll(page);
    await screenshot(page, 'offline-package-360.png');

    await page.getByLabel('Từ khóa (gõ có dấu hoặc không dấu)').pressSequentially('thi nghiem');
    await expect.poll(() => titles.allTextContents()).toEqual(['Thí nghiệm ảo: Rơi tự do']);
    await expect.poll(() => page.locator('#status').textContent()).toBe('Tìm thấy 1 trên 5 học liệu.');
    await screenshot(page, 'offline-package-search-360.png');

    await page.getByLabel('Từ khóa (gõ có dấu hoặc không dấu)').fill('do');
    await page.getByLabel('Lớp').selectOption('11');
    await expect.poll(() => titles.allTextContents()).toEqual(['Sơ đồ mạch điện nối tiếp']);
    await page.getByLabel('Lớp').selectOption('');
    await page.getByLabel('Môn học').selectOption('ngu_van');
    await page.getByLabel('Từ khóa (gõ có dấu hoặc không dấu)').fill('khong co gi');
    await expect.poll(() => page.locator('#empty').isVisible()).toBe(true);

    await page.getByLabel('Từ khóa (gõ có dấu hoặc không dấu)').fill('roi tu do');
    await page.getByLabel('Môn học').selectOption('');
    await page.getByRole('link', { name: 'Chạy mô phỏng: Thí nghiệm ảo: Rơi tự do' }).click();
    await expect
      .poll(() => page.evaluate(() => (document.querySelector('img') as HTMLImageElement | null)?.naturalWidth))
      .toBe(1);
    expect(page.url()).toMatch(/\/sims\/7c1e2a34-0000-4000-8000-000000000001\/index\.html$/);

    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    await page.close();
  });
});

describe.runIf(RUN)('a simulation served with its sandboxing headers', () => {
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    const zip = simulationZip();
    app = Fastify();
    app.get('/sim/*', (req, reply) => serveSimulationEntry(reply, zip, (req.params as { '*': string })['*']));
    app.get('/lesson', (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('set-cookie', 'sid=secret; Path=/; SameSite=Lax')
        .send(
          '<!doctype html><html lang="vi"><title>Bài học</title><iframe title="Mô phỏng" src="/sim/index.html"></iframe></html>',
        ),
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    const addr = app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('runs its script and shows its image, but cannot read the cookies or reach the network', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/lesson`);
    const frame = page.frames().find((f) => f.url().endsWith('/sim/index.html'))!;
    await expect
      .poll(() => frame.evaluate(() => (document.querySelector('img') as HTMLImageElement).naturalWidth))
      .toBe(1);
    expect(await frame.evaluate(() => typeof (globalThis as { tick?: unknown }).tick)).toBe('function');
    expect(await frame.evaluate(() => window.origin)).toBe('null');
    expect(
      await frame.evaluate(() => {
        try {
          return document.cookie;
        } catch (e) {
          return (e as Error).name;
        }
      }),
    ).toBe('SecurityError');
    const fetched = await frame.evaluate(() =>
      fetch('/sim/js/app.js').then(
        () => 'fetched',
        () => 'blocked',
      ),
    );
    expect(fetched).toBe('blocked');
    await page.close();
  });
});
