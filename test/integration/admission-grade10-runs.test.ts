import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
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
  grade10ExamRules,
  type StaffRound,
  syntheticChild,
  timelineRegisteringNow,
  verifiedContactToken,
} from '../support/admissions.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Grade-10 exam scores and allocation runs (issue 3, item 4) on a Sở round with a specialised
 * school (1 seat) and two ordinary schools (2 seats each), wish offsets [0, 1, 2], maths and
 * literature ×2, English ×1. Seven synthetic candidates (Hà Nội ID code 001, never a demo
 * resident); by hand: C1 takes the specialised seat (45); C2 (42) and C3 (40) take Trần Quốc Tuấn;
 * C4 (37,5 + 2 priority = 39,5) misses it and takes NV2 (39,5 − 1 = 38,5); C5 (35) takes the last
 * seat of the other school; C6 (30) is not admitted; C7 was absent.
 */
let ctx: TestContext;
let so: Client;
const sender = new MemoryOtpSender();
const unit = { department: '', tinhKhe: '', leKhiet: '', tqt: '', other: '' };
let roundId = '';
let round: StaffRound;

interface Candidate extends ChildIdentity {
  code?: string;
  dossierId?: string;
  wishes: () => string[];
  marks: [number, number, number] | null;
  priority: number;
  group: string | null;
}
const C: Candidate[] = (
  [
    { wishes: () => [unit.leKhiet, unit.tqt], marks: [9, 9, 9], priority: 0, group: null },
    { wishes: () => [unit.leKhiet, unit.tqt, unit.other], marks: [8.5, 8.5, 8], priority: 0, group: null },
    { wishes: () => [unit.tqt, unit.other], marks: [8, 8, 8], priority: 0, group: null },
    { wishes: () => [unit.tqt, unit.other], marks: [7.75, 7.5, 7], priority: 2, group: 'UT1' },
    { wishes: () => [unit.other, unit.tqt], marks: [7, 7, 7], priority: 0, group: null },
    { wishes: () => [unit.other], marks: [6, 6, 6], priority: 0, group: null },
    { wishes: () => [unit.tqt], marks: null, priority: 0, group: null },
  ] as Omit<Candidate, keyof ChildIdentity>[]
).map((c, i) => ({
  ...c,
  ...syntheticChild('001', 300_000 + i, {
    dateOfBirth: `2012-04-${String(10 + i).padStart(2, '0')}`,
    fullName: 'Thí Sinh Mô Phỏng',
    gender: 'male',
  }),
}));

const scores = () => `/api/admissions/rounds/${roundId}/exam-scores`;
const allocation = () => `/api/admissions/rounds/${roundId}/allocation`;

/** An .xlsx with a header row and data rows, uploaded to the import endpoint as multipart. */
async function upload(who: Client, rows: (string | number | null)[][], query = '') {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Điểm thi');
  for (const r of rows) ws.addRow(r);
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  const boundary = `gds${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="diem.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    body,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await ctx.app.inject({
    method: 'POST',
    url: `${scores()}/import${query}`,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: who.cookie,
      'x-csrf-token': who.csrf,
    },
    payload,
  });
  return { status: res.statusCode, body: res.json() };
}

const HEADER = ['Mã hồ sơ', 'Họ và tên', 'Số báo danh', 'Toán', 'Ngữ văn', 'Tiếng Anh', 'Điểm ưu tiên', 'Vắng thi'];
const goodRows = () =>
  C.map((c, i) => [
    c.code!,
    'Thí sinh mô phỏng',
    `SBD${100 + i}`,
    c.marks?.[0] ?? null,
    c.marks?.[1] ?? null,
    c.marks?.[2] ?? null,
    c.priority,
    c.marks ? null : 'x',
  ]);

beforeAll(async () => {
  ctx = await createTestContext();
  setOtpSender(ctx.platform, sender);
  so = await login(ctx, 'so.tuyensinh');
  unit.department = await findDepartmentId(ctx);
  unit.leKhiet = await findSchoolId(ctx, 'Trường THPT chuyên Lê Khiết');
  unit.tqt = await findSchoolId(ctx, 'Trường THPT Trần Quốc Tuấn');
  const thpt: { unitId: string }[] = (await ctx.app.inject('/api/org/schools?level=thpt&pageSize=200')).json().items;
  unit.other = thpt.find((s) => s.unitId !== unit.leKhiet && s.unitId !== unit.tqt)!.unitId;
  unit.tinhKhe = await findCommuneId(ctx, 'Xã Tịnh Khê');

  round = await createOpenRound(so, {
    round: {
      code: 'TS10-ALLOC-TEST',
      name: 'Tuyển sinh lớp 10 (xét tuyển thử nghiệm)',
      level: 10,
      schoolYear: '2027-2028',
      runningUnitId: unit.department,
      timeline: timelineRegisteringNow(),
      rules: grade10ExamRules({ tieBreakers: ['priority_points', 'subject:toan'] }),
      priorityGroups: [
        { code: 'UT1', nameVi: 'Nhóm đối tượng 1', points: 2 },
        { code: 'UT2', nameVi: 'Nhóm đối tượng 2', points: 1.5 },
      ],
    },
    schools: [
      { schoolId: unit.leKhiet, classes: 1, pupilsPerClass: 1, specialised: true },
      { schoolId: unit.tqt, classes: 1, pupilsPerClass: 2 },
      { schoolId: unit.other, classes: 1, pupilsPerClass: 2 },
    ],
  });
  roundId = round.id;

  const filing = { roundId, token: await verifiedContactToken(ctx, sender, '0905777201', '10.9.0.1'), ip: '10.9.0.1' };
  for (const c of C) {
    const residence = { communeId: unit.tinhKhe, village: 'Thôn Mô Phỏng' };
    c.code = await fileApplication(ctx, filing, c, { residence, wishes: c.wishes(), priorityGroup: c.group });
  }
  await endRegistration(ctx, roundId, '1 minute');
  expect((await round.setStatus('closed_for_review')).status).toBe(200);
  await approveAll(so, roundId);
});
afterAll(() => ctx.close());

describe('exam scores', () => {
  it('refuses a run while applications have no scores, listing them', async () => {
    const prepared = await so.get(allocation());
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(200);
    expect(prepared.body.missingScores.count).toBe(7);
    const run = await so.post(`${allocation()}/runs`, {
      kind: 'practice',
      expectedInputsHash: prepared.body.inputsSha256,
    });
    expect(run.status).toBe(422);
    expect(run.body.error.code).toBe('admissions.scores_missing');
    expect(run.body.error.details).toHaveLength(7);
  });

  it('offers a template with the round’s subject columns and one line per application', async () => {
    const res = await ctx.app.inject({ url: `${scores()}/template.xlsx`, headers: { cookie: so.cookie } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual(
      expect.arrayContaining(['Mã hồ sơ', 'Số báo danh', 'Toán', 'Ngữ văn', 'Tiếng Anh']),
    );
    expect(ws.actualRowCount).toBe(8);
  });

  it('writes nothing from a file with row errors and reports each in both languages', async () => {
    const rows = goodRows();
    rows[1]![3] = 10.5; // a mark over 10
    rows[2]![6] = 1.25; // not a group's priority points
    rows[3]![0] = 'TS10-KHONG-CO';
    const res = await upload(so, [HEADER, ...rows]);
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(0);
    expect(res.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, 'Toán'],
      [4, 'Điểm ưu tiên'],
      [5, 'Mã hồ sơ'],
    ]);
    expect(res.body.errors[0].message).toMatch(/điểm từ 0 đến 10 \/ a mark is between 0 and 10/);
    const list = await so.get(scores());
    expect(list.body.missing).toBe(7);
  });

  it('imports a good file all at once, and again as unchanged', async () => {
    const dry = await upload(so, [HEADER, ...goodRows()], '?dryRun=true');
    expect(dry.body).toMatchObject({ created: 7, errors: [] });
    expect((await so.get(scores())).body.missing).toBe(7);
    const res = await upload(so, [HEADER, ...goodRows()]);
    expect(res.body).toMatchObject({ created: 7, updated: 0, unchanged: 0, errors: [] });
    const again = await upload(so, [HEADER, ...goodRows()]);
    expect(again.body).toMatchObject({ created: 0, unchanged: 7 });
    const list = await so.get(`${scores()}?pageSize=50`);
    expect(list.body).toMatchObject({ total: 7, missing: 0 });
    const c4 = list.body.items.find((i: { dossierCode: string }) => i.dossierCode === C[3]!.code);
    expect(c4).toMatchObject({ registrationNo: 'SBD103', total: 39.5, priorityPoints: 2, version: 1 });
    for (const item of list.body.items) C.find((c) => c.code === item.dossierCode)!.dossierId = item.dossierId;
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log
      WHERE action = 'admissions.exam_scores.import'`.execute(ctx.platform.db);
    expect(rows[0]!.n).toBe(1);
  });
});

let hash = '';
let firstRun = '';
interface Line {
  dossierCode: string;
  schoolId: string | null;
  reason: string;
  stage: string | null;
  wishNumber: number | null;
  total: number | null;
  explanation: { vi: string; en: string };
}
const byCode = (lines: Line[]) => new Map(lines.map((l) => [l.dossierCode, l]));

describe('grade-10 runs', () => {
  it('allocates by total with wish offsets, the specialised school first, and publishes cut-offs', async () => {
    const prepared = await so.get(allocation());
    expect(prepared.body).toMatchObject({ level: 10, applicants: 7, schools: 3, missingScores: { count: 0 } });
    expect(prepared.body.excluded).toEqual({ absent: 1, disqualified: 0 });
    hash = prepared.body.inputsSha256;
    const run = await so.post(`${allocation()}/runs`, { kind: 'practice', expectedInputsHash: hash });
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    expect(run.body.summary).toMatchObject({ level: 10, applicants: 7, placed: 5, unplaced: 2, absent: 1 });
    firstRun = run.body.id;
    const page = await so.get(`${allocation()}/runs/${firstRun}`);
    expect(page.status).toBe(200);
    const r = byCode(page.body.results);
    expect(r.get(C[0]!.code!)).toMatchObject({
      schoolId: unit.leKhiet,
      stage: 'specialised',
      wishNumber: 1,
      total: 45,
    });
    expect(r.get(C[1]!.code!)).toMatchObject({ schoolId: unit.tqt, stage: 'ordinary', wishNumber: 1 });
    expect(r.get(C[2]!.code!)).toMatchObject({ schoolId: unit.tqt, wishNumber: 1, total: 40 });
    expect(r.get(C[3]!.code!)).toMatchObject({ schoolId: unit.other, wishNumber: 2, total: 39.5 });
    expect(r.get(C[4]!.code!)).toMatchObject({ schoolId: unit.other, wishNumber: 1 });
    expect(r.get(C[5]!.code!)).toMatchObject({ schoolId: null, reason: 'not_admitted', total: 30 });
    expect(r.get(C[6]!.code!)).toMatchObject({ schoolId: null, reason: 'absent', total: null });
    expect(r.get(C[3]!.code!)!.explanation.vi).toContain('39,50 < điểm chuẩn 40,00');
    expect(r.get(C[3]!.code!)!.explanation.vi).toMatch(/NV2 .*: trúng tuyển/);
    expect(r.get(C[5]!.code!)!.explanation.en).toContain('30.00 < cut-off 35.00');
    expect(r.get(C[6]!.code!)!.explanation.vi).toContain('Vắng thi');
    const cut = new Map(page.body.cutoffs.map((c: { schoolId: string; cutoff: number }) => [c.schoolId, c]));
    expect(cut.get(unit.leKhiet)).toMatchObject({ stage: 'specialised', seats: 1, admitted: 1, cutoff: 45 });
    expect(cut.get(unit.tqt)).toMatchObject({ seats: 2, admitted: 2, cutoff: 40 });
    expect(cut.get(unit.other)).toMatchObject({ seats: 2, admitted: 2, cutoff: 35, overCapacity: 0 });
  });

  it('gives identical results when run again on the same inputs', async () => {
    const again = await so.post(`${allocation()}/runs`, { kind: 'practice', expectedInputsHash: hash });
    expect(again.status).toBe(201);
    const [a, b] = await Promise.all([
      so.get(`${allocation()}/runs/${firstRun}`),
      so.get(`${allocation()}/runs/${again.body.id}`),
    ]);
    expect(b.body.results).toEqual(a.body.results);
    expect(b.body.cutoffs).toEqual(a.body.cutoffs);
    expect((await so.get(`${allocation()}/diff?a=${firstRun}&b=${again.body.id}`)).body).toEqual({
      applicants: [],
      schools: [],
    });
  });

  it('changes the hash when a score is corrected (audited with the reason), and the diff shows the effect', async () => {
    const c6 = C[5]!;
    const body = {
      registrationNo: 'SBD105',
      marks: { toan: 7, van: 7, anh: 8 },
      priorityPoints: 0,
      bonusPoints: 0,
      reason: 'Phúc khảo bài thi',
    };
    const stale = await so.put(`${scores()}/${c6.dossierId}`, { ...body, expectedVersion: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('resource.stale');
    const wrong = await so.put(`${scores()}/${c6.dossierId}`, { ...body, marks: { toan: 7 }, expectedVersion: 1 });
    expect(wrong.status).toBe(400);
    const ok = await so.put(`${scores()}/${c6.dossierId}`, { ...body, expectedVersion: 1 });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ total: 36, version: 2 });
    const { rows } = await sql<{ before: { marks: object }; after: { marks: object; reason: string } }>`
      SELECT before, after FROM audit_log WHERE action = 'admissions.exam_score.correct'`.execute(ctx.platform.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.before.marks).toEqual({ toan: 6, van: 6, anh: 6 });
    expect(rows[0]!.after).toMatchObject({ marks: { toan: 7, van: 7, anh: 8 }, reason: 'Phúc khảo bài thi' });

    const prepared = await so.get(allocation());
    expect(prepared.body.inputsSha256).not.toBe(hash);
    const old = await so.post(`${allocation()}/runs`, { kind: 'practice', expectedInputsHash: hash });
    expect(old.status).toBe(409);
    hash = prepared.body.inputsSha256;
    const run = await so.post(`${allocation()}/runs`, { kind: 'practice', expectedInputsHash: hash });
    const diff = await so.get(`${allocation()}/diff?a=${firstRun}&b=${run.body.id}`);
    expect(diff.body.applicants).toEqual(
      [
        { applicantId: C[4]!.code, before: unit.other, after: null },
        { applicantId: c6.code, before: null, after: unit.other },
      ].sort((x, y) => (x.applicantId! < y.applicantId! ? -1 : 1)),
    );
    expect(diff.body.schools).toEqual([{ schoolId: unit.other, before: 3500, after: 3600 }]);
  });
});

describe('access', () => {
  it('refuses a commune officer on the Sở’s round', async () => {
    const xa = await login(ctx, 'xa.tinhkhe');
    expect((await xa.get(scores())).status).toBe(403);
    expect((await upload(xa, [HEADER, ...goodRows()])).status).toBe(403);
    expect((await xa.get(allocation())).status).toBe(403);
    expect((await xa.post(`${allocation()}/runs`, { kind: 'practice', expectedInputsHash: hash })).status).toBe(403);
  });

  it('refuses a school head the import and the correction', async () => {
    const head = await login(ctx, 'ht.tranquoctuan');
    expect((await upload(head, [HEADER, ...goodRows()])).status).toBe(403);
    const put = await head.put(`${scores()}/${C[0]!.dossierId}`, {
      registrationNo: 'SBD100',
      marks: { toan: 10, van: 10, anh: 10 },
      reason: 'Sửa điểm',
    });
    expect(put.status).toBe(403);
  });

  it('asks anonymous callers to sign in', async () => {
    expect((await ctx.app.inject(scores())).statusCode).toBe(401);
  });
});

describe('final run', () => {
  it('runs once for real, then freezes the scores', async () => {
    const final = await so.post(`${allocation()}/runs`, { kind: 'final', expectedInputsHash: hash });
    expect(final.status).toBe(201);
    const imp = await upload(so, [HEADER, ...goodRows()]);
    expect(imp.status).toBe(409);
    expect(imp.body.error.code).toBe('admissions.scores_frozen');
    const put = await so.put(`${scores()}/${C[0]!.dossierId}`, {
      registrationNo: 'SBD100',
      marks: { toan: 10, van: 10, anh: 10 },
      reason: 'Sửa điểm sau xét tuyển',
      expectedVersion: 1,
    });
    expect(put.status).toBe(409);
    expect(put.body.error.messages.en).toMatch(/frozen/);
    expect((await round.setStatus('allocating')).status).toBe(200);
    expect((await round.setStatus('published')).status).toBe(200);
    // Publishing through the status change snapshots the results (round hook onPublished).
    const published = await ctx.platform.db
      .selectFrom('admission_results')
      .select(['dossier_id', 'outcome', 'wish', 'explanation_vi'])
      .where(
        'dossier_id',
        'in',
        C.map((c) => c.dossierId!),
      )
      .execute();
    expect(published).toHaveLength(C.length);
    const c1 = published.find((r) => r.dossier_id === C[0]!.dossierId)!;
    expect(c1).toMatchObject({ outcome: 'admitted', wish: 1 });
    expect(c1.explanation_vi).toMatch(/Tổng điểm/);
  });
});
