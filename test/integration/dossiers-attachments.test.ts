import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DossierEngine, dossierEngine } from '../../src/server/modules/dossiers/dossier-engine.ts';
import type { AnonymousActor } from '../../src/server/platform/actor.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Attachments: the type comes from the bytes, the limits from the procedure, the files from
 * platform.storage, and only those who may read the dossier get them back.
 */
let ctx: TestContext;
let engine: DossierEngine;
const who: Record<string, Client> = {};
let schoolA: string;
let dossierId: string;
let pdfOnlyId: string;
const applicant: AnonymousActor = { kind: 'anonymous', requestId: null, ip: null, locale: 'vi' };
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(256)]);
const pdfOf = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes - 9, 0x20)]);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), randomBytes(128)]);

function multipart(filename: string, contentType: string, data: Buffer) {
  const boundary = `----gds${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head, 'utf8'), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(c: Client, id: string, documentCode: string, filename: string, type: string, data: Buffer) {
  const m = multipart(filename, type, data);
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/dossiers/${id}/attachments?documentCode=${documentCode}`,
    headers: { ...m.headers, cookie: c.cookie, 'x-csrf-token': c.csrf },
    payload: m.payload,
  });
  return { status: res.statusCode, body: res.json() };
}

beforeAll(async () => {
  ctx = await createTestContext();
  engine = dossierEngine(ctx.platform);
  for (const u of ['admin', 'ht.thso1tinhkhe', 'ht.thdakha', 'xa.tinhkhe', 'gv.tranquoctuan'])
    who[u] = await login(ctx, u);
  schoolA = (await who['ht.thso1tinhkhe']!.get('/api/auth/me')).body.user.grants[0].unitId;
  const created = await who.admin!.post('/api/dossiers/procedures', {
    code: 'TEST_PDF_ONLY',
    nameVi: 'Thủ tục thử nghiệm chỉ nhận PDF',
    nameEn: 'Test procedure accepting PDF only',
    mode: 'toan_trinh',
    unitType: 'school',
    processingDays: 2,
    codePrefix: 'TPDF',
    documents: [
      { code: 'DON', nameVi: 'Đơn đề nghị', nameEn: 'Application', required: true, accepted: ['pdf'], maxSizeMb: 1 },
    ],
  });
  expect(created.status).toBe(201);
  const base = { unitId: schoolA, contact: { email: 'ph@example.com' } };
  dossierId = (
    await engine.applicants.createDraft(applicant, {
      ...base,
      procedureCode: 'TS_LOP1',
      applicantKey: 'hmac-att-000000001',
    })
  ).dossierId;
  pdfOnlyId = (
    await engine.applicants.createDraft(applicant, {
      ...base,
      procedureCode: 'TEST_PDF_ONLY',
      applicantKey: 'hmac-att-000000002',
    })
  ).dossierId;
});
afterAll(() => ctx.close());

describe('content sniffing', () => {
  let attachmentId: string;

  it('stores a PNG renamed .pdf and sent as application/pdf as the PNG it is', async () => {
    const res = await upload(
      who['ht.thso1tinhkhe']!,
      dossierId,
      'GIAY_KHAI_SINH',
      'Giấy khai sinh.pdf',
      'application/pdf',
      PNG,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contentType: 'image/png', filename: 'Giấy khai sinh.png', sizeBytes: PNG.length });
    expect(res.body.sha256).toBe(createHash('sha256').update(PNG).digest('hex'));
    attachmentId = res.body.id;
    const file = await ctx.platform.db
      .selectFrom('stored_files')
      .selectAll()
      .where('sha256', '=', res.body.sha256)
      .executeTakeFirstOrThrow();
    expect(file.storage_key).toMatch(new RegExp(`^dossiers/\\d{4}/${dossierId}/[0-9a-f-]{36}$`));
    expect(await ctx.platform.storage.exists(file.storage_key)).toBe(true);
  });

  it('refuses a PNG where the procedure accepts only PDF', async () => {
    const res = await upload(who['ht.thso1tinhkhe']!, pdfOnlyId, 'DON', 'don.pdf', 'application/pdf', PNG);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('file.invalid');
    expect(res.body.error.messages.vi).toContain('Chỉ nhận tệp PDF');
  });

  it('refuses an executable, whatever its name', async () => {
    const res = await upload(
      who['ht.thso1tinhkhe']!,
      dossierId,
      'GIAY_KHAI_SINH',
      'giay-khai-sinh.pdf',
      'application/pdf',
      EXE,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('file.invalid');
  });

  it("applies the document's size limit (1 MB here)", async () => {
    const big = await upload(
      who['ht.thso1tinhkhe']!,
      pdfOnlyId,
      'DON',
      'don.pdf',
      'application/pdf',
      pdfOf(1024 * 1024 + 1),
    );
    expect(big.status).toBe(400);
    expect(big.body.error.messages.en).toContain('larger than 1 MB');
    const ok = await upload(who['ht.thso1tinhkhe']!, pdfOnlyId, 'DON', 'don.pdf', 'application/pdf', pdfOf(512 * 1024));
    expect(ok.status).toBe(201);
  });

  it('refuses an unknown document, an empty file and a request that is not multipart', async () => {
    expect(
      (await upload(who['ht.thso1tinhkhe']!, dossierId, 'KHONG_CO', 'a.pdf', 'application/pdf', pdfOf(100))).body.error
        .code,
    ).toBe('request.invalid');
    expect(
      (await upload(who['ht.thso1tinhkhe']!, dossierId, 'GIAY_KHAI_SINH', 'a.pdf', 'application/pdf', Buffer.alloc(0)))
        .status,
    ).toBe(400);
    const plain = await who['ht.thso1tinhkhe']!.post(
      `/api/dossiers/${dossierId}/attachments?documentCode=GIAY_KHAI_SINH`,
      {},
    );
    expect(plain.body.error.code).toBe('file.invalid');
  });

  it('gives the file back with its sniffed type and a UTF-8 file name', async () => {
    const c = who['ht.thso1tinhkhe']!;
    const res = await ctx.app.inject({
      url: `/api/dossiers/${dossierId}/attachments/${attachmentId}`,
      headers: { cookie: c.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Giay_khai_sinh.png"; filename*=UTF-8''${encodeURIComponent('Giấy khai sinh.png')}`,
    );
    expect(res.rawPayload.equals(PNG)).toBe(true);
    const audit = (await who.admin!.get(`/api/audit?entityId=${dossierId}&action=dossiers.attachment`)).body.items;
    expect(audit[0].action).toBe('dossiers.attachment.download');
  });

  it('lets the commune officer above the school download it, and nobody from another school', async () => {
    const url = `/api/dossiers/${dossierId}/attachments/${attachmentId}`;
    const get = (c: Client) => ctx.app.inject({ url, headers: { cookie: c.cookie } });
    expect((await get(who['xa.tinhkhe']!)).statusCode).toBe(200);
    expect((await get(who['ht.thdakha']!)).statusCode).toBe(403);
    expect((await get(who['gv.tranquoctuan']!)).statusCode).toBe(403);
    expect((await ctx.app.inject({ url })).statusCode).toBe(401);
  });
});

describe('who may attach when', () => {
  it('lets the applicant attach only while drafting or supplementing; the unit until a decision', async () => {
    const key = 'hmac-att-000000003';
    const d = await engine.applicants.createDraft(applicant, {
      procedureCode: 'TEST_PDF_ONLY',
      unitId: schoolA,
      applicantKey: key,
      contact: { email: 'ph@example.com' },
    });
    await engine.attachments.attachAsApplicant(applicant, d.dossierId, key, {
      documentCode: 'DON',
      filename: 'd.pdf',
      body: pdfOf(200),
    });
    await engine.applicants.submit(applicant, d.dossierId, key);
    await expect(
      engine.attachments.attachAsApplicant(applicant, d.dossierId, key, {
        documentCode: 'DON',
        filename: 'd.pdf',
        body: pdfOf(200),
      }),
    ).rejects.toMatchObject({ code: 'dossier.invalid_transition' });
    expect(
      (await upload(who['ht.thso1tinhkhe']!, d.dossierId, 'DON', 'ban-giay.pdf', 'application/pdf', pdfOf(300))).status,
    ).toBe(201);
    expect((await upload(who['ht.thdakha']!, d.dossierId, 'DON', 'x.pdf', 'application/pdf', pdfOf(300))).status).toBe(
      403,
    );
    await expect(
      engine.attachments.attachAsApplicant(applicant, d.dossierId, 'wrong-key-000000', {
        documentCode: 'DON',
        filename: 'd.pdf',
        body: pdfOf(200),
      }),
    ).rejects.toMatchObject({ code: 'resource.not_found' });
  });
});
