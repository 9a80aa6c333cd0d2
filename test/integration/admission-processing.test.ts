import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOtpSender } from '../../src/server/platform/otp/otp-provider.ts';
import { MemoryOtpSender } from '../../src/server/platform/otp/otp-sender.ts';
import { extractPdfText } from '../../src/server/platform/pdf/pdf-text.ts';
import {
  type ChildIdentity,
  createOpenRound,
  fileApplication,
  findTinhKhePrimaries,
  grade1RoundRegisteringNow,
  syntheticChild,
  verifiedContactToken,
} from '../support/admissions.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Processing by schools and communes (issue 3, item 3), the parent's supplement and the PDF
 * receipt, on an open grade-1 round of Xã Tịnh Khê with two schools. Children are synthetic
 * and unknown to the demo registry (province code 051, born 2021).
 */
let ctx: TestContext;
let commune: Client;
let principal: Client;
const sender = new MemoryOtpSender();
let unit: Awaited<ReturnType<typeof findTinhKhePrimaries>>;
let roundId = '';
let token = '';

type Child = ChildIdentity;
let serial = 800000;
const usedIds: string[] = [];
function child(fullName = 'Võ Minh Khang', gender: 'male' | 'female' = 'male'): Child {
  const c = syntheticChild('051', serial++, { dateOfBirth: '2021-03-14', fullName, gender });
  usedIds.push(c.personalId);
  return c;
}

function call(method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) {
  return ctx.app.inject({
    method,
    url,
    headers: { 'x-otp-token': token, ...headers },
    remoteAddress: '10.9.0.1',
    ...(payload ? { payload } : {}),
  });
}

interface Filed {
  id: string;
  code: string;
  child: Child;
}
/** Files an application (first wish `first`) and finds its dossier id through the queue. */
async function file(c: Child, first = unit.school1, village = 'Thôn Trường Thọ', ip = '10.9.0.1'): Promise<Filed> {
  const code = await fileApplication(ctx, { roundId, token, ip }, c, {
    residence: { communeId: unit.tinhKhe, village },
    wishes: first === unit.school1 ? [unit.school1, unit.school2] : [unit.school2, unit.school1],
  });
  const row = await ctx.platform.db
    .selectFrom('admission_applications')
    .select('dossier_id')
    .where('dossier_code', '=', code)
    .executeTakeFirstOrThrow();
  return { id: row.dossier_id, code, child: c };
}

const detailUrl = (id: string) => `/api/admissions/applications/${id}`;
const act = (who: Client, id: string, body: object) => who.post(`${detailUrl(id)}/actions`, body);
const versionOf = async (id: string) => (await commune.get(detailUrl(id))).body.dossierVersion as number;

/** A multipart body: the fields, then the file. */
function multipart(fields: Record<string, string>, bytes: Buffer, filename = 'giay-khai-sinh.pdf') {
  const boundary = `----gds${randomUUID()}`;
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(parts.join('') + head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function upload(f: Filed, documentCode: string, bytes = PDF, who: Partial<Child> = {}, otp = token) {
  const m = multipart(
    {
      personalId: who.personalId ?? f.child.personalId,
      dateOfBirth: who.dateOfBirth ?? f.child.dateOfBirth,
      documentCode,
    },
    bytes,
  );
  return ctx.app.inject({
    method: 'POST',
    url: `/api/public/admissions/applications/${f.code}/attachments`,
    headers: { ...m.headers, ...(otp ? { 'x-otp-token': otp } : {}) },
    remoteAddress: '10.9.0.1',
    payload: m.payload,
  });
}

const outbox = (dossierId: string) =>
  ctx.platform.db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('id')
    .execute();

beforeAll(async () => {
  ctx = await createTestContext({ env: { RATE_REGISTRY_LOOKUPS_PER_IP_PER_HOUR: '100000' } });
  setOtpSender(ctx.platform, sender);
  commune = await login(ctx, 'xa.tinhkhe');
  principal = await login(ctx, 'ht.thso1tinhkhe');
  unit = await findTinhKhePrimaries(ctx);
  const round = await createOpenRound(commune, {
    round: grade1RoundRegisteringNow({
      code: 'TS1-TINHKHE-PROCESS',
      name: 'Tuyển sinh lớp 1 Tịnh Khê (xử lý)',
      schoolYear: '2027-2028',
      runningUnitId: unit.tinhKhe,
      priorityGroups: [{ code: 'LS', nameVi: 'Con liệt sĩ, thương binh', rank: 1 }],
    }),
    schools: [
      { schoolId: unit.school1, classes: 20, pupilsPerClass: 35 },
      { schoolId: unit.school2, classes: 20, pupilsPerClass: 35 },
    ],
    catchments: [
      { schoolId: unit.school1, communeId: unit.tinhKhe, village: 'Thôn Trường Thọ' },
      { schoolId: unit.school2, communeId: unit.tinhKhe, village: null },
    ],
  });
  roundId = round.id;
  token = await verifiedContactToken(ctx, sender, '0905888001');
});
afterAll(() => ctx.close());

describe('GET /api/admissions/applications/:dossierId', () => {
  it('shows the commune officer the form, state, actions, timeline and audit trail, and audits the view', async () => {
    const f = await file(child('Lê Thị Bích Ngọc', 'female'), unit.school1, 'Thôn Đắk Hà');
    const res = await commune.get(detailUrl(f.id));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      dossierCode: f.code,
      child: { fullName: 'Lê Thị Bích Ngọc', dateOfBirth: '2021-03-14', gender: 'female' },
      residence: { commune: { id: unit.tinhKhe, name: 'Xã Tịnh Khê' }, village: 'Thôn Đắk Hà', registryMatch: false },
      wishes: [
        { id: unit.school1, name: unit.school1Name, rank: 1 },
        { id: unit.school2, name: unit.school2Name, rank: 2 },
      ],
      state: 'submitted',
      allowedActions: ['start_review', 'verify', 'request_supplement', 'reject'],
      overdue: false,
    });
    expect(res.body.timeline.map((t: { action: string }) => t.action)).toEqual(['create', 'submit']);
    expect(res.body.audit.map((a: { action: string }) => a.action)).toContain('admissions.application.view');
    expect(JSON.stringify(res.body)).not.toContain(f.child.personalId);
  });

  it('shows a principal the applications of the school and refuses another school with 403', async () => {
    const mine = await file(child());
    const theirs = await file(child(), unit.school2);
    expect((await principal.get(detailUrl(mine.id))).status).toBe(200);
    const other = await principal.get(detailUrl(theirs.id));
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('access.denied');
    expect((await principal.get(detailUrl(randomUUID()))).status).toBe(404);
    expect((await ctx.app.inject(detailUrl(mine.id))).statusCode).toBe(401);
  });
});

describe('review actions', () => {
  it('verifies a received application (review then approve) and names the clerk in the timeline', async () => {
    const f = await file(child());
    const res = await act(principal, f.id, { action: 'verify', expectedVersion: await versionOf(f.id) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('approved');
    const steps = res.body.timeline.slice(-2);
    expect(steps.map((t: { action: string }) => t.action)).toEqual(['start_review', 'approve']);
    expect(steps[1].actorName).toBe('Nguyễn Văn Thành');
  });

  it('refuses an action on a version the clerk did not see', async () => {
    const f = await file(child());
    const res = await act(commune, f.id, { action: 'verify', expectedVersion: 99 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('resource.stale');
  });

  it('rejects with a reason, and asks for one', async () => {
    const f = await file(child());
    const v = await versionOf(f.id);
    const none = await act(commune, f.id, { action: 'reject', expectedVersion: v });
    expect(none.status).toBe(400);
    const res = await act(commune, f.id, {
      action: 'reject',
      expectedVersion: v,
      reason: 'Trẻ chưa đủ tuổi vào lớp 1',
    });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('rejected');
    expect(res.body.timeline.at(-1).reason).toBe('Trẻ chưa đủ tuổi vào lớp 1');
  });
});

describe('supplement: request, parent upload, resubmission', () => {
  let f: Filed;

  it('validates what is asked: documents of the procedure or a note, and a reason', async () => {
    f = await file(child('Nguyễn Thị Ánh Tuyết', 'female'), unit.school1, 'Thôn Đắk Hà');
    const v = await versionOf(f.id);
    const empty = await act(commune, f.id, {
      action: 'request_supplement',
      expectedVersion: v,
      reason: 'Thiếu giấy tờ',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0].path).toContain('documents');
    const unknown = await act(commune, f.id, {
      action: 'request_supplement',
      expectedVersion: v,
      reason: 'Thiếu giấy tờ',
      documents: ['KHONG_CO'],
    });
    expect(unknown.status).toBe(400);
  });

  it('asks for a supplement and tells the parent what, why and where, with the /tuyen-sinh link', async () => {
    const res = await act(commune, f.id, {
      action: 'request_supplement',
      expectedVersion: await versionOf(f.id),
      reason: 'Bản khai sinh tải lên bị mờ, không đọc được',
      documents: ['GIAY_KHAI_SINH'],
      note: 'Chụp lại rõ nét cả hai mặt',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('supplement_requested');
    const sms = (await outbox(f.id)).filter((m) => m.template === 'dossier.request_supplement');
    expect(sms).toHaveLength(1);
    // The parent gave a phone: the SMS (without diacritics) says why, what and where.
    const body = sms[0]!.body;
    expect(body).toContain('Ly do: Ban khai sinh tai len bi mo, khong doc duoc.');
    expect(body).toContain('Giay to can bo sung: Ban sao giay khai sinh.');
    expect(body).toMatch(new RegExp(`: (https?://\\S+)?/tuyen-sinh/ho-so/${f.code}$`));
  });

  it('shows the parent the reason and the documents in the public timeline', async () => {
    const res = await call('GET', `/api/public/admissions/applications/${f.code}`, undefined, {
      'x-child-id': f.child.personalId,
      'x-child-dob': f.child.dateOfBirth,
    });
    expect(res.statusCode).toBe(200);
    const last = res.json().timeline.events.at(-1);
    expect(last).toMatchObject({
      action: 'request_supplement',
      reason: 'Bản khai sinh tải lên bị mờ, không đọc được',
      details: { documents: ['GIAY_KHAI_SINH'], note: 'Chụp lại rõ nét cả hai mặt' },
    });
    expect(last.byLabel.vi).toBe('Trường/Đơn vị xử lý');
  });

  it('takes the document from the parent with the verified code, sniffing its type', async () => {
    expect((await upload(f, 'GIAY_KHAI_SINH', PDF, {}, '')).statusCode).toBe(401);
    const badDate = await upload(f, 'GIAY_KHAI_SINH', PDF, { dateOfBirth: '14/03/2021' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details[0]).toMatchObject({ path: 'body.dateOfBirth' });
    expect(badDate.json().error.details[0].message).toMatch(/không hợp lệ/);
    const wrong = await upload(f, 'GIAY_KHAI_SINH', PDF, { dateOfBirth: '2021-03-15' });
    expect(wrong.statusCode).toBe(404);
    const exe = await upload(f, 'GIAY_KHAI_SINH', Buffer.from('MZ\x90\x00 not a pdf'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.code).toBe('file.invalid');
    const ok = await upload(f, 'GIAY_KHAI_SINH');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ documentCode: 'GIAY_KHAI_SINH', contentType: 'application/pdf' });
    const detail = await commune.get(detailUrl(f.id));
    expect(detail.body.attachments[0].downloadUrl).toBe(`/api/dossiers/${f.id}/attachments/${ok.json().id}`);
    const download = await ctx.app.inject({
      url: detail.body.attachments[0].downloadUrl,
      headers: { cookie: commune.cookie },
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
  });

  it('resubmits: the state is resubmitted, the timeline shows it and the school is notified', async () => {
    const none = await ctx.app.inject({
      method: 'POST',
      url: `/api/public/admissions/applications/${f.code}/resubmit`,
      payload: { personalId: f.child.personalId, dateOfBirth: f.child.dateOfBirth },
    });
    expect(none.statusCode).toBe(401);
    const res = await call('POST', `/api/public/admissions/applications/${f.code}/resubmit`, {
      personalId: f.child.personalId,
      dateOfBirth: f.child.dateOfBirth,
      note: 'Đã tải lại bản khai sinh rõ nét',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('resubmitted');
    expect(res.json().timeline.events.at(-1)).toMatchObject({ action: 'resubmit', by: 'applicant' });
    const toSchool = (await outbox(f.id)).filter(
      (m) => m.template === 'dossier.resubmit' && m.unit_id === unit.school1,
    );
    expect(toSchool.some((m) => m.channel === 'email' && m.body.includes(`/admissions/applications/${f.id}`))).toBe(
      true,
    );
    const detail = await commune.get(detailUrl(f.id));
    expect(detail.body.allowedActions).toContain('verify');
  });

  it('takes proof of priority right after filing, but no other document unasked', async () => {
    const g = await file(child());
    expect((await upload(g, 'UU_TIEN')).statusCode).toBe(201);
    const other = await upload(g, 'GIAY_KHAI_SINH');
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('dossier.invalid_transition');
  });
});

describe('POST /api/admissions/rounds/:roundId/applications/bulk', () => {
  it('approves 400 applications, reporting the ones it could not take', async () => {
    const filed: Filed[] = [];
    for (let i = 0; i < 400; i += 20)
      filed.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, (_, j) => file(child(), unit.school1, 'Thôn Trường Thọ', `10.9.${i}.${j + 1}`)),
        )),
      );
    const approved = await file(child());
    await act(commune, approved.id, { action: 'verify', expectedVersion: await versionOf(approved.id) });
    const stranger = randomUUID();
    const ids = [...filed.map((f) => f.id), approved.id, stranger];
    const started = performance.now();
    const res = await commune.post(`/api/admissions/rounds/${roundId}/applications/bulk`, {
      dossierIds: ids,
      action: 'approve',
    });
    const ms = performance.now() - started;
    console.log(
      `bulk approve of ${filed.length} applications: ${Math.round(ms)} ms (${(ms / filed.length).toFixed(1)} ms each)`,
    );
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    expect(res.body).toMatchObject({ action: 'approve', succeeded: 400, failed: 2 });
    const byId = new Map(res.body.items.map((x: { dossierId: string }) => [x.dossierId, x]));
    expect(byId.get(approved.id)).toMatchObject({ ok: false, error: 'dossier.invalid_transition', state: 'approved' });
    expect(byId.get(stranger)).toMatchObject({ ok: false, error: 'resource.not_found' });
    expect(byId.get(filed[0]!.id)).toMatchObject({ ok: true, state: 'approved' });
    const audited = await ctx.platform.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'dossiers.approve')
      .where(
        'entity_id',
        'in',
        filed.map((f) => f.id),
      )
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(400);
  }, 180_000);

  it('does not let a principal act on another school, and asks for a reason to reject', async () => {
    const theirs = await file(child(), unit.school2);
    const res = await principal.post(`/api/admissions/rounds/${roundId}/applications/bulk`, {
      dossierIds: [theirs.id],
      action: 'start_review',
    });
    expect(res.body.items[0]).toMatchObject({ ok: false, error: 'resource.not_found' });
    const reject = await commune.post(`/api/admissions/rounds/${roundId}/applications/bulk`, {
      dossierIds: [theirs.id],
      action: 'reject',
    });
    expect(reject.status).toBe(400);
    const many = await commune.post(`/api/admissions/rounds/${roundId}/applications/bulk`, {
      dossierIds: Array.from({ length: 501 }, () => randomUUID()),
      action: 'start_review',
    });
    expect(many.status).toBe(400);
  });
});

describe('GET /api/admissions/rounds/:roundId/applications/export.xlsx', () => {
  it('exports the filtered queue with Vietnamese headers, no personal ID, and audits it', async () => {
    const res = await ctx.app.inject({
      url: `/api/admissions/rounds/${roundId}/applications/export.xlsx?state=rejected`,
      headers: { cookie: commune.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'STT',
      'Mã hồ sơ',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Xã/phường cư trú',
      'Thôn/tổ dân phố',
      'Khớp CSDL dân cư',
      'Tình trạng cư trú',
      'Đối tượng ưu tiên',
      'Nguyện vọng 1',
      'Nguyện vọng 2',
      'Trạng thái',
      'Thời điểm nộp',
      'Hạn giải quyết',
      'Quá hạn',
    ]);
    expect(ws.rowCount).toBe(2);
    const row = (ws.getRow(2).values as unknown[]).slice(1).map(String);
    expect(row).toEqual(
      expect.arrayContaining([
        'Võ Minh Khang',
        '14/03/2021',
        'Nam',
        'Xã Tịnh Khê',
        unit.school1Name,
        'Từ chối',
        'Không',
      ]),
    );
    expect(row[13]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    const all = await ctx.app.inject({
      url: `/api/admissions/rounds/${roundId}/applications/export.xlsx`,
      headers: { cookie: commune.cookie },
    });
    const full = new ExcelJS.Workbook();
    await full.xlsx.load(all.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    full.worksheets[0]!.eachRow((r) => cells.push(JSON.stringify(r.values)));
    expect(cells.length).toBeGreaterThan(400);
    const text = cells.join('\n');
    for (const id of usedIds) expect(text).not.toContain(id);
    const audit = await ctx.platform.db
      .selectFrom('audit_log')
      .select(['actor_name', 'after'])
      .where('action', '=', 'admissions.application.export')
      .orderBy('id')
      .execute();
    expect(audit[0]).toMatchObject({
      actor_name: 'xa.tinhkhe',
      after: { filter: { state: 'rejected', schoolId: null, q: null }, rows: 1, format: 'xlsx' },
    });
  });
});

describe('PDF receipt', () => {
  it('gives the parent a PDF whose text is the receipt in Vietnamese, and 404 for a wrong date of birth', async () => {
    const f = await file(child('Nguyễn Thị Ánh Tuyết', 'female'), unit.school1, 'Thôn Đắk Hà');
    const url = `/api/public/admissions/applications/${f.code}/receipt.pdf`;
    const res = await ctx.app.inject({
      url: `${url}`,
      headers: { 'x-child-id': f.child.personalId, 'x-child-dob': f.child.dateOfBirth },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = new Uint8Array(res.rawPayload);
    fs.mkdirSync('.tmp', { recursive: true });
    fs.writeFileSync('.tmp/receipt-sample.pdf', bytes);
    const text = (await extractPdfText(bytes)).join('\n');
    for (const s of [
      'Phiếu tiếp nhận hồ sơ',
      f.code,
      'Nguyễn Thị Ánh Tuyết',
      'Thôn Đắk Hà, Xã Tịnh Khê',
      '14/03/2021',
      unit.school1Name,
      'Tuyển sinh vào lớp 1',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      `/tuyen-sinh/ho-so/${f.code}`,
    ])
      expect(text).toContain(s);
    expect(text).not.toContain(f.child.personalId);
    const wrong = await ctx.app.inject({
      url: `${url}`,
      headers: { 'x-child-id': f.child.personalId, 'x-child-dob': '2021-03-15' },
    });
    expect(wrong.statusCode).toBe(404);
    const staff = await ctx.app.inject({
      url: `/api/admissions/applications/${f.id}/receipt.pdf`,
      headers: { cookie: principal.cookie },
    });
    expect(staff.statusCode).toBe(200);
    expect((await extractPdfText(new Uint8Array(staff.rawPayload))).join('\n')).toContain('Nguyễn Thị Ánh Tuyết');
  });
});

describe('OpenAPI', () => {
  it('documents the processing routes', async () => {
    const res = await ctx.app.inject('/api/docs/json');
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/admissions/applications/{dossierId}',
        '/api/admissions/applications/{dossierId}/actions',
        '/api/admissions/rounds/{roundId}/applications/bulk',
        '/api/admissions/rounds/{roundId}/applications/export.xlsx',
        '/api/public/admissions/applications/{code}/attachments',
        '/api/public/admissions/applications/{code}/resubmit',
        '/api/public/admissions/applications/{code}/receipt.pdf',
      ]),
    );
  });
});
