import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPersonalId } from '../../src/server/modules/population/personal-id.ts';
import {
  checkAxe,
  launchChromium,
  listen,
  noSideScroll,
  RUN,
  screenshot,
  signIn as signInAs,
} from '../support/browser.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * A school head processes grade-1 applications (issue 3, item 3): the queue with filters, one
 * dossier and a supplement request, the outbox showing the message to the parent, a bulk
 * approval, and assisted entry; every page axe-clean at 360 px and 1280 px.
 * The applications are SYNTHETIC children unknown to the registry, filed through the API.
 */
const WEB = path.resolve('.tmp/web-admissions-review');

let ctx: TestContext;
let browser: Browser;
let base = '';
let roundId = '';
const unit = { tinhKhe: '', school1: '', school2: '' };
const day = 24 * 3600 * 1000;
const at = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();

const CHILDREN = [
  { fullName: 'Võ Minh Khang', gender: 'male' as const, serial: '810001' },
  { fullName: 'Lê Thị Ánh Tuyết', gender: 'female' as const, serial: '810002' },
  { fullName: 'Đặng Quốc Bảo', gender: 'male' as const, serial: '810003' },
  { fullName: 'Phạm Ngọc Diệp', gender: 'female' as const, serial: '810004' },
];

/** Files one application for a parent in person (assisted entry), as the school head. */
async function fileAssisted(head: Client, child: (typeof CHILDREN)[number], phone: string) {
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/admissions/rounds/${roundId}/applications/assisted`,
    headers: { cookie: head.cookie, 'x-csrf-token': head.csrf, 'idempotency-key': randomUUID() },
    payload: {
      personalId: formatPersonalId({
        provinceCode: '051',
        birthYear: 2021,
        gender: child.gender,
        serial: child.serial,
      }),
      dateOfBirth: '2021-05-20',
      fullName: child.fullName,
      gender: child.gender,
      residence: { communeId: unit.tinhKhe, village: null },
      wishes: [unit.school1, unit.school2],
      priorityGroup: null,
      contact: { channel: 'sms', address: phone },
      consent: true,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().dossierCode as string;
}

beforeAll(async () => {
  if (!RUN) return;
  // Its own build directory: other browser tests may be building dist/web at the same time.
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', '--outDir', WEB, '--emptyOutDir'],
    { stdio: 'inherit' },
  );
  ctx = await createTestContext({ web: true, env: { WEB_DIST: WEB } });
  base = await listen(ctx);

  const commune = await login(ctx, 'xa.tinhkhe');
  const communes: { id: string; name: string }[] = (await ctx.app.inject('/api/org/communes')).json();
  unit.tinhKhe = communes.find((c) => c.name === 'Xã Tịnh Khê')!.id;
  const schools: { unitId: string; name: string; levels: string[] }[] = (
    await ctx.app.inject(`/api/org/schools?communeId=${unit.tinhKhe}&pageSize=200`)
  ).json().items;
  const primaries = schools.filter((s) => s.levels.includes('tieu_hoc'));
  const first = primaries.find((s) => s.name.includes('số 1'))!;
  unit.school1 = first.unitId;
  unit.school2 = primaries.find((s) => s !== first)!.unitId;
  const created = await commune.post('/api/admissions/rounds', {
    code: 'TS1-TINHKHE-REVIEW',
    name: 'Tuyển sinh lớp 1 Tịnh Khê (thử nghiệm)',
    level: 1,
    schoolYear: '2027-2028',
    runningUnitId: unit.tinhKhe,
    timeline: { registerFrom: at(-1), registerTo: at(10), reviewTo: at(20), resultsAt: at(30), confirmTo: at(40) },
    rules: { method: 'catchment', wishCount: 2, lotteryForOutOfCatchment: true },
    priorityGroups: [{ code: 'LS', nameVi: 'Con liệt sĩ, thương binh', rank: 1 }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  roundId = created.body.id;
  const put = (p: string, body: object) => commune.put(`/api/admissions/rounds/${roundId}/${p}`, body);
  expect(
    (
      await put('schools', {
        expectedVersion: 1,
        schools: [
          { schoolId: unit.school1, classes: 3, pupilsPerClass: 35 },
          { schoolId: unit.school2, classes: 2, pupilsPerClass: 30 },
        ],
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await put('catchments', {
        expectedVersion: 2,
        catchments: [
          { schoolId: unit.school1, communeId: unit.tinhKhe, village: null },
          { schoolId: unit.school2, communeId: unit.tinhKhe, village: 'Thôn Trường Thọ' },
        ],
      })
    ).status,
  ).toBe(200);
  expect(
    (await commune.post(`/api/admissions/rounds/${roundId}/status`, { status: 'open', expectedVersion: 3 })).status,
  ).toBe(200);
  const head = await login(ctx, 'ht.thso1tinhkhe');
  for (const [i, child] of CHILDREN.entries()) await fileAssisted(head, child, `090581000${i}`);

  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
  fs.rmSync(WEB, { recursive: true, force: true });
});

const signIn = (page: Page, username: string) => signInAs(page, base, username);

/** The page passes axe and does not scroll sideways; a screenshot is kept for a human look. */
async function check(page: Page, shot: string) {
  await checkAxe(page);
  await noSideScroll(page);
  await screenshot(page, shot);
}

const main = (page: Page) => page.locator('main');

describe.runIf(RUN)('a school head processes applications', () => {
  it('on a phone: finds a child without accents, asks for a supplement, and the outbox shows the message', async () => {
    const page = await browser.newPage({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      locale: 'vi-VN',
    });
    await signIn(page, 'ht.thso1tinhkhe');
    await page.getByRole('button', { name: 'Danh mục' }).click();
    await page.getByRole('link', { name: 'Xử lý hồ sơ tuyển sinh' }).click();
    await page.getByRole('link', { name: 'Tuyển sinh lớp 1 Tịnh Khê (thử nghiệm)' }).click();
    await expect.poll(() => main(page).textContent(), { timeout: 10_000 }).toContain('4 hồ sơ');
    await check(page, 'review-queue-360.png');

    await page.getByRole('searchbox').fill('dang quoc bao');
    await expect.poll(() => main(page).textContent(), { timeout: 10_000 }).toContain('1 hồ sơ');
    expect(page.url()).toContain('q=dang+quoc+bao');
    await main(page).getByRole('link', { name: /^TS1-/ }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 })
      .toMatch(/^Hồ sơ TS1-/);
    await expect.poll(() => main(page).textContent()).toContain('Đặng Quốc Bảo');
    await check(page, 'review-detail-360.png');

    await page.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    const dialog = page.getByRole('dialog');
    const documents = dialog.getByRole('checkbox');
    if (await documents.count()) await documents.first().check();
    else await dialog.getByLabel('Ghi chú thêm').fill('Bản sao giấy khai sinh');
    await dialog.getByLabel('Lý do (phụ huynh sẽ đọc)').fill('Giấy khai sinh bị mờ, không đọc được ngày sinh.');
    await expect.poll(() => dialog.textContent()).toContain('Giấy khai sinh bị mờ, không đọc được ngày sinh.');
    await checkAxe(page);
    await screenshot(page, 'review-supplement-360.png');
    await dialog.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    await expect.poll(() => main(page).textContent(), { timeout: 10_000 }).toContain('Đã gửi yêu cầu bổ sung');
    await expect.poll(() => main(page).locator('.state-badge').first().textContent()).toBe('Yêu cầu bổ sung');
    await page.close();

    // The outbox is read by those holding notify.outbox.read (the administrator in the demo).
    const admin = await browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    await signIn(admin, 'admin');
    await admin.goto(`${base}/outbox`);
    await expect.poll(() => main(admin).textContent(), { timeout: 10_000 }).toContain('Tin nhắn SMS');
    const row = main(admin).locator('tbody tr').first();
    await row.getByRole('button', { name: /Xem nội dung/ }).click();
    // An SMS is sent without diacritics (GSM 7-bit), so the reason is folded.
    await expect
      .poll(() => main(admin).locator('.review-message').first().textContent())
      .toContain('khong doc duoc ngay sinh');
    await check(admin, 'review-outbox-360.png');
    await admin.close();
  });

  it('on a desktop: selects two applications and approves them in bulk, then files one in person', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    await signIn(page, 'ht.thso1tinhkhe');
    await page.goto(`${base}/admissions/rounds/${roundId}/applications?state=submitted`);
    await expect.poll(() => main(page).textContent(), { timeout: 10_000 }).toContain('3 hồ sơ');
    await check(page, 'review-queue-1280.png');
    const boxes = main(page).locator('tbody input[type="checkbox"]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await expect.poll(() => main(page).textContent()).toContain('Đã chọn 2 hồ sơ');
    await page.getByRole('button', { name: 'Duyệt', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('Duyệt 2 hồ sơ đã chọn?');
    await dialog.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await expect
      .poll(() => main(page).textContent(), { timeout: 15_000 })
      .toContain('Duyệt: 2 hồ sơ thành công, 0 hồ sơ không thực hiện được.');
    await expect.poll(() => main(page).textContent(), { timeout: 10_000 }).toContain('1 hồ sơ');
    await check(page, 'review-bulk-1280.png');

    // The one left: its page walks the filtered queue and shows the audit trail of views.
    await main(page).getByRole('link', { name: /^TS1-/ }).click();
    await expect.poll(() => main(page).textContent(), { timeout: 10_000 }).toContain('Nhật ký truy cập và thao tác');
    await expect.poll(() => main(page).textContent()).toContain('Xem hồ sơ');
    await check(page, 'review-detail-1280.png');

    await page.goto(`${base}/admissions/rounds/${roundId}/applications/new`);
    await page
      .getByLabel('Số định danh cá nhân của trẻ')
      .fill(formatPersonalId({ provinceCode: '051', birthYear: 2021, gender: 'female', serial: '810009' }));
    await page.getByLabel('Ngày sinh').fill('20/05/2021');
    await page.getByLabel('Họ và tên').fill('Trần Thị Ngọc Hân');
    await page.getByLabel('Nữ').check();
    await page.getByLabel('Xã/phường').selectOption({ label: 'Xã Tịnh Khê' });
    await page.getByLabel('Nguyện vọng 1').selectOption(unit.school1);
    await page.getByLabel('Số điện thoại của phụ huynh').fill('0905810099');
    await check(page, 'review-assisted-1280.png');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    // Without the parent's consent nothing is sent.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('a-consent');
    await page.getByLabel(/Phụ huynh đồng ý/).check();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await expect.poll(() => main(page).textContent(), { timeout: 10_000 }).toContain('Đã nộp hồ sơ');
    await checkAxe(page);
    await page.close();
  });
});
