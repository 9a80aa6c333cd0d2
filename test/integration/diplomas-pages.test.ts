import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDiplomas } from '../../src/server/demo/diplomas/load-demo-diplomas.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, DEMO_PASSWORD, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let officer: Client;
let teacher: Client;

const TUS = { 'tus-resumable': '1.0.0' };
const b64 = (s: string) => Buffer.from(s).toString('base64');
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemoDiplomas(ctx.platform, DEMO_PASSWORD);
  officer = await login(ctx, 'so.vanbang');
  teacher = await login(ctx, 'gv.tranquoctuan');
});
afterAll(() => ctx?.close());

/** Uploads `data` through tus in one PATCH for `purpose`; returns the stored file's id. */
async function upload(c: Client, data: Buffer, filename: string, purpose = 'diploma-pages'): Promise<string> {
  const headers = { ...TUS, cookie: c.cookie, 'x-csrf-token': c.csrf };
  const created = await ctx.app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: {
      ...headers,
      'upload-length': String(data.length),
      'upload-metadata': `filename ${b64(filename)},filetype ${b64('image/png')},purpose ${b64(purpose)}`,
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

const entryBySerial = async (serial: string) =>
  (await officer.get(`/api/diplomas/entries?serial=${serial}`)).body.items[0] as {
    id: string;
    registerNo: string;
  };

describe('issuing units for the import', () => {
  it('lists the Sở of today and the former Sở, expired ones included, with their dates', async () => {
    const r = await officer.get('/api/diplomas/issuing-units');
    expect(r.status).toBe(200);
    const byCode = new Map(r.body.items.map((u: { code: string }) => [u.code, u]));
    expect(byCode.get('QNG.SGD')).toMatchObject({
      name: 'Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi',
      validFrom: '1989-07-01',
      validTo: null,
      expired: false,
    });
    expect(byCode.get('KTM.SGD')).toMatchObject({ name: 'Sở Giáo dục và Đào tạo tỉnh Kon Tum', expired: true });
    expect((byCode.get('KTM.SGD') as { validTo: string }).validTo).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Only departments: no division, no school.
    expect(r.body.items.every((u: { code: string }) => u.code.endsWith('.SGD'))).toBe(true);
    // Current units first.
    expect(r.body.items[0].expired).toBe(false);
  });

  it('is for those who manage diplomas only', async () => {
    expect((await teacher.get('/api/diplomas/issuing-units')).status).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/diplomas/issuing-units' })).statusCode).toBe(401);
  });
});

describe('scanned register pages', () => {
  it('attaches an uploaded scan to an entry, lists it and serves it, each view audited', async () => {
    const entry = await entryBySerial('DM000001');
    const fileId = await upload(officer, PNG, 'trang-so-goc-01.png');
    const attached = await officer.post(`/api/diplomas/entries/${entry.id}/pages`, { fileIds: [fileId] });
    expect(attached.status, JSON.stringify(attached.body)).toBe(200);
    expect(attached.body.items).toEqual([
      { fileId, filename: 'trang-so-goc-01.png', contentType: 'image/png', size: PNG.length, label: null },
    ]);
    // Twice: not added twice.
    await officer.post(`/api/diplomas/entries/${entry.id}/pages`, { fileIds: [fileId] });
    const listed = await officer.get(`/api/diplomas/entries/${entry.id}/pages`);
    expect(listed.body.items).toHaveLength(1);
    expect((await officer.get(`/api/diplomas/entries/${entry.id}`)).body.pageFileIds).toEqual([fileId]);

    const before = await auditCount('diplomas.entry.page_view', entry.id);
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/diplomas/entries/${entry.id}/pages/${fileId}`,
      headers: { cookie: officer.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.rawPayload.equals(PNG)).toBe(true);
    expect(await auditCount('diplomas.entry.page_view', entry.id)).toBe(before + 1);
    expect(await auditCount('diplomas.entry.pages_attach', entry.id)).toBe(2);
  });

  it('refuses files that are not the actor’s finished scan uploads, and hides pages from others', async () => {
    const entry = await entryBySerial('DM000002');
    const libraryFile = await upload(officer, Buffer.concat([PNG, Buffer.from([0])]), 'khac.png', 'library');
    const wrong = await officer.post(`/api/diplomas/entries/${entry.id}/pages`, { fileIds: [libraryFile] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('request.invalid');
    const bad = await officer.post(`/api/diplomas/entries/${entry.id}/pages`, { fileIds: [] });
    expect(bad.status).toBe(400);
    // A file of another entry is not served through this one.
    const other = await entryBySerial('DM000001');
    const otherFile = (await officer.get(`/api/diplomas/entries/${other.id}/pages`)).body.items[0].fileId;
    const res = await officer.get(`/api/diplomas/entries/${entry.id}/pages/${otherFile}`);
    expect(res.status).toBe(404);
    expect((await teacher.get(`/api/diplomas/entries/${other.id}/pages/${otherFile}`)).status).toBe(403);
    expect((await teacher.post(`/api/diplomas/entries/${other.id}/pages`, { fileIds: [otherFile] })).status).toBe(403);
  });

  it('attaches one scan to a range of register numbers', async () => {
    const entry = await entryBySerial('DM000010');
    const { rows } = await sql<{ register_id: string }>`
      SELECT register_id FROM diploma_entries WHERE id = ${entry.id}`.execute(ctx.database.db);
    const registerId = rows[0]!.register_id;
    const fileId = await upload(officer, Buffer.concat([PNG, Buffer.from([1, 2])]), 'trang-02.png');
    const n = Number(entry.registerNo);
    const r = await officer.post(`/api/diplomas/registers/${registerId}/pages`, {
      fileIds: [fileId],
      fromNo: n,
      toNo: n + 4,
      label: 'Trang 2',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.entries).toBe(5);
    // The page's label shows with the scan on each entry of the range.
    expect((await officer.get(`/api/diplomas/entries/${entry.id}/pages`)).body.items).toContainEqual(
      expect.objectContaining({ fileId, label: 'Trang 2' }),
    );
    const [audit] = (
      await sql<{ after: { label: string; fromNo: number; entryIds: string[] } }>`
        SELECT after FROM audit_log WHERE action = 'diplomas.register.pages_attach' AND entity_id = ${registerId}`.execute(
        ctx.database.db,
      )
    ).rows;
    expect(audit?.after).toMatchObject({ label: 'Trang 2', fromNo: n });
    expect(audit?.after.entryIds).toHaveLength(5);
    // A range the wrong way round is refused at its last number, in both languages.
    const reversed = await officer.post(`/api/diplomas/registers/${registerId}/pages`, {
      fileIds: [fileId],
      fromNo: n + 4,
      toNo: n,
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.details[0]).toMatchObject({
      path: 'body.toNo',
      message: expect.stringContaining(' / '),
    });
    expect(
      (await teacher.post(`/api/diplomas/registers/${registerId}/pages`, { fileIds: [fileId], fromNo: n, toNo: n }))
        .status,
    ).toBe(403);
    const again = await officer.post(`/api/diplomas/registers/${registerId}/pages`, {
      fileIds: [fileId],
      fromNo: n,
      toNo: n + 4,
    });
    expect(again.body.entries).toBe(0);
    const tooMany = await officer.post(`/api/diplomas/registers/${registerId}/pages`, {
      fileIds: [fileId],
      fromNo: 1,
      toNo: 1000,
    });
    expect(tooMany.status).toBe(400);
  });
});

async function auditCount(action: string, entityId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM audit_log WHERE action = ${action} AND entity_id = ${entityId}`.execute(
    ctx.database.db,
  );
  return rows[0]!.n;
}
