import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answersFor, assessmentUrl, openCampaign } from '../integration/dx-support.ts';
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
import { createTestContext, DEMO_PASSWORD, type TestContext } from '../support/test-app.ts';

/**
 * Issue 6's steering journey in Chromium. Periodic reports (item 3): the Sở (so.gdtrh,
 * department_staff) designs a six-monthly report on a desktop, publishes it to every
 * lower-secondary (THCS) school and opens the period 2026-H2; the principal of Trường THCS Tịnh
 * Khê, on a 390 px phone, fills it (numbers typed the Vietnamese way), is stopped by a validation
 * rule, corrects and completes it; the commune officer (xa.tinhkhe) sends it back once with a
 * reason; the school corrects and completes again; the commune approves; the Sở reads the
 * aggregate and the completeness rate and reminds the units that have not reported (once a day).
 * Then the DX index (item 5): the principal of an upper-secondary school (Trường THPT Trần Quốc
 * Tuấn, evaluated by the Sở) self-assesses on a phone with evidence and submits; the Sở recognises
 * it. Every page is checked by axe (WCAG 2.1 A/AA) and for sideways scrolling, and photographed
 * into .tmp/screens.
 */
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'vi-VN', isMobile: true };
const DESKTOP = { viewport: { width: 1280, height: 900 }, locale: 'vi-VN' };
const FORM_TITLE = 'Báo cáo chuyển đổi số 6 tháng cuối năm (cấp THCS)';
const FORM_CODE = 'BC-CDS-6T-THCS';
const PERIOD = '2026-H2';
/** The period's human label (periodLabel in src/shared/reports.schema.ts). */
const PERIOD_LABEL = '6 tháng cuối năm 2026';
const RETURN_REASON = 'Số lớp học chưa khớp với hồ sơ: trường có 13 lớp, đề nghị sửa lại.';
const SECTION = 'Quy mô trường, lớp';
const PLAN_PDF = path.resolve('test/fixtures/library/ke-hoach-bai-day-luc-ma-sat.pdf');
const RULE_MESSAGE = 'Số học sinh nữ không được lớn hơn tổng số học sinh';
const PRINCIPAL = 'ht.thcstinhkhe';

let ctx: TestContext;
let browser: Browser;
let base: string;
let schoolName = '';
/** The page of the running step, photographed when the step fails. */
let current: Page | null = null;

/** A day as the date field takes it (dd/mm/yyyy), `days` after today in Vietnam. */
function dayFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const iso = d.toISOString().slice(0, 10);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/**
 * The demo has no THCS principal: one for a THCS school of Tịnh Khê, written straight into the
 * database (as test/integration/archive-support.ts does) with the demo password.
 */
async function makePrincipal(admin: Client): Promise<string> {
  const found = await admin.get('/api/org/schools?level=thcs&q=tinh%20khe&pageSize=50');
  expect(found.status, JSON.stringify(found.body)).toBe(200);
  const schools: { unitId: string; name: string; communeName: string; levels: string[] }[] = found.body.items;
  const school = schools.find((s) => s.communeName.includes('Tịnh Khê') && s.levels.includes('thcs'));
  expect(school, 'a THCS school in Tịnh Khê').toBeDefined();
  const db = ctx.platform.db;
  const { password_hash } = await db
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto('users')
    .values({ username: PRINCIPAL, full_name: 'Phạm Minh Khoa', password_hash, must_change_password: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('role_grants')
    .values({ user_id: user.id, role_code: 'principal', unit_id: school!.unitId })
    .execute();
  return school!.name;
}

beforeAll(async () => {
  if (!RUN) return;
  ctx = await createTestContext({ web: true, env: { WEB_DIST: buildWeb('steering-journey') } });
  base = await listen(ctx);
  schoolName = await makePrincipal(await login(ctx, 'admin'));
  browser = await launchChromium();
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && current && !current.isClosed())
    await screenshot(current, `reports-failed-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`);
  current = null;
});

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

/** No axe violation, nothing wider than the window, and a screenshot to look at. */
async function check(page: Page, shot: string) {
  await checkAxe(page, shot);
  await noSideScroll(page, `${shot}: horizontal overflow`);
  await screenshot(page, shot);
}

async function open(
  username: string,
  device: typeof PHONE | typeof DESKTOP,
  password = DEMO_PASSWORD,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(device);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  current = page;
  await signIn(page, base, username, password);
  return { context, page };
}

/** One field row of the designer: label (the code follows from it), type, required, section. */
async function addField(page: Page, index: number, label: string, type: string, required: boolean, section?: string) {
  if (index > 0) await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  const row = page
    .locator('.rp-field-row')
    .filter({ has: page.getByLabel('Tên chỉ tiêu') })
    .nth(index);
  await row.getByLabel('Tên chỉ tiêu').fill(label);
  await row.getByLabel('Tên chỉ tiêu').blur();
  await row.getByLabel('Kiểu dữ liệu').selectOption(type);
  if (required) await row.getByLabel('Bắt buộc nhập').check();
  if (section) await row.getByLabel('Thuộc phần').selectOption({ label: section });
}

/** The principal opens the report from "Báo cáo của đơn vị". */
async function openReport(page: Page) {
  await page.goto(`${base}/bao-cao`);
  await page.getByRole('heading', { level: 1, name: 'Báo cáo của đơn vị' }).waitFor();
  await page.locator('.rp-card').filter({ hasText: FORM_TITLE }).getByText(PERIOD_LABEL).waitFor();
  await page.getByRole('link', { name: FORM_TITLE, exact: true }).click();
  await page.locator('.rp-meta').getByText(PERIOD_LABEL).waitFor();
  await page.getByRole('heading', { level: 1, name: FORM_TITLE }).waitFor();
}

/** The commune officer opens the school's report from the approval queue. */
async function openForReview(page: Page) {
  await page.goto(`${base}/bao-cao/duyet`);
  await page.getByRole('heading', { level: 1, name: 'Duyệt báo cáo' }).waitFor();
  await page.locator('.rp-card').filter({ hasText: schoolName }).getByText(PERIOD_LABEL).waitFor();
  await page.getByRole('link', { name: `${schoolName} — ${FORM_TITLE}` }).click();
  await page.locator('.rp-meta').getByText(PERIOD_LABEL).waitFor();
  await page.getByRole('heading', { level: 1, name: `${schoolName} — ${FORM_TITLE}` }).waitFor();
}

describe.runIf(RUN)('steering journey: a six-monthly report from THCS schools', () => {
  it('the Sở designs a six-monthly form for every THCS school, publishes it and opens the period', async () => {
    const { context, page } = await open('so.gdtrh', DESKTOP);
    await page.goto(`${base}/bao-cao/bieu-mau`);
    await page.getByRole('heading', { level: 1, name: 'Biểu mẫu báo cáo' }).waitFor();
    await page.getByRole('link', { name: 'Tạo biểu mẫu mới' }).click();
    await page.getByRole('heading', { level: 1, name: 'Biểu mẫu mới' }).waitFor();
    await page.getByLabel('Tên biểu mẫu').fill(FORM_TITLE);
    await page.getByLabel('Mã biểu mẫu').fill(FORM_CODE);
    await page.getByLabel('Kỳ báo cáo').selectOption('six_monthly');
    await page.getByRole('group', { name: 'Cấp học (để trống: mọi cấp)' }).getByLabel('THCS').check();
    await page.getByRole('button', { name: 'Thêm phần' }).click();
    await page.getByLabel('Tên phần').fill(SECTION);
    await page.getByLabel('Tên phần').blur();
    await addField(page, 0, 'Số lớp học', 'integer', true, SECTION);
    await addField(page, 1, 'Số học sinh', 'integer', true, SECTION);
    await addField(page, 2, 'Số học sinh nữ', 'integer', false, SECTION);
    await addField(page, 3, 'Có kết nối Internet cáp quang', 'yes_no', true);
    await addField(page, 4, 'Kế hoạch chuyển đổi số của trường', 'file', false);
    // The section's code comes first, then one per field.
    expect(await page.getByLabel('Mã', { exact: true }).nth(3).inputValue()).toBe('so_hoc_sinh_nu');
    await page.getByRole('button', { name: 'Thêm quy tắc' }).click();
    await page.getByLabel('Mã quy tắc').fill('nu_khong_qua_tong');
    await page.getByLabel('Chỉ tiêu (mã)').fill('so_hoc_sinh_nu');
    await page.getByLabel('Phép so sánh').selectOption('le');
    await page.getByLabel('So với (mã chỉ tiêu hoặc một số)').fill('so_hoc_sinh');
    await page.getByLabel('Thông báo khi sai').fill(RULE_MESSAGE);
    await check(page, 'reports-designer-new-1280.png');
    await page.getByRole('button', { name: 'Lưu biểu mẫu' }).click();
    await page.waitForURL(/\/bao-cao\/bieu-mau\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: FORM_TITLE }).waitFor();
    await page.getByRole('button', { name: 'Ban hành' }).click();
    await page.getByText('Đã ban hành').first().waitFor();
    await page.getByLabel('Mã kỳ').fill(PERIOD);
    await page.getByLabel('Ngày mở nhập').fill(dayFromToday(0));
    await page.getByLabel('Hạn nộp').fill(dayFromToday(10));
    await page.getByRole('button', { name: 'Thêm kỳ', exact: true }).click();
    await page.getByText(`Đã thêm kỳ ${PERIOD}, hạn nộp ${dayFromToday(10)}.`).waitFor();
    await page.locator('.rp-card').filter({ hasText: PERIOD }).waitFor();
    await check(page, 'reports-designer-published-1280.png');
    await context.close();
  });

  it('the THCS principal fills the report on a phone, meets a rule, corrects it and completes', async () => {
    const { context, page } = await open(PRINCIPAL, PHONE);
    await page.goto(`${base}/bao-cao`);
    const card = page.locator('.rp-card').filter({ hasText: FORM_TITLE });
    await card.getByText('Chưa làm', { exact: true }).waitFor();
    await card.getByText(/còn 10 ngày/).waitFor();
    await check(page, 'reports-unit-390.png');
    await openReport(page);
    await page.getByLabel(/^Số lớp học/).fill('12');
    await page.getByLabel(/^Số học sinh \*/).fill('1.250');
    await page.getByLabel(/^Số học sinh nữ/).fill('1.300');
    await page.getByLabel(/^Số học sinh nữ/).blur();
    await page
      .getByRole('group', { name: SECTION })
      .getByLabel(/^Số lớp học/)
      .waitFor();
    await page.getByLabel('Kế hoạch chuyển đổi số của trường').setInputFiles(PLAN_PDF);
    await page.getByText('Tệp hiện có: ke-hoach-bai-day-luc-ma-sat.pdf').waitFor();
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByText(/^Đã lưu nháp lúc/).waitFor();
    // Completing checks everything: first the required yes/no, then the rule girls ≤ pupils.
    await page.getByRole('button', { name: 'Hoàn thành', exact: true }).click();
    const summary = page.locator('.error-summary');
    await summary.getByRole('link', { name: 'Có kết nối Internet cáp quang: bắt buộc nhập' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
      .toBe(true);
    await check(page, 'reports-entry-required-390.png');
    await page
      .getByRole('group', { name: /^Có kết nối Internet cáp quang/ })
      .getByLabel('Có', { exact: true })
      .check();
    await page.getByRole('button', { name: 'Hoàn thành', exact: true }).click();
    await summary.getByRole('link', { name: new RegExp(RULE_MESSAGE) }).waitFor();
    expect(await page.getByLabel(/^Số học sinh nữ/).getAttribute('aria-invalid')).toBe('true');
    expect(await summary.getByRole('link').count()).toBe(1);
    await check(page, 'reports-entry-errors-390.png');
    await page.getByLabel(/^Số học sinh nữ/).fill('610');
    await page.getByRole('button', { name: 'Hoàn thành', exact: true }).click();
    await page.getByText('Báo cáo đã hoàn thành và đang chờ cấp trên xem xét; không sửa được.').waitFor();
    await page.getByText('1.250', { exact: true }).waitFor();
    await check(page, 'reports-entry-completed-390.png');
    await context.close();
  });

  it('the commune officer sends the report back once with a reason', async () => {
    const { context, page } = await open('xa.tinhkhe', PHONE);
    await page.goto(`${base}/bao-cao/duyet`);
    await page.getByRole('heading', { level: 1, name: 'Duyệt báo cáo' }).waitFor();
    await check(page, 'reports-review-queue-390.png');
    await openForReview(page);
    await page.getByRole('button', { name: 'Trả lại', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Lý do/).fill(RETURN_REASON);
    await check(page, 'reports-return-dialog-390.png');
    await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await page.getByText('Đã trả lại báo cáo cho đơn vị.').waitFor();
    await page.locator('.rp-meta').getByText('Bị trả lại', { exact: true }).waitFor();
    await context.close();
  });

  it('the school reads the reason, corrects and completes again', async () => {
    const { context, page } = await open(PRINCIPAL, PHONE);
    await page.goto(`${base}/bao-cao`);
    const card = page.locator('.rp-card').filter({ hasText: FORM_TITLE });
    await card.getByText('Bị trả lại', { exact: true }).waitFor();
    await card.getByText(RETURN_REASON).waitFor();
    await check(page, 'reports-unit-returned-390.png');
    await openReport(page);
    await page.locator('.rp-reason').getByText(RETURN_REASON).waitFor();
    expect(await page.getByLabel(/^Số học sinh \*/).inputValue()).toBe('1.250');
    await page.getByLabel(/^Số lớp học/).fill('13');
    await page.getByRole('button', { name: 'Hoàn thành', exact: true }).click();
    await page.getByText('Báo cáo đã hoàn thành và đang chờ cấp trên xem xét; không sửa được.').waitFor();
    await context.close();
  });

  it('the commune approves', async () => {
    const { context, page } = await open('xa.tinhkhe', PHONE);
    await openForReview(page);
    await page.getByText('13', { exact: true }).waitFor();
    const file = await page.getByRole('link', { name: 'ke-hoach-bai-day-luc-ma-sat.pdf' }).getAttribute('href');
    const pdf = await page.request.get(`${base}${file}`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');
    await check(page, 'reports-review-390.png');
    await page.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Duyệt', exact: true }).click();
    await page.getByText('Đã duyệt báo cáo.').waitFor();
    await page.locator('.rp-meta').getByText('Đã duyệt', { exact: true }).waitFor();
    await context.close();
  });

  it('the Sở sees the completeness rate and the aggregate', async () => {
    const { context, page } = await open('so.gdtrh', PHONE);
    await page.goto(`${base}/bao-cao/bieu-mau`);
    await page.getByRole('link', { name: `Tiến độ kỳ ${PERIOD_LABEL}` }).click();
    await page.getByRole('heading', { level: 1, name: `Tiến độ nộp báo cáo: ${FORM_TITLE}` }).waitFor();
    const figures = page.getByRole('list', { name: 'Số liệu tiến độ' });
    const approved = figures.locator('.rp-figure').filter({ hasText: 'Đã duyệt' });
    // The first figures of a province-wide period may take a while on a busy test machine.
    await approved.locator('.rp-figure-value').getByText('1', { exact: true }).waitFor({ timeout: 30_000 });
    const expectedText = await figures
      .locator('.rp-figure')
      .filter({ hasText: 'Phải nộp' })
      .locator('.rp-figure-value')
      .textContent();
    const expected = Number((expectedText ?? '').replaceAll('.', ''));
    expect(expected).toBeGreaterThan(1);
    await page.getByRole('heading', { name: 'Đơn vị chưa nộp' }).waitFor();
    await check(page, 'reports-progress-390.png');
    await screenshot(page, 'reports-progress-top-390.png', false);
    // Remind the units that have not reported: confirmed, then how many were reminded; a second
    // time the same day skips them all.
    await page.getByRole('button', { name: 'Nhắc đơn vị chưa báo cáo' }).click();
    const remindDialog = page.getByRole('dialog');
    await remindDialog.getByText('Đơn vị đã được nhắc hôm nay sẽ không bị nhắc lại.', { exact: false }).waitFor();
    await checkAxe(page, 'reports-remind-dialog');
    await screenshot(page, 'reports-remind-dialog-390.png', false);
    await remindDialog.getByRole('button', { name: 'Gửi nhắc' }).click();
    const reminded = page.getByText(`Đã nhắc ${expected - 1} đơn vị; 0 đơn vị đã được nhắc hôm nay nên bỏ qua.`);
    await reminded.waitFor();
    await reminded.scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-remind-done-390.png', false);
    await page.getByRole('button', { name: 'Nhắc đơn vị chưa báo cáo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi nhắc' }).click();
    await page.getByText(`Đã nhắc 0 đơn vị; ${expected - 1} đơn vị đã được nhắc hôm nay nên bỏ qua.`).waitFor();
    // Drill down to the commune: its figures, and the units there that have not reported.
    await page.getByRole('link', { name: 'Xã Tịnh Khê', exact: true }).click();
    await page.getByText('Xã Tịnh Khê', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: 'Toàn bộ phạm vi' }).waitFor();
    await approved.locator('.rp-figure-value').getByText('1', { exact: true }).waitFor();
    expect(await page.locator('.rp-card').filter({ hasText: schoolName }).count()).toBe(0);
    await check(page, 'reports-progress-commune-390.png');

    await page.goto(`${base}/bao-cao/bieu-mau`);
    await page.getByRole('link', { name: `Tổng hợp kỳ ${PERIOD_LABEL}` }).click();
    await page.getByRole('heading', { level: 1, name: `Tổng hợp số liệu: ${FORM_TITLE}` }).waitFor();
    const pupils = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: 'Số học sinh', exact: true }) });
    await pupils.locator('.rp-figure-value').getByText('1.250', { exact: true }).waitFor();
    const href = await page.getByRole('link', { name: 'Tải Excel tổng hợp' }).getAttribute('href');
    expect(href).toMatch(/export\.xlsx\?kind=aggregate/);
    for (const name of ['Tải Excel tổng hợp', 'Tải Excel số liệu gốc']) {
      const link = await page.getByRole('link', { name }).getAttribute('href');
      const xlsx = await page.request.get(`${base}${link}`);
      expect(xlsx.status(), name).toBe(200);
      expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
      expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
    }
    await check(page, 'reports-aggregate-390.png');
    await screenshot(page, 'reports-aggregate-top-390.png', false);

    // The forms list and the designer also fit a phone.
    await page.goto(`${base}/bao-cao/bieu-mau`);
    await page.locator('.rp-card').filter({ hasText: FORM_TITLE }).getByText('Đã ban hành').waitFor();
    await check(page, 'reports-forms-390.png');
    await page.getByRole('link', { name: 'Tạo biểu mẫu mới' }).click();
    await page.getByRole('heading', { level: 1, name: 'Biểu mẫu mới' }).waitFor();
    await page.getByRole('button', { name: 'Thêm quy tắc' }).click();
    await page.getByRole('button', { name: 'Thêm phần' }).click();
    await page.getByLabel('Kiểu dữ liệu').selectOption('single_choice');
    await page.getByLabel('Các lựa chọn').waitFor();
    await check(page, 'reports-designer-new-390.png');

    // The same pages in English.
    await page.getByLabel(/Ngôn ngữ|Language/).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'New form' }).waitFor();
    await page.goto(`${base}/bao-cao/bieu-mau`);
    await page.getByRole('link', { name: 'Progress: Second half of 2026' }).click();
    await page.getByRole('heading', { level: 1, name: `Reporting progress: ${FORM_TITLE}` }).waitFor();
    await page.getByRole('heading', { name: 'Units that have not reported' }).waitFor();
    await page.getByRole('button', { name: 'Remind units that have not reported' }).waitFor();
    await page.locator('.rp-meta').getByText('Second half of 2026').waitFor();
    await check(page, 'reports-progress-en-390.png');
    await context.close();
  });
  it('a period whose deadline has passed is locked for the school until the commune reopens it', async () => {
    const so = await open('so.gdtrh', DESKTOP);
    await so.page.goto(`${base}/bao-cao/bieu-mau`);
    await so.page.getByRole('link', { name: FORM_TITLE, exact: true }).click();
    await so.page.getByLabel('Mã kỳ').fill('2026-H1');
    await so.page.getByLabel('Ngày mở nhập').fill(dayFromToday(-40));
    await so.page.getByLabel('Hạn nộp').fill(dayFromToday(-5));
    await so.page.getByRole('button', { name: 'Thêm kỳ', exact: true }).click();
    await so.page.getByText(`Đã thêm kỳ 2026-H1, hạn nộp ${dayFromToday(-5)}.`).waitFor();
    await so.context.close();

    const school = await open(PRINCIPAL, PHONE);
    await school.page.goto(`${base}/bao-cao`);
    const locked = school.page.locator('.rp-card').filter({ hasText: '6 tháng đầu năm 2026' });
    await locked.getByText('Đã khóa', { exact: true }).waitFor();
    await locked.getByText('quá hạn 5 ngày').waitFor();
    expect(await locked.getByRole('link', { name: /Bắt đầu nhập/ }).count()).toBe(0);
    await check(school.page, 'reports-unit-locked-390.png');

    const commune = await open('xa.tinhkhe', PHONE);
    await commune.page.goto(`${base}/bao-cao/duyet?trang-thai=not_started`);
    await commune.page
      .locator('.rp-card')
      .filter({ hasText: '6 tháng đầu năm 2026' })
      .getByRole('link', { name: `${schoolName} — ${FORM_TITLE}` })
      .click();
    await commune.page.getByRole('button', { name: 'Mở lại', exact: true }).click();
    const dialog = commune.page.getByRole('dialog');
    await dialog.getByLabel(/^Lý do/).fill('Trường mất điện nhiều ngày, gia hạn để trường nộp bổ sung.');
    await dialog.getByLabel('Hạn nộp mới').fill(dayFromToday(3));
    await check(commune.page, 'reports-reopen-dialog-390.png');
    await dialog.getByRole('button', { name: 'Mở lại', exact: true }).click();
    await commune.page.getByText(`Đã mở lại báo cáo cho đơn vị, hạn mới ${dayFromToday(3)}.`).waitFor();
    await commune.context.close();

    await school.page.reload();
    const reopened = school.page.locator('.rp-card').filter({ hasText: '6 tháng đầu năm 2026' });
    await reopened.getByText('Chưa làm', { exact: true }).waitFor();
    await reopened.getByText('còn 3 ngày').waitFor();
    await reopened.getByRole('link', { name: /Bắt đầu nhập/ }).waitFor();
    await school.context.close();
  });
});

// The school digital-transformation index (issue 6, item 5; QĐ 4725/QĐ-BGDĐT): an upper-secondary
// (THPT) school — for which the Sở is the level above — self-assesses on a phone with evidence, the
// principal approves and submits, the Sở recognises the result.
describe.runIf(RUN)('steering journey: the school digital-transformation index', () => {
  const DX_SCHOOL = 'Trường THPT Trần Quốc Tuấn';
  const DX_PRINCIPAL = 'ht.tranquoctuan';
  const EVIDENCE = 'Kế hoạch số 08/KH-THPTTQT ngày 10/9/2025 về dạy học trực tuyến';

  beforeAll(async () => {
    if (!RUN) return;
    // The test database has no DX demo data: the Sở opens the 2026 campaign through the API, and the
    // school has already answered every criterion but the first (DH1, a mandatory condition).
    await openCampaign(await login(ctx, 'so.gdtrh'), 2026);
    const principal = await login(ctx, DX_PRINCIPAL);
    const { unit_id: schoolId } = await ctx.platform.db
      .selectFrom('role_grants as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .select('g.unit_id')
      .where('u.username', '=', DX_PRINCIPAL)
      .where('g.role_code', '=', 'principal')
      .executeTakeFirstOrThrow();
    const r = await principal.put(assessmentUrl(2026, schoolId), {
      answers: answersFor(80, 70).filter((a) => a.criterionCode !== 'DH1'),
      version: 0,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }, 60_000);

  it('the THPT school self-assesses on a phone with evidence, and the principal submits', async () => {
    const { context, page } = await open(DX_PRINCIPAL, PHONE);
    await page.goto(`${base}/chuyen-doi-so`);
    await page.getByRole('heading', { level: 1, name: 'Tự đánh giá mức độ chuyển đổi số' }).waitFor();
    await page.getByText('Đã tự đánh giá 19/20 tiêu chí').waitFor();
    await page.getByText('Chưa đáp ứng điều kiện bắt buộc: nhóm tiêu chí ở Mức 1.').waitFor();
    const dh1 = page.locator('li.dx-card', { has: page.getByRole('heading', { name: /^DH1\./ }) });
    await dh1.getByLabel('Đã đáp ứng').check();
    await dh1.getByLabel('Mô tả minh chứng').fill(EVIDENCE);
    await dh1.getByLabel(/Tải lên tệp minh chứng/).setInputFiles(PLAN_PDF);
    await dh1.getByRole('link', { name: 'ke-hoach-bai-day-luc-ma-sat.pdf' }).waitFor();
    await page.getByText('Đã tự đánh giá 20/20 tiêu chí').waitFor();
    expect(await page.locator('.dx-score').first().textContent()).toContain('Mức 3 – Đáp ứng tốt');
    await check(page, 'steering-dx-assess-390.png');
    await screenshot(page, 'steering-dx-assess-top-390.png', false);
    await dh1.scrollIntoViewIfNeeded();
    await screenshot(page, 'steering-dx-assess-dh1-390.png', false);
    await page.getByRole('button', { name: 'Phê duyệt và gửi' }).click();
    await page.getByText('Đã gửi bản tự đánh giá cho cấp đánh giá.').waitFor();
    await page
      .getByText(/Đã gửi, chờ đánh giá/)
      .first()
      .waitFor();
    await noSideScroll(page, 'dx after submitting: horizontal overflow');
    await context.close();
  });

  it("the Sở recognises the THPT school's self-assessment", async () => {
    const { context, page } = await open('so.gdtrh', PHONE);
    await page.goto(`${base}/chuyen-doi-so/danh-gia`);
    await page.getByRole('heading', { level: 1, name: 'Đánh giá mức độ chuyển đổi số' }).waitFor();
    await page.getByRole('link', { name: DX_SCHOOL }).waitFor();
    await check(page, 'steering-dx-queue-so-390.png');
    await page.getByRole('link', { name: DX_SCHOOL }).click();
    await page.getByRole('heading', { level: 1, name: 'Đánh giá bản tự đánh giá' }).waitFor();
    await page.getByText(EVIDENCE).waitFor();
    await page.getByRole('link', { name: 'ke-hoach-bai-day-luc-ma-sat.pdf' }).waitFor();
    await check(page, 'steering-dx-evaluate-390.png');
    await screenshot(page, 'steering-dx-evaluate-top-390.png', false);
    await page.getByRole('button', { name: 'Công nhận kết quả' }).click();
    await page.getByText('Đã công nhận kết quả.').waitFor();
    await page.goto(`${base}/chuyen-doi-so/danh-gia?trang-thai=recognised`);
    await page.getByRole('link', { name: DX_SCHOOL }).waitFor();
    await context.close();
  });
});
