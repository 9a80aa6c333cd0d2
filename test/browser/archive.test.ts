import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DEMO_ARCHIVIST, loadDemoArchive } from '../../src/server/demo/archive/load-demo-archive.ts';
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
 * The electronic archive on a phone: a visitor finds a public file and reads its documents; a
 * staff member asks to read a restricted file; the archivist approves it and looks at the
 * fixity report; the staff member then sees the documents. axe-clean at 360 px.
 */
let ctx: TestContext;
let browser: Browser;
let base: string;
const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: 'vi-VN' };

beforeAll(async () => {
  if (!RUN) return;
  ctx = await createTestContext({ web: true, env: { WEB_DIST: buildWeb('archive') } });
  await loadDemoArchive(ctx.platform, DEMO_PASSWORD);
  const db = ctx.platform.db;
  const { password_hash } = await db
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const u = await db
    .insertInto('users')
    .values({ username: 'cv.nhansu', full_name: 'Trần Văn Nhân', password_hash, must_change_password: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  const so = await db.selectFrom('org_units').select('id').where('code', '=', 'QNG.SGD').executeTakeFirstOrThrow();
  await db.insertInto('role_grants').values({ user_id: u.id, role_code: 'department_staff', unit_id: so.id }).execute();
  base = await listen(ctx);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

describe.runIf(RUN)('archive at 360 px', () => {
  it('finds a public file without signing in, and a restricted one opens after an approved request', async () => {
    const visitor = await browser.newPage(phone);
    await visitor.goto(`${base}/luu-tru`);
    await visitor.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ lưu trữ' }).waitFor();
    await visitor.getByLabel('Từ khóa tìm kiếm').fill('thi tot nghiep');
    await visitor.getByRole('button', { name: 'Tìm' }).click();
    await visitor.getByText('Tìm thấy 1 hồ sơ').waitFor();
    await checkAxe(visitor, 'archive-search');
    await noSideScroll(visitor, 'archive-search: horizontal overflow');
    await visitor.getByRole('link', { name: 'Hồ sơ tổ chức kỳ thi tốt nghiệp THPT năm 2024' }).click();
    await visitor.getByRole('heading', { name: 'Văn bản, tài liệu trong hồ sơ' }).waitFor();
    await visitor.getByRole('link', { name: /Mở tệp Kế hoạch tổ chức kỳ thi/ }).waitFor();
    await checkAxe(visitor, 'archive-file');
    await noSideScroll(visitor, 'archive-file: horizontal overflow');
    await screenshot(visitor, 'archive-file-360.png');

    const staff = await browser.newPage(phone);
    await signIn(staff, base, 'cv.nhansu');
    await staff.goto(`${base}/luu-tru?q=ky+luat`);
    await staff.getByRole('link', { name: 'Hồ sơ xử lý kỷ luật viên chức năm 2023' }).click();
    await staff.getByLabel('Mục đích khai thác').fill('Xác minh quá trình công tác của viên chức');
    await checkAxe(staff, 'archive-request-form');
    await staff.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await staff.getByText('Đã gửi đề nghị.').waitFor();

    const archivist = await browser.newPage(phone);
    await signIn(archivist, base, DEMO_ARCHIVIST);
    await archivist.goto(`${base}/luu-tru/yeu-cau`);
    await archivist.getByRole('heading', { name: 'Đề nghị chờ duyệt' }).waitFor();
    await archivist.getByLabel('Lý do (bắt buộc)').fill('Đồng ý phục vụ xác minh');
    await archivist.getByLabel('Được khai thác đến hết ngày (khi đồng ý)').fill('2099-12-31');
    await checkAxe(archivist, 'archive-requests');
    await noSideScroll(archivist, 'archive-requests: horizontal overflow');
    await archivist.getByRole('button', { name: 'Đồng ý' }).click();
    await archivist.getByText('Không có đề nghị nào.').first().waitFor();
    await archivist.goto(`${base}/luu-tru/toan-ven`);
    await archivist.getByRole('button', { name: 'Kiểm tra ngay' }).click();
    await archivist.getByText(/đã kiểm tra 7 tệp, 0 tệp có vấn đề/).waitFor();
    await checkAxe(archivist, 'archive-fixity');
    await screenshot(archivist, 'archive-fixity-360.png');

    // The staff member comes back to their tab (a background tab's timers are throttled).
    await staff.bringToFront();
    await staff.reload();
    await staff.getByRole('link', { name: /Mở tệp Biên bản họp hội đồng kỷ luật/ }).waitFor();
  }, 120_000);
});
