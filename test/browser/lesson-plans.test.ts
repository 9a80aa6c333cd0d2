import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * The lesson-plan editor on a phone (issue 4 item 6): a teacher opens her plan at 390 px, writes
 * a knowledge objective and a new title, saves; the pages pass axe (WCAG 2.1 A/AA) and nothing
 * is wider than the screen.
 */
let ctx: TestContext;
let browser: Browser;
let base: string;
let teacher: Client;
let planId = '';

beforeAll(async () => {
  if (!RUN) return;
  ctx = await createTestContext({ web: true, env: { WEB_DIST: buildWeb('lesson-plans') } });
  base = await listen(ctx);
  teacher = await login(ctx, 'gv.tranquoctuan');
  const created = await teacher.post('/api/lesson-plans', {
    header: { subject: { code: 'vat_li', name: 'Vật lí' }, grade: 10, title: 'Bài 1: Làm quen với Vật lí', periods: 2 },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  planId = created.body.id;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

describe.runIf(RUN)('lesson plans at 390 px', () => {
  it('lists the teacher’s plans', async () => {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      locale: 'vi-VN',
    });
    await signIn(page, base, 'gv.tranquoctuan');
    await page.goto(`${base}/giao-an`);
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch bài dạy' }).waitFor();
    await page.getByRole('link', { name: 'Bài 1: Làm quen với Vật lí' }).waitFor();
    await page.getByRole('button', { name: 'Soạn kế hoạch mới' }).click();
    await page.getByLabel('Môn học').waitFor();
    await checkAxe(page, 'list');
    await noSideScroll(page, 'list: horizontal overflow');
    await screenshot(page, 'lesson-plans-list-390.png');
    await page.close();
  });

  it('edits, saves and shows the saved version', async () => {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      locale: 'vi-VN',
    });
    await signIn(page, base, 'gv.tranquoctuan');
    await page.goto(`${base}/giao-an/${planId}`);
    await page.getByRole('heading', { level: 1, name: 'Bài 1: Làm quen với Vật lí' }).waitFor();
    await page.getByLabel('Tên bài dạy').fill('Bài 1: Giới thiệu mục đích học tập môn Vật lí');
    await page.getByRole('button', { name: 'Thêm dòng vào mục 1. Về kiến thức' }).click();
    const line = page.locator('#lp-objectives-knowledge-0');
    await expect.poll(() => line.evaluate((el) => el === document.activeElement)).toBe(true);
    await line.fill('Nêu được đối tượng nghiên cứu của Vật lí.');
    await page.getByText('Có thay đổi chưa lưu.').waitFor();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu (phiên bản 2).').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Bài 1: Giới thiệu mục đích học tập môn Vật lí' }).waitFor();
    await checkAxe(page, 'editor');
    await noSideScroll(page, 'editor: horizontal overflow');
    await screenshot(page, 'lesson-plans-editor-390.png');

    const saved = (await teacher.get(`/api/lesson-plans/${planId}`)).body;
    expect(saved.version).toBe(2);
    expect(saved.content.objectives.knowledge).toEqual(['Nêu được đối tượng nghiên cứu của Vật lí.']);
    await page.close();
  });
});
