import path from 'node:path';
import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDiplomas } from '../../src/server/demo/diplomas/load-demo-diplomas.ts';
import { foldName } from '../../src/server/modules/diplomas/verify.service.ts';
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
 * The staff pages of the diploma registry on a phone (issue 5 items 1–3), as the demo officer
 * so.vanbang: search a name typed without accents, open the entry (with its scanned register
 * page), record a correction decision and see it in the history; the import wizard's picker
 * of issuing units. axe-clean at 360 px, nothing wider than the screen. At 390 px, the register
 * page's form attaches one scanned page to a range of register numbers (errors beside the
 * fields first), says how many entries were linked, and the page shows on an entry of the range
 * with its label.
 */
let ctx: TestContext;
let browser: Browser;
let base: string;
let fullName: string;

beforeAll(async () => {
  if (!RUN) return;
  ctx = await createTestContext({ web: true, env: { WEB_DIST: buildWeb('diplomas-staff') } });
  await loadDemoDiplomas(ctx.platform, DEMO_PASSWORD);
  const db = ctx.database.db;
  const { rows } = await sql<{ id: string; full_name: string }>`
    SELECT id, full_name FROM diploma_entries WHERE serial_key = 'DM000001'`.execute(db);
  fullName = rows[0]!.full_name;
  // A scanned page already attached (the attach itself is covered by diplomas-pages.test.ts).
  const file = await sql<{ id: string }>`
    INSERT INTO stored_files (storage_key, filename, content_type, size_bytes, sha256)
    VALUES ('diplomas/test/trang-so-goc-01.png', 'trang-so-goc-01.png', 'image/png', 1, repeat('0', 64))
    RETURNING id`.execute(db);
  await sql`UPDATE diploma_entries SET page_file_ids = ARRAY[${file.rows[0]!.id}::uuid]
    WHERE id = ${rows[0]!.id}`.execute(db);
  base = await listen(ctx);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

describe.runIf(RUN)('diploma registry staff pages at 360 px', () => {
  it('searches without accents, opens an entry, records a correction and shows it in the history', async () => {
    const page = await browser.newPage({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      locale: 'vi-VN',
    });
    await signIn(page, base, 'so.vanbang');
    await page.goto(`${base}/van-bang/tim-kiem`);
    await page.getByRole('heading', { level: 1, name: 'Tìm trong sổ gốc' }).waitFor();
    await checkAxe(page, 'diplomas-search-empty');

    const folded = foldName(fullName);
    expect(folded).not.toBe(fullName);
    await page.getByLabel('Họ và tên').fill(folded.toUpperCase());
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('heading', { name: 'Kết quả' }).waitFor();
    const link = page.getByRole('link', { name: fullName }).first();
    await link.waitFor();
    await checkAxe(page, 'diplomas-search-results');
    await noSideScroll(page, 'diplomas-search-results: horizontal overflow');
    await screenshot(page, 'diplomas-search-360.png');

    await link.click();
    await page.getByRole('heading', { level: 1, name: fullName }).waitFor();
    await page.getByRole('heading', { name: 'Trang sổ gốc đã quét', exact: true }).waitFor();
    await page.getByRole('link', { name: /Trang 1: trang-so-goc-01\.png/ }).waitFor();
    // A second page scanned as PDF, uploaded resumably from the entry page.
    await page
      .getByLabel('Tệp ảnh hoặc PDF của trang sổ gốc')
      .setInputFiles(path.resolve('test/fixtures/library/ke-hoach-bai-day-luc-ma-sat.pdf'));
    await page.getByText('Đã gắn trang: ke-hoach-bai-day-luc-ma-sat.pdf.').waitFor();
    await page.getByRole('link', { name: /Trang 2: ke-hoach-bai-day-luc-ma-sat\.pdf/ }).waitFor();
    await page.getByText('Chưa có đính chính nào.').waitFor();
    await checkAxe(page, 'diplomas-entry');
    await noSideScroll(page, 'diplomas-entry: horizontal overflow');

    // An empty form: the errors are listed and announced.
    await page.getByRole('button', { name: 'Ghi nhận đính chính' }).click();
    await page.getByText('Nhập số quyết định.').first().waitFor();
    await checkAxe(page, 'diplomas-correction-errors');

    await page.getByLabel('Số quyết định').fill('123/QĐ-SGDĐT');
    await page.getByLabel('Ngày quyết định').fill('05/03/2026');
    await page.getByLabel('Người ký').fill('Nguyễn Văn Giám Đốc');
    await page.getByLabel('Lý do đính chính').fill('Sai nơi sinh theo giấy khai sinh');
    await page.getByLabel('Nơi sinh').fill('Đăk Hà, Kon Tum');
    await page.getByRole('button', { name: 'Ghi nhận đính chính' }).click();
    await page.getByRole('status').getByText('Đã ghi nhận đính chính.').waitFor();
    const history = page.locator('section[aria-labelledby="de-history"]');
    await history.getByRole('heading', { name: '123/QĐ-SGDĐT — 05/03/2026' }).waitFor();
    await history.getByText(/Nơi sinh: .* → Đăk Hà, Kon Tum/).waitFor();
    await checkAxe(page, 'diplomas-entry-corrected');
    await noSideScroll(page, 'diplomas-entry-corrected: horizontal overflow');
    await screenshot(page, 'diplomas-entry-360.png');

    // The history survives a reload (it is the registry's, not the form's).
    await page.reload();
    await page.locator('section[aria-labelledby="de-history"]').getByText('123/QĐ-SGDĐT — 05/03/2026').waitFor();
    await page.close();
  });

  it('offers the issuing units, former ones included, in the import wizard', async () => {
    const page = await browser.newPage({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      locale: 'vi-VN',
    });
    await signIn(page, base, 'so.vanbang');
    await page.goto(`${base}/van-bang/nhap`);
    await page.getByRole('heading', { level: 1, name: 'Nhập danh sách văn bằng đã số hóa' }).waitFor();
    const picker = page.getByLabel('Đơn vị cấp bằng');
    await picker.locator('option', { hasText: 'Kon Tum' }).waitFor({ state: 'attached' });
    const options = await picker.locator('option').allTextContents();
    expect(options.some((o) => o.includes('Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi'))).toBe(true);
    expect(options.some((o) => o.includes('Kon Tum') && o.includes('đã hết hiệu lực'))).toBe(true);
    await page.getByRole('button', { name: 'Tải lên' }).click();
    await page.getByText('Chọn đơn vị cấp bằng.').first().waitFor();
    await checkAxe(page, 'diplomas-import-errors');
    await noSideScroll(page, 'diplomas-import: horizontal overflow');
    await page.close();
  });

  it('attaches one scanned page to a range of register numbers from the register page (390 px)', async () => {
    const db = ctx.database.db;
    const { rows } = await sql<{ id: string; register_id: string; register_no: string }>`
      SELECT id, register_id, register_no FROM diploma_entries WHERE serial_key = 'DM000020'`.execute(db);
    const entry = rows[0]!;
    const from = Number(entry.register_no);
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      locale: 'vi-VN',
    });
    await signIn(page, base, 'so.vanbang');
    await page.goto(`${base}/van-bang`);
    await page.getByRole('heading', { name: 'Gắn trang sổ gốc quét cho một dải số vào sổ' }).waitFor();
    await page.getByLabel('Sổ gốc', { exact: true }).selectOption(entry.register_id);

    // Nothing filled, then a range the wrong way round: the errors sit beside their fields.
    await page.getByRole('button', { name: 'Gắn trang vào dải số' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'lỗi cần sửa' });
    await summary.getByRole('link', { name: 'Từ số vào sổ: nhập số vào sổ là số nguyên dương' }).waitFor();
    await summary.getByRole('link', { name: 'Tệp ảnh hoặc PDF của trang: chọn tệp quét của trang' }).waitFor();
    expect(await page.getByLabel('Từ số vào sổ').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Từ số vào sổ').fill(String(from + 4));
    await page.getByLabel('Đến số vào sổ').fill(String(from));
    await page.getByRole('button', { name: 'Gắn trang vào dải số' }).click();
    await page.locator('#rp-to-error').getByText('Đến số vào sổ: số cuối phải không nhỏ hơn số đầu').waitFor();
    await checkAxe(page, 'diplomas-range-pages-errors');
    await noSideScroll(page, 'diplomas-range-pages-errors: horizontal overflow');
    await screenshot(page, 'diplomas-range-pages-errors-390.png');

    await page.getByLabel('Từ số vào sổ').fill(String(from));
    await page.getByLabel('Đến số vào sổ').fill(String(from + 4));
    await page.getByLabel('Nhãn trang').fill('Trang 7');
    await page.getByLabel('Tệp ảnh hoặc PDF của trang').setInputFiles({
      name: 'trang-07.png',
      mimeType: 'image/png',
      buffer: PNG_PAGE,
    });
    await page.getByText('Đã tải lên trang-07.png.').waitFor();
    await page.getByRole('button', { name: 'Gắn trang vào dải số' }).click();
    await page.getByText(`Đã gắn “Trang 7” vào 5 bản ghi (số ${from}–${from + 4}).`).waitFor();
    await checkAxe(page, 'diplomas-range-pages-linked');
    await noSideScroll(page, 'diplomas-range-pages-linked: horizontal overflow');
    await screenshot(page, 'diplomas-range-pages-linked-390.png');

    // The entry shows the page under its label.
    await page.goto(`${base}/van-bang/ban-ghi/${entry.id}`);
    await page.getByRole('link', { name: /Trang 7: trang-07\.png/ }).waitFor();
    await page.close();
  });
});

/** A small PNG (2×2, red) standing for a scanned page. */
const PNG_PAGE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4o6QERAwQCgAgdgRBhNis/gAAAABJRU5ErkJggg==',
  'base64',
);
