import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayInVietnam } from '../../src/server/modules/directives/directive-rules.ts';
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
 * A directive on a phone (390 px): the Sở issues one to two upper-secondary schools; the
 * principal of THPT Trần Quốc Tuấn opens it from the inbox (which records the first read) and
 * answers; the Sở's officer sees the school answered in the per-unit table. The issue form is
 * checked too, at 360 px: a draft saved, edited and issued. axe-clean, no sideways scrolling.
 */
let ctx: TestContext;
let browser: Browser;
let base: string;
let directiveId: string;
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'vi-VN' };
const small = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: 'vi-VN' };
const TITLE = 'Rà soát thiết bị phục vụ dạy học trực tuyến';

beforeAll(async () => {
  if (!RUN) return;
  ctx = await createTestContext({ web: true, env: { WEB_DIST: buildWeb('directives') } });
  const so = await login(ctx, 'so.gdtrh');
  const codes = await ctx.platform.db
    .selectFrom('org_units')
    .select(['id', 'code'])
    .where('code', 'in', ['QNG.SGD', '51000138', '62000134'])
    .execute();
  const id = (code: string) => codes.find((c) => c.code === code)!.id;
  const deadline = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
  const c = await so.post('/api/directives', {
    issuerUnitId: id('QNG.SGD'),
    number: '2315/SGDĐT-GDTrH',
    docDate: dayInVietnam(),
    title: TITLE,
    summary: 'Đề nghị các trường rà soát máy tính, thiết bị ghi hình và đường truyền (dữ liệu thử).',
    responseKind: 'text',
    deadline,
    selection: { by: 'list', unitIds: [id('51000138'), id('62000134')] },
  });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  directiveId = c.body.id;
  expect((await so.post(`/api/directives/${directiveId}/issue`)).status).toBe(200);
  base = await listen(ctx);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

describe.runIf(RUN)('directives at 390 px', () => {
  it('a principal opens a directive from the inbox and answers it', async () => {
    const page = await browser.newPage(phone);
    await signIn(page, base, 'ht.tranquoctuan');
    await page.goto(`${base}/chi-dao`);
    await page.getByRole('heading', { level: 1, name: 'Văn bản chỉ đạo' }).waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: TITLE }) });
    await card.getByText('Chưa xem').waitFor();
    await checkAxe(page, 'directives-inbox');
    await noSideScroll(page, 'directives-inbox: horizontal overflow');
    await screenshot(page, 'directives-inbox-390.png');
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText(/Đơn vị xem lần đầu lúc/).waitFor();
    await page.getByRole('button', { name: 'Gửi trả lời' }).click();
    await page.getByText('Nội dung trả lời: cần nhập nội dung').first().waitFor();
    await page
      .getByLabel('Nội dung trả lời')
      .fill('Trường có 45 máy tính, 3 bộ thiết bị ghi hình, đường truyền 200 Mbps.');
    await page.getByRole('button', { name: 'Gửi trả lời' }).click();
    await page.getByText('Đã gửi trả lời.').waitFor();
    await page.getByText('Đã trả lời', { exact: true }).first().waitFor();
    await page
      .getByLabel('Nội dung trả lời')
      .fill('Trường có 46 máy tính, 3 bộ thiết bị ghi hình, đường truyền 200 Mbps.');
    await page.getByRole('button', { name: 'Cập nhật trả lời' }).click();
    await page.getByText('lần sửa 2', { exact: false }).waitFor();
    await page.getByText('Các lần trả lời').click();
    await page.getByText(/Trường có 45 máy tính/).waitFor();
    await checkAxe(page, 'directive-answered');
    await noSideScroll(page, 'directive-answered: horizontal overflow');
    await screenshot(page, 'directive-answered-390.png');
    await page.close();
  });

  it('the issuer sees the school answered, at a glance (360 px)', async () => {
    const page = await browser.newPage(small);
    await signIn(page, base, 'so.gdtrh');
    await page.goto(`${base}/chi-dao/${directiveId}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const row = page.getByRole('row', { name: /Trường THPT Trần Quốc Tuấn/ });
    await row.getByText('Đã trả lời').waitFor();
    await row.getByText(/46 máy tính/).waitFor();
    await page
      .getByRole('row', { name: /Trường THPT Kon Tum/ })
      .getByText('Chưa xem')
      .waitFor();
    await page.getByText('1/2 đã xem · 1 đã trả lời · 0 trễ hạn').waitFor();
    await screenshot(page, 'directive-follow-360.png');
    await page.getByLabel('Hiển thị').selectOption('not_answered');
    await page.getByRole('row', { name: /Trường THPT Trần Quốc Tuấn/ }).waitFor({ state: 'detached' });
    await checkAxe(page, 'directive-follow');
    await noSideScroll(page, 'directive-follow: horizontal overflow');
    await page.goto(`${base}/chi-dao?tab=sent`);
    await page.getByRole('heading', { level: 2, name: 'Văn bản đơn vị đã ban hành' }).waitFor();
    await page.getByText('1/2 đã xem · 1 đã trả lời · 0 trễ hạn').waitFor();
    await checkAxe(page, 'directives-sent');
    await noSideScroll(page, 'directives-sent: horizontal overflow');
    await screenshot(page, 'directives-sent-360.png');
    await page.goto(`${base}/chi-dao/moi`);
    await page.getByRole('heading', { level: 1, name: 'Ban hành văn bản chỉ đạo' }).waitFor();
    await page.getByText(/đơn vị sẽ nhận văn bản/).waitFor();
    await checkAxe(page, 'directive-issue-form');
    await noSideScroll(page, 'directive-issue-form: horizontal overflow');
    await screenshot(page, 'directive-issue-form-360.png');
    // A draft saved from the form, edited, then issued to all upper-secondary schools.
    const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('/');
    await page.getByLabel('Số ký hiệu').fill('2400/SGDĐT-GDTrH');
    await page.getByLabel('Trích yếu').fill('Báo cáo sơ kết học kỳ I');
    await page.getByLabel('Thời hạn trả lời').fill(due);
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo sơ kết học kỳ I' }).waitFor();
    await page.getByText('Bản nháp', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Sửa bản nháp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sửa bản nháp văn bản chỉ đạo' }).waitFor();
    await page.getByLabel('Trích yếu').fill('Báo cáo sơ kết học kỳ I năm học 2026–2027');
    await page.getByRole('button', { name: 'Ban hành' }).click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo sơ kết học kỳ I năm học 2026–2027' }).waitFor();
    await page.getByText('Đã ban hành', { exact: true }).waitFor();
    await page
      .getByText(/^0\/\d+ đã xem/)
      .first()
      .waitFor();
    await page.close();
  });
});
