import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Who sees what in the learning library (public / province / own school, drafts), facet
 * counts on what the reader may see, collections and favourites. Resources belong to
 * Trường THPT Trần Quốc Tuấn (its teacher contributes); the other school is Trường Tiểu học Đăk Hà.
 */
let ctx: TestContext;
const who: Record<string, Client> = {};
const anonymous = (url: string) => ctx.app.inject(url).then((r) => ({ status: r.statusCode, body: r.json() }));
const res: Record<string, string> = {};

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

const unitOf = async (c: Client) => (await c.get('/api/auth/me')).body.user.grants[0].unitId as string;

async function step(id: string, action: string, by: Client) {
  const version = (await who.author!.get(`/api/library/resources/${id}`)).body.version;
  const r = await by.post(`/api/library/resources/${id}/actions`, { action, expectedVersion: version });
  expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
}

/** A resource by the teacher, published by the moderator unless `draft`. */
async function contribute(
  meta: {
    title: string;
    kind: string;
    grades: number[];
    subjects: string[];
    licenceCode: string;
    visibility: string;
    seriesCode?: string;
  },
  draft = false,
): Promise<string> {
  const r = await who.author!.post('/api/library/resources', {
    ...meta,
    levels: ['thpt'],
    version: { url: 'https://example.edu.vn/hoc-lieu' },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  if (draft) return r.body.id;
  await step(r.body.id, 'submit', who.author!);
  await step(r.body.id, 'start_review', who.moderator!);
  await step(r.body.id, 'publish', who.moderator!);
  return r.body.id;
}

beforeAll(async () => {
  ctx = await createTestContext();
  for (const [k, u] of [
    ['admin', 'admin'],
    ['author', 'gv.tranquoctuan'],
    ['principal', 'ht.tranquoctuan'],
    ['province', 'so.lanhdao'],
    ['otherPrincipal', 'ht.thdakha'],
  ] as const)
    who[k] = await login(ctx, u);
  const province = await unitOf(who.admin!);
  who.otherTeacher = await makeUser('gv.dakha', 'Y Nhung', 'teacher', await unitOf(who.otherPrincipal!));
  who.moderator = await makeUser('kd.thpt', 'Hà Văn Bình', 'library_moderator', province);
  const me = (await who.moderator.get('/api/auth/me')).body.user.id;
  await who.admin!.put(`/api/library/moderators/${me}/assignments`, {
    items: ['vat_li', 'toan', 'hoa_hoc'].map((subjectCode) => ({ subjectCode, level: 'thpt' })),
  });
  res.public = await contribute({
    title: 'Con lắc đơn – mô phỏng',
    kind: 'simulation',
    grades: [10],
    subjects: ['vat_li'],
    licenceCode: 'cc_by',
    visibility: 'public',
    seriesCode: 'kntt',
  });
  res.province = await contribute({
    title: 'Dao động điều hòa – bài giảng',
    kind: 'video',
    grades: [11],
    subjects: ['vat_li'],
    licenceCode: 'cc_by_sa',
    visibility: 'province',
    seriesCode: 'ctst',
  });
  res.school = await contribute({
    title: 'Hàm số bậc hai – đề kiểm tra',
    kind: 'document',
    grades: [10],
    subjects: ['toan'],
    licenceCode: 'internal',
    visibility: 'school',
  });
  res.chemistry = await contribute({
    title: 'Bảng tuần hoàn các nguyên tố',
    kind: 'image',
    grades: [10],
    subjects: ['hoa_hoc'],
    licenceCode: 'cc_by',
    visibility: 'public',
    seriesCode: 'kntt',
  });
  res.draft = await contribute(
    {
      title: 'Bản nháp: điện trường',
      kind: 'document',
      grades: [11],
      subjects: ['vat_li'],
      licenceCode: 'cc_by',
      visibility: 'public',
    },
    true,
  );
});
afterAll(() => ctx.close());

const reads = async (c: Client | null, id: string) =>
  (c ? await c.get(`/api/library/resources/${id}`) : await anonymous(`/api/library/resources/${id}`)).status === 200;
const finds = async (c: Client | null) => {
  const url = '/api/library/resources?pageSize=100';
  const r = c ? await c.get(url) : await anonymous(url);
  return new Set((r.body.items as { id: string }[]).map((x) => x.id));
};

// reader → [public, province, school, draft]
const matrix: [string, boolean[]][] = [
  ['anonymous', [true, false, false, false]],
  ['otherTeacher', [true, true, false, false]],
  ['otherPrincipal', [true, true, false, false]],
  ['province', [true, true, false, false]],
  // Moderators covering the school read what they reviewed (to take it down), though search
  // does not list a school-only resource to them.
  ['moderator', [true, true, true, false]],
  ['principal', [true, true, true, true]],
  ['author', [true, true, true, true]],
];

describe('visibility', () => {
  it.each(matrix)('%s reads exactly what the rules allow', async (reader, expected) => {
    const c = reader === 'anonymous' ? null : who[reader]!;
    const got = [];
    for (const k of ['public', 'province', 'school', 'draft']) got.push(await reads(c, res[k]!));
    expect(got).toEqual(expected);
  });

  it.each(matrix)('%s finds in search only published resources it may read', async (reader, expected) => {
    const found = await finds(reader === 'anonymous' ? null : who[reader]!);
    const listed = reader === 'moderator' ? [true, true, false] : expected.slice(0, 3);
    expect([found.has(res.public!), found.has(res.province!), found.has(res.school!), found.has(res.draft!)]).toEqual([
      ...listed,
      false,
    ]);
  });

  it('shows a submitted resource to the moderators covering it', async () => {
    await step(res.draft!, 'submit', who.author!);
    expect(await reads(who.moderator!, res.draft!)).toBe(true);
    expect(await reads(who.province!, res.draft!)).toBe(false);
  });

  it('refuses contributions to another school and by readers without the permission', async () => {
    const other = await who.author!.post('/api/library/resources', {
      kind: 'link',
      title: 'Sai trường',
      licenceCode: 'cc_by',
      visibility: 'public',
      schoolId: await unitOf(who.otherPrincipal!),
    });
    expect(other.status).toBe(403);
    const leader = await who.province!.post('/api/library/resources', {
      kind: 'link',
      title: 'Không có quyền',
      licenceCode: 'cc_by',
      visibility: 'public',
    });
    expect(leader.status).toBe(403);
    const anon = await ctx.app.inject({
      method: 'POST',
      url: '/api/library/resources',
      payload: { kind: 'link', title: 'Ẩn danh', licenceCode: 'cc_by', visibility: 'public' },
    });
    expect(anon.statusCode).toBe(401);
  });
});

describe('facets', () => {
  it('counts on the set the reader may see, each facet ignoring its own filter', async () => {
    const r = await who.principal!.get('/api/library/resources?grade=10');
    expect(r.body.total).toBe(3);
    expect(r.body.facets.grade).toEqual([
      { value: '10', count: 3 },
      { value: '11', count: 1 },
    ]);
    expect(r.body.facets.subject).toEqual([
      { value: 'hoa_hoc', count: 1 },
      { value: 'toan', count: 1 },
      { value: 'vat_li', count: 1 },
    ]);
    expect(r.body.facets.kind.map((k: { value: string }) => k.value).sort()).toEqual([
      'document',
      'image',
      'simulation',
    ]);
    expect(r.body.facets.series).toEqual([{ value: 'kntt', count: 2 }]);
    expect(r.body.facets.level).toEqual([{ value: 'thpt', count: 3 }]);
  });

  it('with two filters, counts each facet under the other filter only', async () => {
    const r = await who.principal!.get('/api/library/resources?grade=10&subject=vat_li');
    expect(r.body.total).toBe(1);
    expect(r.body.facets.grade).toEqual([
      { value: '10', count: 1 },
      { value: '11', count: 1 },
    ]);
    expect(r.body.facets.subject).toEqual([
      { value: 'hoa_hoc', count: 1 },
      { value: 'toan', count: 1 },
      { value: 'vat_li', count: 1 },
    ]);
    expect(r.body.facets.kind).toEqual([{ value: 'simulation', count: 1 }]);
  });

  it('combines filters and words; the anonymous reader counts public resources only', async () => {
    const r = await anonymous('/api/library/resources?q=con+lac&subject=vat_li&grade=10,11');
    expect(r.body.items.map((x: { id: string }) => x.id)).toEqual([res.public]);
    const all = await anonymous('/api/library/resources');
    expect(all.body.total).toBe(2);
    expect(all.body.facets.licence).toEqual([{ value: 'cc_by', count: 2 }]);
    expect(all.body.facets.subject).toEqual([
      { value: 'hoa_hoc', count: 1 },
      { value: 'vat_li', count: 1 },
    ]);
  });

  it('sorts by most used', async () => {
    for (let i = 0; i < 3; i++)
      await who.author!.post(`/api/library/resources/${res.chemistry}/usage`, { kind: 'download' });
    const r = await anonymous('/api/library/resources?sort=most_used');
    expect(r.body.items[0].id).toBe(res.chemistry);
  });
});

describe('collections', () => {
  let id = '';
  it('are curated by moderators from published resources, in order', async () => {
    const body = { title: 'Vật lí 10 – Kết nối tri thức', resourceIds: [res.province, res.public] };
    expect((await who.author!.post('/api/library/collections', body)).status).toBe(403);
    const withDraft = await who.moderator!.post('/api/library/collections', { ...body, resourceIds: [res.draft] });
    expect(withDraft.status).toBe(422);
    const r = await who.moderator!.post('/api/library/collections', body);
    expect(r.status).toBe(201);
    id = r.body.id;
    expect(r.body.items.map((x: { id: string }) => x.id)).toEqual([res.province, res.public]);
  });

  it('show each reader the items it may see', async () => {
    expect((await anonymous(`/api/library/collections/${id}`)).body.items.map((x: { id: string }) => x.id)).toEqual([
      res.public,
    ]);
    const list = await anonymous('/api/library/collections');
    expect(list.body.items).toEqual([{ id, title: 'Vật lí 10 – Kết nối tri thức', description: '', size: 2 }]);
  });

  it('are reordered by replacing their items', async () => {
    const r = await who.moderator!.put(`/api/library/collections/${id}`, {
      title: 'Vật lí 10 – Kết nối tri thức',
      resourceIds: [res.public, res.province],
    });
    expect(r.body.items.map((x: { id: string }) => x.id)).toEqual([res.public, res.province]);
  });
});

describe('favourites', () => {
  it('keep what a user may read, and only for signed-in users', async () => {
    const t = who.otherTeacher!;
    expect((await t.put(`/api/library/favourites/${res.public}`)).status).toBe(204);
    expect((await t.put(`/api/library/favourites/${res.public}`)).status).toBe(204);
    expect((await t.put(`/api/library/favourites/${res.school}`)).status).toBe(404);
    expect((await t.get('/api/library/favourites')).body.items.map((x: { id: string }) => x.id)).toEqual([res.public]);
    expect((await t.del(`/api/library/favourites/${res.public}`)).status).toBe(204);
    expect((await t.get('/api/library/favourites')).body.items).toEqual([]);
    expect((await anonymous('/api/library/favourites')).status).toBe(401);
  });
});
