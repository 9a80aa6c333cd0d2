import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATION_CSP } from '../../src/server/platform/packages/simulation-serve.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Serving library files (issue 4 item 5): a PNG uploaded through tus, served to whoever may
 * read the resource, with byte ranges and usage counted; a simulation zip served member by
 * member under a signed link with the sandbox CSP.
 */
let ctx: TestContext;
const who: Record<string, Client> = {};
const TUS = { 'tus-resumable': '1.0.0' };
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const SIM = Buffer.from(
  zipSync({
    'index.html': strToU8(
      '<!doctype html><html><head><script src="app.js"></script></head><body>Con lắc</body></html>',
    ),
    'app.js': strToU8('document.title = "Con lắc đơn";'),
  }),
);

const anon = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });
const as = (c: Client, url: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'GET', url, headers: { cookie: c.cookie, ...headers } });

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

/** Uploads `data` through tus in one PATCH; returns the stored file's id. */
async function upload(c: Client, data: Buffer, filename: string, filetype: string): Promise<string> {
  const headers = { ...TUS, cookie: c.cookie, 'x-csrf-token': c.csrf };
  const created = await ctx.app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: {
      ...headers,
      'upload-length': String(data.length),
      'upload-metadata': `filename ${b64(filename)},filetype ${b64(filetype)},purpose ${b64('library')}`,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const location = String(created.headers.location);
  const patched = await ctx.app.inject({
    method: 'PATCH',
    url: location,
    headers: { ...headers, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    payload: data,
  });
  expect(patched.statusCode, patched.body).toBe(204);
  const state = await c.get(location);
  expect(state.body.state).toBe('complete');
  return state.body.fileId as string;
}

async function step(id: string, action: string, by: Client) {
  const version = (await who.author!.get(`/api/library/resources/${id}`)).body.version;
  const r = await by.post(`/api/library/resources/${id}/actions`, { action, expectedVersion: version });
  expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
}

async function publish(meta: { title: string; kind: string; visibility: string }, fileId: string): Promise<string> {
  const r = await who.author!.post('/api/library/resources', {
    ...meta,
    levels: ['thpt'],
    grades: [10],
    subjects: ['vat_li'],
    licenceCode: 'cc_by',
    version: { fileId },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  await step(r.body.id, 'submit', who.author!);
  await step(r.body.id, 'start_review', who.moderator!);
  await step(r.body.id, 'publish', who.moderator!);
  return r.body.id;
}

const counts = (id: string) =>
  ctx.platform.db
    .selectFrom('library_resources')
    .select(['view_count', 'download_count'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
    .then((r) => ({ views: Number(r.view_count), downloads: Number(r.download_count) }));

let pngId = '';
let schoolOnly = '';
let sim = '';

beforeAll(async () => {
  ctx = await createTestContext();
  who.admin = await login(ctx, 'admin');
  who.author = await login(ctx, 'gv.tranquoctuan');
  const otherPrincipal = await login(ctx, 'ht.thdakha');
  who.otherTeacher = await makeUser('gv.dakha.files', 'Y Nhung', 'teacher', await unitOf(otherPrincipal));
  who.moderator = await makeUser('kd.thpt.files', 'Hà Văn Bình', 'library_moderator', await unitOf(who.admin));
  const me = (await who.moderator.get('/api/auth/me')).body.user.id;
  await who.admin.put(`/api/library/moderators/${me}/assignments`, {
    items: [{ subjectCode: 'vat_li', level: 'thpt' }],
  });
  const png = await upload(who.author, PNG, 'Sơ đồ con lắc.png', 'image/png');
  pngId = await publish({ title: 'Sơ đồ con lắc đơn', kind: 'image', visibility: 'public' }, png);
  schoolOnly = await publish({ title: 'Sơ đồ – nội bộ trường', kind: 'image', visibility: 'school' }, png);
  const zip = await upload(who.author, SIM, 'Con lắc đơn.zip', 'application/zip');
  sim = await publish({ title: 'Con lắc đơn – mô phỏng', kind: 'simulation', visibility: 'school' }, zip);
}, 60_000);

afterAll(() => ctx?.close());

describe('files', () => {
  it('serves a public image to anyone, inline, with ranges, and counts it', async () => {
    const before = await counts(pngId);
    const r = await anon(`/api/library/resources/${pngId}/file`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('image/png');
    expect(String(r.headers['content-disposition'])).toMatch(/^inline; /);
    expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent('Sơ đồ con lắc.png'));
    expect(r.rawPayload.equals(PNG)).toBe(true);

    const part = await anon(`/api/library/resources/${pngId}/file`, { range: 'bytes=8-15' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 8-15/${PNG.length}`);
    expect(part.rawPayload.equals(PNG.subarray(8, 16))).toBe(true);

    const past = await anon(`/api/library/resources/${pngId}/file`, { range: `bytes=${PNG.length + 10}-` });
    expect(past.statusCode).toBe(416);

    const again = await anon(`/api/library/resources/${pngId}/file`, { 'if-none-match': String(r.headers.etag) });
    expect(again.statusCode).toBe(304);

    const dl = await anon(`/api/library/resources/${pngId}/file?download=1`);
    expect(String(dl.headers['content-disposition'])).toMatch(/^attachment; /);

    const head = await ctx.app.inject({ method: 'HEAD', url: `/api/library/resources/${pngId}/file` });
    expect(head.statusCode).toBe(200);

    // Counted: the whole read (view), the download; not the range from byte 8, the 416, the 304 or the HEAD.
    expect(await counts(pngId)).toEqual({ views: before.views + 1, downloads: before.downloads + 1 });
  });

  it('keeps a school-only resource from another school’s teacher and from anonymous', async () => {
    expect((await as(who.author!, `/api/library/resources/${schoolOnly}/file`)).statusCode).toBe(200);
    expect((await as(who.otherTeacher!, `/api/library/resources/${schoolOnly}/file`)).statusCode).toBe(404);
    expect((await anon(`/api/library/resources/${schoolOnly}/file`)).statusCode).toBe(404);
    expect((await as(who.otherTeacher!, `/api/library/resources/${schoolOnly}/thumbnail`)).statusCode).toBe(404);
  });

  it('lets the author name a version, readers only the published one', async () => {
    expect((await as(who.author!, `/api/library/resources/${pngId}/file?version=1`)).statusCode).toBe(200);
    expect((await as(who.author!, `/api/library/resources/${pngId}/file?version=2`)).statusCode).toBe(404);
    expect((await anon(`/api/library/resources/${pngId}/file?version=1`)).statusCode).toBe(200);
  });

  it('answers the thumbnail when one was made, 404 otherwise', async () => {
    const r = await anon(`/api/library/resources/${pngId}/thumbnail`);
    expect([200, 404]).toContain(r.statusCode);
    if (r.statusCode === 200) expect(r.headers['content-type']).toBe('image/webp');
  });
});

describe('simulations', () => {
  it('serves a school-only simulation under a signed link with the sandbox CSP', async () => {
    expect((await who.otherTeacher!.get(`/api/library/resources/${sim}/sim-token`)).status).toBe(404);
    const t = await who.author!.get(`/api/library/resources/${sim}/sim-token`);
    expect(t.status).toBe(200);
    expect(t.body.url).toMatch(/^\/api\/library\/sim\/[^/]+\/index\.html$/);

    // The sandboxed page's requests carry no cookie.
    const page = await anon(t.body.url);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toBe(SIMULATION_CSP);
    expect(page.body).toContain('Con lắc');
    const script = await anon(t.body.url.replace(/index\.html$/, 'app.js'));
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-security-policy']).toBe(SIMULATION_CSP);
    expect((await anon(t.body.url.replace(/index\.html$/, '../secret'))).statusCode).toBe(404);
    expect((await counts(sim)).views).toBeGreaterThanOrEqual(1);
  });

  it('refuses a forged or altered token', async () => {
    const t = await who.author!.get(`/api/library/resources/${sim}/sim-token`);
    const token = String(t.body.url.split('/')[4]);
    const forged = token.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect((await anon(`/api/library/sim/${forged}/index.html`)).statusCode).toBe(404);
    expect((await anon('/api/library/sim/not-a-token/index.html')).statusCode).toBe(404);
    const otherResource = token.replace(/^[0-9a-f-]{36}/, pngId);
    expect((await anon(`/api/library/sim/${otherResource}/index.html`)).statusCode).toBe(404);
  });

  it('serves a school-only simulation by id only with the session that may read it', async () => {
    expect((await as(who.author!, `/api/library/resources/${sim}/sim/index.html`)).statusCode).toBe(200);
    expect((await anon(`/api/library/resources/${sim}/sim/index.html`)).statusCode).toBe(404);
  });
});
