import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * The archivist describes a file on a phone (360 px): the server refuses a digitised file
 * without its paper original, the error shows beside the field and in the summary, the
 * archivist fixes it and saves, then adds a PDF document (uploaded with tus) and sees it on the
 * file page. A second tab's stale save gets the conflict message. A new fonds is created.
 * At 390 px: a fonds is edited (a refused end year beside its field, a conflicting save, a
 * saved change), a file's end date refused by the server shows under the date field, a
 * document's description is changed and another document withdrawn with a reason (marked
 * "Đã rút" for the archivist, gone for a reader). axe-clean, no sideways scrolling.
 */
let ctx: TestContext;
let browser: Browser;
let base: string;
const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: 'vi-VN' };
const phone390 = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'vi-VN' };
const FIXTURE = path.resolve('test/fixtures/library/ke-hoach-bai-day-luc-ma-sat.pdf');

beforeAll(async () => {
  if (!RUN) return;
  ctx = await createTestContext({ web: true, env: { WEB_DIST: buildWeb('archive-forms') } });
  await loadDemoArchive(ctx.platform, DEMO_PASSWORD);
  base = await listen(ctx);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

describe.runIf(RUN)('archive description forms at 360 px', () => {
  it('describes a file, fixes a refused field, adds a PDF document, and is told of a conflicting edit', async () => {
    const page = await browser.newPage(phone);
    await signIn(page, base, DEMO_ARCHIVIST);
    await page.goto(`${base}/luu-tru/phong`);
    await page.getByRole('heading', { level: 1, name: 'Phông lưu trữ' }).waitFor();
    await page.getByRole('link', { name: 'Lập hồ sơ mới trong Phông Sở GDĐT tỉnh Quảng Ngãi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lập hồ sơ lưu trữ mới' }).waitFor();
    await page.getByText(/mã định danh của phông \(000\.00\.31\.H48\)/).waitFor();

    await page.getByLabel('Mã hồ sơ').fill('2025.77');
    await page.getByLabel('Tiêu đề hồ sơ').fill('Hồ sơ tuyển sinh lớp 10 năm học 2025–2026');
    await page.getByLabel('Ngày bắt đầu').fill('01/03/2025');
    await page.getByLabel('Ngày kết thúc').fill('30/09/2025');
    await page.getByLabel('Số năm bảo quản').fill('20');
    await page.getByLabel('Từ khóa').fill('tuyển sinh, lớp 10');
    await page.getByLabel('Số tờ').fill('12');
    await page.getByLabel('Số trang').fill('24');
    await page.getByLabel('Bản số hóa').check();
    await page.getByLabel('Tình trạng vật lý').fill('Giấy ố vàng nhẹ, còn nguyên vẹn');
    await checkAxe(page, 'archive-file-form');
    await noSideScroll(page, 'archive-file-form: horizontal overflow');
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();

    // Refused by the server: the message beside the field and in the focused summary.
    const summary = page.getByRole('alert').filter({ hasText: 'lỗi cần sửa' });
    await summary.getByRole('link', { name: /Ký hiệu hồ sơ giấy: hồ sơ số hóa phải ghi ký hiệu hồ sơ giấy/ }).waitFor();
    expect(await page.getByLabel('Ký hiệu hồ sơ giấy').getAttribute('aria-invalid')).toBe('true');
    await page.locator('#arc-paper-error').getByText('hồ sơ số hóa phải ghi ký hiệu hồ sơ giấy').waitFor();
    await checkAxe(page, 'archive-file-form-errors');
    await noSideScroll(page, 'archive-file-form-errors: horizontal overflow');
    await screenshot(page, 'archive-file-form-errors-360.png');

    await page.getByLabel('Ký hiệu hồ sơ giấy').fill('HS-GIAY-2025-77');
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await page.getByText('Đã lập hồ sơ.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ tuyển sinh lớp 10 năm học 2025–2026' }).waitFor();
    await page.getByText('000.00.31.H48.2025.77').waitFor();
    await page.getByText('HS-GIAY-2025-77').waitFor();

    // A document with its PDF, uploaded through tus.
    await page.getByLabel('Trích yếu / tên văn bản').fill('Kế hoạch tuyển sinh lớp 10');
    await page.getByLabel('Số, ký hiệu văn bản').fill('45/KH-SGDĐT');
    await page.getByLabel('Ngày văn bản').fill('15/03/2025');
    await page.getByLabel('Tệp văn bản').setInputFiles({
      name: 'ke-hoach-tuyen-sinh.pdf',
      mimeType: 'application/pdf',
      buffer: fs.readFileSync(FIXTURE),
    });
    await page.getByText('Đã tải lên ke-hoach-tuyen-sinh.pdf.').waitFor();
    await page.getByRole('button', { name: 'Thêm văn bản' }).click();
    await page.getByText('Đã thêm văn bản “Kế hoạch tuyển sinh lớp 10”.').waitFor();
    await page.getByRole('link', { name: 'Mở tệp ke-hoach-tuyen-sinh.pdf' }).waitFor();
    await checkAxe(page, 'archive-file-with-document');
    await noSideScroll(page, 'archive-file-with-document: horizontal overflow');
    await screenshot(page, 'archive-file-document-360.png');
    await page.reload();
    await page.getByRole('link', { name: 'Mở tệp ke-hoach-tuyen-sinh.pdf' }).waitFor();

    // Two tabs edit the same version: the later save is told of the conflict.
    const fileUrl = page.url();
    const other = await browser.newPage(phone);
    await signIn(other, base, DEMO_ARCHIVIST);
    await page.getByRole('link', { name: 'Sửa mô tả hồ sơ' }).click();
    await other.goto(`${fileUrl}/sua`);
    await page.getByRole('heading', { level: 1, name: 'Sửa mô tả hồ sơ' }).waitFor();
    await other.getByRole('heading', { level: 1, name: 'Sửa mô tả hồ sơ' }).waitFor();
    await other.getByLabel('Số trang').fill('26');
    await other.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await other.getByText('Đã lưu thay đổi.').waitFor();
    await page.getByLabel('Số tờ').fill('13');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText(/Hồ sơ vừa được người khác sửa/).waitFor();
    await checkAxe(page, 'archive-file-conflict');
    await page.getByRole('button', { name: 'Tải bản mới nhất' }).click();
    await expect.poll(() => page.getByLabel('Số trang').inputValue()).toBe('26');
  }, 150_000);

  it('creates a fonds, and refuses a malformed identifier beside its field', async () => {
    const page = await browser.newPage(phone);
    await signIn(page, base, DEMO_ARCHIVIST);
    await page.goto(`${base}/luu-tru/phong`);
    await page.getByRole('heading', { name: 'Tạo phông lưu trữ' }).waitFor();
    await page.getByLabel('Mã định danh của cơ quan').fill('H48');
    await page.getByLabel('Tên phông').fill('Phông Trường THPT chuyên Lê Khiết');
    await page.getByLabel('Năm bắt đầu').fill('1990');
    await page.getByRole('button', { name: 'Tạo phông' }).click();
    await page.locator('#fonds-org-error').waitFor();
    await checkAxe(page, 'archive-fonds-errors');
    await noSideScroll(page, 'archive-fonds: horizontal overflow');
    await page.getByLabel('Mã định danh của cơ quan').fill('000.00.31.H99');
    await page.getByRole('button', { name: 'Tạo phông' }).click();
    await page.getByText('Đã tạo phông “Phông Trường THPT chuyên Lê Khiết”.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Phông Trường THPT chuyên Lê Khiết' }).waitFor();
    await screenshot(page, 'archive-fonds-360.png');
  }, 60_000);

  it('edits a fonds at 390 px: a refused end year beside its field, a conflicting save, then a saved change', async () => {
    const page = await browser.newPage(phone390);
    await signIn(page, base, DEMO_ARCHIVIST);
    await page.goto(`${base}/luu-tru/phong`);
    await page.getByRole('heading', { level: 1, name: 'Phông lưu trữ' }).waitFor();
    const card = page.locator('li.arc-card', { hasText: 'Phông Sở GDĐT tỉnh Quảng Ngãi' });
    const open = card.getByRole('button', { name: 'Sửa phông: Phông Sở GDĐT tỉnh Quảng Ngãi' });
    await open.click();
    expect(await open.getAttribute('aria-expanded')).toBe('true');
    const endYear = card.getByLabel('Năm kết thúc');
    await endYear.fill('1980');
    await card.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await card
      .getByRole('alert')
      .getByRole('link', { name: /Năm kết thúc: năm kết thúc trước năm bắt đầu \(1989\)/ })
      .waitFor();
    expect(await endYear.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await endYear.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-error'))!;
    await page.locator(`#${errorId}`).getByText('năm kết thúc trước năm bắt đầu (1989)').waitFor();
    await checkAxe(page, 'archive-fonds-edit-errors');
    await noSideScroll(page, 'archive-fonds-edit-errors: horizontal overflow');
    await screenshot(page, 'archive-fonds-edit-errors-390.png');

    // Another tab saves first: this one is told and reloads.
    const other = await browser.newPage(phone390);
    await signIn(other, base, DEMO_ARCHIVIST);
    await other.goto(`${base}/luu-tru/phong`);
    const otherCard = other.locator('li.arc-card', { hasText: 'Phông Sở GDĐT tỉnh Quảng Ngãi' });
    await otherCard.getByRole('button', { name: 'Sửa phông: Phông Sở GDĐT tỉnh Quảng Ngãi' }).click();
    await otherCard.getByLabel('Giới thiệu phông').fill('Tài liệu của Sở từ năm 1989 (dữ liệu trình diễn).');
    await otherCard.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await other.getByText('Đã lưu phông “Phông Sở GDĐT tỉnh Quảng Ngãi”.').waitFor();
    await other.close();
    await endYear.fill('');
    await card.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await card.getByText(/Phông vừa được người khác sửa/).waitFor();
    await card.getByRole('button', { name: 'Tải bản mới nhất' }).click();
    await card.getByText('Tài liệu của Sở từ năm 1989 (dữ liệu trình diễn).').waitFor();

    await open.click();
    await card.getByLabel('Tên phông').fill('Phông Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi');
    await card.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Đã lưu phông “Phông Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi”.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Phông Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi' }).waitFor();
    await checkAxe(page, 'archive-fonds-edited');
    await screenshot(page, 'archive-fonds-edited-390.png');
    await page.close();
  }, 90_000);

  it('shows a server-refused end date under the date field (date-input error) at 390 px', async () => {
    const { id } = (await ctx.platform.db
      .selectFrom('archive_files' as never)
      .select('id' as never)
      .where('code' as never, '=', '000.00.31.H48.2024.01' as never)
      .executeTakeFirstOrThrow()) as { id: string };
    const page = await browser.newPage(phone390);
    await signIn(page, base, DEMO_ARCHIVIST);
    await page.goto(`${base}/luu-tru/ho-so/${id}/sua`);
    await page.getByRole('heading', { level: 1, name: 'Sửa mô tả hồ sơ' }).waitFor();
    await page.getByLabel('Ngày kết thúc').fill('01/01/2024');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page
      .locator('#arc-end-error')
      .getByText(/ngày kết thúc phải sau ngày bắt đầu/)
      .waitFor();
    expect(await page.getByLabel('Ngày kết thúc').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Ngày kết thúc').getAttribute('aria-describedby')).toContain('arc-end-error');
    await checkAxe(page, 'archive-file-date-error');
    await noSideScroll(page, 'archive-file-date-error: horizontal overflow');
    await screenshot(page, 'archive-file-date-error-390.png');
    await page.close();
  }, 60_000);

  it('edits a document and withdraws another with a reason; a reader no longer sees it (390 px)', async () => {
    const { id } = (await ctx.platform.db
      .selectFrom('archive_files' as never)
      .select('id' as never)
      .where('code' as never, '=', '000.00.31.H48.2024.01' as never)
      .executeTakeFirstOrThrow()) as { id: string };
    const page = await browser.newPage(phone390);
    await signIn(page, base, DEMO_ARCHIVIST);
    await page.goto(`${base}/luu-tru/ho-so/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ tổ chức kỳ thi tốt nghiệp THPT năm 2024' }).waitFor();

    await page.getByRole('button', { name: 'Sửa mô tả: Kế hoạch tổ chức kỳ thi' }).click();
    const doc = page.locator('li.arc-card', { hasText: 'Kế hoạch tổ chức kỳ thi' });
    await doc.getByLabel('Số, ký hiệu văn bản').fill('16/KH-SGDĐT');
    await doc.getByLabel('Số trang').fill('bốn');
    await doc.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await doc
      .getByRole('alert')
      .getByRole('link', { name: /^Số trang:/ })
      .waitFor();
    expect(await doc.getByLabel('Số trang').getAttribute('aria-invalid')).toBe('true');
    await checkAxe(page, 'archive-document-edit-errors');
    await noSideScroll(page, 'archive-document-edit-errors: horizontal overflow');
    await screenshot(page, 'archive-document-edit-errors-390.png');
    await doc.getByLabel('Số trang').fill('4');
    await doc.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Đã lưu mô tả văn bản.').waitFor();
    await doc.getByText(/16\/KH-SGDĐT/).waitFor();

    // Withdrawal asks for the reason in a dialog; the document stays, marked, for the archivist.
    await page.getByRole('button', { name: 'Rút khỏi hồ sơ: Báo cáo kết quả kỳ thi' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rút văn bản “Báo cáo kết quả kỳ thi” khỏi hồ sơ?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Rút văn bản' }).click();
    await dialog.getByText('Lý do rút: nhập lý do rút (ít nhất 5 ký tự)').waitFor();
    expect(await dialog.getByLabel('Lý do rút').getAttribute('aria-invalid')).toBe('true');
    await checkAxe(page, 'archive-withdraw-dialog');
    await screenshot(page, 'archive-withdraw-dialog-390.png', false);
    await dialog.getByLabel('Lý do rút').fill('Nộp nhầm: văn bản thuộc hồ sơ năm 2025');
    await dialog.getByRole('button', { name: 'Rút văn bản' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const withdrawn = page.locator('li.arc-card', { hasText: 'Báo cáo kết quả kỳ thi' });
    await withdrawn.getByText('Đã rút', { exact: true }).waitFor();
    await withdrawn.getByText(/Lý do: Nộp nhầm: văn bản thuộc hồ sơ năm 2025/).waitFor();
    expect(await withdrawn.getByRole('button').count()).toBe(0);
    await checkAxe(page, 'archive-file-withdrawn');
    await noSideScroll(page, 'archive-file-withdrawn: horizontal overflow');
    await screenshot(page, 'archive-file-withdrawn-390.png');
    await page.close();

    // A reader (not signed in) sees the file without the withdrawn document.
    const reader = await browser.newPage(phone390);
    await reader.goto(`${base}/luu-tru/ho-so/${id}`);
    await reader.getByRole('heading', { level: 1, name: 'Hồ sơ tổ chức kỳ thi tốt nghiệp THPT năm 2024' }).waitFor();
    await reader.getByText('Kế hoạch tổ chức kỳ thi', { exact: true }).waitFor();
    expect(await reader.getByText('Báo cáo kết quả kỳ thi').count()).toBe(0);
    expect(await reader.getByText('Đã rút').count()).toBe(0);
    await reader.close();
  }, 90_000);
});
