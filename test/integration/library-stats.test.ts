import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../src/server/platform/backup/backup.ts';
import { restoreBackup } from '../../src/server/platform/backup/restore.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Library statistics (issue 4 item 5): the figures equal the views and downloads recorded,
 * per month (Vietnam days) and per school of the readers; the Sở's report of which schools
 * contribute and which use, scoped (the province for the Sở, the commune's schools for a
 * commune officer), filtered, and exported to Excel.
 */
let ctx: TestContext;
const who: Record<string, Client> = {};
const ids = { physics: '', maths: '', draft: '', primaryDraft: '' };
const schools = { tqt: '', tinhKhe1: '', dakHa: '' };

async function makeUser(username: string, role: string, unitId: string): Promise<Client> {
  const db = ctx.platform.db;
  const { password_hash } = await db
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const u = await db
    .insertInto('users')
    .values({ username, full_name: `Người dùng ${username}`, password_hash, must_change_password: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('role_grants').values({ user_id: u.id, role_code: role, unit_id: unitId }).execute();
  return login(ctx, username);
}

const unitOf = async (c: Client) => (await c.get('/api/auth/me')).body.user.grants[0].unitId as string;

async function step(id: string, action: string, by: Client) {
  const version = (await who.teacher!.get(`/api/library/resources/${id}`)).body.version;
  const r = await by.post(`/api/library/resources/${id}/actions`, { action, expectedVersion: version });
  expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
}

async function create(by: Client, meta: Record<string, unknown>): Promise<string> {
  const r = await by.post('/api/library/resources', {
    kind: 'link',
    licenceCode: 'cc_by',
    version: { url: 'https://example.edu.vn/hoc-lieu' },
    ...meta,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

async function published(meta: Record<string, unknown>): Promise<string> {
  const id = await create(who.teacher!, meta);
  for (const [action, by] of [
    ['submit', who.teacher!],
    ['start_review', who.moderator!],
    ['publish', who.moderator!],
  ] as const)
    await step(id, action, by);
  return id;
}

const use = async (c: Client | null, id: string, kind: 'view' | 'download') => {
  const url = `/api/library/resources/${id}/usage`;
  const r = c
    ? await c.post(url, { kind })
    : await ctx.app.inject({ method: 'POST', url, payload: { kind } }).then((x) => ({ status: x.statusCode }));
  expect(r.status).toBe(204);
};

/** Events of earlier months, written as the service writes them (the trigger keeps the daily counts). */
async function pastEvent(resourceId: string, kind: 'view' | 'download', at: string, schoolId: string | null) {
  await ctx.platform.db
    .insertInto('library_usage_events')
    .values({ resource_id: resourceId, kind, at: new Date(at), user_id: null, school_id: schoolId })
    .execute();
}

const overview = (c: Client, query = '') => c.get(`/api/library/stats/overview${query}`);
type Row = { schoolId: string; name: string; communeName: string } & Record<string, unknown>;
const rowOf = (body: { schools: Row[] }, schoolId: string) => body.schools.find((s) => s.schoolId === schoolId);

beforeAll(async () => {
  ctx = await createTestContext();
  const admin = await login(ctx, 'admin');
  who.teacher = await login(ctx, 'gv.tranquoctuan');
  who.principal1 = await login(ctx, 'ht.thso1tinhkhe');
  who.commune = await login(ctx, 'xa.tinhkhe');
  who.leader = await login(ctx, 'so.lanhdao');
  who.division = await login(ctx, 'so.gdtrh');
  schools.tqt = await unitOf(who.teacher);
  schools.tinhKhe1 = await unitOf(who.principal1);
  schools.dakHa = await unitOf(await login(ctx, 'ht.thdakha'));
  who.otherTeacher = await makeUser('gv.dakha.tk', 'teacher', schools.dakHa);
  who.moderator = await makeUser('kd.thongke', 'library_moderator', await unitOf(admin));
  const me = (await who.moderator.get('/api/auth/me')).body.user.id;
  await admin.put(`/api/library/moderators/${me}/assignments`, {
    items: [
      { subjectCode: 'vat_li', level: 'thpt' },
      { subjectCode: 'toan', level: 'thpt' },
    ],
  });
  const thpt = { levels: ['thpt'], grades: [10] };
  ids.physics = await published({ title: 'Con lắc đơn', subjects: ['vat_li'], visibility: 'public', ...thpt });
  ids.maths = await published({ title: 'Hàm số bậc hai', subjects: ['toan'], visibility: 'province', ...thpt });
  ids.draft = await create(who.teacher, {
    title: 'Bản nháp Vật lí',
    subjects: ['vat_li'],
    visibility: 'public',
    ...thpt,
  });
  ids.primaryDraft = await create(who.principal1, {
    title: 'Phép cộng trong phạm vi 10',
    subjects: ['toan'],
    levels: ['tieu_hoc'],
    grades: [1],
    visibility: 'public',
  });

  // This month: the physics resource, read by two schools, a commune officer and an anonymous reader.
  await use(who.teacher, ids.physics, 'view');
  await use(who.teacher, ids.physics, 'view');
  await use(who.teacher, ids.physics, 'download');
  await use(who.principal1, ids.physics, 'view');
  await use(who.commune, ids.physics, 'view');
  await use(null, ids.physics, 'view');
  await use(who.principal1, ids.maths, 'download');
  // Earlier months: the maths resource in January and February 2025, by Trần Quốc Tuấn's readers.
  for (const at of ['2025-01-15T10:00:00+07:00', '2025-01-16T08:00:00+07:00', '2025-01-31T23:30:00+07:00'])
    await pastEvent(ids.maths, 'view', at, schools.tqt);
  await pastEvent(ids.maths, 'download', '2025-02-20T09:00:00+07:00', schools.tqt);
  // 17:30 UTC on 28 February is 00:30 on 1 March in Vietnam: a March figure.
  await pastEvent(ids.maths, 'view', '2025-02-28T17:30:00Z', schools.tqt);
}, 120_000);

afterAll(() => ctx?.close());

describe('the daily counts', () => {
  it('equal the events recorded, kind by kind', async () => {
    const { rows } = await sql<{ kind: string; events: number; counted: number }>`
      SELECT e.kind, count(*)::int AS events,
        (SELECT sum(CASE e.kind WHEN 'view' THEN d.views ELSE d.downloads END) FROM library_usage_per_day d)::int AS counted
      FROM library_usage_events e GROUP BY e.kind ORDER BY e.kind`.execute(ctx.platform.db);
    expect(rows).toEqual([
      { kind: 'download', events: 3, counted: 3 },
      { kind: 'view', events: 9, counted: 9 },
    ]);
  });
});

describe('statistics of a resource', () => {
  it('gives its author views and downloads per month and per school of the readers', async () => {
    const r = await who.teacher!.get(`/api/library/stats/resources/${ids.physics}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()).slice(0, 7);
    expect(r.body).toMatchObject({
      title: 'Con lắc đơn',
      schoolId: schools.tqt,
      schoolName: 'Trường THPT Trần Quốc Tuấn',
      views: 5,
      downloads: 1,
      byMonth: [{ month, views: 5, downloads: 1 }],
      otherReaders: { views: 2, downloads: 0 },
    });
    expect(r.body.bySchool).toEqual([
      { schoolId: schools.tqt, name: 'Trường THPT Trần Quốc Tuấn', views: 2, downloads: 1 },
      { schoolId: schools.tinhKhe1, name: expect.stringContaining('Tịnh Khê'), views: 1, downloads: 0 },
    ]);
  });

  it('counts a period of Vietnam days, month by month', async () => {
    const r = await who.teacher!.get(`/api/library/stats/resources/${ids.maths}?from=2025-01-01&to=2025-02-28`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ views: 3, downloads: 1, from: '2025-01-01', to: '2025-02-28' });
    expect(r.body.byMonth).toEqual([
      { month: '2025-01', views: 3, downloads: 0 },
      { month: '2025-02', views: 0, downloads: 1 },
    ]);
    const march = await who.teacher!.get(`/api/library/stats/resources/${ids.maths}?from=2025-03-01&to=2025-03-01`);
    expect(march.body.byMonth).toEqual([{ month: '2025-03', views: 1, downloads: 0 }]);
  });

  it('is shown to the Sở, not to a commune officer of another area, a teacher of another school or anonymous', async () => {
    expect((await who.leader!.get(`/api/library/stats/resources/${ids.physics}`)).status).toBe(200);
    expect((await who.division!.get(`/api/library/stats/resources/${ids.physics}`)).status).toBe(200);
    expect((await who.commune!.get(`/api/library/stats/resources/${ids.physics}`)).status).toBe(403);
    expect((await who.otherTeacher!.get(`/api/library/stats/resources/${ids.physics}`)).status).toBe(403);
    const anon = await ctx.app.inject({ method: 'GET', url: `/api/library/stats/resources/${ids.physics}` });
    expect(anon.statusCode).toBe(401);
    // A resource the caller cannot read at all does not exist for them.
    expect((await who.otherTeacher!.get(`/api/library/stats/resources/${ids.draft}`)).status).toBe(404);
  });

  it('refuses a period that ends before it starts', async () => {
    const r = await who.teacher!.get(`/api/library/stats/resources/${ids.maths}?from=2025-03-01&to=2025-01-01`);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('request.invalid');
  });
});

describe('the report of contributing and using schools', () => {
  it('gives the Sở every school with its contributions by status, published resources and use', async () => {
    const r = await overview(who.leader!);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const tqt = rowOf(r.body, schools.tqt)!;
    expect(tqt).toMatchObject({
      name: 'Trường THPT Trần Quốc Tuấn',
      contributed: { draft: 1, submitted: 0, in_review: 0, returned: 0, published: 2, taken_down: 0 },
      contributedTotal: 3,
      published: 2,
      views: 2 + 4,
      downloads: 1 + 1,
      contributes: true,
      uses: true,
    });
    expect(tqt.lastActivityAt).not.toBeNull();
    expect(rowOf(r.body, schools.tinhKhe1)).toMatchObject({
      contributedTotal: 1,
      contributed: expect.objectContaining({ draft: 1 }),
      published: 0,
      views: 1,
      downloads: 1,
      contributes: true,
      uses: true,
    });
    const dakHa = rowOf(r.body, schools.dakHa)!;
    expect(dakHa).toMatchObject({ contributes: false, uses: false, lastActivityAt: null });
    // Schools that neither contribute nor use come first.
    expect(r.body.schools[0].contributes || r.body.schools[0].uses).toBe(false);
    expect(r.body.totals).toMatchObject({
      contributing: 2,
      using: 2,
      neither: r.body.totals.schools - 2,
      contributed: 4,
      published: 2,
      views: 7,
      downloads: 3,
    });
    expect(r.body.otherReaders).toEqual({ views: 2, downloads: 0 });
    // Preschools are not in it (the library's curriculum starts at grade 1).
    expect(r.body.schools.some((s: Row) => s.name.startsWith('Trường Mầm non'))).toBe(false);
    expect(r.body.subjects).toEqual([
      { code: 'toan', name: 'Toán', contributed: 2, published: 1, views: 4, downloads: 2 },
      { code: 'vat_li', name: 'Vật lí', contributed: 2, published: 1, views: 5, downloads: 1 },
    ]);
  });

  it('gives the Sở’s division staff the province too', async () => {
    const [leader, division] = await Promise.all([overview(who.leader!), overview(who.division!)]);
    expect(division.status).toBe(200);
    expect(division.body.totals).toEqual(leader.body.totals);
  });

  it('gives a commune officer only the schools of the commune', async () => {
    const r = await overview(who.commune!);
    expect(r.status).toBe(200);
    expect(r.body.scope).toEqual([{ id: await unitOf(who.commune!), name: expect.stringContaining('Tịnh Khê') }]);
    const commune = rowOf(r.body, schools.tinhKhe1)!.communeName;
    expect(r.body.schools.length).toBeGreaterThan(1);
    expect(r.body.schools.every((s: Row) => s.communeName === commune)).toBe(true);
    expect(rowOf(r.body, schools.tqt)).toBeUndefined();
    expect(r.body.totals).toMatchObject({ contributing: 1, using: 1, views: 1, downloads: 1 });
    expect(r.body.otherReaders).toBeNull();
    expect(r.body.subjects).toEqual([
      { code: 'toan', name: 'Toán', contributed: 1, published: 0, views: 0, downloads: 1 },
      { code: 'vat_li', name: 'Vật lí', contributed: 0, published: 0, views: 1, downloads: 0 },
    ]);
  });

  it('filters by period, subject and level', async () => {
    const january = await overview(who.leader!, '?from=2025-01-01&to=2025-01-31');
    expect(january.body.totals).toMatchObject({ views: 3, downloads: 0, contributed: 0, using: 1, contributing: 0 });
    const maths = await overview(who.leader!, '?subject=toan');
    expect(rowOf(maths.body, schools.tqt)).toMatchObject({ views: 4, downloads: 1, contributedTotal: 1 });
    expect(maths.body.subjects.map((s: { code: string }) => s.code)).toEqual(['toan']);
    const primary = await overview(who.leader!, '?level=tieu_hoc');
    expect(rowOf(primary.body, schools.tqt)).toBeUndefined();
    expect(rowOf(primary.body, schools.tinhKhe1)).toMatchObject({ contributedTotal: 1, views: 0, downloads: 0 });
    expect(primary.body.totals).toMatchObject({ contributing: 1, using: 0 });
  });

  it('is refused to teachers and anonymous readers', async () => {
    expect((await overview(who.teacher!)).status).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/library/stats/overview' })).statusCode).toBe(401);
    expect((await overview(who.leader!, '?level=mau_giao')).status).toBe(400);
  });

  it('exports the report to Excel with a row per school, and audits the export', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/library/stats/overview.xlsx?from=2025-01-01',
      headers: { cookie: who.commune!.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename=.*\.xlsx/);
    const report = (await overview(who.commune!, '?from=2025-01-01')).body;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Theo trường', 'Theo môn học', 'Tổng hợp']);
    const sheet = wb.getWorksheet('Theo trường')!;
    expect(sheet.rowCount).toBe(report.schools.length + 1);
    expect(sheet.getRow(1).getCell(3).value).toBe('Tên trường');
    const names = sheet.getColumn(3).values.slice(2);
    expect(names).toEqual(report.schools.map((s: Row) => s.name));
    const line = sheet.getRow(2 + report.schools.findIndex((s: Row) => s.schoolId === schools.tinhKhe1));
    const headers = sheet.getRow(1).values as string[];
    expect(line.getCell(headers.indexOf('Lượt xem')).value).toBe(1);
    expect(line.getCell(headers.indexOf('Có đóng góp')).value).toBe('Có');
    const audit = await ctx.platform.db
      .selectFrom('audit_log')
      .select(['actor_name', 'after'])
      .where('action', '=', 'library.stats.export')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_name: 'xa.tinhkhe',
      after: { format: 'xlsx', filter: { from: '2025-01-01' } },
    });
  });
});

describe('a backup and restore', () => {
  let own: TestContext;
  beforeAll(async () => {
    own = await createTestContext();
  }, 60_000);
  afterAll(() => own?.close());

  it('gives back the daily counts exactly: rebuilt from the events, then replaced by the archived rows', async () => {
    const db = own.platform.db;
    const teacher = await login(own, 'gv.tranquoctuan');
    const school = await unitOf(teacher);
    const draft = await teacher.post('/api/library/resources', {
      kind: 'link',
      title: 'Học liệu để sao lưu',
      licenceCode: 'cc_by',
      visibility: 'public',
      version: { url: 'https://example.edu.vn/sao-luu' },
    });
    expect(draft.status).toBe(201);
    for (const [kind, days, by] of [
      ['view', 0, school],
      ['view', 0, school],
      ['download', 1, null],
      ['view', 40, school],
    ] as const)
      await own.platform.db
        .insertInto('library_usage_events')
        .values({ resource_id: draft.body.id, kind, at: new Date(Date.now() - days * 86_400_000), school_id: by })
        .execute();
    const daily = () =>
      sql<{ day: string; school_id: string | null; views: string; downloads: string }>`
        SELECT day::text, school_id, views, downloads FROM library_usage_per_day ORDER BY 1, 2`
        .execute(db)
        .then((r) => r.rows);
    const before = await daily();
    expect(before.reduce((n, r) => n + Number(r.views), 0)).toBe(3);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gds-stats-backup-'));
    try {
      const made = await createBackup({
        pool: own.database.pool,
        storage: own.platform.storage,
        out: path.join(dir, 'sao-luu.tar.gz'),
      });
      await restoreBackup({ pool: own.database.pool, storage: own.platform.storage, file: made.file });
      expect(await daily()).toEqual(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
