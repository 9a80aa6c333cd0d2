import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * The moderation workflow of the learning library: a teacher of Trường THPT Trần Quốc Tuấn
 * contributes, a physics moderator of the Sở reviews (returns with a comment, then publishes),
 * readers find it without accents, it is taken down and restored, and a new version is
 * reviewed while the published one stays visible.
 */
let ctx: TestContext;
let teacher: Client;
let admin: Client;
let physics: Client; // moderator assigned vat_li / thpt
let maths: Client; // moderator assigned toan / thcs
const anonymous = (url: string) => ctx.app.inject(url).then((r) => ({ status: r.statusCode, body: r.json() }));

/** A user signed in without the first-login password change, holding one role on one unit. */
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

async function userId(c: Client): Promise<string> {
  return (await c.get('/api/auth/me')).body.user.id;
}

async function storedFile(owner: string, name: string): Promise<string> {
  const f = await ctx.platform.db
    .insertInto('stored_files')
    .values({
      storage_key: `test/${crypto.randomUUID()}`,
      filename: name,
      content_type: 'application/zip',
      size_bytes: 1024,
      sha256: 'a'.repeat(64),
      created_by: owner,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // As a finished tus upload for the library (the only files a teacher may attach).
  await ctx.platform.db
    .insertInto('uploads')
    .values({
      owner_id: owner,
      purpose: 'library',
      filename: name,
      upload_length: 1024,
      upload_offset: 1024,
      state: 'complete',
      file_id: f.id,
      expires_at: new Date(Date.now() + 86_400_000),
    })
    .execute();
  return f.id;
}

/** A step on the version the author sees (moderators do not see drafts). */
async function act(c: Client, id: string, action: string, comment?: string) {
  const version = (await teacher.get(`/api/library/resources/${id}`)).body.version;
  return c.post(`/api/library/resources/${id}/actions`, { action, expectedVersion: version, comment });
}

const TITLE = 'Thí nghiệm ảo Vật lí 10: đo gia tốc rơi tự do';
let id = '';
let firstVersion = '';

beforeAll(async () => {
  ctx = await createTestContext();
  teacher = await login(ctx, 'gv.tranquoctuan');
  admin = await login(ctx, 'admin');
  const province = (await admin.get('/api/auth/me')).body.user.grants[0].unitId as string;
  physics = await makeUser('kd.vatli', 'Phạm Văn Khoa', 'library_moderator', province);
  maths = await makeUser('kd.toan', 'Ngô Thị Lan', 'library_moderator', province);
  const assigned = await admin.put(`/api/library/moderators/${await userId(physics)}/assignments`, {
    items: [{ subjectCode: 'vat_li', level: 'thpt' }],
  });
  expect(assigned.body.items).toEqual([{ userId: await userId(physics), subjectCode: 'vat_li', level: 'thpt' }]);
  await admin.put(`/api/library/moderators/${await userId(maths)}/assignments`, {
    items: [{ subjectCode: 'toan', level: 'thcs' }],
  });
});
afterAll(() => ctx.close());

describe('reference data', () => {
  it('lists the 2018 curriculum subjects per level, the series, licences and languages', async () => {
    const r = await anonymous('/api/library/reference');
    expect(r.status).toBe(200);
    const physicsRef = r.body.subjects.find((s: { code: string }) => s.code === 'vat_li');
    expect(physicsRef.levels).toEqual([{ level: 'thpt', nameVi: 'Vật lí', grades: [10, 11, 12], elective: true }]);
    expect(r.body.series.map((s: { nameVi: string }) => s.nameVi)).toEqual([
      'Kết nối tri thức với cuộc sống',
      'Chân trời sáng tạo',
      'Cánh Diều',
    ]);
    expect(r.body.licences.find((l: { code: string }) => l.code === 'cc_by_sa').url).toBe(
      'https://creativecommons.org/licenses/by-sa/4.0/',
    );
    expect(r.body.languages.map((l: { code: string }) => l.code)).toEqual(
      expect.arrayContaining(['vi', 'en', 'bdq', 'jra', 'sed', 'jeh', 'stg', 'hre', 'cua']),
    );
  });
});

describe('moderation', () => {
  it('creates a draft in the teacher’s school, invisible to readers', async () => {
    const fileId = await storedFile(await userId(teacher), 'roi-tu-do.zip');
    const r = await teacher.post('/api/library/resources', {
      kind: 'simulation',
      title: TITLE,
      description: 'Mô phỏng HTML5: thả vật trong chân không và đo gia tốc.',
      keywords: ['rơi tự do', 'gia tốc trọng trường'],
      levels: ['thpt'],
      grades: [10],
      subjects: ['vat_li'],
      seriesCode: 'kntt',
      authors: ['Lê Thị Mỹ Duyên'],
      licenceCode: 'cc_by',
      visibility: 'public',
      version: { fileId, note: 'Bản đầu tiên' },
    });
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('draft');
    expect(r.body.versions).toHaveLength(1);
    expect(r.body.dublinCore['dc:publisher']).toEqual(['Trường THPT Trần Quốc Tuấn']);
    expect(r.body.dublinCore['dc:format']).toEqual(['application/zip']);
    id = r.body.id;
    firstVersion = r.body.currentVersionId;
    expect((await anonymous(`/api/library/resources/${id}`)).status).toBe(404);
    expect((await physics.get(`/api/library/resources/${id}`)).status).toBe(404);
  });

  it('refuses a grade outside the chosen level and an unknown subject', async () => {
    const r = await teacher.post('/api/library/resources', {
      kind: 'document',
      title: 'Sai cấp học',
      levels: ['thpt'],
      grades: [5],
      subjects: ['khong_co'],
      licenceCode: 'cc_by',
      visibility: 'public',
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('library.invalid_metadata');
    expect(r.body.error.details.map((d: { path: string }) => d.path)).toEqual(['grades', 'subjects']);
  });

  it('lets only contributors submit, and puts the resource in the assigned moderator’s queue only', async () => {
    expect((await act(physics, id, 'submit')).status).toBe(403);
    const r = await act(teacher, id, 'submit');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('submitted');
    const inQueue = async (c: Client) =>
      (await c.get('/api/library/queue')).body.items.some((x: { id: string }) => x.id === id);
    expect(await inQueue(physics)).toBe(true);
    expect(await inQueue(maths)).toBe(false);
    expect((await teacher.get('/api/library/queue')).status).toBe(403);
  });

  it('refuses review by an unassigned moderator and publication by the teacher', async () => {
    expect((await act(maths, id, 'start_review')).status).toBe(403);
    expect((await act(teacher, id, 'publish')).status).toBe(403);
  });

  it('returns with a comment (required), the teacher fixes and resubmits', async () => {
    expect((await act(physics, id, 'start_review')).body.status).toBe('in_review');
    const noComment = await act(physics, id, 'return');
    expect(noComment.status).toBe(400);
    const returned = await act(physics, id, 'return', 'Bổ sung hướng dẫn sử dụng cho học sinh.');
    expect(returned.body.status).toBe('returned');
    const seen = (await teacher.get(`/api/library/resources/${id}`)).body;
    expect(seen.transitions.at(-1)).toMatchObject({
      action: 'return',
      fromStatus: 'in_review',
      toStatus: 'returned',
      comment: 'Bổ sung hướng dẫn sử dụng cho học sinh.',
      actorName: 'Phạm Văn Khoa',
    });
    const patched = await teacher.patch(`/api/library/resources/${id}`, {
      expectedVersion: seen.version,
      description: 'Mô phỏng HTML5: thả vật trong chân không và đo gia tốc. Có hướng dẫn sử dụng cho học sinh.',
    });
    expect(patched.status).toBe(200);
    expect((await act(teacher, id, 'submit')).body.status).toBe('submitted');
  });

  it('publishes; an anonymous reader finds it without accents, and "d" finds "đ"', async () => {
    await act(physics, id, 'start_review');
    const published = await act(physics, id, 'publish');
    expect(published.body.status).toBe('published');
    expect(published.body.publishedVersionId).toBe(firstVersion);
    for (const q of ['thi nghiem ao vat li 10', 'THI NGHIEM AO', 'vat li', 'gia toc', 'd', 'do gia toc roi tu do']) {
      const r = await anonymous(`/api/library/resources?q=${encodeURIComponent(q)}`);
      expect(r.status, q).toBe(200);
      expect(
        r.body.items.map((x: { id: string }) => x.id),
        q,
      ).toContain(id);
      expect(r.body.matchedBy).toBe('fulltext');
    }
    const typo = await anonymous(`/api/library/resources?q=${encodeURIComponent('thi nghim ao')}`);
    expect(typo.body.matchedBy).toBe('trigram');
    expect(typo.body.items.map((x: { id: string }) => x.id)).toContain(id);
    const audit = await ctx.platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'library.resource.create',
      'library.resource.submit',
      'library.resource.start_review',
      'library.resource.return',
      'library.resource.update',
      'library.resource.submit',
      'library.resource.start_review',
      'library.resource.publish',
    ]);
  });

  it('keeps the published version visible while a new version is reviewed', async () => {
    const fileId = await storedFile(await userId(teacher), 'roi-tu-do-v2.zip');
    const added = await teacher.post(`/api/library/resources/${id}/versions`, { fileId, note: 'Sửa lỗi đơn vị đo' });
    expect(added.status).toBe(201);
    expect(added.body.status).toBe('draft');
    const newVersion = added.body.currentVersionId as string;
    expect(newVersion).not.toBe(firstVersion);
    const reader = await anonymous(`/api/library/resources/${id}`);
    expect(reader.status).toBe(200);
    expect(reader.body.versions.map((v: { id: string }) => v.id)).toEqual([firstVersion]);
    expect(reader.body.transitions).toEqual([]);
    expect((await anonymous('/api/library/resources?q=thi+nghiem+ao')).body.total).toBe(1);
    await act(teacher, id, 'submit');
    expect((await act(physics, id, 'start_review')).body.publishedVersionId).toBe(firstVersion);
    const republished = await act(physics, id, 'publish');
    expect(republished.body.publishedVersionId).toBe(newVersion);
    expect((await anonymous(`/api/library/resources/${id}`)).body.versions.map((v: { id: string }) => v.id)).toEqual([
      newVersion,
    ]);
  });

  it('takes down with a reason (gone from search) and restores', async () => {
    expect((await act(physics, id, 'take_down')).status).toBe(400);
    const down = await act(physics, id, 'take_down', 'Vi phạm bản quyền hình ảnh.');
    expect(down.body.status).toBe('taken_down');
    expect((await anonymous('/api/library/resources?q=thi+nghiem+ao+vat+li+10')).body.total).toBe(0);
    expect((await anonymous(`/api/library/resources/${id}`)).status).toBe(404);
    expect((await teacher.get(`/api/library/resources/${id}`)).body.transitions.at(-1).comment).toBe(
      'Vi phạm bản quyền hình ảnh.',
    );
    expect((await act(physics, id, 'restore')).body.status).toBe('published');
    expect((await anonymous('/api/library/resources?q=thi+nghiem+ao+vat+li+10')).body.total).toBe(1);
  });

  /** The search tables of 0017 against a count from library_resources itself: rows that differ (none when right). */
  async function searchTablesDrift(): Promise<unknown[]> {
    const { sql } = await import('kysely');
    const { rows } = await sql`
      WITH fresh AS (
        SELECT p.audience, p.facet, p.value, count(*)::bigint AS count FROM library_resources r,
          gds_library_facet_pairs(r.listed, r.visibility, r.school_id, r.levels, r.grades, r.subjects, r.kind,
            r.licence_code, r.series_code) p GROUP BY 1, 2, 3),
      kept AS (SELECT audience, facet, value, count FROM library_search_facet_counts WHERE count <> 0),
      fresh_cells AS (
        SELECT CASE visibility WHEN 'school' THEN 'school:' || school_id ELSE visibility END AS audience, levels,
          grades, subjects, kind, licence_code, series_code, count(*)::bigint AS n
        FROM library_resources WHERE listed GROUP BY 1, 2, 3, 4, 5, 6, 7),
      kept_cells AS (SELECT audience, levels, grades, subjects, kind, licence_code, series_code, n
        FROM library_search_facet_cells WHERE n <> 0)
      (SELECT 'counts' AS t, to_jsonb(x) AS row FROM ((TABLE fresh EXCEPT TABLE kept) UNION ALL (TABLE kept EXCEPT TABLE fresh)) x)
      UNION ALL
      (SELECT 'cells', to_jsonb(x) FROM ((TABLE fresh_cells EXCEPT TABLE kept_cells) UNION ALL (TABLE kept_cells EXCEPT TABLE fresh_cells)) x)
      UNION ALL
      (SELECT 'docs', to_jsonb(x) FROM ((SELECT id FROM library_resources WHERE listed EXCEPT SELECT id FROM library_search_docs)
        UNION ALL (SELECT id FROM library_search_docs EXCEPT SELECT id FROM library_resources WHERE listed)) x)`.execute(
      ctx.platform.db,
    );
    return rows;
  }

  it('keeps the precomputed counts, the search copy and the per-node facet cache right through take-down and restore', async () => {
    expect(await searchTablesDrift()).toEqual([]);
    const browse = async () => (await anonymous('/api/library/resources')).body;
    const words = async () => (await anonymous('/api/library/resources?q=thi+nghiem+ao')).body;
    const filtered = async () => (await anonymous('/api/library/resources?subject=vat_li&grade=10')).body;
    const before = { browse: await browse(), words: await words(), filtered: await filtered() };
    expect(before.words.total).toBe(1);
    // Asked twice: the second is answered from this node's cache, and agrees.
    const { libraryServices } = await import('../../src/server/modules/library/library.module.ts');
    const cache = libraryServices(ctx.platform).search.facetCache;
    const hits = cache.hits;
    expect(await words()).toEqual(before.words);
    expect(cache.hits).toBe(hits + 1);
    const physicsCount = (b: { facets: { subject: { value: string; count: number }[] } }) =>
      b.facets.subject.find((f) => f.value === 'vat_li')?.count ?? 0;

    expect((await act(physics, id, 'take_down', 'Kiểm tra lại nguồn.')).body.status).toBe('taken_down');
    expect(await searchTablesDrift()).toEqual([]);
    const down = { browse: await browse(), words: await words(), filtered: await filtered() };
    expect(down.browse.total).toBe(before.browse.total - 1);
    expect(physicsCount(down.browse)).toBe(physicsCount(before.browse) - 1);
    expect(down.words.total).not.toBe(1); // not the cached count of before
    expect(down.words.items.map((x: { id: string }) => x.id)).not.toContain(id);
    expect(down.filtered.total).toBe(before.filtered.total - 1);

    expect((await act(physics, id, 'restore')).body.status).toBe('published');
    expect(await searchTablesDrift()).toEqual([]);
    expect(await browse()).toEqual(before.browse);
    expect((await words()).total).toBe(1);
    expect((await filtered()).total).toBe(before.filtered.total);
  });

  it('refuses a step on a stale version and a step the state does not allow', async () => {
    const r = await physics.post(`/api/library/resources/${id}/actions`, {
      action: 'take_down',
      expectedVersion: 1,
      comment: 'x',
    });
    expect(r.body.error.code).toBe('resource.stale');
    const wrong = await act(physics, id, 'publish');
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe('library.invalid_transition');
  });

  it('counts views and downloads with the reader’s school', async () => {
    expect((await teacher.post(`/api/library/resources/${id}/usage`, { kind: 'view' })).status).toBe(204);
    expect((await teacher.post(`/api/library/resources/${id}/usage`, { kind: 'download' })).status).toBe(204);
    const r = await ctx.app.inject({
      method: 'POST',
      url: `/api/library/resources/${id}/usage`,
      payload: { kind: 'view' },
    });
    expect(r.statusCode).toBe(204);
    const detail = (await anonymous(`/api/library/resources/${id}`)).body;
    expect([detail.viewCount, detail.downloadCount]).toEqual([2, 1]);
    const events = await ctx.platform.db
      .selectFrom('library_usage_events')
      .select(['kind', 'school_id'])
      .where('resource_id', '=', id)
      .orderBy('id')
      .execute();
    const school = (await teacher.get('/api/auth/me')).body.user.grants[0].unitId;
    expect(events).toEqual([
      { kind: 'view', school_id: school },
      { kind: 'download', school_id: school },
      { kind: 'view', school_id: null },
    ]);
  });
});

describe('changes to a published resource', () => {
  const detail = async (c: Client) => (await c.get(`/api/library/resources/${id}`)).body;

  it('offers each side the steps it may take', async () => {
    const now = await detail(teacher);
    expect(now.status).toBe('published');
    expect(now.actions).toEqual([]);
    expect((await detail(physics)).actions).toEqual(['take_down']);
    expect((await anonymous(`/api/library/resources/${id}`)).body.actions).toEqual([]);
  });

  it('reviews an edit of the metadata while readers keep the published one', async () => {
    const before = await detail(teacher);
    const edit = await teacher.patch(`/api/library/resources/${id}`, {
      expectedVersion: before.version,
      title: 'Thí nghiệm ảo Vật lí 10: đo gia tốc rơi tự do bằng cổng quang',
      keywords: [...before.keywords, 'cổng quang'],
    });
    expect(edit.status).toBe(200);
    expect(edit.body.status).toBe('draft');
    expect(edit.body.title).toBe(TITLE);
    expect(edit.body.proposedMetadata.title).toBe('Thí nghiệm ảo Vật lí 10: đo gia tốc rơi tự do bằng cổng quang');
    expect(edit.body.actions).toEqual(['submit']);
    // Readers: the published title, not the proposal; search does not find the new words yet.
    const reader = (await anonymous(`/api/library/resources/${id}`)).body;
    expect([reader.title, reader.proposedMetadata]).toEqual([TITLE, null]);
    expect((await anonymous('/api/library/resources?q=cong+quang')).body.total).toBe(0);
    // The kind of a published resource does not change.
    const kind = await teacher.patch(`/api/library/resources/${id}`, {
      expectedVersion: edit.body.version,
      kind: 'video',
    });
    expect(kind.body.error.code).toBe('library.invalid_metadata');

    await act(teacher, id, 'submit');
    expect((await detail(physics)).actions.sort()).toEqual(['return', 'start_review', 'take_down']);
    await act(physics, id, 'start_review');
    const published = await act(physics, id, 'publish');
    expect(published.body.title).toBe('Thí nghiệm ảo Vật lí 10: đo gia tốc rơi tự do bằng cổng quang');
    expect(published.body.proposedMetadata).toBeNull();
    expect(
      (await anonymous('/api/library/resources?q=cong+quang')).body.items.map((x: { id: string }) => x.id),
    ).toEqual([id]);
    const audit = await ctx.platform.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_id', '=', id)
      .where('action', 'in', ['library.resource.propose_metadata', 'library.resource.publish'])
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'library.resource.propose_metadata',
      'library.resource.publish',
    ]);
  });

  it('takes down while a new version waits for review, dropping the pending work', async () => {
    const fileId = await storedFile(await userId(teacher), 'roi-tu-do-v3.zip');
    const added = await teacher.post(`/api/library/resources/${id}/versions`, { fileId, note: 'Bản 3' });
    const published = added.body.publishedVersionId as string;
    await act(teacher, id, 'submit');
    await act(physics, id, 'start_review');
    expect((await act(physics, id, 'take_down')).status).toBe(400); // a reason is required
    const down = await act(physics, id, 'take_down', 'Hình minh họa chưa rõ nguồn.');
    expect(down.status).toBe(200);
    expect(down.body.status).toBe('taken_down');
    expect(down.body.currentVersionId).toBe(published);
    expect((await anonymous(`/api/library/resources/${id}`)).status).toBe(404);
    expect((await act(physics, id, 'restore')).body.status).toBe('published');
    const back = (await anonymous(`/api/library/resources/${id}`)).body;
    expect(back.versions.map((v: { id: string }) => v.id)).toEqual([published]);
  });

  it('never takes down what was never published', async () => {
    const draft = await teacher.post('/api/library/resources', {
      kind: 'link',
      title: 'Liên kết chưa xuất bản',
      levels: ['thpt'],
      subjects: ['vat_li'],
      licenceCode: 'cc_by',
      visibility: 'province',
      version: { url: 'https://example.org/bai-giang' },
    });
    await teacher.post(`/api/library/resources/${draft.body.id}/actions`, {
      action: 'submit',
      expectedVersion: draft.body.version,
    });
    const seen = (await physics.get(`/api/library/resources/${draft.body.id}`)).body;
    expect(seen.actions).not.toContain('take_down');
    const r = await physics.post(`/api/library/resources/${draft.body.id}/actions`, {
      action: 'take_down',
      expectedVersion: seen.version,
      comment: 'Không phù hợp.',
    });
    expect(r.body.error.code).toBe('library.invalid_transition');
  });

  it('attaches only a file the teacher uploaded for the library', async () => {
    const adminFile = await storedFile(await userId(admin), 'cua-nguoi-khac.zip');
    const r = await teacher.post(`/api/library/resources/${id}/versions`, { fileId: adminFile });
    expect(r.status).toBe(403);
    const stored = await ctx.platform.db
      .insertInto('stored_files')
      .values({
        storage_key: `test/${crypto.randomUUID()}`,
        filename: 'khong-qua-tai-len.zip',
        content_type: 'application/zip',
        size_bytes: 10,
        sha256: 'b'.repeat(64),
        created_by: await userId(teacher),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await teacher.post(`/api/library/resources/${id}/versions`, { fileId: stored.id })).status).toBe(403);
  });
});

describe('lists for contributors and moderators', () => {
  it('filters the moderator’s queue by status, level and subject, with counts per value', async () => {
    const make = async (title: string) => {
      const r = await teacher.post('/api/library/resources', {
        kind: 'link',
        title,
        levels: ['thpt'],
        grades: [10],
        subjects: ['vat_li'],
        licenceCode: 'cc_by',
        visibility: 'province',
        version: { url: 'https://example.org/vat-li' },
      });
      await teacher.post(`/api/library/resources/${r.body.id}/actions`, {
        action: 'submit',
        expectedVersion: r.body.version,
      });
      return r.body.id as string;
    };
    await make('Bài giảng: chuyển động tròn đều');
    const reviewed = await make('Bài giảng: định luật Hooke');
    await act(physics, reviewed, 'start_review');

    const all = (await physics.get('/api/library/queue')).body;
    const count = (facet: string, value: string) =>
      all.counts[facet].find((c: { value: string }) => c.value === value)?.count ?? 0;
    expect(count('status', 'in_review') + count('status', 'submitted')).toBe(all.total);
    expect(count('level', 'thpt')).toBe(all.total);
    expect(count('subject', 'vat_li')).toBe(all.total);
    const inReview = (await physics.get('/api/library/queue?status=in_review')).body;
    expect(inReview.total).toBe(count('status', 'in_review'));
    expect(inReview.items.map((x: { id: string }) => x.id)).toContain(reviewed);
    expect(inReview.items.every((x: { status: string }) => x.status === 'in_review')).toBe(true);
    // A filter does not count against its own values.
    expect(inReview.counts.status).toEqual(all.counts.status);
    expect((await physics.get('/api/library/queue?subject=toan')).body.total).toBe(0);
    expect((await physics.get('/api/library/queue?level=cap_4')).status).toBe(400);
  });

  it('lists the teacher’s own resources or the school’s, each with the last moderator comment', async () => {
    const mine = (await teacher.get('/api/library/resources/mine?pageSize=100')).body;
    const main = mine.items.find((x: { id: string }) => x.id === id);
    expect(main.lastComment).toMatchObject({ action: 'take_down', comment: 'Hình minh họa chưa rõ nguồn.' });
    expect(main.updatedAt).toEqual(expect.any(String));
    const colleague = await makeUser('gv.tqt.2', 'Trần Văn Bình', 'teacher', main.schoolId);
    expect((await colleague.get('/api/library/resources/mine')).body.total).toBe(0);
    const school = (await colleague.get('/api/library/resources/mine?scope=school&pageSize=100')).body;
    expect(school.total).toBe(mine.total);
    expect((await physics.get('/api/library/resources/mine?scope=school')).status).toBe(403);
  });
});
