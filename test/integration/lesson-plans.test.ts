import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../../src/server/platform/pdf/pdf-text.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Lesson plans (issue 4 item 6): a teacher of Trường THPT Trần Quốc Tuấn writes a plan in the
 * CV 5512 frame, saves it with optimistic concurrency, exports .docx and PDF, sends it to the
 * library for review; a moderator publishes it; a teacher of another school copies and adapts
 * it with the authors credited, and cannot read the first teacher's private drafts.
 */
let ctx: TestContext;
let teacher: Client; // gv.tranquoctuan, Lê Thị Mỹ Duyên
let principal: Client; // ht.tranquoctuan: same school
let other: Client; // a teacher of Trường Tiểu học số 1 Tịnh Khê
let moderator: Client; // khtn / thcs

async function makeUser(username: string, fullName: string, role: string, unitId: string): Promise<Client> {
  const db = ctx.platform.db;
  const { password_hash } = await db
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const u = await db
    .insertInto('users')
    .values({ username, full_name: fullName, password_hash, must_change_password: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('role_grants').values({ user_id: u.id, role_code: role, unit_id: unitId }).execute();
  return login(ctx, username);
}

/** A raw GET (exports are files, not JSON). */
async function download(c: Client, url: string) {
  const r = await ctx.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });
  return { status: r.statusCode, headers: r.headers, bytes: r.rawPayload };
}

const docxText = (bytes: Buffer) => new TextDecoder().decode(unzipSync(new Uint8Array(bytes))['word/document.xml']);

async function auditOf(entityId: string) {
  return ctx.platform.db
    .selectFrom('audit_log')
    .select(['action', 'actor_name', 'before', 'after'])
    .where('entity_type', '=', 'lesson_plan')
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
}

const HEADER = {
  subject: { code: 'vat_li', name: 'Vật lí' },
  grade: 10,
  title: 'Bài 1: Làm quen với Vật lí',
  periods: 2,
};

beforeAll(async () => {
  ctx = await createTestContext();
  teacher = await login(ctx, 'gv.tranquoctuan');
  principal = await login(ctx, 'ht.tranquoctuan');
  const admin = await login(ctx, 'admin');
  const province = (await admin.get('/api/auth/me')).body.user.grants[0].unitId as string;
  const primary = (await (await login(ctx, 'ht.thso1tinhkhe')).get('/api/auth/me')).body.user.grants[0]
    .unitId as string;
  other = await makeUser('gv.thso1tinhkhe', 'Y Bhăm Êban', 'teacher', primary);
  moderator = await makeUser('kd.khtn', 'Phạm Văn Khoa', 'library_moderator', province);
  const moderatorId = (await moderator.get('/api/auth/me')).body.user.id as string;
  await admin.put(`/api/library/moderators/${moderatorId}/assignments`, {
    items: [{ subjectCode: 'khtn', level: 'thcs' }],
  });
});
afterAll(() => ctx.close());

describe('create and save', () => {
  let id = '';

  it('creates the empty CV 5512 frame from a header, in the teacher’s school, audited', async () => {
    const r = await teacher.post('/api/lesson-plans', { header: HEADER });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    id = r.body.id;
    expect(r.body.content.header).toMatchObject({
      school: 'Trường THPT Trần Quốc Tuấn',
      teachers: ['Lê Thị Mỹ Duyên'],
      title: 'Bài 1: Làm quen với Vật lí',
    });
    expect(r.body.content.activities.map((a: { stage: string }) => a.stage)).toEqual([
      'opening',
      'newKnowledge',
      'practice',
      'application',
    ]);
    expect(r.body.gaps).toContain('objectives.knowledge');
    expect(r.body).toMatchObject({ version: 1, canEdit: true, canDelete: true, adaptedFrom: null });
    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(['lesson_plan.create']);
    expect(audit[0]!.after).toMatchObject({ title: 'Bài 1: Làm quen với Vật lí', from: 'empty' });
  });

  it('refuses an empty plan without a header, an unknown subject and a subject not taught in the grade', async () => {
    expect((await teacher.post('/api/lesson-plans', {})).status).toBe(400);
    const unknown = await teacher.post('/api/lesson-plans', {
      header: { ...HEADER, subject: { code: 'thien_van', name: 'Thiên văn' } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe('body.content.header.subject.code');
    const grade = await teacher.post('/api/lesson-plans', { header: { ...HEADER, grade: 3 } });
    expect(grade.status).toBe(400);
    expect(grade.body.error.details[0]).toEqual({
      path: 'body.content.header.grade',
      message: 'Môn Vật lí không dạy ở lớp 3.',
    });
  });

  it('saves the whole document, bumps the version and audits before and after', async () => {
    const plan = (await teacher.get(`/api/lesson-plans/${id}`)).body;
    plan.content.objectives.knowledge = ['  Nêu được đối tượng nghiên cứu của Vật lí.  '];
    plan.content.activities[1].minutes = 45;
    const r = await teacher.put(`/api/lesson-plans/${id}`, { expectedVersion: 1, content: plan.content });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.version).toBe(2);
    expect(r.body.content.objectives.knowledge).toEqual(['Nêu được đối tượng nghiên cứu của Vật lí.']);
    expect(r.body.gaps).not.toContain('objectives.knowledge');
    const update = (await auditOf(id)).find((a) => a.action === 'lesson_plan.update');
    expect(update?.before).toMatchObject({ version: 1, gaps: plan.gaps.length });
    expect(update?.after).toMatchObject({ version: 2, gaps: plan.gaps.length - 1 });
  });

  it('answers 409 to a save from a stale copy and keeps the newer text', async () => {
    const plan = (await teacher.get(`/api/lesson-plans/${id}`)).body;
    plan.content.header.title = 'Bài 1: Giới thiệu môn Vật lí';
    const r = await teacher.put(`/api/lesson-plans/${id}`, { expectedVersion: 1, content: plan.content });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('resource.stale');
    expect((await teacher.get(`/api/lesson-plans/${id}`)).body.title).toBe('Bài 1: Làm quen với Vật lí');
  });

  it('refuses a document that breaks the schema, naming the field', async () => {
    const plan = (await teacher.get(`/api/lesson-plans/${id}`)).body;
    const noName = structuredClone(plan.content);
    noName.activities[0].name = ' ';
    const r = await teacher.put(`/api/lesson-plans/${id}`, { expectedVersion: 2, content: noName });
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: { path: string }) => d.path)).toContain('body.content.activities.0.name');
    const none = await teacher.put(`/api/lesson-plans/${id}`, {
      expectedVersion: 2,
      content: { ...plan.content, activities: [] },
    });
    expect(none.status).toBe(400);
    const stranger = await teacher.put(`/api/lesson-plans/${id}`, {
      expectedVersion: 2,
      content: { ...plan.content, resourceIds: ['5a6f0c8e-1d2b-4c3a-9e8f-000000000501'] },
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details[0].path).toBe('body.content.resourceIds.0');
  });

  it('lets the school’s staff read a plan but not change it; another school sees nothing', async () => {
    const seen = await principal.get(`/api/lesson-plans/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.canEdit).toBe(false);
    const plan = seen.body;
    expect((await principal.put(`/api/lesson-plans/${id}`, { expectedVersion: 2, content: plan.content })).status).toBe(
      403,
    );
    expect((await other.get(`/api/lesson-plans/${id}`)).status).toBe(404);
    expect((await download(other, `/api/lesson-plans/${id}/export.pdf`)).status).toBe(404);
    expect((await other.del(`/api/lesson-plans/${id}`)).status).toBe(404);
    const school = await principal.get('/api/lesson-plans?scope=school');
    expect(school.body.items.map((p: { id: string }) => p.id)).toContain(id);
    expect((await other.get('/api/lesson-plans?scope=school')).body.items).toEqual([]);
    expect((await principal.get('/api/lesson-plans')).body.items).toEqual([]);
    expect((await teacher.get('/api/lesson-plans')).body.items.map((p: { id: string }) => p.id)).toContain(id);
  });

  it('deletes a draft never sent, audited', async () => {
    const draft = await teacher.post('/api/lesson-plans', { header: { ...HEADER, title: 'Bản nháp sẽ xóa' } });
    expect((await teacher.del(`/api/lesson-plans/${draft.body.id}`)).status).toBe(204);
    expect((await teacher.get(`/api/lesson-plans/${draft.body.id}`)).status).toBe(404);
    expect((await auditOf(draft.body.id)).map((a) => a.action)).toEqual(['lesson_plan.create', 'lesson_plan.delete']);
  });
});

describe('exports', () => {
  let id = '';
  const ATTACHED = 'Mô phỏng “Lực ma sát trên mặt phẳng nghiêng”';

  beforeAll(async () => {
    const resource = await teacher.post('/api/library/resources', {
      kind: 'link',
      title: ATTACHED,
      levels: ['thcs'],
      grades: [6],
      subjects: ['khtn'],
      licenceCode: 'cc_by',
      visibility: 'public',
      version: { url: 'https://example.org/ma-sat' },
    });
    expect(resource.status, JSON.stringify(resource.body)).toBe(201);
    const created = await teacher.post('/api/lesson-plans', { from: 'sample' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    id = created.body.id;
    const saved = await teacher.put(`/api/lesson-plans/${id}`, {
      expectedVersion: 1,
      content: { ...created.body.content, resourceIds: [resource.body.id] },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.resources).toEqual([{ id: resource.body.id, title: ATTACHED, kind: 'link' }]);
  });

  it('gives a .docx with the Vietnamese text and both file names', async () => {
    const r = await download(teacher, `/api/lesson-plans/${id}/export.docx`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(r.headers['content-disposition']).toBe(
      `attachment; filename="ke-hoach-bai-day-bai-5-luc-ma-sat.docx"; filename*=UTF-8''${encodeURIComponent('Kế hoạch bài dạy - Bài 5 Lực ma sát.docx')}`,
    );
    const xml = docxText(r.bytes);
    for (const s of [
      'KẾ HOẠCH BÀI DẠY',
      'TRƯỜNG THPT TRẦN QUỐC TUẤN',
      'Lê Thị Mỹ Duyên',
      'Bước 4: Kết luận, nhận định',
    ])
      expect(xml).toContain(s);
    expect(xml).toContain('Mô phỏng “Lực ma sát trên mặt phẳng nghiêng”');
  });

  it('gives a PDF whose text reads back in Vietnamese', async () => {
    const r = await download(teacher, `/api/lesson-plans/${id}/export.pdf`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(String(r.headers['content-disposition'])).toContain('filename="ke-hoach-bai-day-bai-5-luc-ma-sat.pdf"');
    const lines = await extractPdfText(r.bytes);
    for (const s of ['KẾ HOẠCH BÀI DẠY', 'TÊN BÀI DẠY: Bài 5: Lực ma sát', 'Lê Thị Mỹ Duyên', `- ${ATTACHED}`])
      expect(lines).toContain(s);
  });

  it('lets a colleague export, with the same attached resource (public)', async () => {
    const r = await download(principal, `/api/lesson-plans/${id}/export.docx`);
    expect(r.status).toBe(200);
    expect(docxText(r.bytes)).toContain(ATTACHED);
  });
});

describe('send to the library and adapt', () => {
  let id = '';
  let resourceId = '';

  beforeAll(async () => {
    const created = await teacher.post('/api/lesson-plans', { from: 'sample' });
    id = created.body.id;
  });

  it('refuses to submit for review a plan with gaps, naming them', async () => {
    const empty = await teacher.post('/api/lesson-plans', { header: HEADER });
    const r = await teacher.post(`/api/lesson-plans/${empty.body.id}/send`, { expectedVersion: 1, submit: true });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('lesson_plan.incomplete');
    expect(r.body.error.details.map((d: { path: string }) => d.path)).toContain('content.objectives.knowledge');
    expect((await teacher.post(`/api/lesson-plans/${id}/send`, { expectedVersion: 9 })).status).toBe(409);
  });

  it('sends the PDF as a lesson_plan resource and submits it for review, keeping a snapshot', async () => {
    const r = await teacher.post(`/api/lesson-plans/${id}/send`, {
      expectedVersion: 1,
      visibility: 'public',
      licenceCode: 'cc_by_sa',
      submit: true,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    resourceId = r.body.resource.id;
    expect(r.body.resource.status).toBe('submitted');
    expect(r.body.plan).toMatchObject({ resourceId, canDelete: false });
    expect(r.body.plan.publications).toHaveLength(1);

    const resource = (await teacher.get(`/api/library/resources/${resourceId}`)).body;
    expect(resource).toMatchObject({
      kind: 'lesson_plan',
      title: 'Kế hoạch bài dạy Khoa học tự nhiên 6: Bài 5: Lực ma sát',
      levels: ['thcs'],
      grades: [6],
      subjects: ['khtn'],
      authors: ['Lê Thị Mỹ Duyên'],
      licenceCode: 'cc_by_sa',
      visibility: 'public',
    });
    const file = await download(teacher, `/api/library/resources/${resourceId}/file`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(await extractPdfText(file.bytes)).toContain('TÊN BÀI DẠY: Bài 5: Lực ma sát');

    const snapshot = await ctx.platform.db
      .selectFrom('stored_files')
      .select(['content_type', 'filename'])
      .where('storage_key', 'like', `lesson-plans/%/${id}/%`)
      .orderBy('content_type')
      .execute();
    expect(snapshot.map((f) => f.filename)).toEqual([
      'Kế hoạch bài dạy - Bài 5 Lực ma sát.pdf',
      'Kế hoạch bài dạy - Bài 5 Lực ma sát.docx',
    ]);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['lesson_plan.create', 'lesson_plan.send']);
    const del = await teacher.del(`/api/lesson-plans/${id}`);
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('lesson_plan.sent');
  });

  it('will not adapt a plan before it is published, nor a resource that is not a plan', async () => {
    const r = await other.post('/api/lesson-plans/adapt', { resourceId });
    expect(r.status).toBe(404); // a submitted resource is not visible to readers
    const link = (await teacher.get('/api/library/resources/mine')).body.items.find(
      (x: { kind: string }) => x.kind === 'link',
    );
    expect((await teacher.post('/api/lesson-plans/adapt', { resourceId: link.id })).body.error.code).toBe(
      'lesson_plan.not_adaptable',
    );
  });

  it('lets another school’s teacher copy-and-adapt the published plan, crediting its author', async () => {
    for (const action of ['start_review', 'publish']) {
      const version = (await teacher.get(`/api/library/resources/${resourceId}`)).body.version;
      const step = await moderator.post(`/api/library/resources/${resourceId}/actions`, {
        action,
        expectedVersion: version,
      });
      expect(step.status, JSON.stringify(step.body)).toBe(200);
    }
    // The teacher edits her working copy after publication: the snapshot does not change.
    const mine = (await teacher.get(`/api/lesson-plans/${id}`)).body;
    mine.content.header.title = 'Bài 5: Lực ma sát (bản sửa)';
    expect((await teacher.put(`/api/lesson-plans/${id}`, { expectedVersion: 1, content: mine.content })).status).toBe(
      200,
    );

    const r = await other.post('/api/lesson-plans/adapt', { resourceId });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.content.header).toMatchObject({
      title: 'Bài 5: Lực ma sát',
      teachers: ['Y Bhăm Êban'],
      school: 'Trường Tiểu học số 1 Tịnh Khê',
      department: null,
    });
    expect(r.body.content.attribution.adaptedFrom).toEqual({
      planId: id,
      title: 'Bài 5: Lực ma sát',
      authors: ['Lê Thị Mỹ Duyên'],
    });
    expect(r.body.adaptedFrom).toEqual({
      resourceId,
      note: 'Phỏng theo kế hoạch bài dạy “Bài 5: Lực ma sát” của Lê Thị Mỹ Duyên',
    });
    const lines = await extractPdfText((await download(other, `/api/lesson-plans/${r.body.id}/export.pdf`)).bytes);
    expect(lines).toContain('(Phỏng theo kế hoạch bài dạy “Bài 5: Lực ma sát” của Lê Thị Mỹ Duyên)');
    const audit = await auditOf(r.body.id);
    expect(audit.map((a) => [a.action, a.actor_name])).toEqual([['lesson_plan.adapt', 'gv.thso1tinhkhe']]);
    expect(audit[0]!.after).toMatchObject({ resourceId });

    // The credit cannot be removed by a save.
    const copy = r.body.content;
    const saved = await other.put(`/api/lesson-plans/${r.body.id}`, {
      expectedVersion: 1,
      content: { ...copy, attribution: null },
    });
    expect(saved.body.content.attribution.adaptedFrom.authors).toEqual(['Lê Thị Mỹ Duyên']);
    expect((await teacher.get(`/api/lesson-plans/${r.body.id}`)).status).toBe(404);
  });

  it('sends an edited plan again as a new version of the same resource', async () => {
    const plan = (await teacher.get(`/api/lesson-plans/${id}`)).body;
    const r = await teacher.post(`/api/lesson-plans/${id}/send`, { expectedVersion: plan.version, submit: true });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.resource).toMatchObject({ id: resourceId, status: 'submitted' });
    expect(r.body.plan.publications).toHaveLength(2);
    const resource = (await teacher.get(`/api/library/resources/${resourceId}`)).body;
    expect(resource.versions).toHaveLength(2);
    expect(resource.proposedMetadata.title).toBe('Kế hoạch bài dạy Khoa học tự nhiên 6: Bài 5: Lực ma sát (bản sửa)');
    // Readers still adapt the published snapshot until the new version is published.
    const again = await other.post('/api/lesson-plans/adapt', { resourceId });
    expect(again.body.content.header.title).toBe('Bài 5: Lực ma sát');
  });
});
