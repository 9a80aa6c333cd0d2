import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_NAME, type PackageManifestInput } from '../../src/server/platform/packages/offline-manifest.ts';
import { buildOfflinePackage } from '../../src/server/platform/packages/offline-package-build.ts';
import { readOfflinePackage } from '../../src/server/platform/packages/offline-package-read.ts';
import { collect } from '../../src/server/platform/packages/packages.fixtures.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Offline packages (issue 4 item 7), the round trip: a collection of installation A exported as
 * a zip (files once each, metadata, index.html), uploaded through tus into installation B (a
 * second database) and imported as drafts of a school there; imported again without copies; an
 * "internal use only" resource kept within a school; damaged packages refused with reasons.
 */
let a: TestContext;
let b: TestContext;
const TUS = { 'tus-resumable': '1.0.0' };
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const sha = (x: Uint8Array) => createHash('sha256').update(x).digest('hex');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
const SIM = Buffer.from(
  zipSync({
    'con-lac/index.html': strToU8('<!doctype html><html><body><script src="app.js"></script>Con lắc</body></html>'),
    'con-lac/app.js': strToU8('document.title = "Con lắc đơn";'),
  }),
);

async function makeUser(ctx: TestContext, username: string, role: string, unitId: string): Promise<Client> {
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

/** Uploads through tus (creation, then PATCH in two chunks); returns the stored file's id. */
async function upload(ctx: TestContext, c: Client, data: Buffer, name: string, purpose: string): Promise<string> {
  const headers = { ...TUS, cookie: c.cookie, 'x-csrf-token': c.csrf };
  const created = await ctx.app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: {
      ...headers,
      'upload-length': String(data.length),
      'upload-metadata': `filename ${b64(name)},purpose ${b64(purpose)}`,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const location = String(created.headers.location);
  const half = Math.floor(data.length / 2);
  for (const [from, to] of [
    [0, half],
    [half, data.length],
  ] as const) {
    const patched = await ctx.app.inject({
      method: 'PATCH',
      url: location,
      headers: { ...headers, 'upload-offset': String(from), 'content-type': 'application/offset+octet-stream' },
      payload: data.subarray(from, to),
    });
    expect(patched.statusCode, patched.body).toBe(204);
  }
  const state = await c.get(location);
  expect(state.body.state).toBe('complete');
  return state.body.fileId as string;
}

/** Installation A: a teacher's published resources and a moderator's collection of them. */
const A = {
  teacher: null as unknown as Client,
  moderator: null as unknown as Client,
  ids: {} as Record<'image' | 'image2' | 'internal' | 'sim' | 'link' | 'schoolOnly', string>,
  collection: '',
};

async function step(id: string, action: string, by: Client) {
  const version = (await A.teacher.get(`/api/library/resources/${id}`)).body.version;
  const r = await by.post(`/api/library/resources/${id}/actions`, { action, expectedVersion: version });
  expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
}

async function publish(meta: Record<string, unknown>, version: { fileId?: string; url?: string }): Promise<string> {
  const r = await A.teacher.post('/api/library/resources', {
    levels: ['thpt'],
    grades: [10],
    subjects: ['vat_li'],
    licenceCode: 'cc_by',
    ...meta,
    version,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  await step(r.body.id, 'submit', A.teacher);
  await step(r.body.id, 'start_review', A.moderator);
  await step(r.body.id, 'publish', A.moderator);
  return r.body.id;
}

async function exportAs(c: Client | null, id = A.collection) {
  const res = await a.app.inject({
    method: 'GET',
    url: `/api/library/collections/${id}/package`,
    headers: c ? { cookie: c.cookie } : {},
  });
  return res;
}

let zipAsTeacher: Buffer;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestContext(), createTestContext()]);
  const admin = await login(a, 'admin');
  A.teacher = await login(a, 'gv.tranquoctuan');
  A.moderator = await makeUser(a, 'kd.goi', 'library_moderator', await unitOf(admin));
  const me = (await A.moderator.get('/api/auth/me')).body.user.id;
  await admin.put(`/api/library/moderators/${me}/assignments`, { items: [{ subjectCode: 'vat_li', level: 'thpt' }] });
  const png = await upload(a, A.teacher, PNG, 'Sơ đồ con lắc.png', 'library');
  const pdf = await upload(a, A.teacher, PDF, 'Phiếu học tập.pdf', 'library');
  const sim = await upload(a, A.teacher, SIM, 'Con lắc.zip', 'library');
  A.ids.image = await publish(
    {
      kind: 'image',
      title: 'Sơ đồ con lắc đơn',
      description: 'Hình vẽ con lắc đơn dùng cho bài 23.',
      keywords: ['con lắc', 'dao động'],
      seriesCode: 'kntt',
      authors: ['Lê Thị Mỹ Duyên', 'Nguyễn Văn An'],
      visibility: 'public',
    },
    { fileId: png },
  );
  A.ids.image2 = await publish({ kind: 'image', title: 'Con lắc đơn – bản in', visibility: 'public' }, { fileId: png });
  A.ids.internal = await publish(
    // Readable by anyone here, but licensed for internal use only: no anonymous package carries it.
    { kind: 'document', title: 'Phiếu học tập nội bộ', licenceCode: 'internal', visibility: 'public' },
    { fileId: pdf },
  );
  A.ids.sim = await publish({ kind: 'simulation', title: 'Mô phỏng con lắc', visibility: 'province' }, { fileId: sim });
  A.ids.link = await publish(
    { kind: 'link', title: 'PhET: con lắc', licenceCode: 'cc_by', visibility: 'public', languageCode: 'en' },
    { url: 'https://phet.colorado.edu/vi/simulations/pendulum-lab' },
  );
  A.ids.schoolOnly = await publish(
    { kind: 'image', title: 'Ảnh lớp 10A1 (nội bộ trường)', visibility: 'school' },
    { fileId: png },
  );
  const c = await A.moderator.post('/api/library/collections', {
    title: 'Vật lí 10 – Dao động',
    description: 'Học liệu về con lắc, mang đến trường bằng USB.',
    resourceIds: Object.values(A.ids),
  });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  A.collection = c.body.id;
  const res = await exportAs(A.teacher);
  expect(res.statusCode, res.body).toBe(200);
  zipAsTeacher = res.rawPayload;
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

describe('export of a collection', () => {
  it('streams a zip with the manifest, index.html and each file once, named after the collection', async () => {
    const res = await exportAs(A.teacher);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(String(res.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('Vật lí 10 – Dao động.zip')}`,
    );
    const reading = readOfflinePackage(zipAsTeacher);
    if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
    const { manifest } = reading;
    // The school-only resource is the teacher's own school's: they may see it, so it goes too.
    expect(manifest.resources.map((r) => r.id)).toEqual(Object.values(A.ids));
    // The PNG of three resources, the PDF, the simulation: three files, once each.
    expect(reading.files.map((f) => f.sha256).sort()).toEqual([sha(PNG), sha(PDF), sha(SIM)].sort());
    const names = Object.keys(unzipSync(zipAsTeacher));
    expect(names).toContain('index.html');
    expect(names).toContain(`sims/${A.ids.sim}/index.html`);
    expect(strFromU8(unzipSync(zipAsTeacher)['index.html']!)).toContain('Sơ đồ con lắc đơn');
  });

  it('carries the metadata: licence, authors, levels, subjects, school, installation and source ids', () => {
    const reading = readOfflinePackage(zipAsTeacher);
    if (!reading.ok) throw new Error('unreadable');
    const image = reading.manifest.resources.find((r) => r.id === A.ids.image)!;
    expect(image).toMatchObject({
      title: 'Sơ đồ con lắc đơn',
      description: 'Hình vẽ con lắc đơn dùng cho bài 23.',
      kind: 'image',
      keywords: ['con lắc', 'dao động'],
      levels: [{ code: 'thpt', name: 'Trung học phổ thông' }],
      grades: [10],
      subjects: [{ code: 'vat_li', name: 'Vật lí' }],
      language: { code: 'vi', name: 'Tiếng Việt' },
      licence: { code: 'cc_by', name: 'CC BY 4.0 (Ghi công)', url: 'https://creativecommons.org/licenses/by/4.0/' },
      authors: ['Lê Thị Mỹ Duyên', 'Nguyễn Văn An'],
      schoolName: 'Trường THPT Trần Quốc Tuấn',
      series: { code: 'kntt', name: 'Kết nối tri thức với cuộc sống' },
    });
    expect(image.publishedAt).not.toBeNull();
    expect(image.files).toEqual([expect.objectContaining({ sha256: sha(PNG), mime: 'image/png', size: PNG.length })]);
    expect(reading.manifest.installation.name).toBe('Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi');
    expect(reading.manifest.collection.title).toBe('Vật lí 10 – Dao động');
    const link = reading.manifest.resources.find((r) => r.id === A.ids.link)!;
    expect(link.links).toEqual([{ url: 'https://phet.colorado.edu/vi/simulations/pendulum-lab' }]);
    expect(link.files).toEqual([]);
  });

  it('gives an anonymous reader only the public resources, never an internal-use one, and audits both', async () => {
    const res = await exportAs(null);
    expect(res.statusCode).toBe(200);
    const reading = readOfflinePackage(res.rawPayload);
    if (!reading.ok) throw new Error('unreadable');
    expect(reading.manifest.resources.map((r) => r.id)).toEqual([A.ids.image, A.ids.image2, A.ids.link]);
    expect(reading.files.map((f) => f.sha256)).toEqual([sha(PNG)]);
    const audits = await a.platform.db
      .selectFrom('audit_log')
      .select(['actor_name', 'after'])
      .where('action', '=', 'library.collection.export')
      .where('entity_id', '=', A.collection)
      .orderBy('id')
      .execute();
    expect(audits.length).toBeGreaterThanOrEqual(3);
    expect(audits[0]!.actor_name).toBe('gv.tranquoctuan');
    expect(audits.at(-1)).toMatchObject({
      actor_name: null,
      after: { files: 1, leftOut: [{ id: A.ids.internal, reason: 'internal_licence' }] },
    });
  });

  it('leaves out what another school’s reader may not see', async () => {
    const other = await makeUser(a, 'gv.khac.goi', 'teacher', await unitOf(await login(a, 'ht.thdakha')));
    const reading = readOfflinePackage((await exportAs(other)).rawPayload);
    if (!reading.ok) throw new Error('unreadable');
    expect(reading.manifest.resources.map((r) => r.id)).not.toContain(A.ids.schoolOnly);
    expect(reading.manifest.resources.map((r) => r.id)).toContain(A.ids.internal);
  });

  it('answers 404 for an unknown collection', async () => {
    expect((await exportAs(A.teacher, crypto.randomUUID())).statusCode).toBe(404);
  });
});

describe('import into another installation', () => {
  let teacherB: Client;
  let fileB = '';
  let pngStoredBefore = '';

  beforeAll(async () => {
    teacherB = await login(b, 'gv.tranquoctuan');
    // B already holds the PNG (a teacher uploaded it): the import must reuse it, not store it again.
    pngStoredBefore = await upload(b, teacherB, PNG, 'Ảnh đã có.png', 'library');
    fileB = await upload(b, teacherB, zipAsTeacher, 'Vật lí 10.zip', 'library-package');
  });

  it('creates drafts of the importer’s school with the metadata, files of equal SHA-256 and provenance', async () => {
    const res = await teacherB.post('/api/library/packages/import', { fileId: fileB });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const s = res.body;
    expect(s.errors).toEqual([]);
    expect(s.created.map((c: { sourceId: string }) => c.sourceId)).toEqual(Object.values(A.ids));
    expect(s.skipped).toEqual([]);
    expect(s.files).toEqual({ stored: 2, reused: 1 });
    expect(s.collectionTitle).toBe('Vật lí 10 – Dao động');

    const db = b.platform.db;
    const byId = new Map<string, string>(
      s.created.map((c: { sourceId: string; resourceId: string }) => [c.sourceId, c.resourceId]),
    );
    const school = await unitOf(teacherB);
    const rows = await db
      .selectFrom('library_resources as r')
      .innerJoin('library_resource_versions as v', 'v.id', 'r.current_version_id')
      .leftJoin('stored_files as f', 'f.id', 'v.file_id')
      .select([
        'r.id',
        'r.title',
        'r.kind',
        'r.status',
        'r.school_id',
        'r.visibility',
        'r.licence_code',
        'r.authors',
        'r.keywords',
        'r.levels',
        'r.subjects',
        'r.grades',
        'r.language_code',
        'r.series_code',
        'v.url',
        'v.note',
        'f.sha256',
        'f.id as file_id',
      ])
      .where('r.id', 'in', [...byId.values()])
      .execute();
    const row = (k: keyof typeof A.ids) => rows.find((r) => r.id === byId.get(A.ids[k]))!;
    expect(rows).toHaveLength(6);
    for (const r of rows) {
      expect(r.status).toBe('draft');
      expect(r.school_id).toBe(school);
      expect(r.note).toContain('Nhập từ gói “Vật lí 10 – Dao động” của Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi');
    }
    expect(row('image')).toMatchObject({
      title: 'Sơ đồ con lắc đơn',
      kind: 'image',
      visibility: 'province',
      licence_code: 'cc_by',
      authors: ['Lê Thị Mỹ Duyên', 'Nguyễn Văn An'],
      keywords: ['con lắc', 'dao động'],
      levels: ['thpt'],
      subjects: ['vat_li'],
      grades: [10],
      series_code: 'kntt',
      sha256: sha(PNG),
      file_id: pngStoredBefore,
    });
    expect(row('image').note).toContain(`mã gốc ${A.ids.image}`);
    // "Internal use only" stays within the school that imports it.
    expect(row('internal')).toMatchObject({ visibility: 'school', licence_code: 'internal', sha256: sha(PDF) });
    expect(row('sim')).toMatchObject({ kind: 'simulation', sha256: sha(SIM) });
    expect(row('link')).toMatchObject({ url: 'https://phet.colorado.edu/vi/simulations/pendulum-lab', sha256: null });
    expect(row('link').language_code).toBe('en');
    // Each file once: the PNG of three resources is the one B already had.
    const pngs = await db.selectFrom('stored_files').select('id').where('sha256', '=', sha(PNG)).execute();
    expect(pngs).toHaveLength(1);

    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'unit_id'])
      .where('action', 'in', ['library.package.import', 'library.resource.import'])
      .execute();
    expect(audit.filter((x) => x.action === 'library.resource.import')).toHaveLength(6);
    expect(audit.filter((x) => x.action === 'library.package.import')).toEqual([
      { action: 'library.package.import', unit_id: school },
    ]);
  });

  it('does not copy anything again when the same package is imported twice', async () => {
    const count = () =>
      b.platform.db
        .selectFrom('library_resources')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    const before = await count();
    const again = await upload(b, teacherB, zipAsTeacher, 'Vật lí 10 (lần 2).zip', 'library-package');
    const one = await teacherB.post('/api/library/packages/import', { fileId: again });
    expect(one.status).toBe(200);
    expect(one.body.created).toEqual([]);
    expect(one.body.skipped.map((x: { sourceId: string }) => x.sourceId)).toEqual(Object.values(A.ids));
    expect(await count()).toBe(before);
  });

  it('lets the new drafts be read and served in B', async () => {
    const list = await teacherB.get('/api/library/resources/mine');
    expect(list.status).toBe(200);
    const mine = list.body.items.find((r: { title: string }) => r.title === 'Sơ đồ con lắc đơn');
    expect(mine).toBeDefined();
    const file = await b.app.inject({
      method: 'GET',
      url: `/api/library/resources/${mine.id}/file`,
      headers: { cookie: teacherB.cookie },
    });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PNG)).toBe(true);
  });
});

/** A package of PNG images from a made-up installation without a URL. */
function smallPackage(installation: string, ids: string[]): Promise<Buffer> {
  const manifest: PackageManifestInput = {
    format: 'giaoducso-package',
    formatVersion: 1,
    installation: { name: installation, url: null },
    exportedAt: '2025-09-05T08:30:00+07:00',
    collection: { title: `Gói của ${installation}` },
    resources: ids.map((id) => ({
      id,
      title: `Ảnh ${id}`,
      kind: 'image' as const,
      language: { code: 'vi', name: 'Tiếng Việt' },
      licence: { code: 'cc0', name: 'CC0' },
      files: [{ path: `files/${sha(PNG)}.png`, sha256: sha(PNG), size: PNG.length, mime: 'image/png' }],
    })),
  };
  return collect(buildOfflinePackage(manifest, async () => PNG));
}

describe('packages refused or partly imported', () => {
  let teacherB: Client;
  const entries = () => unzipSync(zipAsTeacher);
  const importZip = async (zip: Uint8Array, name: string) => {
    const id = await upload(b, teacherB, Buffer.from(zip), name, 'library-package');
    return teacherB.post('/api/library/packages/import', { fileId: id });
  };

  beforeAll(async () => {
    teacherB = await makeUser(b, 'gv.nhapgoi', 'teacher', await unitOf(await login(b, 'gv.tranquoctuan')));
  });

  it('refuses a package whose file was altered, naming the file (SHA-256)', async () => {
    const e = entries();
    const pdf = Object.keys(e).find((n) => n.endsWith('.pdf'))!;
    const altered = Uint8Array.from(e[pdf]!);
    altered[12] = altered[12]! ^ 1;
    const res = await importZip(zipSync({ ...e, [pdf]: altered }), 'sửa.zip');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('library.package_invalid');
    expect(res.body.error.details).toEqual([{ path: pdf, message: expect.stringContaining('không khớp') }]);
  });

  it('refuses a package with a missing file or without a manifest', async () => {
    const e = entries();
    const png = Object.keys(e).find((n) => n.endsWith('.png'))!;
    const { [png]: _gone, ...rest } = e;
    const missing = await importZip(zipSync(rest), 'thiếu.zip');
    expect(missing.status).toBe(422);
    expect(missing.body.error.details).toEqual([{ path: png, message: expect.stringContaining('thiếu tệp') }]);
    const { [MANIFEST_NAME]: _m, ...noManifest } = e;
    const none = await importZip(zipSync(noManifest), 'không mô tả.zip');
    expect(none.status).toBe(422);
    expect(none.body.error.details[0].message).toContain(MANIFEST_NAME);
  });

  it('refuses a manifest that is not valid, with where', async () => {
    const e = entries();
    const manifest = JSON.parse(strFromU8(e[MANIFEST_NAME]!));
    manifest.resources[0].kind = 'hologram';
    const res = await importZip(zipSync({ ...e, [MANIFEST_NAME]: strToU8(JSON.stringify(manifest)) }), 'sai.zip');
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].message).toContain('resources.0.kind');
  });

  it('refuses a package over the size limit at upload, and a zip that is not a package', async () => {
    const created = await b.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: {
        ...TUS,
        cookie: teacherB.cookie,
        'x-csrf-token': teacherB.csrf,
        'upload-length': String(600 * 1024 * 1024),
        'upload-metadata': `filename ${b64('lớn.zip')},purpose ${b64('library-package')}`,
      },
    });
    expect(created.statusCode).toBe(413);
    const res = await importZip(zipSync({ 'ghi-chu.txt': strToU8('không phải gói') }), 'khác.zip');
    expect(res.status).toBe(422);
  });

  it('imports the rest when a resource does not fit this installation, and says why', async () => {
    const manifest: PackageManifestInput = {
      format: 'giaoducso-package',
      formatVersion: 1,
      installation: { name: 'Sở GDĐT tỉnh Thử Nghiệm', url: 'https://thu-nghiem.example.vn' },
      exportedAt: '2025-09-05T08:30:00+07:00',
      collection: { title: 'Gói thử' },
      resources: [
        {
          id: 'r-ok',
          title: 'Ảnh hợp lệ',
          kind: 'image',
          levels: [{ code: 'thpt', name: 'THPT' }],
          subjects: [{ code: 'vat_li', name: 'Vật lí' }],
          language: { code: 'vi', name: 'Tiếng Việt' },
          licence: { code: 'cc_by', name: 'CC BY' },
          files: [{ path: `files/${sha(PNG)}.png`, sha256: sha(PNG), size: PNG.length, mime: 'image/png' }],
        },
        {
          id: 'r-subject',
          title: 'Môn học lạ',
          kind: 'image',
          subjects: [{ code: 'thien_van', name: 'Thiên văn' }],
          language: { code: 'vi', name: 'Tiếng Việt' },
          licence: { code: 'cc_by', name: 'CC BY' },
          files: [{ path: `files/${sha(PNG)}.png`, sha256: sha(PNG), size: PNG.length, mime: 'image/png' }],
        },
        {
          id: 'r-svg',
          title: 'Hình SVG',
          kind: 'image',
          language: { code: 'vi', name: 'Tiếng Việt' },
          licence: { code: 'cc_by', name: 'CC BY' },
          files: [{ path: `files/${sha(SVG)}.svg`, sha256: sha(SVG), size: SVG.length, mime: 'image/svg+xml' }],
        },
      ],
    };
    const files = new Map([
      [sha(PNG), PNG],
      [sha(SVG), SVG],
    ]);
    const zip = await collect(buildOfflinePackage(manifest, async (s) => files.get(s)!));
    const res = await importZip(zip, 'gói thử.zip');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.created.map((c: { sourceId: string }) => c.sourceId)).toEqual(['r-ok']);
    expect(res.body.errors).toEqual([
      {
        sourceId: 'r-subject',
        title: 'Môn học lạ',
        messages: { vi: expect.stringContaining('thien_van'), en: expect.stringContaining('subjects') },
      },
      {
        sourceId: 'r-svg',
        title: 'Hình SVG',
        messages: { vi: expect.stringContaining('không được kho học liệu chấp nhận'), en: expect.any(String) },
      },
    ]);
  });

  it('makes one copy when the same package is imported twice at once', async () => {
    const zip = await smallPackage('Sở GDĐT tỉnh Song Song', ['s-1', 's-2', 's-3']);
    const id = await upload(b, teacherB, zip, 'đồng thời.zip', 'library-package');
    const [one, two] = await Promise.all([
      teacherB.post('/api/library/packages/import', { fileId: id }),
      teacherB.post('/api/library/packages/import', { fileId: id }),
    ]);
    expect([one.status, two.status]).toEqual([200, 200]);
    expect(one.body.created.length + two.body.created.length).toBe(3);
    expect(one.body.skipped.length + two.body.skipped.length).toBe(3);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM library_resource_origins
      WHERE source_installation = 'Sở GDĐT tỉnh Song Song'`.execute(b.platform.db);
    expect(rows[0]!.n).toBe(3);
  });

  it('imports only the caller’s own package upload, into a school they contribute to', async () => {
    const mine = await upload(
      b,
      teacherB,
      await smallPackage('Sở GDĐT riêng', ['m-1']),
      'của tôi.zip',
      'library-package',
    );
    const other = await login(b, 'gv.tranquoctuan');
    const stolen = await other.post('/api/library/packages/import', { fileId: mine });
    expect(stolen.status).toBe(404);
    const elsewhere = await teacherB.post('/api/library/packages/import', {
      fileId: mine,
      schoolId: await unitOf(await login(b, 'ht.thdakha')),
    });
    expect(elsewhere.status).toBe(403);
    // A file uploaded for the library is not a package upload.
    const png = await upload(b, teacherB, PNG, 'ảnh.png', 'library');
    expect((await teacherB.post('/api/library/packages/import', { fileId: png })).status).toBe(404);
  });
});
