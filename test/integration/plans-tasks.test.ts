import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plansServices } from '../../src/server/modules/plans/plans.module.ts';
import type { Client } from '../support/http.ts';
import { login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { unitId } from './archive-support.ts';

/**
 * Plans and tasks: the Sở's staff write plans and tasks (validated field by field, audited); the
 * units assigned report progress (kept as history); late tasks are flagged and their lead units
 * reminded once a day; a plan's tasks go to Excel and come back.
 */
let ctx: TestContext;
let staff: Client;
let commune: Client;
let otherCommune: Client;
let soId: string;
let tinhKhe: string;
let planId: string;
const task: Record<string, string> = {};

async function grantUnit(username: string) {
  const r = await ctx.platform.db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select('g.unit_id')
    .where('u.username', '=', username)
    .executeTakeFirstOrThrow();
  return r.unit_id;
}

async function auditActions(entityId: string) {
  return (
    await ctx.platform.db.selectFrom('audit_log').select('action').where('entity_id', '=', entityId).execute()
  ).map((a) => a.action);
}

const planBody = (over: Record<string, unknown> = {}) => ({
  number: '123/KH-SGDĐT',
  issuedOn: '2026-01-15',
  issuingUnitId: soId,
  title: 'Kế hoạch chuyển đổi số năm 2026 (thử nghiệm)',
  yearFrom: 2026,
  yearTo: 2027,
  status: 'issued',
  legalBases: [
    {
      number: '749/QĐ-TTg',
      date: '2020-06-03',
      issuer: 'Thủ tướng Chính phủ',
      title: 'Chương trình Chuyển đổi số quốc gia',
    },
  ],
  sections: [
    { code: 'I', title: 'Nhiệm vụ chung' },
    { code: 'I.1', title: 'Hạ tầng số' },
    { code: 'I.2', title: 'Dữ liệu số' },
  ],
  ...over,
});

beforeAll(async () => {
  ctx = await createTestContext();
  staff = await login(ctx, 'so.gdtrh');
  commune = await login(ctx, 'xa.tinhkhe');
  otherCommune = await login(ctx, 'xa.dakha');
  soId = await unitId(ctx, 'QNG.SGD');
  tinhKhe = await grantUnit('xa.tinhkhe');
}, 60_000);
afterAll(() => ctx?.close());

describe('plans and tasks', () => {
  it('creates a plan with its legal bases and nested sections, audited', async () => {
    const r = await staff.post('/api/plans', planBody());
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    planId = r.body.id;
    expect(r.body).toMatchObject({
      issuingUnitName: 'Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi',
      status: 'issued',
      canManage: true,
    });
    const i1 = r.body.sections.find((s: { code: string }) => s.code === 'I.1');
    expect(i1.parentId).toBe(r.body.sections.find((s: { code: string }) => s.code === 'I').id);
    expect(await auditActions(planId)).toContain('plans.plan.create');
  });

  it('refuses an end year before the start year and duplicate section codes, naming the fields', async () => {
    const r = await staff.post(
      '/api/plans',
      planBody({
        yearTo: 2025,
        sections: [
          { code: 'I', title: 'A' },
          { code: 'I', title: 'B' },
        ],
      }),
    );
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('plans.invalid');
    expect(r.body.error.details.map((d: { path: string }) => d.path)).toEqual(['body.yearTo', 'body.sections.1.code']);
  });

  it('adds tasks and sub-tasks with a budget per year and source; checks sections, lead, dates and sources', async () => {
    const a = await staff.post(`/api/plans/${planId}/tasks`, {
      code: 'I.1.1',
      sectionCode: 'I.1',
      content: 'Trang bị máy tính cho phòng học (thử nghiệm)',
      leadUnitId: tinhKhe,
      coordinators: [{ unitId: await unitId(ctx, 'QNG.SGD.KHTC') }, { name: 'Sở Thông tin và Truyền thông' }],
      startOn: '2026-01-01',
      endOn: '2099-03-31',
      periodText: 'Quý I/2026',
      outputs: '30 máy tính',
      budgets: [
        { year: 2026, sourceCode: 'NST', amount: 150.5 },
        { year: 2026, sourceCode: 'CDTPT', amount: 1000 },
        { year: 2027, sourceCode: 'NST', amount: 20 },
      ],
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    task.a = a.body.id;
    expect(a.body).toMatchObject({ budgetTotal: 1170.5, status: 'not_started', progress: 0 });
    expect(a.body.coordinators.map((c: { name: string }) => c.name)).toEqual([
      'Phòng Kế hoạch – Tài chính',
      'Sở Thông tin và Truyền thông',
    ]);
    const child = await staff.post(`/api/plans/${planId}/tasks`, {
      code: 'I.1.1.1',
      sectionCode: 'I.1',
      parentCode: 'I.1.1',
      content: 'Khảo sát nhu cầu (thử nghiệm)',
      leadUnitId: tinhKhe,
      startOn: '2026-01-01',
      endOn: '2099-01-31',
    });
    expect(child.status).toBe(201);
    task.child = child.body.id;
    const outside = await staff.post(`/api/plans/${planId}/tasks`, {
      code: 'I.2.1',
      sectionCode: 'I.2',
      content: 'Kế hoạch bài dạy (kinh phí của trường)',
      leadName: 'Các trường THCS',
      counted: false,
      budgets: [{ year: 2026, sourceCode: 'DON_VI', amount: 500 }],
    });
    expect(outside.status).toBe(201);
    const parent = await staff.get(`/api/plan-tasks/${task.a}`);
    expect(parent.body.children.map((c: { code: string }) => c.code)).toEqual(['I.1.1.1']);

    const bad = await staff.post(`/api/plans/${planId}/tasks`, {
      code: 'I.9.1',
      sectionCode: 'I.9',
      content: 'Nhiệm vụ sai',
      startOn: '2026-05-01',
      endOn: '2026-04-01',
      budgets: [{ year: 2026, sourceCode: 'XYZ', amount: 1 }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(
      ['body.budgets.0.sourceCode', 'body.endOn', 'body.leadName', 'body.sectionCode'].sort(),
    );
    expect(bad.body.error.details[0].message).toMatch(/ \/ /);
    const dup = await staff.post(`/api/plans/${planId}/tasks`, { code: 'I.1.1', content: 'Trùng mã', leadName: 'X' });
    expect(dup.status).toBe(409);
    expect(await auditActions(task.a!)).toContain('plans.task.create');
  });

  it('totals counted tasks by year, source and lead unit', async () => {
    const r = await staff.get(`/api/plans/${planId}`);
    expect(r.body.totals).toMatchObject({
      grand: 1170.5,
      byYear: [
        { year: 2026, amount: 1150.5 },
        { year: 2027, amount: 20 },
      ],
    });
    expect(r.body.totals.bySource).toEqual([
      { sourceCode: 'CDTPT', label: 'CĐTPT', amount: 1000 },
      { sourceCode: 'NST', label: 'NST', amount: 170.5 },
    ]);
    expect(r.body.totals.byUnit).toHaveLength(1);
    expect(r.body.totals.byUnit[0]).toMatchObject({ unitId: tinhKhe, amount: 1170.5 });
  });

  it('updates a task with its version; a stale version is refused', async () => {
    const cur = await staff.get(`/api/plan-tasks/${task.a}`);
    const r = await staff.patch(`/api/plan-tasks/${task.a}`, {
      expectedVersion: cur.body.version,
      outputs: '32 máy tính',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.outputs).toBe('32 máy tính');
    expect(r.body.budgetTotal).toBe(1170.5);
    const stale = await staff.patch(`/api/plan-tasks/${task.a}`, { expectedVersion: cur.body.version, outputs: 'x' });
    expect(stale.status).toBe(409);
    expect(await auditActions(task.a!)).toContain('plans.task.update');
  });
});

describe('progress reports', () => {
  it('lets the lead commune report progress (kept as history, the task shows the latest), but not edit the plan', async () => {
    const view = await commune.get(`/api/plan-tasks/${task.a}`);
    expect(view.body.reportUnits).toEqual([{ unitId: tinhKhe, name: expect.stringContaining('Tịnh Khê') }]);
    expect(view.body.canManage).toBe(false);
    const bytes = Buffer.from('%PDF-1.7\nbien ban ban giao\n%%EOF\n');
    const key = `plans/test/${createHash('sha256').update(bytes).digest('hex')}.pdf`;
    const s = await ctx.platform.storage.put(key, bytes, 'application/pdf');
    const file = await ctx.platform.db
      .insertInto('stored_files')
      .values({
        storage_key: key,
        filename: 'bien-ban.pdf',
        content_type: 'application/pdf',
        size_bytes: s.size,
        sha256: s.sha256,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const first = await commune.post(`/api/plan-tasks/${task.a}/reports`, {
      status: 'in_progress',
      progress: 40,
      note: 'Đã nhận 12 máy',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await commune.post(`/api/plan-tasks/${task.a}/reports`, {
      status: 'in_progress',
      progress: 70,
      note: 'Đã lắp đặt 22 máy',
      storedFileIds: [file.id],
    });
    expect(second.body).toMatchObject({ status: 'in_progress', progress: 70 });
    expect(second.body.reports.map((r: { progress: number }) => r.progress)).toEqual([70, 40]);
    const ev = second.body.reports[0];
    expect(ev.files[0]).toMatchObject({ filename: 'bien-ban.pdf' });
    const dl = await ctx.app.inject({
      url: `/api/plan-tasks/${task.a}/reports/${ev.id}/files/${ev.files[0].id}`,
      headers: { cookie: commune.cookie },
    });
    expect(dl.statusCode).toBe(200);
    expect(dl.body).toContain('bien ban');
    const plan = await commune.get(`/api/plans/${planId}`);
    const patch = await commune.patch(`/api/plans/${planId}`, { expectedVersion: plan.body.version, title: 'Đổi tên' });
    expect(patch.status).toBe(403);
    const edit = await commune.patch(`/api/plan-tasks/${task.a}`, { expectedVersion: 99, outputs: 'x' });
    expect(edit.status).toBe(403);
    expect(await auditActions(task.a!)).toContain('plans.task.report');
  });

  it('refuses a report from another unit, and a done report below 100%', async () => {
    const other = await otherCommune.post(`/api/plan-tasks/${task.a}/reports`, {
      status: 'in_progress',
      progress: 10,
      note: 'x',
    });
    expect(other.status).toBe(403);
    expect((await otherCommune.get(`/api/plan-tasks/${task.a}`)).body.reportUnits).toEqual([]);
    const half = await commune.post(`/api/plan-tasks/${task.a}/reports`, {
      status: 'done',
      progress: 50,
      note: 'Xong',
    });
    expect(half.status).toBe(422);
    expect(half.body.error.details[0].path).toBe('body.progress');
    const anon = await ctx.app.inject({ method: 'GET', url: `/api/plans/${planId}` });
    expect(anon.statusCode).toBe(401);
    // A draft is the writers' own: the units reporting do not see it.
    const draft = await staff.post('/api/plans', planBody({ status: 'draft', title: 'Dự thảo kế hoạch (thử nghiệm)' }));
    expect((await commune.get(`/api/plans/${draft.body.id}`)).status).toBe(404);
    expect((await commune.get('/api/plans?q=dự thảo')).body.total).toBe(0);
    expect((await staff.get('/api/plans?q=dự thảo')).body.total).toBe(1);
  });
});

describe('late tasks', () => {
  it('flags a task past its end date and not done, lists it first among my tasks, and reminds the lead unit once a day', async () => {
    const plan = await staff.get(`/api/plans/${planId}`);
    const child = plan.body.tasks.find((t: { code: string }) => t.code === 'I.1.1.1');
    // End dates in 2026: the test day is fixed by moving the end date into the past.
    await ctx.platform.db
      .updateTable('plan_tasks' as never)
      .set({ start_on: '2020-01-01', end_on: '2020-01-31' } as never)
      .where('id' as never, '=', task.child as never)
      .execute();
    const again = await staff.get(`/api/plans/${planId}`);
    expect(again.body.tasks.find((t: { id: string }) => t.id === child.id).late).toBe(true);
    expect(again.body.lateCount).toBe(1);
    const mine = await commune.get('/api/plan-tasks/mine');
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.items[0]).toMatchObject({ code: 'I.1.1.1', late: true, role: 'lead' });
    expect(mine.body.items.map((t: { code: string }) => t.code)).toContain('I.1.1');
    expect((await otherCommune.get('/api/plan-tasks/mine')).body.total).toBe(0);

    const reminders = plansServices(ctx.platform).reminders;
    const first = await reminders.run('2026-11-24');
    expect(first.tasks).toBe(1);
    expect(first.messages).toBeGreaterThanOrEqual(1);
    const rows = await ctx.platform.db
      .selectFrom('notification_outbox')
      .select(['recipient', 'subject', 'body'])
      .where('template', '=', 'plans.task_late')
      .execute();
    expect(rows.map((r) => r.recipient)).toContain('xa.tinhkhe@demo.giaoducso.invalid');
    expect(rows[0]!.subject).toContain('I.1.1.1');
    expect(await reminders.run('2026-11-24')).toMatchObject({ tasks: 0, messages: 0 });
    expect((await reminders.run('2026-11-25')).tasks).toBe(1);
    // Done: no longer late, no longer reminded.
    const done = await commune.post(`/api/plan-tasks/${task.child}/reports`, {
      status: 'done',
      progress: 100,
      note: 'Đã khảo sát',
    });
    expect(done.body.late).toBe(false);
    expect((await reminders.run('2026-11-26')).tasks).toBe(0);
  });
});

describe('Excel', () => {
  it('exports the summary table and imports it into another plan, idempotently', async () => {
    const x = await ctx.app.inject({ url: `/api/plans/${planId}/export.xlsx`, headers: { cookie: staff.cookie } });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(x.rawPayload).buffer);
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    const headers = (ws.getRow(4).values as unknown[]).slice(1);
    expect(headers).toEqual(
      expect.arrayContaining([
        'STT',
        'Mã nhiệm vụ',
        'Nội dung',
        'Đơn vị chủ trì',
        'Kinh phí 2026 (NST)',
        'Kinh phí 2026 (CĐTPT)',
      ]),
    );
    const target = await staff.post(
      '/api/plans',
      planBody({ number: '124/KH-SGDĐT', title: 'Bản sao kế hoạch (nhập Excel)' }),
    );
    const upload = (buf: Buffer, dry = false) => {
      const boundary = 'gdsplans';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="k.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        buf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return ctx.app.inject({
        method: 'POST',
        url: `/api/plans/${target.body.id}/import.xlsx${dry ? '?dryRun=true' : ''}`,
        headers: {
          cookie: staff.cookie,
          'x-csrf-token': staff.csrf,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload,
      });
    };
    const first = await upload(x.rawPayload);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ rows: 3, created: 3, updated: 0, written: true, problems: [] });
    const copy = await staff.get(`/api/plans/${target.body.id}`);
    const orig = await staff.get(`/api/plans/${planId}`);
    const strip = (t: Record<string, unknown>) => ({
      ...t,
      id: null,
      planId: null,
      parentId: t.parentId ? 'p' : null,
      status: null,
      progress: null,
      late: null,
    });
    expect(copy.body.tasks.map(strip)).toEqual(orig.body.tasks.map(strip));
    expect(copy.body.totals).toEqual(orig.body.totals);
    const second = await upload(x.rawPayload);
    expect(second.json()).toMatchObject({ rows: 3, created: 0, updated: 0, written: true });

    // A changed amount updates the task; a bad row is reported (row, column, vi + en) and nothing is written.
    const budgetCol = headers.indexOf('Kinh phí 2026 (NST)') + 1;
    const contentCol = headers.indexOf('Nội dung') + 1;
    const endCol = headers.indexOf('Đến ngày') + 1;
    ws.getRow(5).getCell(budgetCol).value = 200;
    const changed = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await upload(changed, true)).json()).toMatchObject({ updated: 1, written: false });
    expect((await upload(changed)).json()).toMatchObject({ updated: 1, written: true });
    ws.getRow(6).getCell(contentCol).value = '';
    ws.getRow(6).getCell(budgetCol).value = 'nhiều';
    ws.getRow(7).getCell(endCol).value = '31/02/2026';
    ws.getRow(5).getCell(budgetCol).value = 300;
    const bad = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    const report = bad.json();
    expect(report.written).toBe(false);
    expect(report.problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
      [6, 'Nội dung'],
      [6, 'Kinh phí 2026 (NST)'],
      [7, 'Đến ngày'],
    ]);
    expect(report.problems[0].vi).toMatch(/Nội dung/);
    expect(report.problems[0].en).toMatch(/content/);
    const after = await staff.get(`/api/plans/${target.body.id}`);
    expect(after.body.tasks.find((t: { code: string }) => t.code === 'I.1.1').budgets).toContainEqual({
      year: 2026,
      sourceCode: 'NST',
      amount: 200,
    });
  });
});
