import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoPlans } from '../../src/server/demo/plans/load-demo-plans.ts';
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
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * On a phone (390 px) the Sở's secondary-education staff member opens the demo 2023 plan of the
 * Quảng Ngãi Sở (seed 002), sees its 2023 total (19.382,4 million VND) and the late tasks, opens
 * a task of the division and reports its progress; the report heads the history. axe-clean, no
 * sideways scrolling.
 */
let ctx: TestContext;
let browser: Browser;
let base: string;
let ids: Record<string, string>;
const EVIDENCE = path.resolve('test/fixtures/library/ke-hoach-bai-day-luc-ma-sat.pdf');
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'vi-VN' };

beforeAll(async () => {
  if (!RUN) return;
  ctx = await createTestContext({ web: true, env: { WEB_DIST: buildWeb('plans') } });
  ids = await loadDemoPlans(ctx.platform);
  base = await listen(ctx);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

describe.runIf(RUN)('plans at 390 px', () => {
  it('opens the demo 002 plan, sees the 2023 total, and reports progress on a task with an evidence file', async () => {
    const page = await browser.newPage(phone);
    await signIn(page, base, 'so.gdtrh');
    await page.goto(`${base}/ke-hoach`);
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch' }).waitFor();
    await checkAxe(page, 'plans-list');
    await noSideScroll(page, 'plans-list: horizontal overflow');
    await page.getByRole('link', { name: /Chính quyền số và kinh tế số, xã hội số năm 2023/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Kinh phí (triệu đồng)' }).waitFor();
    expect(await page.getByTestId('plan-total-2023').textContent()).toBe('19.382,4');
    await page
      .getByText(/nhiệm vụ trễ hạn/)
      .first()
      .waitFor();
    await checkAxe(page, 'plan-page');
    await noSideScroll(page, 'plan-page: horizontal overflow');
    await screenshot(page, 'plans-plan-390.png');

    await page.getByRole('link', { name: /II\.3\.4\. Xây dựng kho học liệu số THCS, THPT/ }).click();
    await page.getByRole('heading', { level: 1, name: /Xây dựng kho học liệu số THCS, THPT/ }).waitFor();
    await page.getByText('Chưa có báo cáo.').waitFor();
    await page.getByLabel('Tiến độ (%)').fill('30');
    await page.getByLabel('Kết quả, minh chứng').fill('Đã thành lập tổ công tác, có 120 học liệu lớp 6');
    await page.getByLabel('Tệp minh chứng').setInputFiles(EVIDENCE);
    await page.locator('#rp-storedFileIds-status').getByText('ke-hoach-bai-day-luc-ma-sat.pdf').waitFor();
    await checkAxe(page, 'task-report-form');
    await noSideScroll(page, 'task-page: horizontal overflow');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã ghi nhận báo cáo tiến độ.' }).waitFor();
    const history = page.getByRole('region', { name: 'Lịch sử báo cáo' });
    await history.getByText('Đã thành lập tổ công tác, có 120 học liệu lớp 6').waitFor();
    await history.getByText(/Đang thực hiện — 30%/).waitFor();
    const evidence = history.getByRole('link', { name: 'ke-hoach-bai-day-luc-ma-sat.pdf' });
    const res = await page.request.get(`${base}${await evidence.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    await screenshot(page, 'plans-task-390.png');
    const task = await ctx.platform.db
      .selectFrom('plan_tasks' as never)
      .select(['status' as never, 'progress' as never])
      .where('plan_id' as never, '=', ids['qng-2023'] as never)
      .where('code' as never, '=', 'II.3.4' as never)
      .executeTakeFirstOrThrow();
    expect(task).toEqual({ status: 'in_progress', progress: 30 });
    await page.close();
  });

  it("at 360 px: lists my unit's tasks late first, refuses a task without a lead beside its field, shows the import page", async () => {
    const page = await browser.newPage({ ...phone, viewport: { width: 360, height: 740 } });
    await signIn(page, base, 'so.gdtrh');
    await page.goto(`${base}/ke-hoach/nhiem-vu-cua-toi`);
    await page.getByRole('heading', { level: 1, name: 'Nhiệm vụ của đơn vị tôi' }).waitFor();
    await page
      .getByText(/^Trễ hạn/)
      .first()
      .waitFor();
    await checkAxe(page, 'my-tasks');
    await noSideScroll(page, 'my-tasks: horizontal overflow');
    await screenshot(page, 'plans-mine-360.png');

    await page.goto(`${base}/ke-hoach/${ids['qng-2023']}/nhiem-vu/moi`);
    await page.getByRole('heading', { level: 1, name: 'Thêm nhiệm vụ' }).waitFor();
    await page.getByLabel('Mã nhiệm vụ (STT)').fill('II.3.9');
    await page.getByLabel('Mục').selectOption('II.3');
    await page.getByLabel('Nội dung nhiệm vụ').fill('Thí điểm dạy học trực tuyến (thử nghiệm)');
    await page.getByRole('button', { name: 'Lưu' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Đơn vị chủ trì' });
    await summary.waitFor();
    expect(await page.getByLabel('Đơn vị chủ trì').getAttribute('aria-invalid')).toBe('true');
    await checkAxe(page, 'task-form-errors');
    await noSideScroll(page, 'task-form: horizontal overflow');
    await screenshot(page, 'plans-task-form-360.png');

    await page.goto(`${base}/ke-hoach/${ids['qng-2023']}/nhap-excel`);
    await page.getByRole('heading', { level: 1, name: 'Nhập nhiệm vụ từ Excel' }).waitFor();
    await checkAxe(page, 'import-page-initial');
    // On a desktop the tasks are a table.
    const wide = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    await signIn(wide, base, 'so.gdtrh');
    await wide.goto(`${base}/ke-hoach/${ids['qng-2023']}`);
    await wide.getByRole('table', { name: /II\.3\. Phát triển xã hội số/ }).waitFor();
    await checkAxe(wide, 'plan-page-desktop');
    await screenshot(wide, 'plans-plan-1280.png');
    await wide.close();
    await page.goto(`${base}/ke-hoach/${ids['qng-2023']}/nhap-excel`);
    await page.getByRole('heading', { level: 1, name: 'Nhập nhiệm vụ từ Excel' }).waitFor();
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    await page.locator('#pl-file-error').getByText('Chọn một tệp .xlsx').waitFor();
    await checkAxe(page, 'import-page');
    await noSideScroll(page, 'import-page: horizontal overflow');
    await page.close();
  });
});
