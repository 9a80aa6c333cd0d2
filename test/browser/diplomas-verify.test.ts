import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { buildWeb, checkAxe, launchChromium, listen, noSideScroll, RUN, screenshot } from '../support/browser.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * The public diploma verification on a phone (issue 5 item 4): the QR code of a copy opens the
 * page with the serial filled in; the holder's name typed without accents gives a match with
 * the public fields only; a wrong name gives no match. axe-clean at 360 px, nothing wider.
 */
let ctx: TestContext;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!RUN) return;
  ctx = await createTestContext({ web: true, env: { WEB_DIST: buildWeb('diplomas') } });
  const db = ctx.database.db;
  const so = await db.selectFrom('org_units').select('id').where('code', '=', 'QNG.SGD').executeTakeFirstOrThrow();
  const { rows } = await sql<{ id: string }>`
    INSERT INTO diploma_registers (type_code, year, issuing_unit_id, issuing_unit_name)
    VALUES ('thpt', 2015, ${so.id}, 'Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi') RETURNING id`.execute(db);
  await sql`
    INSERT INTO diploma_entries (register_id, type_code, year, register_no, serial, full_name, birth_year, birth_month,
      birth_day, birth_place, ethnicity, school_name, classification)
    VALUES (${rows[0]!.id}, 'thpt', 2015, '321', 'A 0654321', 'Huỳnh Thị Ngọc Trâm', 1997, 2, 3, 'Mộ Đức', 'Kinh',
      'Trường THPT Trần Quốc Tuấn', 'Giỏi')`.execute(db);
  base = await listen(ctx);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

describe.runIf(RUN)('diploma verification at 360 px', () => {
  it('opens from a QR link with the serial, confirms a match, and says no match for another name', async () => {
    const page = await browser.newPage({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      locale: 'vi-VN',
    });
    await page.goto(`${base}/van-bang/tra-cuu?so-hieu=${encodeURIComponent('A 0654321')}`);
    await page.getByRole('heading', { level: 1, name: 'Xác minh văn bằng' }).waitFor();
    await checkAxe(page, 'diplomas-verify-empty');
    await page.getByRole('button', { name: 'Xác minh' }).click();
    await page.getByText('Nhập họ và tên người được cấp.').first().waitFor();
    await checkAxe(page, 'diplomas-verify-errors');
    await page.getByLabel('Họ và tên người được cấp').fill('huynh thi ngoc tram');
    await page.getByRole('button', { name: 'Xác minh' }).click();
    await page.getByRole('heading', { name: 'Văn bằng có trong sổ gốc' }).waitFor();
    await page.getByText('Bằng tốt nghiệp trung học phổ thông').waitFor();
    if ((await page.getByText('Mộ Đức').count()) > 0) throw new Error('the place of birth is shown to the public');
    await checkAxe(page, 'diplomas-verify-match');
    await noSideScroll(page, 'diplomas-verify-match: horizontal overflow');
    await screenshot(page, 'diplomas-verify-match-360.png');
    await page.getByLabel('Họ và tên người được cấp').fill('Huỳnh Thị Ngọc');
    await page.getByRole('button', { name: 'Xác minh' }).click();
    await page.getByRole('heading', { name: 'Không tìm thấy văn bằng khớp với thông tin đã nhập' }).waitFor();
    await checkAxe(page, 'diplomas-verify-nomatch');
    await page.close();
  });
});
