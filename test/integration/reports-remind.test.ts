import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportsServices } from '../../src/server/modules/reports/reports.module.ts';
import { systemActor } from '../../src/server/platform/actor.ts';
import { dayOf } from '../../src/server/platform/calendar/calendar.ts';
import { addDays } from '../../src/shared/reports.schema.ts';
import type { Client } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { makeUser } from './archive-support.ts';

/**
 * "Nhắc đơn vị chưa báo cáo" (POST /api/reports/periods/:id/remind): the level above (or the
 * form's designers) remind now the units that have not completed a period, in their scope or a
 * subtree of it, once per unit per period per day (shared with the daily job), audited; and the
 * human period label of the API views.
 */
let ctx: TestContext;
let so: Client;
let xaA: Client;
let xaB: Client;
let htA1: Client;
let communeA: { id: string; code: string };
let communeB: { id: string; code: string };
let schoolsA: { id: string; code: string }[];
let schoolB: { id: string; code: string };
let periodId: string;
const today = dayOf(new Date());
const year = today.slice(0, 4);

/** Communes with lower-secondary schools under them, with those schools. */
async function communesWithThcs() {
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
  return [...by.entries()].map(([id, v]) => ({ id, code: v.code, schools: v.schools }));
}

beforeAll(async () => {
  ctx = await createTestContext();
  const communes = await communesWithThcs();
  const a = communes.find((c) => c.schools.length >= 2)!;
  const b = communes.find((c) => c.id !== a.id)!;
  communeA = a;
  communeB = b;
  schoolsA = a.schools;
  schoolB = b.schools[0]!;
  so = await makeUser(ctx, 'rr.so', 'department_staff', 'QNG.SGD');
  xaA = await makeUser(ctx, 'rr.xaa', 'commune_education_officer', communeA.code);
  xaB = await makeUser(ctx, 'rr.xab', 'commune_education_officer', communeB.code);
  htA1 = await makeUser(ctx, 'rr.hta1', 'principal', schoolsA[0]!.code);
  await makeUser(ctx, 'rr.hta2', 'principal', schoolsA[1]!.code);
  await ctx.platform.db
    .updateTable('users')
    .set({ email: 'rr.hta2@example.invalid' })
    .where('username', '=', 'rr.hta2')
    .execute();

  const f = await so.post('/api/reports/forms', {
    code: 'BC-NHAC-TEST',
    title: 'Báo cáo thử nghiệm nhắc đơn vị',
    ownerUnitId: (await ctx.platform.db
      .selectFrom('org_units')
      .select('id')
      .where('code', '=', 'QNG.SGD')
      .executeTakeFirstOrThrow())!.id,
    periodType: 'yearly',
    needsApproval: true,
    assignment: { unitIds: [...schoolsA.map((s) => s.id), schoolB.id] },
    fields: [{ code: 'classes', label: 'Số lớp', type: 'integer', required: true, min: 0 }],
  });
  expect(f.status, JSON.stringify(f.body)).toBe(201);
  const pub = await so.post(`/api/reports/forms/${f.body.id}/publish`, { version: f.body.version });
  expect(pub.status, JSON.stringify(pub.body)).toBe(200);
  const p = await so.post(`/api/reports/forms/${f.body.id}/periods`, {
    periodKey: year,
    opensOn: addDays(today, -1),
    closesOn: addDays(today, 10),
  });
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  expect(p.body).toMatchObject({ periodType: 'yearly', periodLabel: `Năm ${year}`, label: `Năm ${year}` });
  expect(p.body.expected).toBe(schoolsA.length + 1);
  periodId = p.body.id;

  // school A1 completes its report
  const inbox = await htA1.get('/api/reports/inbox?pageSize=100');
  const mine = inbox.body.items.find((s: { periodId: string }) => s.periodId === periodId);
  expect(mine).toMatchObject({ periodType: 'yearly', periodLabel: `Năm ${year}` });
  const d = await htA1.get(`/api/reports/submissions/${mine.id}`);
  const saved = await htA1.put(`/api/reports/submissions/${mine.id}/values`, {
    values: { classes: 12 },
    version: d.body.version,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const done = await htA1.post(`/api/reports/submissions/${mine.id}/complete`, { version: saved.body.version });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  expect(done.body.periodLabel).toBe(`Năm ${year}`);
});
afterAll(() => ctx.close());

describe('period labels', () => {
  it("labels the form's latest period", async () => {
    const list = await so.get('/api/reports/forms?q=BC-NHAC-TEST');
    const f = list.body.items.find((x: { code: string }) => x.code === 'BC-NHAC-TEST');
    expect(f).toMatchObject({ latestPeriodKey: year, latestPeriodLabel: `Năm ${year}` });
    const one = await so.get(`/api/reports/forms/${f.id}`);
    expect(one.body.latestPeriodLabel).toBe(`Năm ${year}`);
  });
});

describe('remind units that have not reported', () => {
  it('refuses anonymous callers, schools and a commune outside the subtree', async () => {
    const anon = await ctx.app.inject({ method: 'POST', url: `/api/reports/periods/${periodId}/remind` });
    expect([401, 403]).toContain(anon.statusCode);
    expect((await htA1.post(`/api/reports/periods/${periodId}/remind`)).status).toBe(403);
    expect((await xaB.post(`/api/reports/periods/${periodId}/remind`, { rootUnitId: communeA.id })).status).toBe(403);
  });

  it('lets the commune remind its own schools that have not completed, once a day', async () => {
    const first = await xaA.post(`/api/reports/periods/${periodId}/remind`, {});
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    // A1 completed; the other schools of commune A are reminded; school B is not in its scope
    expect(first.body).toEqual({ reminded: schoolsA.length - 1, skipped: 0 });
    const mail = await ctx.platform.db
      .selectFrom('notification_outbox')
      .select(['subject', 'body', 'unit_id'])
      .where('recipient', '=', 'rr.hta2@example.invalid')
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain('Nhắc báo cáo');
    expect(mail[0]!.subject).toContain(`Năm ${year}`);
    expect(mail[0]!.unit_id).toBe(schoolsA[1]!.id);

    // idempotent: the same day, nobody again (and the daily job skips them too)
    const again = await xaA.post(`/api/reports/periods/${periodId}/remind`, { rootUnitId: communeA.id });
    expect(again.body).toEqual({ reminded: 0, skipped: schoolsA.length - 1 });
    expect(
      await ctx.platform.db
        .selectFrom('notification_outbox')
        .select('id')
        .where('recipient', '=', 'rr.hta2@example.invalid')
        .execute(),
    ).toHaveLength(1);
  });

  it('lets the Sở remind the whole province (only those not reminded today) and without a body', async () => {
    const r = await ctx.app.inject({
      method: 'POST',
      url: `/api/reports/periods/${periodId}/remind`,
      headers: { cookie: so.cookie, 'x-csrf-token': so.csrf },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ reminded: 1, skipped: schoolsA.length - 1 });
    expect(await reportsServices(ctx.platform).reminders.remindPeriod(systemActor('test'), periodId, {})).toEqual({
      reminded: 0,
      skipped: schoolsA.length,
    });
  });

  it('audits each reminder on the period with the units reminded', async () => {
    const audit = await ctx.platform.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_type', '=', 'report_period')
      .where('entity_id', '=', periodId)
      .where('action', '=', 'reports.period.remind')
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(2);
    expect((audit[0]!.after as { units: string[] }).units.sort()).toEqual(
      schoolsA
        .slice(1)
        .map((s) => s.id)
        .sort(),
    );
    expect((audit[1]!.after as { units: string[] }).units).toEqual([schoolB.id]);
  });

  it('refuses a period that has not opened yet', async () => {
    const f = await so.get(`/api/reports/periods/${periodId}/completeness`);
    expect(f.status).toBe(200);
    expect(
      await reportsServices(ctx.platform)
        .reminders.remindPeriod(systemActor('test'), periodId, {}, addDays(today, -5))
        .catch((e: { code?: string }) => e.code),
    ).toBe('reports.invalid_transition');
  });
});
