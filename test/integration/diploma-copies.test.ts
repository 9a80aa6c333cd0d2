import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { archiveServices } from '../../src/server/modules/archive/archive.module.ts';
import { setOtpSender } from '../../src/server/platform/otp/otp-provider.ts';
import { MemoryOtpSender } from '../../src/server/platform/otp/otp-sender.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { makeFonds, makeUser } from './archive-support.ts';

let ctx: TestContext;
let admin: Client;
let teacher: Client;
let entryId: string;
const sender = new MemoryOtpSender();
let ipCounter = 0;
const ip = () => `10.7.${Math.floor(++ipCounter / 200)}.${ipCounter % 200}`;

beforeAll(async () => {
  ctx = await createTestContext();
  setOtpSender(ctx.platform, sender);
  admin = await login(ctx, 'admin');
  teacher = await login(ctx, 'gv.tranquoctuan');
  const db = ctx.database.db;
  const so = await db.selectFrom('org_units').select('id').where('code', '=', 'KTM.SGD').executeTakeFirstOrThrow();
  const { rows } = await sql<{ id: string }>`
    INSERT INTO diploma_registers (type_code, year, issuing_unit_id, issuing_unit_name)
    VALUES ('thpt', 2012, ${so.id}, 'Sở Giáo dục và Đào tạo tỉnh Kon Tum') RETURNING id`.execute(db);
  const e = await sql<{ id: string }>`
    INSERT INTO diploma_entries (register_id, type_code, year, register_no, serial, full_name, birth_year, birth_month,
      birth_day, birth_place, gender, ethnicity, school_name, classification, decision_no, decision_date)
    VALUES (${rows[0]!.id}, 'thpt', 2012, '17', 'KT 0012345', 'Đinh Thị Ánh Hồng', 1994, 8, 15, 'Đăk Tô', 'female',
      'Xơ Đăng', 'Trường THPT Kon Tum', 'Khá', '512/QĐ-SGDĐT', '2012-07-20'),
      (${rows[0]!.id}, 'thpt', 2012, '18', 'KT 0012346', 'Đinh Thị Ánh Hồng', 1994, 2, 1, 'Kon Tum', 'female',
      'Kinh', 'Trường THPT Kon Tum', 'Giỏi', '512/QĐ-SGDĐT', '2012-07-20')
    RETURNING id`.execute(db);
  entryId = e.rows[0]!.id;
});
afterAll(() => ctx?.close());
afterEach(() => {
  vi.useRealTimers();
});

/** Asks for and verifies a one-time code to `phone`, as the citizen does before the form. */
async function token(phone: string): Promise<string> {
  const from = ip();
  const post = (url: string, payload: object) => ctx.app.inject({ method: 'POST', url, payload, remoteAddress: from });
  const purpose = 'dossiers.track';
  expect((await post('/api/public/otp/request', { channel: 'sms', address: phone, purpose })).statusCode).toBe(200);
  const code = sender.lastCode(`+84${phone.slice(1)}`)!;
  const res = await post('/api/public/otp/verify', { channel: 'sms', address: phone, purpose, code });
  expect(res.statusCode).toBe(200);
  return res.json().token;
}

const form = (over: Record<string, unknown> = {}) => ({
  requesterKind: 'holder',
  requesterName: 'Đinh Thị Ánh Hồng',
  holderName: 'Đinh Thị Ánh Hồng',
  birthDate: '15/08/1994',
  typeCode: 'thpt',
  graduationYear: 2012,
  schoolName: 'THPT Kon Tum',
  serial: 'KT0012345',
  copies: 2,
  delivery: 'pickup',
  expectedTotalVnd: 20000,
  ...over,
});

async function apply(tok: string, body: object, key = randomUUID()) {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/public/diploma-copies/requests',
    headers: { 'x-otp-token': tok, 'idempotency-key': key },
    payload: body,
  });
  return { status: res.statusCode, body: res.json() };
}

/** A multipart request with the proof of the right to ask. */
async function applyWithProof(tok: string, body: object, proof: Buffer) {
  const boundary = `gds${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(body)}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="proof"; filename="uy-quyen.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    proof,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/public/diploma-copies/requests',
    headers: {
      'x-otp-token': tok,
      'idempotency-key': randomUUID(),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
  return { status: res.statusCode, body: res.json() };
}

const verify = async (query: Record<string, string>) => {
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/public/diplomas/copies/verify?${new URLSearchParams(query)}`,
    remoteAddress: ip(),
  });
  return { status: res.statusCode, body: res.json(), raw: res.body };
};

async function issue(dossierId: string, entry = entryId) {
  const d = await admin.get(`/api/diploma-copies/requests/${dossierId}`);
  return admin.post(`/api/diploma-copies/requests/${dossierId}/issue`, {
    entryId: entry,
    expectedVersion: d.body.dossier.version,
  });
}

const PDF_PROOF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('the copy procedure end to end', () => {
  let tok: string;
  let code: string;
  let dossierId: string;

  it('shows the fee table and the cut-off before the form', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/public/diploma-copies/options' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ fees: { perCopyVnd: 10000, postalVnd: 30000 }, cutoff: '15:00' });
    expect(res.json().types.map((t: { code: string }) => t.code)).toContain('thpt');
  });

  it('files a request with a verified contact and gives a receipt with the fee and the deadline', async () => {
    tok = await token('0905111001');
    const key = randomUUID();
    const r = await apply(tok, form(), key);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ state: 'submitted', copies: 2, delivery: 'pickup', proofAttached: false });
    expect(r.body.fee).toEqual({ perCopyVnd: 10000, postalVnd: 0, totalVnd: 20000 });
    expect(r.body.code).toMatch(/^BSVB-\d{4}-\d+$/);
    code = r.body.code;
    dossierId = r.body.dossierId;
    // A retry with the same key: the same receipt, nothing filed twice.
    const again = await apply(tok, form(), key);
    expect(again.status).toBe(201);
    expect(again.body.code).toBe(code);
  });

  it('refuses without a verified contact, and a fee the table does not give', async () => {
    expect((await apply('nope', form())).status).toBe(401);
    const wrong = await apply(tok, form({ expectedTotalVnd: 15000 }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('request.invalid');
    const post = await apply(tok, form({ delivery: 'post' }));
    expect(post.status).toBe(400);
    expect(JSON.stringify(post.body.error.details)).toContain('postalAddress');
  });

  it('adds the postal fee for delivery by post', async () => {
    const r = await apply(
      tok,
      form({ delivery: 'post', postalAddress: '12 Lê Lợi, phường Nghĩa Chánh, Quảng Ngãi', expectedTotalVnd: 50000 }),
    );
    expect(r.status).toBe(201);
    expect(r.body.fee).toEqual({ perCopyVnd: 10000, postalVnd: 30000, totalVnd: 50000 });
  });

  it('lists the request in the staff queue with candidates from the register, the serial first', async () => {
    const q = await admin.get('/api/diploma-copies/requests?state=open');
    expect(q.status).toBe(200);
    expect(q.body.items.map((i: { code: string }) => i.code)).toContain(code);
    const c = await admin.get(`/api/diploma-copies/requests/${dossierId}/candidates`);
    expect(c.status).toBe(200);
    expect(c.body.items[0]).toMatchObject({ id: entryId, serial: 'KT 0012345' });
    expect(c.body.items[0].reasons).toEqual(expect.arrayContaining(['serial', 'name', 'birth', 'year']));
    expect(c.body.items.length).toBe(2);
    expect(c.body.items[1].reasons).not.toContain('serial');
    expect((await teacher.get(`/api/diploma-copies/requests/${dossierId}`)).status).toBe(403);
    expect((await teacher.get('/api/diploma-copies/requests')).status).toBe(403);
  });

  it('issues a numbered, signed copy, approves the dossier and tells the citizen', async () => {
    const r = await issue(dossierId);
    expect(r.status).toBe(200);
    expect(r.body.dossier.state).toBe('approved');
    expect(r.body.copy.copyNumber).toMatch(/^1\/\d{4}\/BS$/);
    expect(r.body.copy.checkCode).toMatch(/^[0-9A-Z]{8}$/);
    expect(r.body.copy.verificationUrl).toContain(
      `/van-bang/tra-cuu?ban-sao=${encodeURIComponent(r.body.copy.copyNumber)}&ma=${r.body.copy.checkCode}`,
    );
    expect(r.body.deliveryStatus).toBe('ready_for_pickup');
    const outbox = await sql<{ template: string; body: string }>`
      SELECT template, body FROM notification_outbox WHERE dossier_id = ${dossierId} ORDER BY id`.execute(
      ctx.database.db,
    );
    expect(outbox.rows.map((o) => o.template)).toContain('dossier.approve');
    const audit = await sql<{ action: string }>`
      SELECT action FROM audit_log WHERE action = 'diploma_copies.issue'`.execute(ctx.database.db);
    expect(audit.rows.length).toBe(1);
    // Issuing twice is refused.
    expect((await issue(dossierId)).status).toBe(409);
  });

  it('lets the citizen download the signed PDF, whose signature is valid', async () => {
    const status = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/diploma-copies/requests/${code}`,
      headers: { 'x-otp-token': tok },
    });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ state: 'approved', deliveryStatus: 'ready_for_pickup' });
    const copy = status.json().copy;
    const pdf = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/diploma-copies/requests/${code}/copy.pdf`,
      headers: { 'x-otp-token': tok },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.rawPayload;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(copy.sha256);
    const reports = await ctx.platform.signing.verify(bytes);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ valid: true, subFilter: 'ETSI.CAdES.detached' });
    // Someone else's verified phone does not see it.
    const other = await token('0905111999');
    const foreign = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/diploma-copies/requests/${code}/copy.pdf`,
      headers: { 'x-otp-token': other },
    });
    expect(foreign.statusCode).toBe(404);
    // A byte changed in the signed range breaks the signature.
    const tampered = Buffer.from(bytes);
    const at = tampered.indexOf('/Title');
    tampered[at + 1] = tampered[at + 1]! ^ 0x01;
    const bad = await ctx.platform.signing.verify(tampered);
    expect(bad[0]?.valid).toBe(false);
  });

  it('files the decided dossier in the archive, with the signed copy among its documents', async () => {
    const archivist = await makeUser(ctx, 'luutru.bansao', 'archivist', 'QNG.SGD');
    await makeFonds(ctx, archivist);
    const run = await archiveServices(ctx.platform).intake.sweep();
    expect(run.archived).toBeGreaterThanOrEqual(1);
    const db = ctx.database.db;
    const file = await sql<{ id: string; code: string; access_level: string; title: string }>`
      SELECT id, code, access_level, title FROM archive_files WHERE source_dossier_id = ${dossierId}`.execute(db);
    expect(file.rows).toHaveLength(1);
    expect(file.rows[0]!.access_level).toBe('restricted');
    expect(file.rows[0]!.code).toMatch(/^000\.00\.31\.H48\.\d{4}\.TTHC-\d{4}$/);
    const docs = await sql<{ title: string; sha256: string }>`
      SELECT d.title, f.sha256 FROM archive_documents d JOIN stored_files f ON f.id = d.stored_file_id
      WHERE d.file_id = ${file.rows[0]!.id} ORDER BY d.seq`.execute(db);
    const copy = await sql<{ sha256: string; copy_number: string }>`
      SELECT sha256, copy_number FROM diploma_copies WHERE dossier_id = ${dossierId}`.execute(db);
    const signed = docs.rows.find((d) => d.sha256 === copy.rows[0]!.sha256);
    expect(signed?.title).toContain(copy.rows[0]!.copy_number);
    expect(docs.rows[0]!.title).toMatch(/^Tóm tắt quá trình giải quyết hồ sơ/);
    // A second sweep files nothing twice.
    await archiveServices(ctx.platform).intake.sweep();
    const again = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM archive_files WHERE source_dossier_id = ${dossierId}`.execute(db);
    expect(again.rows[0]!.n).toBe(1);
  });

  it('verifies the copy publicly by number and check code, with the signature', async () => {
    const d = await admin.get(`/api/diploma-copies/requests/${dossierId}`);
    const { copyNumber, checkCode } = d.body.copy;
    const ok = await verify({ so: copyNumber, ma: checkCode.toLowerCase() });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      found: true,
      copy: {
        copyNumber,
        holderName: 'Đinh Thị Ánh Hồng',
        serial: 'KT 0012345',
        year: 2012,
        issuingUnitName: 'Sở Giáo dục và Đào tạo tỉnh Kon Tum',
        typeName: 'Bằng tốt nghiệp trung học phổ thông',
      },
      signature: { valid: true, intact: true, signatureValid: true, trusted: true, demo: true },
    });
    for (const secret of ['Xơ Đăng', 'Đăk Tô', '1994']) expect(ok.raw).not.toContain(secret);
    const wrongCode = await verify({ so: copyNumber, ma: 'AAAAAAAA' });
    const unknown = await verify({ so: '999/2026/BS', ma: checkCode });
    expect(wrongCode.body).toEqual({ found: false, copy: null, signature: null });
    expect(unknown.raw).toBe(wrongCode.raw);
  });

  it('reports a tampered stored file as failing verification', async () => {
    const d = await admin.get(`/api/diploma-copies/requests/${dossierId}`);
    const { copyNumber, checkCode } = d.body.copy;
    const row = await sql<{ storage_key: string }>`
      SELECT f.storage_key FROM diploma_copies c JOIN stored_files f ON f.id = c.file_id
      WHERE c.copy_number = ${copyNumber}`.execute(ctx.database.db);
    const key = row.rows[0]!.storage_key;
    const chunks: Buffer[] = [];
    for await (const c of await ctx.platform.storage.get(key)) chunks.push(Buffer.from(c as Uint8Array));
    const original = Buffer.concat(chunks);
    // One letter of the document information changed (inside the signed byte range).
    const edited = Buffer.from(original);
    const pos = edited.indexOf('/Producer');
    edited[pos + 2] = edited[pos + 2]! ^ 0x20;
    await ctx.platform.storage.put(key, edited, 'application/pdf');
    const r = await verify({ so: copyNumber, ma: checkCode });
    expect(r.body.found).toBe(true);
    expect(r.body.signature).toMatchObject({ valid: false, intact: false });
    await ctx.platform.storage.put(key, original, 'application/pdf');
    expect((await verify({ so: copyNumber, ma: checkCode })).body.signature.valid).toBe(true);
  });

  it('marks the pickup, in order', async () => {
    expect((await admin.post(`/api/diploma-copies/requests/${dossierId}/delivery`, { status: 'posted' })).status).toBe(
      409,
    );
    const r = await admin.post(`/api/diploma-copies/requests/${dossierId}/delivery`, { status: 'picked_up' });
    expect(r.status).toBe(200);
    expect(r.body.deliveryStatus).toBe('picked_up');
  });
});

describe('copy numbers', () => {
  it('run consecutively per year, and the database refuses a skipped, repeated or changed number', async () => {
    const tok = await token('0905111002');
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await apply(tok, form({ copies: 1, expectedTotalVnd: 10000 }));
      expect(r.status).toBe(201);
      const issued = await issue(r.body.dossierId);
      expect(issued.status).toBe(200);
      numbers.push(issued.body.copy.copyNumber);
    }
    const seqs = numbers.map((n) => Number(n.split('/')[0]));
    expect(seqs[1]! - seqs[0]!).toBe(1);
    expect(seqs[2]! - seqs[1]!).toBe(1);
    const db = ctx.database.db;
    const last = await sql<Record<string, unknown>>`SELECT * FROM diploma_copies ORDER BY seq DESC LIMIT 1`.execute(db);
    const c = last.rows[0]!;
    // A request without a copy yet (the postal one), so that only the number can be at fault.
    const free = await sql<{ dossier_id: string }>`SELECT dossier_id FROM diploma_copy_requests
      WHERE dossier_id NOT IN (SELECT dossier_id FROM diploma_copies) LIMIT 1`.execute(db);
    const insert = (seq: number) =>
      sql`INSERT INTO diploma_copies (dossier_id, entry_id, year, seq, check_code, file_id, sha256, copies, public_fields, signer_name)
        VALUES (${free.rows[0]!.dossier_id}, ${c.entry_id}, ${c.year}, ${seq}, 'ABCDEFGH', ${c.file_id}, ${c.sha256}, 1, '{}', 'x')`.execute(
        db,
      );
    await expect(insert(Number(c.seq) + 2)).rejects.toThrow(/foreign key/);
    await expect(insert(Number(c.seq))).rejects.toThrow(/duplicate key/);
    await expect(sql`UPDATE diploma_copies SET seq = 99 WHERE id = ${c.id}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM diploma_copies WHERE id = ${c.id}`.execute(db)).rejects.toThrow(/append-only/);
  });
});

describe('someone other than the holder', () => {
  it('must send proof of the right to ask, which staff see before issuing', async () => {
    const tok = await token('0905111003');
    const mother = form({ requesterKind: 'relative', requesterName: 'Y Lan', relationship: 'mẹ' });
    const without = await apply(tok, mother);
    expect(without.status).toBe(400);
    expect(JSON.stringify(without.body.error.details)).toContain('proof');
    const notPdf = await applyWithProof(tok, mother, Buffer.from('plain text'));
    expect(notPdf.status).toBe(400);
    const r = await applyWithProof(tok, mother, PDF_PROOF);
    expect(r.status).toBe(201);
    expect(r.body.proofAttached).toBe(true);
    const d = await admin.get(`/api/diploma-copies/requests/${r.body.dossierId}`);
    expect(d.body.proofRequired).toBe(true);
    expect(d.body.proof).toHaveLength(1);
    expect(d.body.form).toMatchObject({ requesterKind: 'relative', relationship: 'mẹ' });
    expect((await issue(r.body.dossierId)).status).toBe(200);
  });
});

describe('refusal', () => {
  it('needs a reason, which the citizen reads on the status page', async () => {
    const tok = await token('0905111004');
    const r = await apply(tok, form({ holderName: 'Không Có Trong Sổ', serial: '' }));
    expect(r.status).toBe(201);
    const d = await admin.get(`/api/diploma-copies/requests/${r.body.dossierId}`);
    const short = await admin.post(`/api/diploma-copies/requests/${r.body.dossierId}/reject`, {
      reason: 'x',
      expectedVersion: d.body.dossier.version,
    });
    expect(short.status).toBe(400);
    const stale = await admin.post(`/api/diploma-copies/requests/${r.body.dossierId}/reject`, {
      reason: 'Không tìm thấy văn bằng trong sổ gốc.',
      expectedVersion: d.body.dossier.version + 5,
    });
    expect(stale.status).toBe(409);
    const ok = await admin.post(`/api/diploma-copies/requests/${r.body.dossierId}/reject`, {
      reason: 'Không tìm thấy văn bằng trong sổ gốc.',
      expectedVersion: d.body.dossier.version,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.dossier.state).toBe('rejected');
    const status = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/diploma-copies/requests/${r.body.code}`,
      headers: { 'x-otp-token': tok },
    });
    expect(status.json().state).toBe('rejected');
    expect(JSON.stringify(status.json().timeline)).toContain('Không tìm thấy văn bằng trong sổ gốc.');
    expect(status.json().copy).toBeNull();
  });
});

describe('deadline', () => {
  /** Files at a fixed instant (the clock of this process: the server runs in it). */
  async function dueWhenFiledAt(iso: string): Promise<string> {
    const tok = await token(`09051120${String(++ipCounter % 100).padStart(2, '0')}`);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(iso));
    const r = await apply(tok, form({ copies: 1, expectedTotalVnd: 10000 }));
    vi.useRealTimers();
    expect(r.status).toBe(201);
    return r.body.dueAt;
  }

  it('is the same working day before 15:00 and the next working day after', async () => {
    // Tuesday 24/11/2026, 14:59 and 15:00 in Hanoi (UTC+7).
    expect(await dueWhenFiledAt('2026-11-24T07:59:00Z')).toBe('2026-11-24T16:59:59.999Z');
    expect(await dueWhenFiledAt('2026-11-24T08:00:00Z')).toBe('2026-11-25T16:59:59.999Z');
    // Friday 27/11/2026 after 15:00 → Monday 30/11.
    expect(await dueWhenFiledAt('2026-11-27T09:30:00Z')).toBe('2026-11-30T16:59:59.999Z');
    // Before Tết 2026 (16–20/02 off): Friday 13/02 at 16:00 → Monday 23/02.
    expect(await dueWhenFiledAt('2026-02-13T09:00:00Z')).toBe('2026-02-23T16:59:59.999Z');
  });
});
