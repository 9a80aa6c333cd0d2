import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoAdmissions } from '../../src/server/demo/admissions/load-demo-admissions.ts';
import { loadDemoDirectives } from '../../src/server/demo/directives/load-demo-directives.ts';
import { loadDemoDxIndex } from '../../src/server/demo/dx-index/load-demo-dx-index.ts';
import { loadDemoKpis } from '../../src/server/demo/kpis/load-demo-kpis.ts';
import { loadDemoPlans } from '../../src/server/demo/plans/load-demo-plans.ts';
import { loadDemoReports } from '../../src/server/demo/reports/load-demo-reports.ts';
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
import { createTestContext, DEMO_PASSWORD, type TestContext } from '../support/test-app.ts';

/**
 * At 390 px: the Sở's leader opens /dieu-hanh (the province), drills down from Xã Tịnh Khê to
 * its schools, opens the KPIs and one indicator's drill-down, sets a target and defines an
 * indicator (a refused formula first); a commune officer (at 360 px) sees only the commune; the
 * public page renders without signing in. axe-clean, no sideways scrolling; screenshots in
 * .tmp/screens.
 */
let ctx: TestContext;
let browser: Browser;
let base: string;
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'vi-VN' };

beforeAll(async () => {
  if (!RUN) return;
  ctx = await createTestContext({ web: true, env: { WEB_DIST: buildWeb('dashboards') } });
  await loadDemoAdmissions(ctx.platform);
  await loadDemoKpis(ctx.platform);
  // The other steering modules' demo data, as `npm start` loads it.
  await loadDemoDxIndex(ctx.platform);
  await loadDemoReports(ctx.platform);
  await loadDemoDirectives(ctx.platform, DEMO_PASSWORD);
  await loadDemoPlans(ctx.platform);
  base = await listen(ctx);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

describe.runIf(RUN)('operations dashboards at 390 px', () => {
  it('the Sở leader sees the province and drills down from a commune to its schools', async () => {
    const page = await browser.newPage(phone);
    await signIn(page, base, 'so.lanhdao');
    await page.goto(`${base}/dieu-hanh`);
    await page.getByRole('heading', { level: 1, name: 'Điều hành: Tỉnh Quảng Ngãi' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Theo xã, phường và Sở' }).waitFor();
    await checkAxe(page, 'dashboard province');
    await noSideScroll(page, 'dashboard province: horizontal overflow');
    await screenshot(page, 'dashboards-province-390.png');

    // A figure opens the units behind it: the tile view coloured by that figure.
    await page.getByRole('link', { name: 'Nhiệm vụ trễ hạn' }).click();
    await page.waitForURL(/by=lateTasks/);
    await expect.poll(() => page.getByLabel('Tô màu và sắp xếp theo').inputValue()).toBe('lateTasks');
    // The data-table alternative of the tile view, sorted by the chosen figure.
    await page.getByLabel('Tô màu và sắp xếp theo').selectOption('onTimeRate');
    await page.getByText('Xem bảng số liệu (thay cho biểu đồ)').click();
    await page.getByText('Số liệu các đơn vị, sắp xếp theo: Tỷ lệ báo cáo đúng hạn').waitFor();
    await page.getByRole('row').getByRole('link', { name: 'Xã Tịnh Khê' }).waitFor();
    await checkAxe(page, 'dashboard province with its table');
    await noSideScroll(page, 'dashboard province with its table: horizontal overflow');
    // Drill down through the commune's tile.
    await page
      .locator('.dash-tiles')
      .getByRole('link', { name: /^Xã Tịnh Khê/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Điều hành: Xã Tịnh Khê' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Theo trường' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Đơn vị cấp trên' })
      .getByRole('link', { name: 'Tỉnh Quảng Ngãi' })
      .waitFor();
    await page.locator('.dash-tiles').getByText('Trường Tiểu học số 1 Tịnh Khê').waitFor();
    await checkAxe(page, 'dashboard commune');
    await noSideScroll(page, 'dashboard commune: horizontal overflow');
    await screenshot(page, 'dashboards-commune-390.png');

    await page.goto(`${base}/chi-so`);
    await page.getByRole('heading', { level: 1, name: 'Chỉ số và chỉ tiêu' }).waitFor();
    await checkAxe(page, 'kpis list');
    await noSideScroll(page, 'kpis list: horizontal overflow');
    await screenshot(page, 'kpis-list-390.png');
    await page.getByRole('link', { name: /phần mềm quản lí nhà trường/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Chi tiết theo đơn vị trực thuộc' }).waitFor();
    await page.getByRole('row').getByRole('link').first().waitFor();
    await checkAxe(page, 'kpi detail');
    await noSideScroll(page, 'kpi detail: horizontal overflow');
    await screenshot(page, 'kpi-detail-390.png');

    // A target for the province, then an indicator whose formula the server refuses.
    await page.getByLabel('Chỉ tiêu', { exact: true }).fill('95');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await page.getByText('Đã lưu.').waitFor();
    await page.goto(`${base}/chi-so/moi`);
    await page.getByRole('heading', { level: 1, name: 'Thêm chỉ số' }).waitFor();
    await page.getByLabel('Mã chỉ số').fill('TH.MAY_TINH');
    await page.getByLabel('Tên (tiếng Việt)').fill('Số máy tính bình quân một trường');
    await page.getByLabel('Tên (tiếng Anh)').fill('Computers per school');
    await page.getByLabel('Công thức').fill('report:KS-CDS.computers / (report_count:KS-CDS.computers');
    await page.getByRole('button', { name: 'Lưu chỉ số' }).click();
    await page
      .locator('#ki-formula-error')
      .getByText(/Thiếu "\)"/)
      .waitFor();
    expect(await page.getByLabel('Công thức').getAttribute('aria-invalid')).toBe('true');
    await checkAxe(page, 'indicator form with an error');
    await noSideScroll(page, 'indicator form: horizontal overflow');
    await screenshot(page, 'kpi-form-error-390.png');
    await page.getByLabel('Công thức').fill('report:KS-CDS.computers / report_count:KS-CDS.computers');
    await page.getByRole('button', { name: 'Lưu chỉ số' }).click();
    await page.getByRole('heading', { level: 1, name: 'Số máy tính bình quân một trường' }).waitFor();
    await page.close();
  });

  it('a commune officer sees only the commune, at 360 px too', async () => {
    const page = await browser.newPage({ ...phone, viewport: { width: 360, height: 740 } });
    await signIn(page, base, 'xa.tinhkhe');
    await page.goto(`${base}/dieu-hanh`);
    await page.getByRole('heading', { level: 1, name: 'Điều hành: Xã Tịnh Khê' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Theo trường' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Đơn vị cấp trên' }).count()).toBe(0);
    await checkAxe(page, 'dashboard of a commune officer');
    await noSideScroll(page, 'dashboard of a commune officer at 360 px: horizontal overflow');
    await screenshot(page, 'dashboards-commune-officer-360.png', false);
    await page.close();
  });

  it('the public page renders without signing in', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await page.goto(`${base}/dieu-hanh/cong-khai`);
    await page.getByRole('heading', { level: 1, name: 'Số liệu điều hành công khai' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Chỉ số so với chỉ tiêu/ }).waitFor();
    expect(await page.getByText('Báo cáo định kỳ kỳ hiện tại').count()).toBe(0);
    await checkAxe(page, 'public dashboard');
    await noSideScroll(page, 'public dashboard: horizontal overflow');
    await screenshot(page, 'dashboards-public-390.png');
    await context.close();
  });
});
