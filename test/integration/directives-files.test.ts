import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayInVietnam } from '../../src/server/modules/directives/directive-rules.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { unitId } from './archive-support.ts';

/**
 * Files of directives through the platform's resumable uploads (purpose `directives`): the
 * issuer's attachments reach every recipient; a school's report reaches the issuer and that
 * school only; nobody attaches another user's upload.
 */
let ctx: TestContext;
const who: Record<string, Client> = {};
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const PDF = () => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2000)]);

/** One tus upload in two requests; returns the stored file id. */
async function upload(c: Client, name: string, bytes = PDF()): Promise<string> {
  const tus = { 'tus-resumable': '1.0.0', cookie: c.cookie, 'x-csrf-token': c.csrf };
  const created = await ctx.app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: {
      ...tus,
      'upload-length': String(bytes.length),
      'upload-metadata': `filename ${b64(name)},filetype ${b64('application/pdf')},purpose ${b64('directives')}`,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const sent = await ctx.app.inject({
    method: 'PATCH',
    url: String(created.headers.location),
    headers: { ...tus, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    payload: bytes,
  });
  expect(sent.statusCode, sent.body).toBe(204);
  return String(sent.headers['upload-file-id']);
}

const fetchAs = (c: Client, url: string) => ctx.app.inject({ url, headers: { cookie: c.cookie } });

beforeAll(async () => {
  ctx = await createTestContext();
  who.so = await login(ctx, 'so.gdtrh');
  who.tqt = await login(ctx, 'ht.tranquoctuan');
  who.th1 = await login(ctx, 'ht.thso1tinhkhe');
}, 60_000);
afterAll(() => ctx?.close());

describe('attachments and report files', () => {
  it('carries the issuer’s attachment to the recipients, and a school’s report to the issuer only', async () => {
    const attachment = await upload(who.so!, 'Hướng dẫn rà soát.pdf');
    const theirs = await upload(who.tqt!, 'không phải của Sở.pdf');
    const body = {
      issuerUnitId: await unitId(ctx, 'QNG.SGD'),
      number: '500/SGDĐT-KHTC',
      docDate: dayInVietnam(),
      title: 'Báo cáo kinh phí chuyển đổi số năm 2026',
      responseKind: 'report',
      deadline: dayInVietnam(),
      selection: { by: 'level', levels: ['thpt'] },
    };
    const refused = await who.so!.post('/api/directives', { ...body, attachmentIds: [theirs] });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0].path).toBe('body.attachmentIds');
    const c = await who.so!.post('/api/directives', { ...body, attachmentIds: [attachment] });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect(c.body.attachments[0].filename).toBe('Hướng dẫn rà soát.pdf');
    expect((await who.so!.post(`/api/directives/${c.body.id}/issue`)).status).toBe(200);
    const id = c.body.id as string;

    expect((await fetchAs(who.tqt!, `/api/directives/${id}/files/${attachment}`)).statusCode).toBe(200);
    expect((await fetchAs(who.th1!, `/api/directives/${id}/files/${attachment}`)).statusCode).toBe(404);

    const report = await upload(who.tqt!, 'Báo cáo kinh phí.pdf');
    const answered = await who.tqt!.post(`/api/directives/${id}/responses`, {
      text: 'Báo cáo kèm theo.',
      fileIds: [report],
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body.response.files.map((f: { filename: string }) => f.filename)).toEqual(['Báo cáo kinh phí.pdf']);
    const file = await fetchAs(who.so!, `/api/directives/${id}/files/${report}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect((await fetchAs(who.tqt!, `/api/directives/${id}/files/${report}`)).statusCode).toBe(200);
    const kontum = await login(ctx, 'gv.thptkontum');
    expect((await fetchAs(kontum, `/api/directives/${id}/files/${report}`)).statusCode).toBe(404);
    const rows = await who.so!.get(`/api/directives/${id}/recipients?filter=all&pageSize=100`);
    const row = rows.body.items.find((r: { responseFiles: unknown[] }) => r.responseFiles.length > 0);
    expect(row.responseFiles[0].id).toBe(report);
  });
});
