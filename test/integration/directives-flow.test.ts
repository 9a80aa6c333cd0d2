import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayInVietnam } from '../../src/server/modules/directives/directive-rules.ts';
import { directiveServices } from '../../src/server/modules/directives/directives.module.ts';
import { directiveResponses } from '../../src/server/modules/directives/directives.read-model.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { makeUser, unitId } from './archive-support.ts';

/**
 * Directives end to end on the demo province: the Sở drafts and issues to all upper-secondary
 * schools, schools read and answer, the issuer follows reads, answers and lateness, reminds
 * (once per unit and day), exports; schools see only what is addressed to them.
 */
let ctx: TestContext;
const who: Record<string, Client> = {};
const ids: Record<string, string> = {};
const counts: Record<string, number> = {};
const today = dayInVietnam();
const shift = (days: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const draft = (over: Record<string, unknown> = {}) => ({
  issuerUnitId: ids.so,
  number: '1234/SGDĐT-GDTrH',
  docDate: today,
  title: 'Báo cáo kết quả chuyển đổi số năm học 2025–2026',
  summary: 'Các trường THPT báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số.',
  responseKind: 'text',
  deadline: shift(10),
  selection: { by: 'level', levels: ['thpt'] },
  ...over,
});

async function issueNew(client: Client, over: Record<string, unknown> = {}): Promise<string> {
  const c = await client.post('/api/directives', draft(over));
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  const i = await client.post(`/api/directives/${c.body.id}/issue`);
  expect(i.status, JSON.stringify(i.body)).toBe(200);
  return c.body.id;
}

async function thptCount(): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT count(*) AS n FROM schools s JOIN org_units u ON u.id = s.unit_id
    WHERE 'thpt' = ANY (s.levels) AND (u.valid_to IS NULL OR u.valid_to >= ${today}::date)`.execute(ctx.platform.db);
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  ctx = await createTestContext();
  who.gdtrh = await login(ctx, 'so.gdtrh');
  who.tqt = await login(ctx, 'ht.tranquoctuan');
  who.th1 = await login(ctx, 'ht.thso1tinhkhe');
  who.xa = await login(ctx, 'xa.tinhkhe');
  who.it = await login(ctx, 'cntt.thso1tinhkhe');
  who.kontum = await makeUser(ctx, 'ht.thptkontum', 'principal', '62000134');
  ids.so = await unitId(ctx, 'QNG.SGD');
  ids.tqt = await unitId(ctx, '51000138');
  ids.kontum = await unitId(ctx, '62000134');
  ids.tinhkhe = await unitId(ctx, 'QNG.X001');
}, 60_000);
afterAll(() => ctx?.close());

describe('drafting and validation', () => {
  it('refuses a draft with missing fields, naming each field', async () => {
    const r = await who.gdtrh!.post('/api/directives', {
      ...draft(),
      title: ' ',
      selection: { by: 'level', levels: [] },
    });
    expect(r.status).toBe(400);
    const paths = r.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.selection.levels']));
  });

  it('refuses an issuing unit outside the caller’s own units, and a principal altogether', async () => {
    const r = await who.gdtrh!.post('/api/directives', draft({ issuerUnitId: ids.tqt }));
    expect(r.status).toBe(422);
    expect(r.body.error.details[0].path).toBe('body.issuerUnitId');
    const p = await who.tqt!.post('/api/directives', draft({ issuerUnitId: ids.tqt }));
    expect(p.status).toBe(403);
  });

  it('issues only with a number, a date and a deadline not in the past', async () => {
    const c = await who.gdtrh!.post('/api/directives', draft({ number: null, deadline: null }));
    expect(c.status).toBe(201);
    expect(c.body.state).toBe('draft');
    const i = await who.gdtrh!.post(`/api/directives/${c.body.id}/issue`);
    expect(i.status).toBe(422);
    expect(i.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.deadline', 'body.number']);
    const u = await who.gdtrh!.put(`/api/directives/${c.body.id}`, {
      ...draft({ number: '77/SGDĐT-VP', docDate: shift(-5), deadline: shift(-1) }),
      version: c.body.version,
    });
    expect(u.status, JSON.stringify(u.body)).toBe(200);
    const late = await who.gdtrh!.post(`/api/directives/${c.body.id}/issue`);
    expect(late.status).toBe(422);
    expect(late.body.error.details[0].path).toBe('body.deadline');
    const stale = await who.gdtrh!.put(`/api/directives/${c.body.id}`, { ...draft(), version: c.body.version });
    expect(stale.status).toBe(409);
  });
});

describe('recipient selection', () => {
  it('counts every living upper-secondary school for the Sở', async () => {
    const r = await who.gdtrh!.post('/api/directives/recipient-preview', {
      issuerUnitId: ids.so,
      selection: { by: 'level', levels: ['thpt'] },
    });
    expect(r.status).toBe(200);
    expect(r.body.count).toBe(await thptCount());
    expect(r.body.count).toBeGreaterThan(10);
  });

  it('picks communes by type, a commune’s schools, and a list', async () => {
    const communes = await who.gdtrh!.post('/api/directives/recipient-preview', {
      selection: { by: 'type', unitTypes: ['commune', 'ward', 'special_zone'] },
    });
    expect(communes.body.count).toBe(96);
    const tk = await who.gdtrh!.post('/api/directives/recipient-preview', {
      selection: { by: 'commune', communeIds: [ids.tinhkhe], levels: ['tieu_hoc'] },
    });
    expect(tk.body.count).toBeGreaterThan(0);
    expect(tk.body.units.every((u: { name: string }) => /Tiểu học/.test(u.name))).toBe(true);
    const list = await who.gdtrh!.post('/api/directives/recipient-preview', {
      selection: { by: 'list', unitIds: [ids.tqt, ids.kontum] },
    });
    expect(list.body.units.map((u: { id: string }) => u.id).sort()).toEqual([ids.tqt, ids.kontum].sort());
  });

  it('lets a commune issue to its schools, which answer for themselves', async () => {
    const id = await issueNew(who.xa!, {
      issuerUnitId: ids.tinhkhe,
      number: '45/UBND-VHXH',
      selection: { by: 'commune', communeIds: [ids.tinhkhe], levels: ['tieu_hoc'] },
    });
    const inbox = await who.th1!.get('/api/directives/inbox');
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await who.xa!.get('/api/directives/inbox')).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await who.xa!.get(`/api/directives/${id}`)).body.isIssuer).toBe(true);
    const seen = await who.gdtrh!.get(`/api/directives/${id}`);
    expect(seen.body.isIssuer).toBe(true);
    counts.commune = seen.body.counts.recipients;
    expect((await who.tqt!.get(`/api/directives/${id}`)).status).toBe(404);
  });

  it('keeps a commune officer within the commune', async () => {
    const all = await who.xa!.post('/api/directives/recipient-preview', {
      selection: { by: 'level', levels: ['thpt'] },
    });
    expect(all.body.count).toBe(0);
    const primary = await who.xa!.post('/api/directives/recipient-preview', {
      selection: { by: 'level', levels: ['tieu_hoc'] },
    });
    expect(primary.body.count).toBeGreaterThan(0);
    const units = await who.xa!.get('/api/directives/issuer-units');
    expect(units.body.items.map((u: { id: string }) => u.id)).toContain(ids.tinhkhe);
  });
});

describe('issue, read, answer', () => {
  it('materialises the recipients, notifies their users and audits', async () => {
    ids.d1 = await issueNew(who.gdtrh!);
    const d = await who.gdtrh!.get(`/api/directives/${ids.d1}`);
    expect(d.body).toMatchObject({ state: 'issued', isIssuer: true });
    expect(d.body.counts).toMatchObject({ recipients: await thptCount(), read: 0, answered: 0, late: 0 });
    const mail = await ctx.platform.db
      .selectFrom('notification_outbox')
      .select(['recipient', 'body'])
      .where('template', '=', 'directives.issued')
      .execute();
    const toTqt = mail.find((m) => m.recipient.startsWith('ht.tranquoctuan@'));
    expect(toTqt?.body).toContain(`/chi-dao/${ids.d1}`);
    expect(mail.some((m) => m.recipient.startsWith('ht.thso1tinhkhe@') && m.body.includes(ids.d1!))).toBe(false);
  });

  it('shows a school only what is addressed to it, never the others’ rows', async () => {
    const inbox = await who.tqt!.get('/api/directives/inbox');
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(ids.d1);
    expect(inbox.body.items[0]).toMatchObject({ status: 'new', unitId: ids.tqt });
    const detail = await who.tqt!.get(`/api/directives/${ids.d1}`);
    expect(detail.body.isIssuer).toBe(false);
    expect(detail.body.counts).toBeNull();
    expect(detail.body.mine.map((m: { unitId: string }) => m.unitId)).toEqual([ids.tqt]);
    expect((await who.tqt!.get(`/api/directives/${ids.d1}/recipients`)).status).toBe(404);
    expect((await who.th1!.get(`/api/directives/${ids.d1}`)).status).toBe(404);
    const th1 = (await who.th1!.get('/api/directives/inbox')).body.items.map((i: { id: string }) => i.id);
    expect(th1).not.toContain(ids.d1);
    // The commune officer neither issued it nor speaks for schools: not found either.
    expect((await who.xa!.get(`/api/directives/${ids.d1}`)).status).toBe(404);
    expect((await ctx.app.inject(`/api/directives/${ids.d1}`)).statusCode).toBe(401);
    // school_it has no directives.respond: nothing in its inbox either.
    expect((await who.it!.get('/api/directives/inbox')).body.total).toBe(0);
  });

  it('records the first read, who and when, once', async () => {
    const r = await who.tqt!.post(`/api/directives/${ids.d1}/read`, {});
    expect(r.body.marked).toEqual([ids.tqt]);
    expect((await who.tqt!.post(`/api/directives/${ids.d1}/read`, {})).body.marked).toEqual([]);
    const rows = await who.gdtrh!.get(`/api/directives/${ids.d1}/recipients?filter=all&pageSize=200`);
    const row = rows.body.items.find((x: { unitId: string }) => x.unitId === ids.tqt);
    expect(row).toMatchObject({ status: 'read', firstReadByName: 'Bùi Quốc Hưng' });
    const notRead = await who.gdtrh!.get(`/api/directives/${ids.d1}/recipients?filter=not_read&pageSize=200`);
    expect(notRead.body.total).toBe((await thptCount()) - 1);
  });

  it('takes an answer, keeps every version, and hides it from other schools', async () => {
    const empty = await who.tqt!.post(`/api/directives/${ids.d1}/responses`, { text: '' });
    expect(empty.status).toBe(422);
    expect(empty.body.error.details[0].path).toBe('body.text');
    const a1 = await who.tqt!.post(`/api/directives/${ids.d1}/responses`, { text: 'Đã triển khai sổ điểm điện tử.' });
    expect(a1.status, JSON.stringify(a1.body)).toBe(200);
    expect(a1.body).toMatchObject({ status: 'answered', late: false, response: { version: 1 } });
    const a2 = await who.tqt!.post(`/api/directives/${ids.d1}/responses`, { text: 'Bổ sung: học bạ số 100%.' });
    expect(a2.body.response).toMatchObject({ version: 2, text: 'Bổ sung: học bạ số 100%.' });
    const h = await who.gdtrh!.get(`/api/directives/${ids.d1}/recipients/${ids.tqt}/responses`);
    expect(h.body.items.map((x: { version: number }) => x.version)).toEqual([2, 1]);
    expect((await who.kontum!.get(`/api/directives/${ids.d1}/recipients/${ids.tqt}/responses`)).status).toBe(404);
    const d = await who.gdtrh!.get(`/api/directives/${ids.d1}`);
    expect(d.body.counts).toMatchObject({ read: 1, answered: 1, late: 0 });
    const audit = await ctx.platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', ids.d1!)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'directives.directive.create',
        'directives.directive.issue',
        'directives.recipient.read',
        'directives.response.submit',
      ]),
    );
  });

  it('needs a file of the caller’s own uploads for a report', async () => {
    const id = await issueNew(who.gdtrh!, {
      number: '15/SGDĐT-KHTC',
      responseKind: 'report',
      selection: { by: 'list', unitIds: [ids.tqt] },
    });
    const noFile = await who.tqt!.post(`/api/directives/${id}/responses`, { text: 'Báo cáo kèm theo.' });
    expect(noFile.body.error.details[0].path).toBe('body.fileIds');
    const userId = (
      await ctx.platform.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'ht.tranquoctuan')
        .executeTakeFirstOrThrow()
    ).id;
    const file = await ctx.platform.db
      .insertInto('stored_files')
      .values({
        storage_key: 'directives/t.pdf',
        filename: 'bao-cao.pdf',
        content_type: 'application/pdf',
        size_bytes: 10,
        sha256: 'a'.repeat(64),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const other = await who.tqt!.post(`/api/directives/${id}/responses`, { text: 'x', fileIds: [file.id] });
    expect(other.status).toBe(422);
    await ctx.platform.db
      .insertInto('uploads')
      .values({
        owner_id: userId,
        purpose: 'directives',
        filename: 'bao-cao.pdf',
        upload_length: 10,
        upload_offset: 10,
        state: 'complete',
        file_id: file.id,
        expires_at: new Date(Date.now() + 3600_000),
      })
      .execute();
    const ok = await who.tqt!.post(`/api/directives/${id}/responses`, {
      text: 'Báo cáo kèm theo.',
      fileIds: [file.id],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.response.files[0].filename).toBe('bao-cao.pdf');
  });
});

describe('lateness', () => {
  it('counts late both the unit that never answered and the one that answered after the deadline', async () => {
    const id = await issueNew(who.gdtrh!, {
      number: '99/SGDĐT-GDTrH',
      deadline: today,
      selection: { by: 'list', unitIds: [ids.tqt, ids.kontum] },
    });
    // Trần Quốc Tuấn answered three days ago, on time; the deadline then moves to yesterday.
    const on = await who.tqt!.post(`/api/directives/${id}/responses`, { text: 'Đúng hạn.' });
    expect(on.status).toBe(200);
    await sql`UPDATE directive_recipients SET first_answered_at = now() - interval '3 days',
      complied_on = ${shift(-3)}::date WHERE directive_id = ${id}::uuid AND unit_id = ${ids.tqt}::uuid`.execute(
      ctx.platform.db,
    );
    await sql`UPDATE directives SET deadline = ${shift(-1)}::date, doc_date = ${shift(-5)}::date WHERE id = ${id}::uuid`.execute(
      ctx.platform.db,
    );
    await sql`UPDATE directive_recipients SET deadline = ${shift(-1)}::date WHERE directive_id = ${id}::uuid`.execute(
      ctx.platform.db,
    );
    const before = await who.gdtrh!.get(`/api/directives/${id}/recipients?filter=late`);
    expect(before.body.items.map((r: { unitId: string }) => r.unitId)).toEqual([ids.kontum]);
    expect(before.body.items[0].status).toBe('late');
    // Amending after the deadline is refused; a first answer after it is taken, and late.
    const amend = await who.tqt!.post(`/api/directives/${id}/responses`, { text: 'Sửa sau hạn.' });
    expect(amend.status).toBe(409);
    const lateAnswer = await who.kontum!.post(`/api/directives/${id}/responses`, { text: 'Trả lời muộn.' });
    expect(lateAnswer.body).toMatchObject({ status: 'answered', late: true });
    const d = await who.gdtrh!.get(`/api/directives/${id}`);
    expect(d.body.counts).toMatchObject({ recipients: 2, answered: 2, late: 1 });
    const inbox = await who.kontum!.get('/api/directives/inbox');
    expect(inbox.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ status: 'answered', late: true });
  });

  it('publishes the read model for the dashboards', async () => {
    const all = await directiveResponses(ctx.platform.db, { rootUnitId: null, today });
    expect(all.directives).toBeGreaterThanOrEqual(3);
    expect(all.expected).toBe((await thptCount()) + 1 + 2 + counts.commune!);
    expect(all.answered).toBe(4);
    expect(all.late).toBe(1);
    // The province's tallies (0032, triggers) agree with the per-recipient count from the root.
    const province = await unitId(ctx, 'QNG');
    expect(await directiveResponses(ctx.platform.db, { rootUnitId: province, today })).toEqual(all);
    const school = await directiveResponses(ctx.platform.db, { rootUnitId: ids.kontum!, today });
    expect(school).toEqual({ directives: 2, expected: 2, read: 1, answered: 1, late: 1 });
  });
});

describe('reminders, export, close', () => {
  it('reminds the units that have not answered, once per unit and day', async () => {
    const count = await thptCount();
    const first = await who.gdtrh!.post(`/api/directives/${ids.d1}/remind`);
    expect(first.body).toEqual({ reminded: count - 1, skipped: 0 });
    const second = await who.gdtrh!.post(`/api/directives/${ids.d1}/remind`);
    expect(second.body).toEqual({ reminded: 0, skipped: count - 1 });
    expect((await who.tqt!.post(`/api/directives/${ids.d1}/remind`)).status).toBe(404);
  });

  it('runs the daily job idempotently for deadlines near or passed', async () => {
    const near = await issueNew(who.gdtrh!, {
      number: '101/SGDĐT-GDTrH',
      deadline: shift(1),
      selection: { by: 'list', unitIds: [ids.tqt, ids.kontum] },
    });
    const outbox = () =>
      ctx.platform.db
        .selectFrom('notification_outbox')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('template', '=', 'directives.reminder')
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    const mailsBefore = await outbox();
    const run1 = await directiveServices(ctx.platform).responses.remindDue();
    expect(run1.reminded).toBeGreaterThanOrEqual(2);
    const mailsAfter = await outbox();
    expect(mailsAfter).toBeGreaterThan(mailsBefore);
    const run2 = await directiveServices(ctx.platform).responses.remindDue();
    expect(run2.reminded).toBe(0);
    expect(await outbox()).toBe(mailsAfter);
    const rows = await who.gdtrh!.get(`/api/directives/${near}/recipients`);
    expect(rows.body.items.every((r: { lastRemindedOn: string }) => r.lastRemindedOn === today)).toBe(true);
  });

  it('exports the per-unit table as CSV and Excel', async () => {
    const csv = await ctx.app.inject({
      url: `/api/directives/${ids.d1}/export?format=csv`,
      headers: { cookie: who.gdtrh!.cookie },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Trường THPT Trần Quốc Tuấn');
    expect(csv.body).toContain('Bổ sung: học bạ số 100%.');
    const xlsx = await ctx.app.inject({
      url: `/api/directives/${ids.d1}/export?format=xlsx`,
      headers: { cookie: who.gdtrh!.cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const denied = await ctx.app.inject({
      url: `/api/directives/${ids.d1}/export`,
      headers: { cookie: who.tqt!.cookie },
    });
    expect(denied.statusCode).toBe(404);
  });

  it('closes a directive: no more answers', async () => {
    const c = await who.gdtrh!.post(`/api/directives/${ids.d1}/close`);
    expect(c.body.state).toBe('closed');
    const r = await who.kontum!.post(`/api/directives/${ids.d1}/responses`, { text: 'Sau khi đóng.' });
    expect(r.status).toBe(409);
    const sent = await who.gdtrh!.get('/api/directives/sent');
    expect(sent.body.items.find((i: { id: string }) => i.id === ids.d1)).toMatchObject({ state: 'closed' });
  });
});
