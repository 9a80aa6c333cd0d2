import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUploadsService } from '../../src/server/platform/uploads/uploads.module.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Resumable uploads (tus 1.0.0) end to end on real PostgreSQL: creation, chunks, offsets,
 * a dropped connection, completion into a stored file (sniffed, hashed, stored once), range reads.
 */
let ctx: TestContext;
let teacher: Client;
let other: Client;
const TUS = { 'tus-resumable': '1.0.0' };
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300_000)]);

const headersOf = (c: Client | undefined, extra: Record<string, string | number> = {}) => ({
  ...TUS,
  ...(c ? { cookie: c.cookie, 'x-csrf-token': c.csrf } : {}),
  ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])),
});

async function create(
  c: Client | undefined,
  length: number,
  filename = 'Bài giảng Vật lí 10.pdf',
  purpose = 'library',
) {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: headersOf(c, {
      'upload-length': length,
      'upload-metadata': `filename ${b64(filename)},filetype ${b64('application/pdf')},purpose ${b64(purpose)}`,
    }),
  });
  return { status: res.statusCode, location: String(res.headers.location ?? ''), body: res.body };
}

async function patch(c: Client, url: string, offset: number, body: Buffer) {
  const res = await ctx.app.inject({
    method: 'PATCH',
    url,
    headers: headersOf(c, { 'upload-offset': offset, 'content-type': 'application/offset+octet-stream' }),
    payload: body,
  });
  return { status: res.statusCode, headers: res.headers, body: res.body };
}

async function head(c: Client, url: string) {
  const res = await ctx.app.inject({ method: 'HEAD', url, headers: headersOf(c) });
  return { status: res.statusCode, offset: Number(res.headers['upload-offset']), headers: res.headers };
}

/** Creates an upload and sends `data` in one PATCH; returns the upload's URL and the PATCH answer. */
async function uploadWhole(c: Client, data: Buffer, filename?: string) {
  const { location } = await create(c, data.length, filename);
  return { url: location, res: await patch(c, location, 0, data) };
}

let port = 0;
/** Starts a PATCH over a real connection, writes the first `sent` bytes, and leaves it open. */
async function patchOverTcp(location: string, data: Buffer, sent: number): Promise<http.ClientRequest> {
  if (!port) {
    await ctx.app.listen({ host: '127.0.0.1', port: 0 });
    port = (ctx.app.server.address() as AddressInfo).port;
  }
  const req = http.request({
    host: '127.0.0.1',
    port,
    method: 'PATCH',
    path: location,
    headers: headersOf(teacher, {
      'upload-offset': 0,
      'content-type': 'application/offset+octet-stream',
      'content-length': data.length,
    }),
  });
  req.on('error', () => {});
  await new Promise<void>((r) => req.write(data.subarray(0, sent), () => setTimeout(r, 200)));
  return req;
}

beforeAll(async () => {
  ctx = await createTestContext();
  teacher = await login(ctx, 'gv.tranquoctuan');
  other = await login(ctx, 'ht.thdakha');
});
afterAll(async () => {
  await ctx?.close();
});

describe('tus protocol', () => {
  it('announces version, extensions and the size limit on OPTIONS', async () => {
    const res = await ctx.app.inject({ method: 'OPTIONS', url: '/api/uploads' });
    expect(res.statusCode).toBe(204);
    expect(res.headers['tus-version']).toBe('1.0.0');
    expect(res.headers['tus-extension']).toBe('creation,termination');
    expect(Number(res.headers['tus-max-size'])).toBe(2 * 1024 ** 3);
  });

  it('refuses anonymous clients', async () => {
    expect((await create(undefined, 100)).status).toBe(401);
  });

  it('refuses a request without Tus-Resumable 1.0.0 (412)', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { cookie: teacher.cookie, 'x-csrf-token': teacher.csrf, 'upload-length': '10' },
    });
    expect(res.statusCode).toBe(412);
    expect(res.headers['tus-version']).toBe('1.0.0');
  });

  it('refuses an upload beyond the size limit (413) and an unknown purpose', async () => {
    const big = await create(teacher, 3 * 1024 ** 3);
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error.code).toBe('upload.too_large');
    expect((await create(teacher, 10, 'a.pdf', 'nothing')).status).toBe(400);
  });

  it('receives a file in three chunks, answers 409 to a wrong offset, completes into a stored file', async () => {
    const c = await create(teacher, PDF.length);
    expect(c.status).toBe(201);
    expect(c.location).toMatch(/^\/api\/uploads\/[0-9a-f-]{36}$/);
    const url = c.location;
    const cut1 = 100_000;
    const cut2 = 200_000;

    const first = await patch(teacher, url, 0, PDF.subarray(0, cut1));
    expect(first.status).toBe(204);
    expect(first.headers['upload-offset']).toBe(String(cut1));
    expect(first.headers['tus-resumable']).toBe('1.0.0');

    const h = await head(teacher, url);
    expect(h.status).toBe(200);
    expect(h.offset).toBe(cut1);
    expect(h.headers['upload-length']).toBe(String(PDF.length));
    expect(h.headers['cache-control']).toBe('no-store');

    const wrong = await patch(teacher, url, 0, PDF.subarray(0, cut1));
    expect(wrong.status).toBe(409);
    expect(JSON.parse(wrong.body).error.code).toBe('upload.offset_mismatch');
    expect((await head(teacher, url)).offset).toBe(cut1);

    expect((await patch(teacher, url, cut1, PDF.subarray(cut1, cut2))).status).toBe(204);
    const last = await patch(teacher, url, cut2, PDF.subarray(cut2));
    expect(last.status).toBe(204);
    expect(last.headers['upload-offset']).toBe(String(PDF.length));
    expect(last.headers['upload-duplicate']).toBe('false');

    const state = await teacher.get(url);
    expect(state.body).toMatchObject({
      state: 'complete',
      offset: PDF.length,
      length: PDF.length,
      duplicate: false,
      sha256: sha(PDF),
      contentType: 'application/pdf',
      filename: 'Bài giảng Vật lí 10.pdf',
    });
    expect(state.body.fileId).toBe(last.headers['upload-file-id']);
    const row = await ctx.platform.db
      .selectFrom('stored_files')
      .selectAll()
      .where('id', '=', state.body.fileId)
      .executeTakeFirstOrThrow();
    expect(row.storage_key).toMatch(new RegExp(`^uploads/\\d{4}/${sha(PDF)}$`));
    expect(Number(row.size_bytes)).toBe(PDF.length);
  });

  it('answers the same bytes uploaded again with the same stored file (duplicate)', async () => {
    const first = await teacher.get((await uploadWhole(teacher, PDF)).url);
    const again = await uploadWhole(other, PDF, 'ban-sao.pdf');
    expect(again.res.status).toBe(204);
    expect(again.res.headers['upload-duplicate']).toBe('true');
    const state = await other.get(again.url);
    expect(state.body).toMatchObject({ state: 'complete', duplicate: true, fileId: first.body.fileId });
    const copies = await ctx.platform.db
      .selectFrom('stored_files')
      .select('id')
      .where('sha256', '=', sha(PDF))
      .execute();
    expect(copies).toHaveLength(1);
  });

  it('refuses a finished file whose bytes are not an accepted type (415), whatever its name says', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), randomBytes(2000)]);
    const { url, res } = await uploadWhole(teacher, exe, 'de-thi.pdf');
    expect(res.status).toBe(415);
    expect(JSON.parse(res.body).error.code).toBe('upload.type_refused');
    expect((await teacher.get(url)).body).toMatchObject({ state: 'refused', fileId: null });
  });

  it('refuses a body longer than the declared length (413) and keeps nothing of it', async () => {
    const { location } = await create(teacher, 1000);
    const res = await patch(teacher, location, 0, Buffer.concat([Buffer.from('%PDF-'), randomBytes(1500)]));
    expect(res.status).toBe(413);
    expect((await head(teacher, location)).offset).toBe(0);
  });

  it("hides one user's upload from another and lets the owner terminate it", async () => {
    const { location } = await create(teacher, 1000);
    expect((await head(other, location)).status).toBe(404);
    expect((await patch(other, location, 0, Buffer.from('%PDF-'))).status).toBe(404);
    const del = await ctx.app.inject({ method: 'DELETE', url: location, headers: headersOf(teacher) });
    expect(del.statusCode).toBe(204);
    expect((await head(teacher, location)).status).toBe(404);
  });

  it('keeps the bytes that arrived before a dropped connection and resumes from them', async () => {
    const data = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3 * 1024 * 1024)]);
    const { location } = await create(teacher, data.length, 'mat-ket-noi.pdf');
    const sent = 1024 * 1024;
    const req = await patchOverTcp(location, data, sent);
    req.destroy();
    const h = await head(teacher, location);
    expect(h.offset).toBeGreaterThan(0);
    expect(h.offset).toBeLessThanOrEqual(sent);
    const res = await patch(teacher, location, h.offset, data.subarray(h.offset));
    expect(res.status).toBe(204);
    expect((await teacher.get(location)).body).toMatchObject({ state: 'complete', sha256: sha(data) });
  });

  it('lets a new PATCH take over from one whose connection went silent (409, then resume)', async () => {
    const data = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(2 * 1024 * 1024)]);
    const { location } = await create(teacher, data.length, 'mat-song.pdf');
    const silent = await patchOverTcp(location, data, 512 * 1024);
    // The old request is still open (no FIN, no RST): a PATCH from the start finds its bytes kept.
    const retry = await patch(teacher, location, 0, data);
    expect(retry.status).toBe(409);
    const h = await head(teacher, location);
    expect(h.offset).toBeGreaterThan(0);
    expect((await patch(teacher, location, h.offset, data.subarray(h.offset))).status).toBe(204);
    silent.destroy();
  });

  it('limits the uploads in progress per user', async () => {
    const svc = getUploadsService(ctx.platform);
    const limit = svc.config.maxInProgress;
    const statuses: number[] = [];
    for (let i = 0; i < limit + 1; i++) statuses.push((await create(other, 100)).status);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('range reads of the finished file', () => {
  let url: string;
  beforeAll(async () => {
    url = (await uploadWhole(teacher, PDF)).url;
  });
  const get = (headers: Record<string, string>) =>
    ctx.app.inject({ method: 'GET', url: `${url}/content`, headers: { cookie: teacher.cookie, ...headers } });

  it('serves the whole file with its ETag and Accept-Ranges', async () => {
    const res = await get({});
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PDF)).toBe(true);
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers.etag).toBe(`"${sha(PDF)}"`);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="Bai_giang_Vat_li_10.pdf"/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves one byte range with 206 and the right bytes', async () => {
    const res = await get({ range: 'bytes=1000-1999' });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 1000-1999/${PDF.length}`);
    expect(res.rawPayload.equals(PDF.subarray(1000, 2000))).toBe(true);
    const tail = await get({ range: 'bytes=-10' });
    expect(tail.rawPayload.equals(PDF.subarray(PDF.length - 10))).toBe(true);
  });

  it('answers 416 to a range past the end, and 304 to its own ETag', async () => {
    const res = await get({ range: `bytes=${PDF.length}-` });
    expect(res.statusCode).toBe(416);
    expect(res.headers['content-range']).toBe(`bytes */${PDF.length}`);
    expect((await get({ 'if-none-match': `"${sha(PDF)}"` })).statusCode).toBe(304);
  });

  it('does not serve the file to another user or without a session', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: `${url}/content` })).statusCode).toBe(401);
    const res = await ctx.app.inject({ method: 'GET', url: `${url}/content`, headers: { cookie: other.cookie } });
    expect(res.statusCode).toBe(404);
  });
});

describe('thumbnails', () => {
  it('makes a 320 px WebP preview of an uploaded image', async () => {
    type Pipeline = { png(): { toBuffer(): Promise<Buffer> } };
    const sharp = (await import('sharp')).default as unknown as (o: {
      create: { width: number; height: number; channels: 3; background: string };
    }) => Pipeline;
    const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2a6' } })
      .png()
      .toBuffer();
    const { url, res } = await uploadWhole(teacher, png, 'so-do.png');
    expect(res.status).toBe(204);
    const thumb = await ctx.app.inject({ method: 'GET', url: `${url}/thumbnail`, headers: { cookie: teacher.cookie } });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.rawPayload.subarray(8, 12).toString('latin1')).toBe('WEBP');
    const link = await ctx.platform.db
      .selectFrom('stored_file_thumbnails')
      .selectAll()
      .where('file_id', '=', (await teacher.get(url)).body.fileId)
      .executeTakeFirstOrThrow();
    expect([link.width, link.height]).toEqual([320, 240]);
  });
});

describe('purge of expired uploads', () => {
  it('removes unfinished uploads past their expiry', async () => {
    const { location } = await create(teacher, 500);
    const id = location.split('/').pop()!;
    const purged = await getUploadsService(ctx.platform).purgeExpired(new Date(Date.now() + 48 * 3_600_000));
    expect(purged).toBeGreaterThan(0);
    expect(
      await ctx.platform.db.selectFrom('uploads').select('id').where('id', '=', id).executeTakeFirst(),
    ).toBeUndefined();
  });
});
