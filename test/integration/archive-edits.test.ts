import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { fileBody, makeFonds, makeUser, unitId } from './archive-support.ts';

/**
 * What an archivist changes after describing: a fonds (renamed, closed with an end year) under
 * optimistic concurrency, a document's description, and a document's withdrawal, which keeps
 * the document recorded but out of readers' sight, out of the file's count and the exports;
 * its bytes are kept, so the fixity runs still check them. Every change audited with before and after; only archivists may change.
 */
let ctx: TestContext;
const who: Record<string, Client> = {};
let fondsId: string;
let soId: string;
let fileId: string;
const docs: string[] = [];
const anonymous = (url: string) =>
  ctx.app.inject(url).then((r) => ({ status: r.statusCode, body: r.body ? r.json() : null }));

async function storedPdf(text: string): Promise<string> {
  const bytes = Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);
  const key = `archive/test/${createHash('sha256').update(bytes).digest('hex')}.pdf`;
  const s = await ctx.platform.storage.put(key, bytes, 'application/pdf');
  const r = await ctx.platform.db
    .insertInto('stored_files')
    .values({
      storage_key: key,
      filename: `${text}.pdf`,
      content_type: 'application/pdf',
      size_bytes: s.size,
      sha256: s.sha256,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

async function auditOf(entityId: string, action: string) {
  return ctx.platform.db
    .selectFrom('audit_log')
    .select(['action', 'before', 'after'])
    .where('entity_id', '=', entityId)
    .where('action', '=', action)
    .execute();
}

beforeAll(async () => {
  ctx = await createTestContext();
  who.archivist = await makeUser(ctx, 'luutru.so', 'archivist', 'QNG.SGD');
  who.staff = await makeUser(ctx, 'cv.so', 'department_staff', 'QNG.SGD');
  soId = await unitId(ctx, 'QNG.SGD');
  fondsId = await makeFonds(ctx, who.archivist);
  const file = await who.archivist.post('/api/archive/files', fileBody(fondsId, soId));
  expect(file.status, JSON.stringify(file.body)).toBe(201);
  fileId = file.body.id;
  for (const name of ['ke-hoach', 'quyet-dinh']) {
    const r = await who.archivist.post(`/api/archive/files/${fileId}/documents`, {
      title: `Văn bản ${name}`,
      docNumber: '15/KH-SGDĐT',
      docDate: '2024-03-05',
      storedFileId: await storedPdf(name),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    docs.push(r.body.documents.at(-1).id);
  }
}, 60_000);
afterAll(() => ctx?.close());

describe('editing a fonds', () => {
  it('renames, describes and closes a fonds at the version read, audited with before and after', async () => {
    const [fonds] = (await who.archivist!.get('/api/archive/fonds')).body.items;
    const r = await who.archivist!.put(`/api/archive/fonds/${fondsId}`, {
      name: 'Phông Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi',
      endYear: 2025,
      description: 'Tài liệu của Sở từ năm 1989.',
      version: fonds.version,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      name: 'Phông Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi',
      endYear: 2025,
      description: 'Tài liệu của Sở từ năm 1989.',
      fileCount: 1,
      version: fonds.version + 1,
      orgIdentifier: '000.00.31.H48',
    });
    const [audit] = await auditOf(fondsId, 'archive.fonds.update');
    expect(audit?.before).toMatchObject({ name: 'Phông Sở GDĐT tỉnh Quảng Ngãi', end_year: null });
    expect(audit?.after).toMatchObject({ name: 'Phông Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi', end_year: 2025 });
    // Re-opened for the rest of the tests.
    const reopened = await who.archivist!.put(`/api/archive/fonds/${fondsId}`, {
      name: r.body.name,
      endYear: null,
      description: r.body.description,
      version: r.body.version,
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.endYear).toBeNull();
  });

  it('refuses a save made on an older version (someone else saved meanwhile)', async () => {
    const [fonds] = (await who.archivist!.get('/api/archive/fonds')).body.items;
    const first = await who.archivist!.put(`/api/archive/fonds/${fondsId}`, {
      name: fonds.name,
      endYear: null,
      description: 'Lần sửa thứ nhất',
      version: fonds.version,
    });
    expect(first.status).toBe(200);
    const stale = await who.archivist!.put(`/api/archive/fonds/${fondsId}`, {
      name: 'Tên khác',
      endYear: null,
      description: null,
      version: fonds.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('resource.stale');
    expect((await who.archivist!.get('/api/archive/fonds')).body.items[0].name).toBe(fonds.name);
  });

  it('points each refused field out, in Vietnamese and English', async () => {
    const [fonds] = (await who.archivist!.get('/api/archive/fonds')).body.items;
    const early = await who.archivist!.put(`/api/archive/fonds/${fondsId}`, {
      name: fonds.name,
      endYear: 1980,
      description: null,
      version: fonds.version,
    });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('archive.invalid_metadata');
    // One message for the field, in both languages (not also "before the last file").
    expect(early.body.error.details).toEqual([
      { path: 'body.endYear', message: expect.stringMatching(/năm kết thúc trước năm bắt đầu.* \/ the end year/) },
    ]);
    // The fonds holds a file of 2024: it cannot close in 2023.
    const beforeFiles = await who.archivist!.put(`/api/archive/fonds/${fondsId}`, {
      name: fonds.name,
      endYear: 2023,
      description: null,
      version: fonds.version,
    });
    expect(beforeFiles.status).toBe(422);
    expect(beforeFiles.body.error.details[0]).toMatchObject({
      path: 'body.endYear',
      message: expect.stringContaining('2024'),
    });
    const short = await who.archivist!.put(`/api/archive/fonds/${fondsId}`, {
      name: 'P',
      endYear: null,
      version: fonds.version,
    });
    expect(short.status).toBe(400);
    expect(short.body.error.details.map((d: { path: string }) => d.path)).toContain('body.name');
  });

  it('is refused to staff who are not archivists, and to anonymous callers', async () => {
    const [fonds] = (await who.archivist!.get('/api/archive/fonds')).body.items;
    const body = { name: 'Phông đổi tên', endYear: null, description: null, version: fonds.version };
    expect((await who.staff!.put(`/api/archive/fonds/${fondsId}`, body)).status).toBe(403);
    const anon = await ctx.app.inject({ method: 'PUT', url: `/api/archive/fonds/${fondsId}`, payload: body });
    expect([401, 403]).toContain(anon.statusCode);
    expect((await who.archivist!.get('/api/archive/fonds')).body.items[0].name).toBe(fonds.name);
  });
});

describe("editing a document's description", () => {
  it('changes the title, number, date, author and pages, audited with before and after', async () => {
    const r = await who.archivist!.patch(`/api/archive/files/${fileId}/documents/${docs[0]}`, {
      title: 'Kế hoạch tổ chức kỳ thi tốt nghiệp THPT năm 2024',
      docNumber: '16/KH-SGDĐT',
      docDate: '2024-03-06',
      author: 'Sở GDĐT tỉnh Quảng Ngãi',
      pageCount: 4,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.documents[0]).toMatchObject({
      title: 'Kế hoạch tổ chức kỳ thi tốt nghiệp THPT năm 2024',
      docNumber: '16/KH-SGDĐT',
      docDate: '2024-03-06',
      author: 'Sở GDĐT tỉnh Quảng Ngãi',
      pageCount: 4,
      withdrawn: null,
    });
    const [audit] = await auditOf(docs[0]!, 'archive.document.update');
    expect(audit?.before).toMatchObject({ title: 'Văn bản ke-hoach', doc_number: '15/KH-SGDĐT', page_count: null });
    expect(audit?.after).toMatchObject({ doc_number: '16/KH-SGDĐT', page_count: 4 });
  });

  it('refuses bad values by field, an empty change, and non-archivists', async () => {
    const bad = await who.archivist!.patch(`/api/archive/files/${fileId}/documents/${docs[0]}`, {
      docDate: '2024-02-30',
      pageCount: -1,
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.docDate', 'body.pageCount']));
    expect((await who.archivist!.patch(`/api/archive/files/${fileId}/documents/${docs[0]}`, {})).status).toBe(400);
    expect(
      (await who.staff!.patch(`/api/archive/files/${fileId}/documents/${docs[0]}`, { title: 'Đổi tên' })).status,
    ).toBe(403);
    // A document of another file is not reached through this one.
    const other = await who.archivist!.post(
      '/api/archive/files',
      fileBody(fondsId, soId, { code: '000.00.31.H48.2024.09' }),
    );
    expect(
      (await who.archivist!.patch(`/api/archive/files/${other.body.id}/documents/${docs[0]}`, { title: 'Đổi tên' }))
        .status,
    ).toBe(404);
  });
});

describe('withdrawing a document', () => {
  it('needs a reason and an archivist', async () => {
    const url = `/api/archive/files/${fileId}/documents/${docs[1]}/withdraw`;
    const none = await who.archivist!.post(url, { reason: ' ' });
    expect(none.status).toBe(400);
    expect(none.body.error.details.map((d: { path: string }) => d.path)).toContain('body.reason');
    expect((await who.staff!.post(url, { reason: 'Không thuộc hồ sơ này' })).status).toBe(403);
  });

  it('keeps the document recorded, marked with the reason for archivists, and audits it', async () => {
    const r = await who.archivist!.post(`/api/archive/files/${fileId}/documents/${docs[1]}/withdraw`, {
      reason: 'Nộp nhầm: văn bản thuộc hồ sơ tuyển sinh',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.documentCount).toBe(1);
    const withdrawn = r.body.documents.find((d: { id: string }) => d.id === docs[1]);
    expect(withdrawn.withdrawn).toMatchObject({
      reason: 'Nộp nhầm: văn bản thuộc hồ sơ tuyển sinh',
      byName: 'Người dùng luutru.so',
    });
    const [audit] = await auditOf(docs[1]!, 'archive.document.withdraw');
    expect(audit?.before).toMatchObject({ withdrawn: false, documentCount: 2 });
    expect(audit?.after).toMatchObject({ withdrawn: true, reason: 'Nộp nhầm: văn bản thuộc hồ sơ tuyển sinh' });
    const row = await ctx.platform.db
      .selectFrom('archive_documents' as never)
      .select(['withdrawn_at', 'withdrawn_reason'] as never)
      .where('id' as never, '=', docs[1] as never)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ withdrawn_reason: 'Nộp nhầm: văn bản thuộc hồ sơ tuyển sinh' });
    // The archivist may still open its file.
    const content = await ctx.app.inject({
      url: `/api/archive/files/${fileId}/documents/${docs[1]}/content`,
      headers: { cookie: who.archivist!.cookie },
    });
    expect(content.statusCode).toBe(200);
  });

  it('hides it from readers: not listed, not served, not counted', async () => {
    for (const get of [(u: string) => who.staff!.get(u), anonymous]) {
      const r = await get(`/api/archive/files/${fileId}`);
      expect(r.status).toBe(200);
      expect(r.body.documents.map((d: { id: string }) => d.id)).toEqual([docs[0]]);
      expect(r.body.documentCount).toBe(1);
    }
    expect((await anonymous(`/api/archive/files/${fileId}/documents/${docs[1]}/content`)).status).toBe(404);
    expect((await who.staff!.get(`/api/archive/files/${fileId}/documents/${docs[1]}/content`)).status).toBe(404);
    const search = await anonymous('/api/archive/files?q=tot%20nghiep');
    expect(search.body.items.find((f: { id: string }) => f.id === fileId).documentCount).toBe(1);
    const csv = await ctx.app.inject('/api/archive/export?format=csv');
    const line = csv.body.split('\r\n').find((l: string) => l.startsWith('000.00.31.H48.2024.01,'));
    const header = csv.body
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!
      .split(',');
    expect(line!.split(',')[header.indexOf('so_luong_van_ban')]).toBe('1');
  });

  it('cannot be withdrawn or edited twice, and its bytes are still checked for fixity', async () => {
    const again = await who.archivist!.post(`/api/archive/files/${fileId}/documents/${docs[1]}/withdraw`, {
      reason: 'Lần thứ hai',
    });
    expect(again.status).toBe(422);
    expect(
      (await who.archivist!.patch(`/api/archive/files/${fileId}/documents/${docs[1]}`, { title: 'Đổi tên' })).status,
    ).toBe(422);
    const run = await who.archivist!.post('/api/archive/fixity/run');
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    const checked = await ctx.platform.db
      .selectFrom('archive_fixity_checks' as never)
      .select('document_id' as never)
      .where('run_id' as never, '=', run.body.runId as never)
      .execute();
    const ids = checked.map((c) => (c as { document_id: string }).document_id);
    expect(ids).toContain(docs[0]);
    expect(ids).toContain(docs[1]);
  });
});
