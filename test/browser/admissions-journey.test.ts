import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCommunes } from '../../src/server/demo/residents/communes.ts';
import { buildTrickyResidents } from '../../src/server/demo/residents/tricky.ts';
import { setOtpSender } from '../../src/server/platform/otp/otp-provider.ts';
import { MemoryOtpSender } from '../../src/server/platform/otp/otp-sender.ts';
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
 * The journey of issue 3's test list, on a 360 px phone: a parent applies for grade 1 in the UI;
 * the school asks for a supplement in its staff UI (/admissions/applications/:dossierId); the
 * parent supplements and resubmits in the UI; the school approves (staff UI); the commune
 * officer, in the staff UI on a desktop, closes registration (its deadline moved into the past in
 * the database first), publishes the lottery seed, runs a practice and the final allocation and
 * publishes, every staff page checked by axe; the parent sees the result with its explanation in
 * words and confirms enrolment. The round itself is set up through the staff API.
 */
/** A 1×1 PNG: attachments are sniffed by content, so it must be a real one. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let ctx: TestContext;
let browser: Browser;
let base: string;
let commune: Client;
let roundId = '';
const sender = new MemoryOtpSender();
const child = buildTrickyResidents(2027, demoCommunes()).twin_girl;
const PHONE = '0905777456';
const day = 24 * 3600 * 1000;
const at = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();

async function roundVersion(): Promise<number> {
  return (await commune.get(`/api/admissions/rounds/${roundId}`)).body.version;
}

async function setStatus(status: string) {
  const res = await commune.post(`/api/admissions/rounds/${roundId}/status`, {
    status,
    expectedVersion: await roundVersion(),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** An open grade-1 round of Xã Tịnh Khê with the two primary schools of the demo commune. */
async function openRound() {
  const communes: { id: string; name: string }[] = (await ctx.app.inject('/api/org/communes')).json();
  const tinhKhe = communes.find((c) => c.name === 'Xã Tịnh Khê')!.id;
  const schools: { unitId: string; name: string; levels: string[] }[] = (
    await ctx.app.inject(`/api/org/schools?communeId=${tinhKhe}&pageSize=200`)
  ).json().items;
  const primaries = schools.filter((s) => s.levels.includes('tieu_hoc'));
  const first = primaries.find((s) => s.name.includes('số 1'))!;
  const other = primaries.find((s) => s !== first)!;
  const created = await commune.post('/api/admissions/rounds', {
    code: 'TS1-TINHKHE-JOURNEY',
    name: 'Tuyển sinh lớp 1 xã Tịnh Khê (hành trình)',
    level: 1,
    schoolYear: '2027-2028',
    runningUnitId: tinhKhe,
    timeline: { registerFrom: at(-1), registerTo: at(10), reviewTo: at(20), resultsAt: at(30), confirmTo: at(40) },
    rules: { method: 'catchment', wishCount: 2, lotteryForOutOfCatchment: true },
    priorityGroups: [],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  roundId = created.body.id;
  const put = (p: string, body: object) => commune.put(`/api/admissions/rounds/${roundId}/${p}`, body);
  const seats = await put('schools', {
    expectedVersion: 1,
    schools: [
      { schoolId: first.unitId, classes: 3, pupilsPerClass: 35 },
      { schoolId: other.unitId, classes: 2, pupilsPerClass: 30 },
    ],
  });
  expect(seats.status).toBe(200);
  const areas = await put('catchments', {
    expectedVersion: 2,
    catchments: [
      { schoolId: first.unitId, communeId: tinhKhe, village: 'Thôn Trường Thọ' },
      { schoolId: other.unitId, communeId: tinhKhe, village: null },
    ],
  });
  expect(areas.status).toBe(200);
  await setStatus('open');
}

beforeAll(async () => {
  if (!RUN) return;
  ctx = await createTestContext({ web: true, env: { WEB_DIST: buildWeb('admissions-journey') } });
  setOtpSender(ctx.platform, sender);
  base = await listen(ctx);
  commune = await login(ctx, 'xa.tinhkhe');
  await openRound();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

const heading = (page: Page) => page.locator('main h2').first().textContent();
const main = (page: Page) => page.locator('main').textContent();

/** The school head, in the staff UI, takes one step on the dossier (in a separate browser context). */
async function schoolStep(dossierId: string, step: 'Yêu cầu bổ sung' | 'Duyệt', fill?: (p: Page) => Promise<void>) {
  const staff = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const page = await staff.newPage();
  await signIn(page, base, 'ht.thso1tinhkhe');
  await page.goto(`${base}/admissions/applications/${dossierId}`);
  await page.getByRole('button', { name: step, exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await fill?.(page);
  await dialog.getByRole('button', { name: step, exact: true }).click();
  await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(false);
  await staff.close();
}

/** No axe violation, and a full-page screenshot to look at. */
async function check(page: Page, name: string) {
  await checkAxe(page, name);
  await screenshot(page, name);
}

/**
 * The commune officer, in the staff UI on a desktop (a separate browser context): on the round
 * page closes registration, publishes the lottery seed and moves to allocation; on the allocation
 * page reads the inputs hash, runs a practice run, then the final run after its confirmation;
 * back on the round page publishes the results (after the browser's confirmation), and reads
 * them on the results page.
 */
async function communeAllocatesAndPublishes() {
  const staff = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const page = await staff.newPage();
  await signIn(page, base, 'xa.tinhkhe');

  const roundUrl = `${base}/admissions/rounds/${roundId}`;
  const status = page.getByRole('region', { name: 'Trạng thái' });
  const statusNow = () => status.locator('strong').first().textContent();
  await page.goto(roundUrl);
  await expect.poll(statusNow, { timeout: 10_000 }).toBe('Đang mở đăng ký');
  await check(page, 'journey-commune-1-round-open.png');

  await status.getByRole('button', { name: 'Đóng đăng ký để xét duyệt' }).click();
  await expect.poll(statusNow, { timeout: 10_000 }).toBe('Đã đóng, đang xét duyệt');
  await status.getByLabel('Mã bốc thăm (không bắt buộc)').fill('hanh-trinh-lop-1-2027');
  await status.getByRole('button', { name: 'Công bố mã bốc thăm' }).click();
  await expect.poll(() => status.locator('code').textContent(), { timeout: 10_000 }).toBe('hanh-trinh-lop-1-2027');
  await check(page, 'journey-commune-2-seed.png');
  await status.getByRole('button', { name: 'Chuyển sang xét tuyển' }).click();
  await expect.poll(statusNow, { timeout: 10_000 }).toBe('Đang xét tuyển');

  await page
    .getByRole('navigation', { name: 'Các trang của kỳ tuyển sinh' })
    .getByRole('link', { name: 'Xét tuyển', exact: true })
    .click();
  await page.waitForURL(`${roundUrl}/allocation`);
  const hash = page.getByTestId('inputs-hash');
  await expect.poll(() => hash.textContent(), { timeout: 10_000 }).toMatch(/^[0-9a-f]{64}$/);
  const inputs = page.getByRole('region', { name: 'Dữ liệu đầu vào' });
  await expect.poll(() => inputs.textContent()).toContain('Đã công bố');
  await check(page, 'journey-commune-3-allocation.png');
  await inputs.getByRole('button', { name: 'Chạy thử', exact: true }).click();
  await expect.poll(() => inputs.textContent(), { timeout: 10_000 }).toContain('Đã chạy thử xong.');
  const runs = page.getByRole('table', { name: 'Các lần chạy' });
  await expect.poll(() => runs.getByRole('row').count()).toBe(2);
  await inputs.getByRole('button', { name: 'Chạy chính thức…' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect.poll(() => confirm.textContent()).toContain((await hash.textContent())!.slice(0, 12));
  await check(page, 'journey-commune-4-final-confirm.png');
  await confirm.getByRole('button', { name: 'Xác nhận chạy chính thức' }).click();
  await expect.poll(() => inputs.textContent(), { timeout: 10_000 }).toContain('Đã chạy chính thức xong.');
  await expect.poll(() => runs.textContent()).toContain('Chính thức');
  await expect.poll(() => inputs.getByRole('button', { name: 'Chạy chính thức…' }).count()).toBe(0);
  // The final run's results open below, the child among them with the explanation.
  await expect.poll(() => page.locator('main').textContent(), { timeout: 10_000 }).toContain(child.fullName);
  await check(page, 'journey-commune-5-final-run.png');

  await page
    .getByRole('navigation', { name: 'Vị trí trang' })
    .getByRole('link', { name: /hành trình/ })
    .click();
  await page.waitForURL(roundUrl);
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.accept();
  });
  await status.getByRole('button', { name: 'Công bố kết quả' }).click();
  await expect.poll(() => asked).toContain('Công bố kết quả của “Tuyển sinh lớp 1 xã Tịnh Khê (hành trình)”?');
  await expect.poll(statusNow, { timeout: 10_000 }).toBe('Đã công bố kết quả');
  await check(page, 'journey-commune-6-published.png');

  await page
    .getByRole('navigation', { name: 'Các trang của kỳ tuyển sinh' })
    .getByRole('link', { name: 'Kết quả', exact: true })
    .click();
  await page.waitForURL(`${roundUrl}/results`);
  const row = page.getByRole('row', { name: new RegExp(child.fullName) });
  await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('cư trú trong địa bàn tuyển sinh');
  expect(await row.textContent()).toContain('Chưa xác nhận');
  await check(page, 'journey-commune-7-results.png');
  await staff.close();
}

describe.runIf(RUN)('grade 1 from application to enrolment, on a phone', () => {
  it('applies, supplements what the school asks for, sees the result explained and confirms', async () => {
    const page = await browser.newPage({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      locale: 'vi-VN',
    });
    const [y, m, d] = child.dateOfBirth.split('-');

    // 1. The parent applies.
    await page.goto(`${base}/tuyen-sinh`);
    await page.getByRole('link', { name: 'Đăng ký', exact: true }).click();
    await page.getByLabel('Số điện thoại', { exact: true }).fill(PHONE);
    await page.getByRole('button', { name: 'Gửi mã' }).click();
    await expect.poll(() => sender.lastCode(`+84${PHONE.slice(1)}`)).toBeTruthy();
    await page.getByLabel('Mã xác thực').fill(sender.lastCode(`+84${PHONE.slice(1)}`)!);
    await page.getByRole('button', { name: 'Xác thực' }).click();
    await page.getByLabel('Số định danh cá nhân của trẻ').fill(child.personalId);
    await page.getByLabel('Ngày sinh của trẻ').fill(`${d}/${m}/${y}`);
    await page.getByRole('button', { name: 'Tìm thông tin của trẻ' }).click();
    await expect.poll(() => page.locator('.ap-found').textContent()).toContain(child.fullName);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    // The parents: the registry names them only to a contact it knows as the child's parent
    // (minimal disclosure), so this parent types her own name.
    await expect.poll(() => heading(page)).toBe('Cha mẹ hoặc người giám hộ');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('ít nhất một người');
    await page.getByLabel('Họ và tên').first().fill(child.guardians[0]!.fullName);
    await page.getByLabel('Quan hệ với trẻ').first().selectOption(child.guardians[0]!.relation);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => heading(page)).toBe('Nơi cư trú');
    await page.getByLabel('Đúng, tôi xác nhận').check();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => heading(page)).toBe('Trường đăng ký (nguyện vọng)');
    const first = page.getByLabel('Nguyện vọng 1');
    await first.selectOption((await first.locator('option', { hasText: 'đúng tuyến' }).getAttribute('value'))!);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByLabel(/Tôi cam đoan/).check();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await expect.poll(() => page.locator('.ap-code').textContent(), { timeout: 15_000 }).toMatch(/^TS1-/);
    const code = (await page.locator('.ap-code').textContent())!;
    await screenshot(page, 'journey-1-receipt-360.png');

    // 2. The school asks for the birth certificate, in its staff UI.
    const queue = await commune.get(`/api/admissions/rounds/${roundId}/applications?pageSize=100`);
    const dossierId = queue.body.items.find((i: { dossierCode: string }) => i.dossierCode === code).dossierId;
    await schoolStep(dossierId, 'Yêu cầu bổ sung', async (p) => {
      await p.getByLabel('Bản sao giấy khai sinh').check();
      await p.getByLabel(/Lý do/).fill('Cần bản sao giấy khai sinh rõ nét để đối chiếu ngày sinh.');
    });

    // 3. The parent supplements from the phone and sends the dossier back.
    await page.getByRole('link', { name: 'Xem trạng thái hồ sơ' }).click();
    await expect.poll(() => main(page)).toContain('Nhà trường yêu cầu bổ sung');
    await expect.poll(() => main(page)).toContain('Cần bản sao giấy khai sinh rõ nét');
    await screenshot(page, 'journey-2-supplement-360.png');
    await page.getByLabel('Chọn tệp (ảnh hoặc PDF)').setInputFiles({
      name: 'giay-khai-sinh.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await expect
      .poll(() => page.locator('main .state-badge').first().textContent(), { timeout: 10_000 })
      .toBe('Đã bổ sung');
    await screenshot(page, 'journey-3-resubmitted-360.png');

    // 4. The school approves (staff UI); the commune officer closes registration, publishes the
    // lottery seed, allocates (a practice run, then the final one) and publishes, in the staff UI.
    await schoolStep(dossierId, 'Duyệt');
    // Registration closes weeks after it opens and a test cannot wait: move its deadline into
    // the past in the database, as the integration tests do. Everything after is the staff UI.
    await sql`UPDATE admission_rounds SET register_to = now() - interval '1 hour' WHERE id = ${roundId}`.execute(
      ctx.platform.db,
    );
    await communeAllocatesAndPublishes();

    // 5. The parent sees the result with its explanation and confirms enrolment.
    await page.reload();
    await expect.poll(() => main(page), { timeout: 10_000 }).toContain('Kết quả tuyển sinh');
    const result = page.locator('.ap-result');
    await expect.poll(() => result.textContent()).toContain('Trúng tuyển: Trường Tiểu học số 1 Tịnh Khê');
    // The explanation in words (allocation/explain-catchment.ts): the school, the outcome and why.
    expect(await result.locator('p').nth(1).textContent()).toBe(
      'Trường Tiểu học số 1 Tịnh Khê: trúng tuyển (cư trú trong địa bàn tuyển sinh)',
    );
    await screenshot(page, 'journey-4-result-360.png');
    await page.getByRole('button', { name: 'Xác nhận nhập học' }).click();
    await expect.poll(() => result.textContent(), { timeout: 10_000 }).toContain('Đã xác nhận');
    await expect.poll(() => page.getByRole('button', { name: 'Xác nhận nhập học' }).count()).toBe(0);
    await noSideScroll(page);
    await screenshot(page, 'journey-5-confirmed-360.png');
    await page.close();
  });
});
