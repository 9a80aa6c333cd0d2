import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DossierEngine, dossierEngine } from '../../src/server/modules/dossiers/dossier-engine.ts';
import type { AnonymousActor } from '../../src/server/platform/actor.ts';
import { addWorkingDays, endOfDay, receiptDay } from '../../src/server/platform/calendar/calendar.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * The life cycle of a grade-1 dossier at Trường Tiểu học số 1 Tịnh Khê: a parent drafts,
 * uploads, files; the principal reviews, asks for a supplement; the parent supplements; the
 * principal approves. Deadlines, the overdue flag, invalid steps, the two timelines, the outbox
 * and the audit trail along the way.
 */
let ctx: TestContext;
let engine: DossierEngine;
let principal: Client;
let admin: Client;
let schoolA: string;
const applicant: AnonymousActor = { kind: 'anonymous', requestId: null, ip: null, locale: 'vi' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

const draftInput = (applicantKey: string, extra: object = {}) => ({
  procedureCode: 'TS_LOP1',
  unitId: schoolA,
  applicantKey,
  contact: { email: 'phuhuynh@example.com', phone: '0905123456' },
  form: { childName: 'Nguyễn Văn An (dữ liệu mô phỏng)' },
  ...extra,
});

beforeAll(async () => {
  ctx = await createTestContext();
  engine = dossierEngine(ctx.platform);
  principal = await login(ctx, 'ht.thso1tinhkhe');
  admin = await login(ctx, 'admin');
  schoolA = (await principal.get('/api/auth/me')).body.user.grants[0].unitId;
});
afterAll(() => ctx.close());

async function filedDossier(key: string) {
  const d = await engine.applicants.createDraft(applicant, draftInput(key));
  await engine.attachments.attachAsApplicant(applicant, d.dossierId, key, {
    documentCode: 'GIAY_KHAI_SINH',
    filename: 'giay-khai-sinh.pdf',
    body: PDF,
  });
  return engine.applicants.submit(applicant, d.dossierId, key);
}

const act = async (id: string, action: string, extra: object = {}) => {
  const version = (await principal.get(`/api/dossiers/${id}`)).body.version;
  return principal.post(`/api/dossiers/${id}/actions`, { action, expectedVersion: version, ...extra });
};

describe('life cycle', () => {
  let id: string;
  const key = 'hmac-child-000000000001';

  it("keeps a draft out of the unit's queue and refuses to file it without the required documents", async () => {
    const d = await engine.applicants.createDraft(applicant, draftInput(key));
    id = d.dossierId;
    expect(d).toMatchObject({ state: 'draft', code: null, version: 1 });
    const queue = (await principal.get('/api/dossiers?pageSize=200')).body.items.map((x: { id: string }) => x.id);
    expect(queue).not.toContain(id);
    await expect(engine.applicants.submit(applicant, id, key)).rejects.toMatchObject({
      code: 'request.invalid',
      details: [{ path: 'documents.GIAY_KHAI_SINH' }],
    });
  });

  it('files the dossier: a code, the receipt time and a deadline in working days', async () => {
    await engine.attachments.attachAsApplicant(applicant, id, key, {
      documentCode: 'GIAY_KHAI_SINH',
      filename: 'gks.pdf',
      body: PDF,
    });
    const r = await engine.applicants.submit(applicant, id, key, { idempotencyKey: 'submit-key-0001' });
    expect(r.code).toMatch(new RegExp(`^TS1-${new Date().getFullYear()}-\\d{6}$`));
    expect(r.state).toBe('submitted');
    const cal = await engine.calendar.get();
    expect(r.dueAt).toBe(addWorkingDays(r.receivedAt, 5, cal).toISOString());
    expect(new Date(r.dueAt!).getTime()).toBeGreaterThan(endOfDay(receiptDay(r.receivedAt, cal)).getTime());
  });

  it("lists the dossier in the school's queue, not overdue", async () => {
    const page = (await principal.get('/api/dossiers?procedure=TS_LOP1&state=submitted')).body;
    const item = page.items.find((x: { id: string }) => x.id === id);
    expect(item).toMatchObject({ state: 'submitted', overdue: false, procedureName: { vi: 'Tuyển sinh vào lớp 1' } });
    expect(item.unitName).toContain('Tịnh Khê');
  });

  it('refuses steps the state machine does not allow, and a supplement request without a reason', async () => {
    const approve = await act(id, 'approve');
    expect(approve.status).toBe(409);
    expect(approve.body.error.code).toBe('dossier.invalid_transition');
    expect((await act(id, 'start_review')).status).toBe(200);
    const noReason = await act(id, 'request_supplement');
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path).toBe('body.reason');
    const bogus = await principal.post(`/api/dossiers/${id}/actions`, { action: 'submit', expectedVersion: 1 });
    expect(bogus.status).toBe(400);
  });

  it('asks for a supplement, stopping the clock, and the parent supplements', async () => {
    const res = await act(id, 'request_supplement', {
      reason: 'Ảnh giấy khai sinh bị mờ',
      details: { documents: ['GIAY_KHAI_SINH'], note: 'Chụp lại bản rõ nét' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'supplement_requested', overdue: false, allowedActions: [] });
    await engine.attachments.attachAsApplicant(applicant, id, key, {
      documentCode: 'GIAY_KHAI_SINH',
      filename: 'gks-2.png',
      body: PNG,
    });
    const back = await engine.applicants.resubmit(applicant, id, key, { note: 'Đã chụp lại' });
    expect(back.state).toBe('resubmitted');
    const row = await ctx.platform.db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.remaining_days).toBeNull();
    expect(row.due_at!.getTime()).toBeGreaterThanOrEqual(Date.now());
  });

  it('reviews again and approves', async () => {
    expect((await act(id, 'start_review')).status).toBe(200);
    const res = await act(id, 'approve');
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('approved');
    expect(res.body.decidedAt).not.toBeNull();
    expect(res.body.allowedActions).toEqual([]);
  });

  it('keeps every step with its actor, time and reason for staff', async () => {
    const d = (await principal.get(`/api/dossiers/${id}`)).body;
    expect(d.transitions.map((t: { action: string }) => t.action)).toEqual([
      'create',
      'submit',
      'start_review',
      'request_supplement',
      'resubmit',
      'start_review',
      'approve',
    ]);
    const ask = d.transitions[3];
    expect(ask).toMatchObject({ actorKind: 'user', actorName: 'Nguyễn Văn Thành', reason: 'Ảnh giấy khai sinh bị mờ' });
    expect(ask.details).toEqual({ documents: ['GIAY_KHAI_SINH'], note: 'Chụp lại bản rõ nét' });
    expect(d.transitions[1]).toMatchObject({ actorKind: 'applicant', actorName: null });
    expect(d.attachments).toHaveLength(2);
    expect(d.form).toEqual({ childName: 'Nguyễn Văn An (dữ liệu mô phỏng)' });
  });

  it('shows the applicant a timeline with public reasons and no staff names', async () => {
    const t = await engine.applicants.getPublicTimeline(id, key);
    expect(t.state).toBe('approved');
    expect(t.events.map((e) => e.by)).toEqual(['applicant', 'applicant', 'unit', 'unit', 'applicant', 'unit', 'unit']);
    expect(t.events[3]).toMatchObject({ reason: 'Ảnh giấy khai sinh bị mờ', byLabel: { vi: 'Trường/Đơn vị xử lý' } });
    expect(JSON.stringify(t)).not.toContain('Nguyễn Văn Thành');
    await expect(engine.applicants.getPublicTimeline(id, 'someone-elses-key')).rejects.toMatchObject({
      code: 'resource.not_found',
    });
  });

  it('cannot be withdrawn once decided', async () => {
    await expect(engine.applicants.withdraw(applicant, id, key, 'Đổi ý')).rejects.toMatchObject({
      code: 'dossier.invalid_transition',
    });
  });

  it('wrote an e-mail and an SMS to the outbox with each step, in Vietnamese', async () => {
    const page = (await admin.get(`/api/notify/outbox?dossierId=${id}&pageSize=50`)).body;
    expect(page.total).toBe(12);
    const emails = page.items.filter((o: { channel: string }) => o.channel === 'email').reverse();
    expect(emails.map((o: { template: string }) => o.template)).toEqual([
      'dossier.submit',
      'dossier.start_review',
      'dossier.request_supplement',
      'dossier.resubmit',
      'dossier.start_review',
      'dossier.approve',
    ]);
    expect(emails[2].subject).toMatch(/^Hồ sơ TS1-\d{4}-\d{6}: Yêu cầu bổ sung$/);
    expect(emails[2].body).toContain('Lý do: Ảnh giấy khai sinh bị mờ');
    expect(emails[2].body).toContain('Giấy tờ cần bổ sung: Bản sao giấy khai sinh.');
    expect(emails[2].recipient).toBe('phuhuynh@example.com');
    const sms = page.items.find((o: { channel: string }) => o.channel === 'sms');
    expect(sms.recipient).toBe('0905123456');
    expect(sms.body).not.toMatch(/[^\x20-\x7e…—]/);
  });

  it('audited every change against the school', async () => {
    const audit = (await admin.get(`/api/audit?entityType=dossier&entityId=${id}&pageSize=50`)).body.items;
    const actions = audit.map((a: { action: string }) => a.action);
    for (const a of [
      'dossiers.create',
      'dossiers.attach',
      'dossiers.submit',
      'dossiers.request_supplement',
      'dossiers.approve',
    ])
      expect(actions).toContain(a);
    expect(audit.every((a: { unitId: string }) => a.unitId === schoolA)).toBe(true);
  });
});

describe('overdue', () => {
  it('flags a dossier the unit holds past its deadline, and not while the applicant supplements', async () => {
    const r = await filedDossier('hmac-child-000000000002');
    await sql`UPDATE dossiers SET due_at = now() - interval '1 day' WHERE id = ${r.dossierId}`.execute(ctx.platform.db);
    const overdue = (await principal.get('/api/dossiers?overdue=true&pageSize=200')).body.items;
    expect(overdue.map((x: { id: string }) => x.id)).toContain(r.dossierId);
    expect((await principal.get(`/api/dossiers/${r.dossierId}`)).body.overdue).toBe(true);
    const onTime = (await principal.get('/api/dossiers?overdue=false&pageSize=200')).body.items;
    expect(onTime.map((x: { id: string }) => x.id)).not.toContain(r.dossierId);

    await act(r.dossierId, 'start_review');
    const asked = await act(r.dossierId, 'request_supplement', { reason: 'Thiếu giấy tờ' });
    expect(asked.body.overdue).toBe(false);
    const row = await ctx.platform.db
      .selectFrom('dossiers')
      .selectAll()
      .where('id', '=', r.dossierId)
      .executeTakeFirstOrThrow();
    expect(row.remaining_days).toBe(0);
  });
});

describe('window and procedure', () => {
  it("refuses a dossier after the module's deadline or for an inactive procedure", async () => {
    await expect(
      engine.applicants.createDraft(applicant, draftInput('hmac-child-000000000003'), {
        openUntil: new Date(Date.now() - 1000),
      }),
    ).rejects.toMatchObject({ code: 'dossier.window_closed' });
    await expect(
      engine.applicants.createDraft(applicant, {
        ...draftInput('hmac-child-000000000003'),
        procedureCode: 'BANSAO_VB',
      }),
    ).rejects.toMatchObject({ code: 'request.invalid', details: [{ path: 'unitId' }] });
  });

  it('withdraws a draft with a reason, and a filed dossier before a decision', async () => {
    const d = await engine.applicants.createDraft(applicant, draftInput('hmac-child-000000000004'));
    expect(
      (await engine.applicants.withdraw(applicant, d.dossierId, 'hmac-child-000000000004', 'Nhầm trường')).state,
    ).toBe('withdrawn');
    const r = await filedDossier('hmac-child-000000000005');
    const w = await engine.applicants.withdraw(applicant, r.dossierId, 'hmac-child-000000000005', 'Chuyển nơi ở');
    expect(w).toMatchObject({ state: 'withdrawn', code: r.code });
  });
});
