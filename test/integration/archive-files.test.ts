import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { fileBody, makeFonds, makeUser, unitId } from './archive-support.ts';

/**
 * The electronic archive's description (Thông tư 05/2025/TT-BNV metadata) and who reads what:
 * public files for anyone, internal ones for the province's staff, restricted ones only with an
 * approved, current read request (or as the fonds' archivist); every read logged.
 */
let ctx: TestContext;
const who: Record<string, Client> = {};
let fondsId: string;
let soId: string;
const files: Record<string, string> = {};
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

beforeAll(async () => {
  ctx = await createTestContext();
  who.archivist = await makeUser(ctx, 'luutru.so', 'archivist', 'QNG.SGD');
  who.staff = await makeUser(ctx, 'cv.so', 'department_staff', 'QNG.SGD');
  who.reader = await makeUser(ctx, 'cv.doc', 'department_staff', 'QNG.SGD');
  who.citizen = await makeUser(ctx, 'congdan', null, 'QNG.SGD');
  soId = await unitId(ctx, 'QNG.SGD');
  fondsId = await makeFonds(ctx, who.archivist);
}, 60_000);
afterAll(() => ctx?.close());

describe('file description', () => {
  it('creates a file with the TT 05/2025 metadata and the creating unit as named then, audited', async () => {
    const r = await who.archivist!.post('/api/archive/files', fileBody(fondsId, soId));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      code: '000.00.31.H48.2024.01',
      year: 2024,
      retentionYears: null,
      accessLevel: 'public',
      documentCount: 0,
      creatorUnitName: 'Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi',
      backupStatus: 'none',
    });
    files.public = r.body.id;
    const audit = await ctx.platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', r.body.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('archive.file.create');
  });

  it('refuses a code not in the <org identifier>.<year>.<number> form, or of another fonds, or out of the dates', async () => {
    for (const [code, path] of [
      ['HS-2024-01', 'body.code'],
      ['000.00.31.H49.2024.02', 'body.code'],
      ['000.00.31.H48.2019.03', 'body.code'],
    ] as const) {
      const r = await who.archivist!.post('/api/archive/files', fileBody(fondsId, soId, { code }));
      expect(r.status, code).toBe(422);
      expect(r.body.error.code).toBe('archive.invalid_metadata');
      expect(r.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
  });

  it('refuses end before start, and a digitised file without its paper original and condition', async () => {
    const r = await who.archivist!.post(
      '/api/archive/files',
      fileBody(fondsId, soId, { code: '000.00.31.H48.2024.04', endDate: '2024-01-01', reliability: 'digitised' }),
    );
    expect(r.status).toBe(422);
    const paths = r.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.endDate', 'body.paperCode', 'body.physicalCondition']));
  });

  it('refuses a code already used, and a bad access level or retention', async () => {
    const dup = await who.archivist!.post('/api/archive/files', fileBody(fondsId, soId));
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('archive.code_taken');
    const bad = await who.archivist!.post(
      '/api/archive/files',
      fileBody(fondsId, soId, { code: '000.00.31.H48.2024.05', accessLevel: 'secret', retentionYears: 0 }),
    );
    expect(bad.status).toBe(400);
  });

  it('accepts a digitised file with its paper code and condition, and lets only archivists describe', async () => {
    const body = fileBody(fondsId, soId, {
      code: '000.00.31.H48.2024.02',
      title: 'Hồ sơ nội bộ về kế hoạch năm học 2024–2025',
      accessLevel: 'internal',
      reliability: 'digitised',
      paperCode: 'KH-2024/15',
      physicalCondition: 'Giấy ố vàng, còn nguyên vẹn',
    });
    expect((await who.staff!.post('/api/archive/files', body)).status).toBe(403);
    const r = await who.archivist!.post('/api/archive/files', body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    files.internal = r.body.id;
    const restricted = await who.archivist!.post(
      '/api/archive/files',
      fileBody(fondsId, soId, {
        code: '000.00.31.H48.2024.03',
        title: 'Hồ sơ kỷ luật viên chức năm 2024',
        accessLevel: 'restricted',
        retentionYears: 70,
      }),
    );
    expect(restricted.status).toBe(201);
    files.restricted = restricted.body.id;
  });

  it('changes a description with the expected version only', async () => {
    const cur = await who.archivist!.get(`/api/archive/files/${files.public}`);
    const ok = await who.archivist!.patch(`/api/archive/files/${files.public}`, {
      expectedVersion: cur.body.version,
      backupStatus: 'backed_up',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.backupStatus).toBe('backed_up');
    const stale = await who.archivist!.patch(`/api/archive/files/${files.public}`, {
      expectedVersion: cur.body.version,
      sheetCount: 3,
    });
    expect(stale.status).toBe(409);
  });

  it('adds documents with their stored files and counts them', async () => {
    for (const [k, name] of [
      ['public', 'ke-hoach'],
      ['internal', 'noi-bo'],
      ['restricted', 'ky-luat'],
    ] as const) {
      const r = await who.archivist!.post(`/api/archive/files/${files[k]}/documents`, {
        title: `Văn bản ${name}`,
        docNumber: '15/KH-SGDĐT',
        docDate: '2024-03-05',
        storedFileId: await storedPdf(name),
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.documentCount).toBe(1);
      expect(r.body.documents[0].file.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe('access levels', () => {
  it('shows anonymous readers and accounts without a role only public files', async () => {
    const a = await anonymous('/api/archive/files');
    expect(a.body.items.map((f: { id: string }) => f.id)).toEqual([files.public]);
    const c = await who.citizen!.get('/api/archive/files');
    expect(c.body.items.map((f: { id: string }) => f.id)).toEqual([files.public]);
    expect((await anonymous(`/api/archive/files/${files.internal}`)).status).toBe(401);
    expect((await who.citizen!.get(`/api/archive/files/${files.internal}`)).status).toBe(403);
    const pub = await anonymous(`/api/archive/files/${files.public}`);
    expect(pub.status).toBe(200);
    expect(pub.body.documents).toHaveLength(1);
  });

  it('finds files without accents for staff, with restricted descriptions but no documents', async () => {
    const s = await who.staff!.get(`/api/archive/files?q=${encodeURIComponent('ke hoach nam hoc')}`);
    expect(s.body.items.map((f: { id: string }) => f.id)).toEqual([files.internal]);
    expect((await who.staff!.get('/api/archive/files')).body.total).toBe(3);
    const internal = await who.staff!.get(`/api/archive/files/${files.internal}`);
    expect(internal.body.documents).toHaveLength(1);
    const restricted = await who.staff!.get(`/api/archive/files/${files.restricted}`);
    expect(restricted.status).toBe(200);
    expect(restricted.body.documents).toBeNull();
    const doc = (await who.archivist!.get(`/api/archive/files/${files.restricted}`)).body.documents[0].id;
    const read = await who.staff!.get(`/api/archive/files/${files.restricted}/documents/${doc}/content`);
    expect(read.status).toBe(403);
    expect(read.body.error.code).toBe('archive.restricted');
  });

  it('opens a restricted file after an archivist approves a request, until its last day', async () => {
    const req = await who.reader!.post(`/api/archive/files/${files.restricted}/read-requests`, {
      purpose: 'Xác minh quá trình công tác',
    });
    expect(req.status, JSON.stringify(req.body)).toBe(201);
    expect((await who.reader!.get(`/api/archive/files/${files.restricted}`)).body.documents).toBeNull();
    const pending = await who.archivist!.get('/api/archive/read-requests?scope=to_decide');
    expect(pending.body.items.map((r: { id: string }) => r.id)).toContain(req.body.id);
    // Only an archivist decides; an approval needs its last day.
    expect(
      (
        await who.staff!.post(`/api/archive/read-requests/${req.body.id}/decision`, {
          approve: true,
          reason: 'Đồng ý',
          validUntil: '2099-01-01',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await who.archivist!.post(`/api/archive/read-requests/${req.body.id}/decision`, {
          approve: true,
          reason: 'Đồng ý',
        })
      ).status,
    ).toBe(422);
    const ok = await who.archivist!.post(`/api/archive/read-requests/${req.body.id}/decision`, {
      approve: true,
      reason: 'Phục vụ xác minh theo yêu cầu của Sở Nội vụ',
      validUntil: '2099-12-31',
    });
    expect(ok.status).toBe(204);
    const detail = await who.reader!.get(`/api/archive/files/${files.restricted}`);
    expect(detail.body.documents).toHaveLength(1);
    const content = await ctx.app.inject({
      url: `/api/archive/files/${files.restricted}/documents/${detail.body.documents[0].id}/content`,
      headers: { cookie: who.reader!.cookie },
    });
    expect(content.statusCode).toBe(200);
    expect(content.body).toContain('ky-luat');
    // The other staff member has no request: still closed.
    expect((await who.staff!.get(`/api/archive/files/${files.restricted}`)).body.documents).toBeNull();
    // An expired approval closes it again.
    await ctx.platform.db
      .updateTable('archive_read_requests' as never)
      .set({ valid_until: '2020-01-01' } as never)
      .execute();
    expect((await who.reader!.get(`/api/archive/files/${files.restricted}`)).body.documents).toBeNull();
    const mine = await who.reader!.get('/api/archive/read-requests');
    expect(mine.body.items[0]).toMatchObject({
      state: 'approved',
      decisionReason: 'Phục vụ xác minh theo yêu cầu của Sở Nội vụ',
    });
  });

  it('logs every read of a file and a document, with its ground, for the archivist only', async () => {
    const log = await who.archivist!.get(`/api/archive/files/${files.restricted}/access-log`);
    expect(log.status).toBe(200);
    const reads = log.body.items.filter((e: { actorName: string }) => e.actorName === 'cv.doc');
    expect(reads.map((e: { action: string; ground: string }) => `${e.action}:${e.ground}`)).toEqual(
      expect.arrayContaining(['view_file:request', 'read_document:request']),
    );
    const anon = (await who.archivist!.get(`/api/archive/files/${files.public}/access-log`)).body.items;
    expect(
      anon.some((e: { actorName: string | null; ground: string }) => e.actorName === null && e.ground === 'public'),
    ).toBe(true);
    expect((await who.staff!.get(`/api/archive/files/${files.restricted}/access-log`)).status).toBe(403);
  });
});

describe('export of descriptions', () => {
  it('exports CSV and Dublin Core of only what the caller may find', async () => {
    const csv = await ctx.app.inject('/api/archive/export?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('000.00.31.H48.2024.01');
    expect(csv.body).not.toContain('000.00.31.H48.2024.03');
    const dc = await ctx.app.inject({ url: '/api/archive/export?format=dc', headers: { cookie: who.staff!.cookie } });
    expect(dc.body).toContain('<dc:identifier>000.00.31.H48.2024.03</dc:identifier>');
    expect(dc.body).toContain('<dc:title>Hồ sơ kỷ luật viên chức năm 2024</dc:title>');
  });

  it('offers public descriptions only over OAI-PMH, for any harvester', async () => {
    const list = await ctx.app.inject('/oai/luu-tru?verb=ListRecords&metadataPrefix=oai_dc');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<dc:identifier>000.00.31.H48.2024.01</dc:identifier>');
    expect(list.body).not.toContain('000.00.31.H48.2024.02');
    expect(list.body).not.toContain('000.00.31.H48.2024.03');
    const host = new URL(`http://${list.headers.host ?? 'localhost:80'}`).hostname;
    const one = await ctx.app.inject(
      `/oai/luu-tru?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${host}:archive/${files.restricted}`,
    );
    expect(one.body).toContain('idDoesNotExist');
    const pub = await ctx.app.inject(
      `/oai/luu-tru?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${host}:archive/${files.public}`,
    );
    expect(pub.body).toContain('<dc:title>Hồ sơ tổ chức kỳ thi tốt nghiệp THPT năm 2024</dc:title>');
  });
});
