import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOtpSender } from '../../src/server/platform/otp/otp-provider.ts';
import { MemoryOtpSender } from '../../src/server/platform/otp/otp-sender.ts';
import {
  approveAll,
  type ChildIdentity,
  createOpenRound,
  endRegistration,
  fileApplication,
  findCommuneId,
  findDepartmentId,
  findSchoolId,
  findTinhKhePrimaries,
  grade1RoundRegisteringNow,
  grade10ExamRules,
  type Resident,
  syntheticChild,
  timelineRegisteringNow,
  verifiedContactToken,
  youngestCohortByVillage,
} from '../support/admissions.ts';
import { buildWeb, checkAxe, launchChromium, listen, noSideScroll, RUN, screenshot } from '../support/browser.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * What families see once results are out, on a 360 px phone with axe-core: the cut-offs of a
 * published grade-10 round (/tuyen-sinh/diem-chuan/:roundId), reached from a dossier's result;
 * the page for a round without cut-offs; and, on a grade-1 result decided by the lottery, the
 * section to re-run the draw (seed, dossier code, inputs hash, inputs to download). Both rounds
 * are set up through the staff API (grade 10: scores imported, final run, publication).
 */
const PHONE = { width: 360, height: 740 };

let ctx: TestContext;
let browser: Browser;
let base: string;
const sender = new MemoryOtpSender();
let grade10 = '';
let grade1 = '';
const g10: (ChildIdentity & { code: string })[] = [];
let drawn: Resident & { code: string };

interface Candidate {
  wishes: string[];
  marks: [number, number, number];
}

/** Exam marks, uploaded as the staff's .xlsx import does (multipart). */
async function uploadScores(so: Client, roundId: string, rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Điểm thi');
  ws.addRow(['Mã hồ sơ', 'Họ và tên', 'Số báo danh', 'Toán', 'Ngữ văn', 'Tiếng Anh', 'Điểm ưu tiên', 'Vắng thi']);
  for (const r of rows) ws.addRow(r);
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  const boundary = `gds${randomBytes(8).toString('hex')}`;
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/admissions/rounds/${roundId}/exam-scores/import`,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: so.cookie,
      'x-csrf-token': so.csrf,
    },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="diem.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      body,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().errors).toEqual([]);
}

/** The final run on the current inputs. */
async function finalRun(staff: Client, roundId: string) {
  const prepared = await staff.get(`/api/admissions/rounds/${roundId}/allocation`);
  expect(prepared.status, JSON.stringify(prepared.body)).toBe(200);
  const run = await staff.post(`/api/admissions/rounds/${roundId}/allocation/runs`, {
    kind: 'final',
    expectedInputsHash: prepared.body.inputsSha256,
  });
  expect(run.status, JSON.stringify(run.body)).toBe(201);
}

/**
 * Grade 10 of the Sở: Lê Khiết (specialised, 1 seat), Trần Quốc Tuấn (1 seat), another school
 * (2 seats). Totals (maths, literature ×2, English ×1): 45 and 40 want Lê Khiết then Trần Quốc
 * Tuấn; 40.5 wants Trần Quốc Tuấn; 35 wants the other school. Cut-offs: Lê Khiết 45,00; Trần Quốc
 * Tuấn 40,50 (40 − 1 for a second wish misses it); the other school took everyone (none).
 */
async function publishedGrade10() {
  const so = await login(ctx, 'so.tuyensinh');
  const leKhiet = await findSchoolId(ctx, 'Trường THPT chuyên Lê Khiết');
  const tqt = await findSchoolId(ctx, 'Trường THPT Trần Quốc Tuấn');
  const thpt: { unitId: string }[] = (await ctx.app.inject('/api/org/schools?level=thpt&pageSize=200')).json().items;
  const other = thpt.find((s) => s.unitId !== leKhiet && s.unitId !== tqt)!.unitId;
  const tinhKhe = await findCommuneId(ctx, 'Xã Tịnh Khê');
  const round = await createOpenRound(so, {
    round: {
      code: 'TS10-DIEM-CHUAN',
      name: 'Tuyển sinh lớp 10 (điểm chuẩn)',
      level: 10,
      schoolYear: '2027-2028',
      runningUnitId: await findDepartmentId(ctx),
      timeline: timelineRegisteringNow(),
      rules: grade10ExamRules(),
      priorityGroups: [],
    },
    schools: [
      { schoolId: leKhiet, classes: 1, pupilsPerClass: 1, specialised: true },
      { schoolId: tqt, classes: 1, pupilsPerClass: 1 },
      { schoolId: other, classes: 1, pupilsPerClass: 2 },
    ],
  });
  grade10 = round.id;
  const candidates: Candidate[] = [
    { wishes: [leKhiet, tqt], marks: [9, 9, 9] },
    { wishes: [tqt], marks: [8, 8, 8.5] },
    { wishes: [leKhiet, tqt], marks: [8, 8, 8] },
    { wishes: [other], marks: [7, 7, 7] },
  ];
  const filing = { roundId: grade10, token: await verifiedContactToken(ctx, sender, '0905777301'), ip: '10.9.1.1' };
  for (const [i, c] of candidates.entries()) {
    const child = syntheticChild('001', 310_000 + i, {
      dateOfBirth: `2012-05-${String(10 + i).padStart(2, '0')}`,
      fullName: 'Thí Sinh Điểm Chuẩn',
      gender: 'female',
    });
    const residence = { communeId: tinhKhe, village: 'Thôn Mô Phỏng' };
    g10.push({ ...child, code: await fileApplication(ctx, filing, child, { residence, wishes: c.wishes }) });
  }
  await endRegistration(ctx, grade10, '1 minute');
  expect((await round.setStatus('closed_for_review')).status).toBe(200);
  await approveAll(so, grade10);
  await uploadScores(
    so,
    grade10,
    candidates.map((c, i) => [g10[i]!.code, 'Thí sinh', `SBD${200 + i}`, ...c.marks, 0, null]),
  );
  await finalRun(so, grade10);
  expect((await round.setStatus('allocating')).status).toBe(200);
  expect((await round.setStatus('published')).status).toBe(200);
}

/**
 * Grade 1 of Xã Tịnh Khê: School 1 (2 seats) takes two children of its village; two children
 * from elsewhere in the commune want School 1 then School 2 (1 seat, nobody in its catchment):
 * the draw decides which of them gets it.
 */
async function publishedGrade1() {
  const commune = await login(ctx, 'xa.tinhkhe');
  const unit = await findTinhKhePrimaries(ctx);
  const { year, villages } = await youngestCohortByVillage(ctx, unit.tinhKhe);
  const inside = villages[0]![1].slice(0, 2);
  const outside = villages
    .slice(2)
    .flatMap(([, c]) => c)
    .slice(0, 2);
  const round = await createOpenRound(commune, {
    round: grade1RoundRegisteringNow({
      code: 'TS1-TINHKHE-BOCTHAM',
      name: 'Tuyển sinh lớp 1 Tịnh Khê (bốc thăm)',
      schoolYear: `${year + 6}-${year + 7}`,
      runningUnitId: unit.tinhKhe,
    }),
    schools: [
      { schoolId: unit.school1, classes: 1, pupilsPerClass: 2 },
      { schoolId: unit.school2, classes: 1, pupilsPerClass: 1 },
    ],
    catchments: [
      { schoolId: unit.school1, communeId: unit.tinhKhe, village: villages[0]![0] },
      { schoolId: unit.school2, communeId: unit.tinhKhe, village: villages[1]![0] },
    ],
  });
  grade1 = round.id;
  const filing = { roundId: grade1, token: await verifiedContactToken(ctx, sender, '0905777302'), ip: '10.9.1.2' };
  const codes = new Map<Resident, string>();
  for (const c of inside) {
    const residence = { communeId: unit.tinhKhe, village: c.village };
    codes.set(c, await fileApplication(ctx, filing, c, { residence, wishes: [unit.school1] }));
  }
  for (const c of outside) {
    const residence = { communeId: unit.tinhKhe, village: c.village };
    codes.set(c, await fileApplication(ctx, filing, c, { residence, wishes: [unit.school1, unit.school2] }));
  }
  await endRegistration(ctx, grade1, '2 hours');
  expect((await round.setStatus('closed_for_review')).status).toBe(200);
  await approveAll(commune, grade1);
  const seed = await commune.post(`/api/admissions/rounds/${grade1}/lottery-seed`, {
    expectedVersion: round.version,
    seed: 'boc-tham-kiem-tra-2027',
  });
  expect(seed.status, JSON.stringify(seed.body)).toBe(200);
  round.version = seed.body.version;
  expect((await round.setStatus('allocating')).status).toBe(200);
  await finalRun(commune, grade1);
  expect((await round.setStatus('published')).status).toBe(200);
  const c = outside[0]!;
  drawn = { ...c, code: codes.get(c)! };
}

beforeAll(async () => {
  if (!RUN) return;
  ctx = await createTestContext({ web: true, env: { WEB_DIST: buildWeb('admissions-public-results') } });
  setOtpSender(ctx.platform, sender);
  await publishedGrade10();
  await publishedGrade1();
  base = await listen(ctx);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

/** No axe violation, no sideways scrolling, and a full-page screenshot to look at. */
async function check(page: Page, shot: string) {
  await checkAxe(page);
  await noSideScroll(page);
  await screenshot(page, shot);
}

const main = (page: Page) => page.locator('main').textContent();

/** Opens a dossier as its family does: the code in the address, the child's ID and birth date typed. */
async function openDossier(page: Page, child: ChildIdentity & { code: string }) {
  const [y, m, d] = child.dateOfBirth.split('-');
  await page.goto(`${base}/tuyen-sinh/ho-so/${child.code}`);
  await page.getByLabel('Số định danh cá nhân của trẻ').fill(child.personalId);
  await page.getByLabel('Ngày sinh của trẻ').fill(`${d}/${m}/${y}`);
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect.poll(() => main(page), { timeout: 10_000 }).toContain('Kết quả tuyển sinh');
}

describe.runIf(RUN)('published results, on a phone', () => {
  it('shows the grade-10 cut-offs, specialised first, with decimal commas, from the result', async () => {
    const page = await browser.newPage({ viewport: PHONE, deviceScaleFactor: 2, locale: 'vi-VN' });
    await openDossier(page, g10[1]!);
    await page.getByRole('link', { name: 'Xem điểm chuẩn các trường' }).click();
    await page.waitForURL(`${base}/tuyen-sinh/diem-chuan/${grade10}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Điểm chuẩn vào lớp 10');
    await expect.poll(() => main(page)).toContain('Tuyển sinh lớp 10 (điểm chuẩn)');
    const h2 = await page.locator('main h2').allTextContents();
    expect(h2).toEqual(['Trường chuyên (xét trước)', 'Trường không chuyên']);
    const row = (name: RegExp) => page.locator('main tbody tr', { has: page.locator('th', { hasText: name }) });
    expect(await row(/Lê Khiết/).textContent()).toContain('45,00');
    expect(await row(/Trần Quốc Tuấn/).textContent()).toContain('40,50');
    expect(await main(page)).toContain('Mọi thí sinh đăng ký đều trúng tuyển');
    // A phone shows one card per school: the column names beside the values.
    const cutoffCell = row(/Trần Quốc Tuấn/).locator('td[data-label="Điểm chuẩn"]');
    expect(await cutoffCell.evaluate((td) => getComputedStyle(td).display)).toBe('grid');
    await check(page, 'admissions-cutoffs-360.png');
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await cutoffCell.evaluate((td) => getComputedStyle(td).display)).toBe('table-cell');
    await check(page, 'admissions-cutoffs-1280.png');
    await page.close();
  });

  it('says there are no cut-offs for a round without them', async () => {
    const page = await browser.newPage({ viewport: PHONE, deviceScaleFactor: 2, locale: 'vi-VN' });
    for (const id of [randomUUID(), grade1]) {
      await page.goto(`${base}/tuyen-sinh/diem-chuan/${id}`);
      await expect.poll(() => main(page), { timeout: 10_000 }).toContain('Chưa có điểm chuẩn của kỳ tuyển sinh này');
    }
    await check(page, 'admissions-cutoffs-none-360.png');
    await page.close();
  });

  it('lets a family check a lottery result: seed, its code, the inputs hash and the inputs', async () => {
    const lottery = (await ctx.app.inject(`/api/public/admissions/rounds/${grade1}/lottery`)).json();
    const page = await browser.newPage({ viewport: PHONE, deviceScaleFactor: 2, locale: 'vi-VN' });
    await openDossier(page, drawn);
    expect(await page.locator('.ap-result').textContent()).toContain('bốc thăm');
    const section = page.getByRole('region', { name: 'Kiểm tra kết quả bốc thăm' });
    await expect.poll(() => section.count(), { timeout: 10_000 }).toBe(1);
    expect(await section.getByTestId('lottery-seed').textContent()).toBe('boc-tham-kiem-tra-2027');
    expect(await section.getByTestId('lottery-hash').textContent()).toBe(lottery.inputsSha256);
    expect(await section.textContent()).toContain(drawn.code);
    expect(await section.textContent()).toContain('HMAC-SHA256');
    const link = section.getByRole('link', { name: /Tải dữ liệu đầu vào/ });
    expect(await link.getAttribute('href')).toBe(`/api/public/admissions/rounds/${grade1}/lottery`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const saved = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    expect(saved.inputsSha256).toBe(lottery.inputsSha256);
    expect(JSON.stringify(saved.input)).toContain(drawn.code);
    await check(page, 'admissions-lottery-check-360.png');
    await page.close();
  });
});
