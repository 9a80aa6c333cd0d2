import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoResidents } from '../../src/server/demo/residents/load-residents.ts';
import { setOtpSender } from '../../src/server/platform/otp/otp-provider.ts';
import { MemoryOtpSender } from '../../src/server/platform/otp/otp-sender.ts';
import { approveAll } from '../support/admissions.ts';
import { checkAxe, launchChromium, listen, RUN, screenshot, signIn as signInAs } from '../support/browser.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Staff pages of admission rounds (issue 3, items 1, 4, 5) in Chromium with axe-core: a commune
 * creates, configures, opens and copies a grade-1 round on a phone; the Sở reads a grade-10
 * round's rules on a desktop; a practice allocation shows the inputs hash and the results.
 */
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

let ctx: TestContext;
let browser: Browser;
let base: string;
let tinhKhe = '';
const sender = new MemoryOtpSender();

beforeAll(async () => {
  if (!RUN) return;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  ctx = await createTestContext({ web: true, env: { WEB_DIST: path.resolve('dist/web') } });
  setOtpSender(ctx.platform, sender);
  base = await listen(ctx);
  browser = await launchChromium();
  const communes: { id: string; name: string }[] = (await ctx.app.inject('/api/org/communes')).json();
  tinhKhe = communes.find((c) => c.name === 'Xã Tịnh Khê')!.id;
});

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

/** No axe violation, no sideways scrolling, and a full-page screenshot to look at. */
async function check(page: Page, shot: string) {
  await checkAxe(page);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap'))
      .slice(0, 5)
      .map((e) => `${e.tagName}.${e.className}#${e.id}`),
  );
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, wide.join(', ')).toBeLessThanOrEqual(0);
  await screenshot(page, shot);
}

const signIn = (page: Page, username: string) => signInAs(page, base, username);

const main = (page: Page) => page.locator('main');
const year = new Date().getFullYear() + 1;

/** Fills one moment of the timeline: its fieldset holds a day and a time. */
async function fillMoment(page: Page, legend: string, day: string, time = '07:30') {
  const group = page.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Ngày').fill(day);
  await group.getByLabel('Giờ').fill(time);
}

describe.runIf(RUN)('a commune officer on a phone', () => {
  it('creates a grade-1 round, sets seats and a catchment, opens registration and copies it', async () => {
    const page = await browser.newPage({ viewport: PHONE, deviceScaleFactor: 2, locale: 'vi-VN' });
    await signIn(page, 'xa.tinhkhe');
    await page.getByRole('button', { name: 'Danh mục' }).click();
    await page.locator('#main-nav-list').getByRole('link', { name: 'Tuyển sinh', exact: true }).click();
    await page.waitForURL(`${base}/admissions/rounds`);
    await expect.poll(() => main(page).textContent()).toContain('Kỳ tuyển sinh');
    await check(page, 'admissions-rounds-360.png');

    await page.getByRole('button', { name: 'Tạo kỳ tuyển sinh mới' }).click();
    const form = page.getByRole('region', { name: 'Tạo kỳ tuyển sinh' });
    await form.getByLabel('Mã kỳ tuyển sinh').fill(`TS1-TINHKHE-${year}`);
    await form.getByLabel('Tên kỳ tuyển sinh').fill(`Tuyển sinh lớp 1 xã Tịnh Khê năm học ${year}-${year + 1}`);
    await form.getByLabel('Năm học').fill(`${year}-${year + 1}`);
    await fillMoment(page, 'Mở đăng ký', `01/06/${year}`);
    await fillMoment(page, 'Hạn đăng ký', `20/06/${year}`, '17:00');
    await fillMoment(page, 'Hạn xét duyệt hồ sơ', `30/06/${year}`);
    await fillMoment(page, 'Công bố kết quả', `05/07/${year}`);
    await fillMoment(page, 'Hạn xác nhận nhập học', `15/07/${year}`);
    await check(page, 'admissions-create-360.png');
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.waitForURL(/\/admissions\/rounds\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Tịnh Khê');
    const roundUrl = page.url();

    // Schools and seats: the first primary school of the commune, 2 classes × 30 pupils = 60.
    await expect.poll(() => page.locator('#school-pick option').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Thêm trường' }).click();
    await page.getByLabel(/^Số lớp của /).fill('2');
    await page.getByLabel(/^Số học sinh mỗi lớp của /).fill('30');
    await expect.poll(() => main(page).textContent()).toContain('Tổng cộng 60 chỗ ở 1 trường.');
    await page.getByRole('button', { name: 'Lưu: Trường và chỉ tiêu' }).click();
    const schools = page.locator('section[aria-labelledby="round-schools-title"]');
    await expect.poll(() => schools.textContent()).toContain('Đã lưu.');

    // A server error is shown beside its field: 40 pupils a class is over the grade-1 limit.
    await page.getByLabel(/^Số học sinh mỗi lớp của /).fill('40');
    await page.getByRole('button', { name: 'Lưu: Trường và chỉ tiêu' }).click();
    await expect.poll(() => schools.locator('.field-error').first().textContent()).toMatch(/35/);
    await page.getByLabel(/^Số học sinh mỗi lớp của /).fill('30');
    await page.getByRole('button', { name: 'Lưu: Trường và chỉ tiêu' }).click();
    await expect.poll(() => schools.locator('.field-error').count()).toBe(0);

    // Catchment: the school takes the village Thôn Khê Thủy.
    await page.getByRole('button', { name: 'Thêm địa bàn' }).click();
    await page.getByLabel(/^Thôn, tổ dân phố của địa bàn 1/).fill('Thôn Khê Thủy');
    await page.getByRole('button', { name: 'Lưu: Địa bàn tuyển sinh' }).click();
    const catchments = page.locator('section[aria-labelledby="round-catchments-title"]');
    await expect.poll(() => catchments.textContent()).toContain('Đã lưu.');
    await check(page, 'admissions-round-360.png');

    await page.getByRole('button', { name: 'Mở đăng ký' }).click();
    const status = page.locator('section[aria-labelledby="round-status-title"]');
    await expect.poll(() => status.textContent()).toContain('Đang mở đăng ký');
    await expect.poll(() => status.textContent()).toContain('Đóng đăng ký để xét duyệt');
    // The configuration is now fixed: the sections have no save buttons any more.
    expect(await page.getByRole('button', { name: 'Lưu: Địa bàn tuyển sinh' }).count()).toBe(0);
    await check(page, 'admissions-round-open-360.png');

    await page.goto(`${base}/admissions/rounds`);
    await page
      .getByRole('button', { name: /Sao chép sang năm sau/ })
      .first()
      .click();
    const copyForm = page.getByRole('region', { name: /^Sao chép/ });
    await expect.poll(() => copyForm.getByLabel('Năm học').inputValue()).toBe(`${year + 1}-${year + 2}`);
    await page.getByRole('button', { name: 'Sao chép', exact: true }).click();
    await page.waitForURL((u) => /\/admissions\/rounds\/[0-9a-f-]{36}$/.test(u.pathname) && u.href !== roundUrl);
    await expect.poll(() => main(page).textContent()).toContain('Đã sao chép thành bản nháp mới.');
    await expect.poll(() => main(page).textContent()).toContain('Bản nháp');
    expect(await page.getByLabel(/^Thôn, tổ dân phố của địa bàn 1/).inputValue()).toBe('Thôn Khê Thủy');
    await check(page, 'admissions-round-copy-360.png');
    await page.close();
  });
});

describe.runIf(RUN)('the Sở on a desktop', () => {
  it('reads the rules of a grade-10 round', async () => {
    const so = await login(ctx, 'so.tuyensinh');
    const province = (await ctx.app.inject('/api/org/units')).json()[0].id as string;
    const at = (d: string) => `${year}-${d}T08:00:00+07:00`;
    const created = await so.post('/api/admissions/rounds', {
      code: `TS10-${year}`,
      name: `Tuyển sinh lớp 10 năm học ${year}-${year + 1}`,
      level: 10,
      schoolYear: `${year}-${year + 1}`,
      runningUnitId: province,
      timeline: {
        registerFrom: at('05-01'),
        registerTo: at('05-20'),
        reviewTo: at('06-10'),
        resultsAt: at('06-25'),
        confirmTo: at('07-05'),
      },
      rules: {
        method: 'exam',
        subjects: [
          { code: 'toan', name: 'Toán', coefficient: 2 },
          { code: 'ngu_van', name: 'Ngữ văn', coefficient: 2 },
          { code: 'tieng_anh', name: 'Tiếng Anh', coefficient: 1 },
        ],
        wishCount: 3,
        wishOffsets: [0, 1, 2],
        specialisedFirst: true,
        maxBonusPoints: 0,
        tieBreakers: ['priority_points', 'subject:toan'],
        tieAtLastSeat: 'admit_all',
      },
      priorityGroups: [{ code: 'UT1', nameVi: 'Con liệt sĩ', points: 2 }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(page, 'so.tuyensinh');
    await page.goto(`${base}/admissions/rounds?level=10`);
    await page.getByRole('link', { name: `Tuyển sinh lớp 10 năm học ${year}-${year + 1}` }).click();
    const rules = page.locator('section[aria-labelledby="round-rules-title"]');
    await expect.poll(() => rules.textContent()).toContain('Môn thi và hệ số');
    expect(await rules.getByLabel('Hệ số môn 1').inputValue()).toBe('2');
    expect(await rules.getByLabel('NV3').inputValue()).toBe('2');
    await expect.poll(() => rules.textContent()).toContain('Điểm môn Toán cao hơn');
    expect(await page.getByLabel('Điểm cộng').inputValue()).toBe('2');
    await check(page, 'admissions-grade10-1280.png');
    await page.close();
  });
});

describe.runIf(RUN)('a practice allocation', () => {
  let roundId = '';

  beforeAll(async () => {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM demo_residents`.execute(ctx.platform.db);
    if (rows[0]!.n === 0) await loadDemoResidents(ctx.platform.db);
    const commune: Client = await login(ctx, 'xa.tinhkhe');
    const schools: { unitId: string; levels: string[] }[] = (
      await ctx.app.inject(`/api/org/schools?communeId=${tinhKhe}&pageSize=200`)
    ).json().items;
    const primary = schools.filter((s) => s.levels.includes('tieu_hoc')).map((s) => s.unitId);
    const { rows: children } = await sql<{
      personalId: string;
      dateOfBirth: string;
      fullName: string;
      gender: string;
      village: string;
      year: number;
    }>`
      SELECT personal_id AS "personalId", to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
             full_name AS "fullName", gender, permanent_village AS village,
             extract(year FROM date_of_birth)::int AS year
        FROM demo_residents
       WHERE permanent_commune_id = ${tinhKhe} AND permanent_village IS NOT NULL AND note IS NULL
       ORDER BY date_of_birth DESC, personal_id LIMIT 6`.execute(ctx.platform.db);
    const day = 24 * 3600 * 1000;
    const when = (d: number) => new Date(Date.now() + d * day).toISOString();
    const created = await commune.post('/api/admissions/rounds', {
      code: 'TS1-TINHKHE-XT',
      name: 'Tuyển sinh lớp 1 Tịnh Khê (xét tuyển thử)',
      level: 1,
      schoolYear: `${children[0]!.year + 6}-${children[0]!.year + 7}`,
      runningUnitId: tinhKhe,
      timeline: {
        registerFrom: when(-1),
        registerTo: when(10),
        reviewTo: when(20),
        resultsAt: when(30),
        confirmTo: when(40),
      },
      rules: { method: 'catchment', wishCount: 1, lotteryForOutOfCatchment: true },
      priorityGroups: [],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    roundId = created.body.id;
    const url = `/api/admissions/rounds/${roundId}`;
    expect(
      (
        await commune.put(`${url}/schools`, {
          expectedVersion: 1,
          schools: [{ schoolId: primary[0], classes: 1, pupilsPerClass: 3 }],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await commune.put(`${url}/catchments`, {
          expectedVersion: 2,
          catchments: [{ schoolId: primary[0], communeId: tinhKhe, village: children[0]!.village }],
        })
      ).status,
    ).toBe(200);
    expect((await commune.post(`${url}/status`, { status: 'open', expectedVersion: 3 })).status).toBe(200);

    // Parents apply through the public API, with a verified phone number.
    const post = (u: string, payload: object, headers: Record<string, string> = {}) =>
      ctx.app.inject({ method: 'POST', url: u, payload, headers, remoteAddress: '10.9.0.1' });
    const phone = '0905777202';
    const purpose = 'admissions.apply';
    await post('/api/public/otp/request', { channel: 'sms', address: phone, purpose });
    const code = sender.lastCode(`+84${phone.slice(1)}`)!;
    const token = (await post('/api/public/otp/verify', { channel: 'sms', address: phone, purpose, code })).json()
      .token;
    for (const c of children) {
      const res = await post(
        `/api/public/admissions/rounds/${roundId}/applications`,
        {
          personalId: c.personalId,
          dateOfBirth: c.dateOfBirth,
          fullName: c.fullName,
          gender: c.gender,
          residence: { communeId: tinhKhe, village: c.village },
          wishes: [primary[0]],
          priorityGroup: null,
        },
        { 'x-otp-token': token, 'idempotency-key': randomUUID() },
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    await sql`UPDATE admission_rounds SET register_to = now() - interval '1 minute' WHERE id = ${roundId}`.execute(
      ctx.platform.db,
    );
    expect((await commune.post(`${url}/status`, { status: 'closed_for_review', expectedVersion: 4 })).status).toBe(200);
    // The school's review: only approved applications are allocated.
    expect(await approveAll(commune, roundId)).toBe(children.length);
    expect((await commune.post(`${url}/lottery-seed`, { expectedVersion: 5, seed: 'so-boc-tham-2026' })).status).toBe(
      200,
    );
  });

  it('shows the inputs hash, runs a practice allocation and explains each result', async () => {
    const commune = await login(ctx, 'xa.tinhkhe');
    const prepared = await commune.get(`/api/admissions/rounds/${roundId}/allocation`);
    expect(prepared.status).toBe(200);

    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(page, 'xa.tinhkhe');
    await page.goto(`${base}/admissions/rounds/${roundId}`);
    await expect.poll(() => main(page).textContent()).toContain('so-boc-tham-2026');
    await page.getByRole('link', { name: 'Xét tuyển', exact: true }).click();
    await page.waitForURL(/\/allocation$/);
    await expect.poll(() => page.getByTestId('inputs-hash').textContent()).toBe(prepared.body.inputsSha256);
    await expect.poll(() => main(page).textContent()).toContain('Mã băm gồm');
    await check(page, 'admissions-allocation-1280.png');

    await page.getByRole('button', { name: 'Chạy thử' }).click();
    await expect.poll(() => main(page).textContent()).toContain('Đã chạy thử xong.');
    const results = page.locator('section[aria-labelledby="run-title"]');
    await expect.poll(() => results.textContent()).toContain('6 hồ sơ: 3 trúng tuyển, 3 chưa trúng tuyển.');
    await expect.poll(() => results.locator('tbody tr').count()).toBeGreaterThan(6);
    await page.getByLabel('Tìm theo mã hồ sơ hoặc họ tên').fill('zzzz-khong-co');
    await expect.poll(() => results.textContent()).toContain('0 học sinh phù hợp');
    await page.getByLabel('Tìm theo mã hồ sơ hoặc họ tên').fill('');
    await check(page, 'admissions-run-1280.png');

    // A second practice run on the same inputs: the diff shows nothing changed.
    await page.getByRole('button', { name: 'Chạy thử' }).click();
    await expect.poll(() => page.locator('section[aria-labelledby="runs-title"] tbody tr').count()).toBe(2);
    await page.getByRole('button', { name: 'So sánh', exact: true }).click();
    await expect.poll(() => main(page).textContent()).toContain('Hai lần chạy cho cùng kết quả.');

    await page.setViewportSize(PHONE);
    await check(page, 'admissions-run-360.png');
    await page.close();
  });
});
