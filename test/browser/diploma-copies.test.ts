import fs from 'node:fs';
import { sql } from 'kysely';
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
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Issue 5's browser journey: a citizen requests a certified copy on a phone (demo one-time
 * code), staff match the register entry and issue it, the citizen downloads the signed PDF,
 * and the copy's QR address says it is valid. axe-clean at 360 px, nothing wider than the screen.
 */
let ctx: TestContext;
let browser: Browser;
let base: string;
const DEMO_CODE = '246810';
const PHONE = '0905222333';
let previousDemo: string | undefined;

beforeAll(async () => {
  if (!RUN) return;
  previousDemo = process.env.OTP_DEMO_CODE;
  process.env.OTP_DEMO_CODE = DEMO_CODE;
  ctx = await createTestContext({ web: true, env: { WEB_DIST: buildWeb('diploma-copies') } });
  const db = ctx.database.db;
  const so = await db.selectFrom('org_units').select('id').where('code', '=', 'QNG.SGD').executeTakeFirstOrThrow();
  const { rows } = await sql<{ id: string }>`
    INSERT INTO diploma_registers (type_code, year, issuing_unit_id, issuing_unit_name)
    VALUES ('thpt', 2015, ${so.id}, 'Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi') RETURNING id`.execute(db);
  await sql`
    INSERT INTO diploma_entries (register_id, type_code, year, register_no, serial, full_name, birth_year, birth_month,
      birth_day, birth_place, gender, ethnicity, school_name, classification, decision_no, decision_date)
    VALUES (${rows[0]!.id}, 'thpt', 2015, '321', 'A 0654321', 'Huỳnh Thị Ngọc Trâm', 1997, 2, 3, 'Mộ Đức', 'female',
      'Kinh', 'Trường THPT Trần Quốc Tuấn', 'Giỏi', '845/QĐ-SGDĐT', '2015-07-10')`.execute(db);
  base = await listen(ctx);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
  if (previousDemo === undefined) delete process.env.OTP_DEMO_CODE;
  else process.env.OTP_DEMO_CODE = previousDemo;
});

describe.runIf(RUN)('a certified copy, from the phone to the QR check', () => {
  it('is requested, issued, downloaded signed, and verified by its QR address', async () => {
    const phone = await browser.newPage({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      locale: 'vi-VN',
      acceptDownloads: true,
    });
    await phone.goto(`${base}/ban-sao-van-bang`);
    await phone.getByRole('heading', { level: 1, name: 'Đề nghị cấp bản sao văn bằng từ sổ gốc' }).waitFor();
    await checkAxe(phone, 'copies-contact');
    await phone.getByLabel('Số điện thoại di động').fill(PHONE);
    await phone.getByRole('button', { name: 'Gửi mã xác thực' }).click();
    await phone.getByText(`dùng mã ${DEMO_CODE}`).waitFor();
    await phone.getByLabel('Mã xác thực').fill(DEMO_CODE);
    await phone.getByRole('button', { name: 'Xác thực' }).click();

    // The form: an empty submit names the missing fields.
    await phone.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await phone.getByText('Ghi ngày sinh dạng ngày/tháng/năm, hoặc năm sinh.').first().waitFor();
    await checkAxe(phone, 'copies-form-errors');
    await phone.getByLabel('Họ và tên người được cấp văn bằng').fill('Huỳnh Thị Ngọc Trâm');
    await phone.getByLabel('Ngày sinh').fill('03/02/1997');
    await phone.getByLabel('Năm tốt nghiệp').fill('2015');
    await phone.getByLabel('Trường hoặc hội đồng thi').fill('THPT Trần Quốc Tuấn');
    await phone.getByLabel('Số hiệu văn bằng (nếu biết)').fill('A0654321');
    await phone.getByLabel('Số bản sao').fill('2');
    await expect.poll(() => phone.getByTestId('fee-total').textContent()).toContain('20.000');
    await phone.getByLabel('Nhận qua bưu điện (có thu phí chuyển phát)').check();
    await expect.poll(() => phone.getByTestId('fee-total').textContent()).toContain('50.000');
    await phone.getByLabel(/^Nhận trực tiếp tại/).check();
    await checkAxe(phone, 'copies-form');
    await noSideScroll(phone, 'copies-form: horizontal overflow');
    await phone.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await phone.getByRole('heading', { name: 'Đã nhận đề nghị' }).waitFor();
    const code = (await phone.getByTestId('receipt-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^BSVB-\d{4}-\d+$/);
    await checkAxe(phone, 'copies-receipt');
    await noSideScroll(phone, 'copies-receipt: horizontal overflow');
    await screenshot(phone, 'diploma-copies-receipt-360.png');

    // Staff: the queue, the register's candidates, issue.
    const staff = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    await signIn(staff, base, 'admin');
    await staff.goto(`${base}/ban-sao-van-bang/xu-ly`);
    await staff.getByRole('link', { name: new RegExp(code) }).click();
    await staff.getByRole('heading', { name: 'Đối chiếu sổ gốc' }).waitFor();
    await staff.getByLabel(/Huỳnh Thị Ngọc Trâm.*A 0654321/).check();
    await checkAxe(staff, 'copies-staff-detail');
    await staff.getByRole('button', { name: 'Cấp bản sao từ mục đã chọn' }).click();
    await staff.getByTestId('copy-number').waitFor();
    const copyNumber = (await staff.getByTestId('copy-number').textContent())?.trim() ?? '';
    expect(copyNumber).toMatch(/^\d+\/\d{4}\/BS$/);
    expect(await staff.getByTestId('detail-state').textContent()).toBe('Đã cấp bản sao');
    await checkAxe(staff, 'copies-staff-issued');
    await staff.close();

    // The citizen follows the request and downloads the signed PDF.
    await phone.getByRole('link', { name: 'Theo dõi hồ sơ và tải bản sao' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Tra cứu đề nghị cấp bản sao' }).waitFor();
    await phone.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => phone.getByTestId('status-state').textContent()).toBe('Đã cấp bản sao');
    await phone.getByRole('button', { name: 'Tải bản sao (PDF)' }).click();
    const [download] = await Promise.all([
      phone.waitForEvent('download'),
      phone.getByRole('link', { name: 'Lưu tệp PDF bản sao' }).click(),
    ]);
    const pdf = fs.readFileSync((await download.path())!);
    const reports = await ctx.platform.signing.verify(pdf);
    expect(reports[0]?.valid).toBe(true);
    await checkAxe(phone, 'copies-status');
    await noSideScroll(phone, 'copies-status: horizontal overflow');
    await screenshot(phone, 'diploma-copies-status-360.png');

    // The QR address: the copy is found and its signature valid.
    await phone.getByRole('link', { name: 'Kiểm tra bản sao' }).click();
    await phone.waitForURL(/\/van-bang\/tra-cuu\?ban-sao=/);
    expect(new URL(phone.url()).searchParams.get('ban-sao')).toBe(copyNumber);
    await phone.getByRole('heading', { name: 'Bản sao hợp lệ' }).waitFor();
    await phone.getByText('Huỳnh Thị Ngọc Trâm').waitFor();
    if ((await phone.getByText('Mộ Đức').count()) > 0) throw new Error('the place of birth is shown to the public');
    await checkAxe(phone, 'copies-qr-check');
    await noSideScroll(phone, 'copies-qr-check: horizontal overflow');
    await screenshot(phone, 'diploma-copies-check-360.png');
    await phone.close();
  });
});
