import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportsServices } from '../../src/server/modules/reports/reports.module.ts';
import { rt } from '../../src/server/modules/reports/reports.tables.ts';
import { levelAbove } from '../../src/server/modules/reports/unit-levels.ts';
import { dayOf } from '../../src/server/platform/calendar/calendar.ts';
import { addDays } from '../../src/shared/reports.schema.ts';
import type { Client } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { makeUser, unitId } from './archive-support.ts';

/**
 * Periodic reports (issue 6, item 3): a form with every field type and cross-field rules, a
 * period open today, the schools fill and complete, the commune sends back and approves, a
 * closed period is locked until the commune reopens it (then the report is late), completeness
 * and roll-ups against hand-computed values, access (a school only its own reports), audit.
 */
let ctx: TestContext;
let so: Client;
let xaA: Client;
let xaB: Client;
let htA1: Client;
let htA2: Client;
let htB1: Client;
let communeA: string;
let communeB: string;
let schoolsA: string[];
let schoolB1: string;
let thcsTotal: number;
const today = dayOf(new Date());

/** Communes with at least `n` lower-secondary schools under them, and those schools. */
async function communesWithThcs(n: number) {
  const rows = await ctx.platform.db
    .selectFrom('schools as s')
    .innerJoin('org_units as u', 'u.id', 's.unit_id')
    .innerJoin('org_unit_closure as c', 'c.descendant_id', 's.unit_id')
    .innerJoin('org_units as cm', 'cm.id', 'c.ancestor_id')
    .select(['cm.id as commune', 'cm.code as communeCode', 's.unit_id as school', 'u.code as schoolCode'])
    .where('cm.type_code', 'in', ['commune', 'ward'])
    .where('cm.valid_to', 'is', null)
    .where('u.valid_to', 'is', null)
    .where('u.type_code', '=', 'school')
    .where((eb) => eb(eb.val('thcs'), '=', eb.fn.any('s.levels')))
    .orderBy('cm.code')
    .orderBy('u.code')
    .execute();
  const by = new Map<string, { code: string; schools: { id: string; code: string }[] }>();
  for (const r of rows) {
    const e = by.get(r.commune) ?? { code: r.communeCode, schools: [] };
    e.schools.push({ id: r.school, code: r.schoolCode });
    by.set(r.commune, e);
  }
  return [...by.entries()].filter(([, v]) => v.schools.length >= n);
}

const formBody = (ownerUnitId: string, code = 'BC-SKHK1') => ({
  code,
  title: 'Báo cáo sơ kết học kỳ I (thử nghiệm)',
  ownerUnitId,
  periodType: 'six_monthly',
  needsApproval: true,
  window: { opensDaysBeforeEnd: 30, closesDaysAfterEnd: -30 },
  assignment: { unitTypes: ['school'], schoolLevels: ['thcs'] },
  sections: [
    { code: 'quy_mo', title: 'Quy mô' },
    { code: 'khac', title: 'Thông tin khác' },
  ],
  fields: [
    { code: 'classes', label: 'Số lớp', type: 'integer', section: 'quy_mo', required: true, min: 0, max: 200 },
    { code: 'pupils', label: 'Số học sinh', type: 'integer', section: 'quy_mo', required: true, min: 0 },
    { code: 'girls', label: 'Học sinh nữ', type: 'integer', section: 'quy_mo', required: true, min: 0 },
    { code: 'pupils_kinh', label: 'Học sinh dân tộc Kinh', type: 'integer', section: 'quy_mo' },
    { code: 'pupils_dtts', label: 'Học sinh dân tộc thiểu số', type: 'integer', section: 'quy_mo' },
    { code: 'ratio', label: 'Tỉ lệ học sinh/lớp', type: 'decimal', section: 'quy_mo', aggregation: 'avg' },
    { code: 'phone', label: 'Điện thoại', type: 'text', section: 'khac', pattern: '0[0-9]{9}' },
    { code: 'notes', label: 'Ghi chú', type: 'long_text', section: 'khac', maxLength: 50 },
    {
      code: 'software',
      label: 'Phần mềm quản lý',
      type: 'single_choice',
      section: 'khac',
      options: [
        { code: 'vnedu', label: 'vnEdu' },
        { code: 'smas', label: 'SMAS' },
      ],
    },
    {
      code: 'channels',
      label: 'Kênh học trực tuyến',
      type: 'multiple_choice',
      section: 'khac',
      options: [
        { code: 'lms', label: 'LMS' },
        { code: 'zoom', label: 'Zoom' },
      ],
    },
    { code: 'has_internet', label: 'Có Internet', type: 'yes_no', section: 'khac', required: true },
    { code: 'checked_on', label: 'Ngày kiểm tra', type: 'date', section: 'khac' },
    { code: 'evidence', label: 'Minh chứng', type: 'file', section: 'khac' },
  ],
  rules: [
    { kind: 'compare', code: 'girls_le_pupils', left: 'girls', op: 'le', right: 'pupils' },
    { kind: 'sum', code: 'ethnic_sum', terms: ['pupils_kinh', 'pupils_dtts'], op: 'eq', total: 'pupils' },
  ],
});

const good = { classes: 10, pupils: 300, girls: 140, pupils_kinh: 200, pupils_dtts: 100, has_internet: true };

beforeAll(async () => {
  ctx = await createTestContext();
  const communes = await communesWithThcs(2);
  const others = await communesWithThcs(1);
  const [a, info] = communes[0]!;
  communeA = a;
  schoolsA = info.schools.map((s) => s.id);
  const b = others.find(([id]) => id !== a)!;
  communeB = b[0];
  schoolB1 = b[1].schools[0]!.id;
  thcsTotal = Number(
    (
      await ctx.platform.db
        .selectFrom('schools as s')
        .innerJoin('org_units as u', 'u.id', 's.unit_id')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('u.type_code', '=', 'school')
        .where('u.valid_to', 'is', null)
        .where((eb) => eb(eb.val('thcs'), '=', eb.fn.any('s.levels')))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const code = async (id: string) =>
    (await ctx.platform.db.selectFrom('org_units').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code;
  so = await makeUser(ctx, 'rp.so', 'department_staff', 'QNG.SGD');
  xaA = await makeUser(ctx, 'rp.xaa', 'commune_education_officer', await code(communeA));
  xaB = await makeUser(ctx, 'rp.xab', 'commune_education_officer', await code(communeB));
  htA1 = await makeUser(ctx, 'rp.hta1', 'principal', await code(schoolsA[0]!));
  htA2 = await makeUser(ctx, 'rp.hta2', 'principal', await code(schoolsA[1]!));
  htB1 = await makeUser(ctx, 'rp.htb1', 'principal', await code(schoolB1));
});
afterAll(() => ctx.close());

let formId: string;
let periodId: string;
const mine = async (c: Client, pid: string) => {
  const r = await c.get(`/api/reports/inbox?pageSize=100`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items.find((s: { periodId: string }) => s.periodId === pid) as { id: string } | undefined;
};
const detail = async (c: Client, id: string) => (await c.get(`/api/reports/submissions/${id}`)).body;

describe('report forms', () => {
  it('refuses a definition with a duplicate code or a rule on a non-numeric field', async () => {
    const sgd = await unitId(ctx, 'QNG.SGD');
    const dup = formBody(sgd, 'BC-DUP');
    dup.fields.push({ ...dup.fields[0]!, label: 'Lặp' });
    const r1 = await so.post('/api/reports/forms', dup);
    expect(r1.status).toBe(422);
    expect(r1.body.error.code).toBe('reports.invalid_form');
    const bad = formBody(sgd, 'BC-BAD');
    bad.rules = [{ kind: 'compare', code: 'x', left: 'phone', op: 'le', right: 'pupils' }];
    const r2 = await so.post('/api/reports/forms', bad);
    expect(r2.status).toBe(422);
    expect(JSON.stringify(r2.body.error.details)).toContain('phone');
  });

  it('lets a school not design forms', async () => {
    const r = await htA1.post('/api/reports/forms', formBody(schoolsA[0]!, 'BC-HT'));
    expect(r.status).toBe(403);
  });

  it('creates a draft, publishes it and then freezes its fields', async () => {
    const sgd = await unitId(ctx, 'QNG.SGD');
    const r = await so.post('/api/reports/forms', formBody(sgd));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    formId = r.body.id;
    expect(r.body.fields).toHaveLength(13);
    expect(r.body.status).toBe('draft');
    // drafts are not visible to schools
    expect((await htA1.get(`/api/reports/forms/${formId}`)).status).toBe(404);
    const p = await so.post(`/api/reports/forms/${formId}/publish`, { version: r.body.version });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect(p.body.status).toBe('published');
    const put = await so.put(`/api/reports/forms/${formId}`, { ...formBody(sgd), version: p.body.version });
    expect(put.status).toBe(409);
    expect(put.body.error.code).toBe('reports.form_frozen');
    const copy = await so.post(`/api/reports/forms/${formId}/copy`, { code: 'BC-SKHK1-V2' });
    expect(copy.status).toBe(201);
    expect(copy.body.status).toBe('draft');
    expect(copy.body.fields).toHaveLength(13);
  });

  it('generates windows from the rule (H1 due before 1 June) and refuses a key of the wrong type', async () => {
    const r = await so.post(`/api/reports/forms/${formId}/periods`, { periodKey: '2030-H1' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      startsOn: '2030-01-01',
      endsOn: '2030-06-30',
      opensOn: '2030-05-31',
      closesOn: '2030-05-31',
    });
    expect(r.body.status).toBe('scheduled');
    expect(r.body.materialised).toBe(false);
    const bad = await so.post(`/api/reports/forms/${formId}/periods`, { periodKey: '2030-Q2' });
    expect(bad.status).toBe(422);
  });
});

describe('data entry, validation, approval', () => {
  it('opens a period today and fixes the expected units (every lower-secondary school)', async () => {
    const r = await so.post(`/api/reports/forms/${formId}/periods`, {
      periodKey: '2026-H1',
      opensOn: addDays(today, -5),
      closesOn: addDays(today, 5),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    periodId = r.body.id;
    expect(r.body.status).toBe('open');
    expect(r.body.expected).toBe(thcsTotal);
  });

  it('records the level above: the commune for its schools', async () => {
    expect(await levelAbove(ctx.platform.db, schoolsA[0]!)).toBe(communeA);
    const sgd = await unitId(ctx, 'QNG.SGD');
    expect(await levelAbove(ctx.platform.db, communeA)).toBe(sgd);
    // an upper-secondary school hangs under the Sở: the Sở is its level above
    const thpt = await ctx.platform.db
      .selectFrom('org_units')
      .select('id')
      .where('parent_id', '=', sgd)
      .where('type_code', '=', 'school')
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    expect(await levelAbove(ctx.platform.db, thpt.id)).toBe(sgd);
  });

  it('checks each field type on save and everything on complete, with messages per field', async () => {
    const s = (await mine(htA1, periodId))!;
    expect(s).toBeDefined();
    let d = await detail(htA1, s.id);
    expect(d.can.edit).toBe(true);
    const bad = await htA1.put(`/api/reports/submissions/${s.id}/values`, {
      version: d.version,
      values: {
        classes: 2.5,
        pupils: -1,
        phone: '12345',
        notes: 'x'.repeat(51),
        software: 'excel',
        channels: ['lms', 'tv'],
        has_internet: 'yes',
        checked_on: '2026-02-30',
        evidence: 'not-a-file',
        nope: 1,
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('reports.invalid_values');
    const paths = bad.body.error.details.map((x: { path: string }) => x.path).sort();
    expect(paths).toEqual(
      [
        'values.channels',
        'values.checked_on',
        'values.classes',
        'values.evidence',
        'values.has_internet',
        'values.nope',
        'values.notes',
        'values.phone',
        'values.pupils',
        'values.software',
      ].sort(),
    );
    expect(bad.body.error.details.find((x: { path: string }) => x.path === 'values.pupils').message).toMatch(
      /không được nhỏ hơn 0 \/ .*must not be less than 0/,
    );

    const saved = await htA1.put(`/api/reports/submissions/${s.id}/values`, {
      version: d.version,
      values: { classes: 10 },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.status).toBe('draft');
    d = saved.body;
    const incomplete = await htA1.post(`/api/reports/submissions/${s.id}/complete`, { version: d.version });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.details.map((x: { path: string }) => x.path).sort()).toEqual(
      ['values.girls', 'values.has_internet', 'values.pupils'].sort(),
    );

    const ruleBreak = await htA1.put(`/api/reports/submissions/${s.id}/values`, {
      version: d.version,
      values: { ...good, girls: 400, pupils_dtts: 90 },
    });
    expect(ruleBreak.status).toBe(200);
    const v = await htA1.post(`/api/reports/submissions/${s.id}/validate`, { values: ruleBreak.body.values });
    expect(v.body.ok).toBe(false);
    expect(v.body.errors.map((e: { rule: string }) => e.rule).sort()).toEqual(['ethnic_sum', 'girls_le_pupils']);
    const c1 = await htA1.post(`/api/reports/submissions/${s.id}/complete`, { version: ruleBreak.body.version });
    expect(c1.status).toBe(422);

    const fixed = await htA1.put(`/api/reports/submissions/${s.id}/values`, {
      version: ruleBreak.body.version,
      values: {
        ...good,
        phone: '0912345678',
        software: 'vnedu',
        channels: ['lms'],
        checked_on: '2026-01-15',
        notes: 'Ổn định',
      },
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    const done = await htA1.post(`/api/reports/submissions/${s.id}/complete`, { version: fixed.body.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', onTime: true });
    expect(done.body.values).toMatchObject({
      pupils: 300,
      software: 'vnedu',
      channels: ['lms'],
      has_internet: true,
      checked_on: '2026-01-15',
    });
    // completed: no more edits
    const again = await htA1.put(`/api/reports/submissions/${s.id}/values`, {
      version: done.body.version,
      values: { classes: 11 },
    });
    expect(again.status).toBe(409);
  });

  it('keeps a school to its own reports', async () => {
    const a1 = (await mine(htA1, periodId))!;
    const b1 = (await mine(htB1, periodId))!;
    expect(b1.id).not.toBe(a1.id);
    const inbox = await htA1.get('/api/reports/inbox?pageSize=100');
    expect(inbox.body.items.every((x: { unitId: string }) => x.unitId === schoolsA[0])).toBe(true);
    const statuses = [(await htA1.get(`/api/reports/submissions/${b1.id}`)).status];
    const d = await detail(htB1, b1.id);
    statuses.push(
      (await htA1.put(`/api/reports/submissions/${b1.id}/values`, { version: d.version, values: good })).status,
    );
    expect(statuses).toEqual([404, 404]);
    // the commune reads its schools' reports but does not fill them in
    const a2 = (await mine(htA2, periodId))!;
    const seen = await xaA.get(`/api/reports/submissions/${a2.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.can.edit).toBe(false);
    expect(
      (await xaA.put(`/api/reports/submissions/${a2.id}/values`, { version: seen.body.version, values: good })).status,
    ).toBe(403);
    // another commune does not see them at all
    expect((await xaB.get(`/api/reports/submissions/${a2.id}`)).status).toBe(404);
    // a school does not approve
    expect((await htA1.post(`/api/reports/submissions/${a1.id}/approve`, { version: 1 })).status).toBe(403);
  });

  it('lets the commune send back with a reason, then approve; history is kept and audited', async () => {
    const s = (await mine(htA1, periodId))!;
    const queue = await xaA.get(`/api/reports/review?periodId=${periodId}`);
    expect(queue.body.items.map((x: { id: string }) => x.id)).toContain(s.id);
    expect((await xaB.get(`/api/reports/review?periodId=${periodId}`)).body.items).toHaveLength(0);
    let d = await detail(xaA, s.id);
    expect(d.can.approve).toBe(true);
    const back = await xaA.post(`/api/reports/submissions/${s.id}/return`, {
      version: d.version,
      reason: 'Số lớp chưa khớp với kế hoạch',
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body).toMatchObject({
      status: 'returned',
      returnedReason: 'Số lớp chưa khớp với kế hoạch',
      completedAt: null,
    });
    d = await detail(htA1, s.id);
    expect(d.can.edit).toBe(true);
    const edited = await htA1.put(`/api/reports/submissions/${s.id}/values`, {
      version: d.version,
      values: { classes: 9 },
    });
    expect(edited.status).toBe(200);
    const done = await htA1.post(`/api/reports/submissions/${s.id}/complete`, { version: edited.body.version });
    expect(done.status).toBe(200);
    const ok = await xaA.post(`/api/reports/submissions/${s.id}/approve`, { version: done.body.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.status).toBe('approved');
    expect(ok.body.history.map((h: { action: string }) => h.action)).toEqual([
      'saved',
      'saved',
      'saved',
      'completed',
      'returned',
      'saved',
      'completed',
      'approved',
    ]);
    expect(ok.body.history.find((h: { action: string }) => h.action === 'returned').reason).toBe(
      'Số lớp chưa khớp với kế hoạch',
    );
    const audit = await ctx.platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'report_submission')
      .where('entity_id', '=', s.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'reports.submission.save',
      'reports.submission.save',
      'reports.submission.save',
      'reports.submission.complete',
      'reports.submission.return',
      'reports.submission.save',
      'reports.submission.complete',
      'reports.submission.approve',
    ]);
  });
});

describe('windows, locking and reopening', () => {
  let closedPeriod: string;
  it('refuses writes before the window opens and after it closes', async () => {
    const closed = await so.post(`/api/reports/forms/${formId}/periods`, {
      periodKey: '2025-H2',
      opensOn: addDays(today, -20),
      closesOn: addDays(today, -1),
    });
    expect(closed.status).toBe(201);
    expect(closed.body.status).toBe('closed');
    closedPeriod = closed.body.id;
    const s = (await mine(htA2, closedPeriod))!;
    const d = await detail(htA2, s.id);
    expect(d.can.edit).toBe(false);
    const w = await htA2.put(`/api/reports/submissions/${s.id}/values`, { version: d.version, values: good });
    expect(w.status).toBe(409);
    expect(w.body.error.code).toBe('reports.window_closed');
    expect((await htA2.post(`/api/reports/submissions/${s.id}/complete`, { version: d.version })).status).toBe(409);

    // A period that opens tomorrow has no expected units yet: nothing to write into.
    const later = await so.post(`/api/reports/forms/${formId}/periods`, {
      periodKey: '2027-H1',
      opensOn: addDays(today, 1),
      closesOn: addDays(today, 30),
    });
    expect(later.body).toMatchObject({ status: 'scheduled', materialised: false, expected: 0 });
    expect(await mine(htA2, later.body.id)).toBeUndefined();
  });

  it('lets the level above reopen with a reason and a new deadline; the report is then late', async () => {
    const s = (await mine(htA2, closedPeriod))!;
    let d = await detail(htA2, s.id);
    expect(
      (
        await htA2.post(`/api/reports/submissions/${s.id}/reopen`, {
          version: d.version,
          reason: 'x'.repeat(5),
          newDeadline: addDays(today, 3),
        })
      ).status,
    ).toBe(403);
    d = await detail(xaA, s.id);
    expect(d.can.reopen).toBe(true);
    const re = await xaA.post(`/api/reports/submissions/${s.id}/reopen`, {
      version: d.version,
      reason: 'Trường bị mất điện kéo dài',
      newDeadline: addDays(today, 3),
    });
    expect(re.status, JSON.stringify(re.body)).toBe(200);
    expect(re.body.closesOn).toBe(addDays(today, 3));
    d = await detail(htA2, s.id);
    expect(d.can.edit).toBe(true);
    const saved = await htA2.put(`/api/reports/submissions/${s.id}/values`, {
      version: d.version,
      values: { ...good, pupils: 200, girls: 90, pupils_kinh: 150, pupils_dtts: 50 },
    });
    expect(saved.status).toBe(200);
    const done = await htA2.post(`/api/reports/submissions/${s.id}/complete`, { version: saved.body.version });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', onTime: false });
  });

  it('opens due periods and marks closed ones locked from the daily job, idempotently', async () => {
    const periods = reportsServices(ctx.platform).periods;
    expect(await periods.lockDue()).toBeGreaterThanOrEqual(1);
    expect(await periods.lockDue()).toBe(0);
    // the period opening tomorrow is opened by the job the day it comes, once
    expect(await periods.openDue(addDays(today, 1))).toBe(1);
    expect(await periods.openDue(addDays(today, 1))).toBe(0);
    const list = await so.get(`/api/reports/forms/${formId}/periods`);
    const later = list.body.items.find((p: { periodKey: string }) => p.periodKey === '2027-H1');
    expect(later).toMatchObject({ materialised: true, expected: thcsTotal });
  });

  it('gives the share of reports sent on time in a year (the late one is not)', async () => {
    const { onTimeShare } = await import('../../src/server/modules/reports/reports.read-model.ts');
    const year = Number(addDays(today, -1).slice(0, 4));
    const share = await onTimeShare(ctx.platform.db, { year, rootUnitId: communeA });
    expect(share).toEqual({ expected: schoolsA.length, onTime: 0 });
  });

  it('counts expected, submitted, on time and approved, including the late report', async () => {
    const c = await xaA.get(`/api/reports/periods/${closedPeriod}/completeness`);
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    expect(c.body).toMatchObject({
      rootUnitId: communeA,
      expected: schoolsA.length,
      submitted: 1,
      onTime: 0,
      approved: 0,
    });
    expect(c.body.byChild).toHaveLength(schoolsA.length);
    const p = await so.get(`/api/reports/periods/${periodId}/completeness`);
    expect(p.body).toMatchObject({ expected: thcsTotal, submitted: 1, onTime: 1, approved: 1 });
    const rowA = p.body.byChild.find((r: { unitId: string }) => r.unitId === communeA);
    expect(rowA).toMatchObject({ expected: schoolsA.length, submitted: 1, onTime: 1, approved: 1 });
    expect(p.body.byChild.reduce((a: number, r: { expected: number }) => a + r.expected, 0)).toBe(thcsTotal);
    // the commune's list of periods counts its own schools
    const periodsA = await xaA.get(`/api/reports/forms/${formId}/periods`);
    expect(periodsA.body.items.find((x: { id: string }) => x.id === periodId)).toMatchObject({
      expected: schoolsA.length,
      submitted: 1,
    });
    // drill-down to those that have not reported
    const missing = await xaA.get(`/api/reports/periods/${periodId}/submissions?missing=true&pageSize=100`);
    expect(missing.body.total).toBe(schoolsA.length - 1);
    // another commune cannot look at commune A
    expect((await xaB.get(`/api/reports/periods/${periodId}/completeness?rootUnitId=${communeA}`)).status).toBe(403);
  });
});

describe('roll-ups, export, reminders', () => {
  it('sums numeric fields up the tree (completed only; approved only on request)', async () => {
    // A2 also reports for the open period: A1 = 300 pupils (approved), A2 = 120 (completed)
    const s = (await mine(htA2, periodId))!;
    const d = await detail(htA2, s.id);
    const saved = await htA2.put(`/api/reports/submissions/${s.id}/values`, {
      version: d.version,
      values: { classes: 4, pupils: 120, girls: 60, has_internet: false, ratio: 30 },
    });
    await htA2.post(`/api/reports/submissions/${s.id}/complete`, { version: saved.body.version });
    // B1 saves a draft only: not counted
    const b = (await mine(htB1, periodId))!;
    const bd = await detail(htB1, b.id);
    await htB1.put(`/api/reports/submissions/${b.id}/values`, { version: bd.version, values: { pupils: 999 } });

    const agg = await so.get(`/api/reports/periods/${periodId}/aggregate?fieldCode=pupils`);
    expect(agg.status, JSON.stringify(agg.body)).toBe(200);
    expect(agg.body.fields[0]).toMatchObject({ fieldCode: 'pupils', value: 420, count: 2 });
    expect(agg.body.fields[0].byChild).toEqual([expect.objectContaining({ unitId: communeA, value: 420, count: 2 })]);
    const approved = await so.get(`/api/reports/periods/${periodId}/aggregate?fieldCode=pupils&approvedOnly=true`);
    expect(approved.body.fields[0]).toMatchObject({ value: 300, count: 1 });
    const commune = await xaA.get(`/api/reports/periods/${periodId}/aggregate`);
    const pupils = commune.body.fields.find((f: { fieldCode: string }) => f.fieldCode === 'pupils');
    expect(pupils.byChild.map((r: { unitId: string; value: number }) => [r.unitId, r.value]).sort()).toEqual(
      [
        [schoolsA[0], 300],
        [schoolsA[1], 120],
      ].sort(),
    );
    const ratio = commune.body.fields.find((f: { fieldCode: string }) => f.fieldCode === 'ratio');
    expect(ratio).toMatchObject({ aggregation: 'avg', value: 30, count: 1 });
    // the read model the KPI module uses
    const { aggregate } = await import('../../src/server/modules/reports/reports.read-model.ts');
    const viaCodes = await aggregate(ctx.platform.db, {
      formCode: 'BC-SKHK1',
      fieldCode: 'classes',
      periodKey: '2026-H1',
      rootUnitId: communeA,
    });
    expect(viaCodes.value).toBe(13);
    const yes = await aggregate(ctx.platform.db, {
      formCode: 'BC-SKHK1',
      fieldCode: 'has_internet',
      periodKey: '2026-H1',
      rootUnitId: null,
    });
    expect(yes).toMatchObject({ value: 1, count: 2 });
  });

  it('exports the raw data and the aggregate as Excel', async () => {
    const raw = await ctx.app.inject({
      method: 'GET',
      url: `/api/reports/periods/${periodId}/export.xlsx?kind=raw&rootUnitId=${communeA}`,
      headers: { cookie: xaA.cookie },
    });
    expect(raw.statusCode).toBe(200);
    expect(raw.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(raw.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(1 + schoolsA.length);
    expect(String(ws.getRow(1).getCell(6).value)).toContain('classes');
    const agg = await ctx.app.inject({
      method: 'GET',
      url: `/api/reports/periods/${periodId}/export.xlsx?kind=aggregate`,
      headers: { cookie: so.cookie },
    });
    expect(agg.statusCode).toBe(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(agg.rawPayload as unknown as ArrayBuffer);
    const last = wb2.worksheets[0]!.getRow(wb2.worksheets[0]!.rowCount);
    expect(last.getCell(2).value).toBe('Tổng cộng');
  });

  it('reminds units that have not completed, once a day', async () => {
    await ctx.platform.db
      .updateTable('users')
      .set({ email: 'htb1@example.invalid' })
      .where('username', '=', 'rp.htb1')
      .execute();
    const reminders = reportsServices(ctx.platform).reminders;
    const first = await reminders.run();
    expect(first).toBeGreaterThan(0);
    expect(await reminders.run()).toBe(0);
    const mail = await ctx.platform.db
      .selectFrom('notification_outbox')
      .select(['subject', 'body'])
      .where('recipient', '=', 'htb1@example.invalid')
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain('Nhắc báo cáo');
    // units that reported are not reminded (A1 approved, A2 completed late after a reopen)
    const reminded = await rt(ctx.platform.db)
      .selectFrom('report_reminders as r')
      .innerJoin('report_submissions as s', 's.id', 'r.submission_id')
      .select(['s.unit_id', 's.period_id'])
      .execute();
    expect(reminded.filter((r) => r.period_id === periodId && schoolsA.includes(r.unit_id))).toHaveLength(0);
    // B1: reminded for the closed (locked) period it never sent; not yet for the open one, which
    // closes in 5 days (the form reminds 3 days before)
    expect(reminded.filter((r) => r.unit_id === schoolB1).map((r) => r.period_id)).not.toContain(periodId);
    expect(reminded.filter((r) => r.unit_id === schoolB1)).toHaveLength(1);
  });
});
