import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf } from '../../src/server/platform/calendar/calendar.ts';
import { addDays } from '../../src/shared/reports.schema.ts';
import type { Client } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { makeUser } from './archive-support.ts';

/**
 * Who designs and sees what: a commune designs a quick survey for its own schools (another
 * commune does not see it), a form without approval stops at "completed", file fields take a
 * stored file and serve it only to those who may read the report, a period's window is editable.
 */
let ctx: TestContext;
let so: Client;
let xaA: Client;
let xaB: Client;
let ht: Client;
let htOther: Client;
let communeA: string;
let schoolA: string;
const today = dayOf(new Date());

async function code(id: string) {
  return (await ctx.platform.db.selectFrom('org_units').select('code').where('id', '=', id).executeTakeFirstOrThrow())
    .code;
}

async function storedPdf(text: string): Promise<string> {
  const bytes = Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);
  const key = `reports/test/${createHash('sha256').update(bytes).digest('hex')}.pdf`;
  const s = await ctx.platform.storage.put(key, bytes, 'application/pdf');
  const r = await ctx.platform.db
    .insertInto('stored_files')
    .values({
      storage_key: key,
      filename: `${text}.pdf`,
      content_type: 'application/pdf',
      size_bytes: s.size,
      sha256: s.sha256,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

beforeAll(async () => {
  ctx = await createTestContext();
  const rows = await ctx.platform.db
    .selectFrom('schools as s')
    .innerJoin('org_units as u', 'u.id', 's.unit_id')
    .innerJoin('org_unit_closure as c', 'c.descendant_id', 's.unit_id')
    .innerJoin('org_units as cm', 'cm.id', 'c.ancestor_id')
    .select(['cm.id as commune', 's.unit_id as school'])
    .where('cm.type_code', '=', 'commune')
    .where('cm.valid_to', 'is', null)
    .where('u.valid_to', 'is', null)
    .orderBy('cm.code')
    .orderBy('u.code')
    .execute();
  communeA = rows[0]!.commune;
  schoolA = rows[0]!.school;
  const other = rows.find((r) => r.commune !== communeA)!;
  so = await makeUser(ctx, 'ra.so', 'department_staff', 'QNG.SGD.GDTRH');
  xaA = await makeUser(ctx, 'ra.xaa', 'commune_education_officer', await code(communeA));
  xaB = await makeUser(ctx, 'ra.xab', 'commune_education_officer', await code(other.commune));
  ht = await makeUser(ctx, 'ra.ht', 'principal', await code(schoolA));
  htOther = await makeUser(ctx, 'ra.ht2', 'principal', await code(other.school));
});
afterAll(() => ctx.close());

const survey = (ownerUnitId: string, over: Record<string, unknown> = {}) => ({
  code: 'KS-NHANH-01',
  title: 'Khảo sát nhanh công tác y tế trường học',
  kind: 'survey',
  ownerUnitId,
  periodType: 'campaign',
  needsApproval: false,
  assignment: {},
  fields: [
    { code: 'has_nurse', label: 'Có nhân viên y tế', type: 'yes_no', required: true },
    { code: 'plan', label: 'Kế hoạch y tế (tệp)', type: 'file' },
  ],
  ...over,
});

describe('designers and their scope', () => {
  let formId: string;
  let periodId: string;
  it('lets a commune design a survey for its own subtree, not for another commune', async () => {
    const ok = await xaA.post('/api/reports/forms', survey(communeA));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    formId = ok.body.id;
    expect(ok.body.assignment.rootUnitId).toBe(communeA);
    const other = await ctx.platform.db
      .selectFrom('org_units')
      .select('id')
      .where('type_code', '=', 'commune')
      .where('id', '<>', communeA)
      .executeTakeFirstOrThrow();
    const refused = await xaA.post(
      '/api/reports/forms',
      survey(communeA, { code: 'KS-NGOAI', assignment: { rootUnitId: other.id } }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0].path).toBe('body.assignment.rootUnitId');
    expect((await xaA.post('/api/reports/forms', survey(other.id, { code: 'KS-KHAC' }))).status).toBe(403);
    expect((await ht.post('/api/reports/forms', survey(schoolA, { code: 'KS-TRUONG' }))).status).toBe(403);
  });

  it('shows the draft to its designers (and the Sở) only', async () => {
    expect((await xaA.get(`/api/reports/forms/${formId}`)).status).toBe(200);
    expect((await so.get(`/api/reports/forms/${formId}`)).status).toBe(200);
    expect((await xaB.get(`/api/reports/forms/${formId}`)).status).toBe(404);
    const listA = await xaA.get('/api/reports/forms?status=draft');
    expect(listA.body.items.map((f: { id: string }) => f.id)).toContain(formId);
    const listB = await xaB.get('/api/reports/forms');
    expect(listB.body.items.map((f: { id: string }) => f.id)).not.toContain(formId);
    expect((await xaB.put(`/api/reports/forms/${formId}`, { ...survey(communeA), version: 1 })).status).toBe(403);
  });

  it('opens a campaign for the commune’s schools only; the window is editable', async () => {
    const f = (await xaA.get(`/api/reports/forms/${formId}`)).body;
    expect((await xaA.post(`/api/reports/forms/${formId}/publish`, { version: f.version })).status).toBe(200);
    const noDates = await xaA.post(`/api/reports/forms/${formId}/periods`, { periodKey: 'YT-2026' });
    expect(noDates.status).toBe(422);
    const p = await xaA.post(`/api/reports/forms/${formId}/periods`, {
      periodKey: 'YT-2026',
      startsOn: addDays(today, -3),
      endsOn: addDays(today, 10),
      opensOn: addDays(today, 2),
      closesOn: addDays(today, 10),
    });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect(p.body.status).toBe('scheduled');
    periodId = p.body.id;
    const bad = await xaA.patch(`/api/reports/periods/${periodId}`, { closesOn: addDays(today, 1) });
    expect(bad.status).toBe(422);
    expect((await xaB.patch(`/api/reports/periods/${periodId}`, { opensOn: addDays(today, -1) })).status).toBe(403);
    const opened = await xaA.patch(`/api/reports/periods/${periodId}`, { opensOn: addDays(today, -1) });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'open', materialised: true });
    const schools = await ctx.platform.db
      .selectFrom('org_unit_closure as c')
      .innerJoin('org_units as u', 'u.id', 'c.descendant_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('c.ancestor_id', '=', communeA)
      .where('u.type_code', 'in', ['school', 'gdtx_centre'])
      .where('u.valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    expect(opened.body.expected).toBe(Number(schools.n));
    // a school of the commune sees the periods with its own counts only; others nothing
    const periodsMine = await ht.get(`/api/reports/forms/${formId}/periods`);
    expect(periodsMine.status).toBe(200);
    expect(periodsMine.body.items[0]).toMatchObject({ opensOn: addDays(today, -1), expected: 1 });
    expect((await htOther.get(`/api/reports/forms/${formId}/periods`)).status).toBe(403);
    const inboxOther = await htOther.get('/api/reports/inbox');
    expect(inboxOther.body.items.map((s: { periodId: string }) => s.periodId)).not.toContain(periodId);
  });

  it('takes a stored file in a file field and serves it to readers of the report only', async () => {
    const mine = (await ht.get('/api/reports/inbox')).body.items.find(
      (s: { periodId: string }) => s.periodId === periodId,
    );
    const d = (await ht.get(`/api/reports/submissions/${mine.id}`)).body;
    const missing = await ht.put(`/api/reports/submissions/${mine.id}/values`, {
      version: d.version,
      values: { plan: '0b5e1f4c-7a3e-4c1e-9d2a-3f6b8c9d0e1f' },
    });
    expect(missing.status).toBe(422);
    const fileId = await storedPdf('ke-hoach-y-te');
    const saved = await ht.put(`/api/reports/submissions/${mine.id}/values`, {
      version: d.version,
      values: { plan: fileId, has_nurse: true },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.files).toEqual([expect.objectContaining({ id: fileId, filename: 'ke-hoach-y-te.pdf' })]);
    const get = await ctx.app.inject({
      url: `/api/reports/submissions/${mine.id}/files/${fileId}`,
      headers: { cookie: ht.cookie },
    });
    expect(get.statusCode).toBe(200);
    expect(get.body).toContain('ke-hoach-y-te');
    const other = await ctx.app.inject({
      url: `/api/reports/submissions/${mine.id}/files/${fileId}`,
      headers: { cookie: htOther.cookie },
    });
    expect(other.statusCode).toBe(404);
    // no approval on this form: completed is final
    const done = await ht.post(`/api/reports/submissions/${mine.id}/complete`, { version: saved.body.version });
    expect(done.status).toBe(200);
    expect(done.body.can.approve).toBe(false);
    const seen = await xaA.get(`/api/reports/submissions/${mine.id}`);
    expect(seen.body.can.approve).toBe(false);
    expect((await xaA.post(`/api/reports/submissions/${mine.id}/approve`, { version: seen.body.version })).status).toBe(
      409,
    );
  });

  it('lets a commune copy a Sở form for its own schools', async () => {
    const sgd = (
      await ctx.platform.db.selectFrom('org_units').select('id').where('code', '=', 'QNG.SGD').executeTakeFirstOrThrow()
    ).id;
    const sForm = await so.post('/api/reports/forms', survey(sgd, { code: 'KS-SO-01' }));
    expect(sForm.status, JSON.stringify(sForm.body)).toBe(201);
    await so.post(`/api/reports/forms/${sForm.body.id}/publish`, { version: sForm.body.version });
    expect((await xaA.post(`/api/reports/forms/${sForm.body.id}/copy`, { code: 'KS-XA-01' })).status).toBe(403);
    const copy = await xaA.post(`/api/reports/forms/${sForm.body.id}/copy`, {
      code: 'KS-XA-01',
      ownerUnitId: communeA,
    });
    expect(copy.status, JSON.stringify(copy.body)).toBe(201);
    expect(copy.body).toMatchObject({ ownerUnitId: communeA, status: 'draft', assignment: { rootUnitId: communeA } });
  });

  it('assigns to an explicit list of units', async () => {
    const f = await xaA.post(
      '/api/reports/forms',
      survey(communeA, { code: 'KS-DS-01', assignment: { unitIds: [schoolA] } }),
    );
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    await xaA.post(`/api/reports/forms/${f.body.id}/publish`, { version: f.body.version });
    const p = await xaA.post(`/api/reports/forms/${f.body.id}/periods`, {
      periodKey: 'DS-1',
      startsOn: today,
      endsOn: addDays(today, 5),
      opensOn: today,
      closesOn: addDays(today, 5),
    });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect(p.body.expected).toBe(1);
  });

  it('audits form and period changes', async () => {
    const rows = await ctx.platform.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type'])
      .where('entity_id', 'in', [formId, periodId])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      'reports.form.create',
      'reports.form.publish',
      'reports.period.create',
      'reports.period.update',
      'reports.period.open',
    ]);
  });
});
