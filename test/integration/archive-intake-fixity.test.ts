import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveServices } from '../../src/server/modules/archive/archive.module.ts';
import { at } from '../../src/server/modules/archive/archive.tables.ts';
import type { Client } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { makeFonds, makeUser, unitId } from './archive-support.ts';

/**
 * Decided dossiers flow into the archive (one file each, never twice), and the fixity check
 * finds a stored file whose bytes changed on disk.
 */
let ctx: TestContext;
let archivist: Client;
let soId: string;

/** A certified-copy dossier of the Sở, decided, with one attachment (a factory on the engine's tables). */
async function decidedDossier(code: string, state: 'approved' | 'rejected' | 'in_review') {
  const db = ctx.platform.db;
  const bytes = Buffer.from(`%PDF-1.7\nđơn đề nghị ${code}\n%%EOF\n`);
  const key = `dossiers/test/${code}.pdf`;
  const s = await ctx.platform.storage.put(key, bytes, 'application/pdf');
  const file = await db
    .insertInto('stored_files')
    .values({
      storage_key: key,
      filename: `don-${code}.pdf`,
      content_type: 'application/pdf',
      size_bytes: s.size,
      sha256: s.sha256,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const d = await db
    .insertInto('dossiers')
    .values({
      code,
      procedure_code: 'BANSAO_VB',
      unit_id: soId,
      applicant_key: 'test-applicant-key',
      state,
      received_at: new Date('2026-03-02T02:00:00Z'),
      decided_at: state === 'in_review' ? null : new Date('2026-03-04T08:00:00Z'),
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('dossier_attachments')
    .values({
      dossier_id: d.id,
      document_code: 'DON_DE_NGHI',
      file_id: file.id,
      uploaded_by_kind: 'applicant',
    } as never)
    .execute();
  await db
    .insertInto('dossier_transitions')
    .values({
      dossier_id: d.id,
      action: 'approve',
      from_state: 'in_review',
      to_state: state,
      actor_kind: 'system',
      actor_name: 'test',
    } as never)
    .execute();
  return d.id as string;
}

beforeAll(async () => {
  ctx = await createTestContext();
  archivist = await makeUser(ctx, 'luutru.so', 'archivist', 'QNG.SGD');
  soId = await unitId(ctx, 'QNG.SGD');
}, 60_000);
afterAll(() => ctx?.close());

describe('flow-in of decided dossiers', () => {
  it('waits for a fonds, then files each decided dossier once with its attachments and a summary', async () => {
    const approved = await decidedDossier('BSVB-2026-000001', 'approved');
    const rejected = await decidedDossier('BSVB-2026-000002', 'rejected');
    await decidedDossier('BSVB-2026-000003', 'in_review');
    // No fonds yet: nothing archived, nothing lost.
    expect((await archivist.post('/api/archive/intake/run')).body).toEqual({ archived: 0, skipped: 0 });
    await makeFonds(ctx, archivist);
    const run = await archivist.post('/api/archive/intake/run');
    expect(run.body).toEqual({ archived: 2, skipped: 0 });
    // Idempotent: the job and the button again, and a sweep racing another.
    const again = await Promise.all([
      archiveServices(ctx.platform).intake.sweep(),
      archiveServices(ctx.platform).intake.sweep(),
    ]);
    expect(again.map((r) => r.archived)).toEqual([0, 0]);
    const rows = await at(ctx.platform.db)
      .selectFrom('archive_files')
      .select(['id', 'source_dossier_id', 'code'])
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.source_dossier_id).sort()).toEqual([approved, rejected].sort());
    const file = rows.find((r) => r.source_dossier_id === approved)!;
    expect(file.code).toMatch(/^000\.00\.31\.H48\.2026\.TTHC-000[12]$/);
    const detail = await archivist.get(`/api/archive/files/${file.id}`);
    expect(detail.body).toMatchObject({
      accessLevel: 'restricted',
      documentCount: 2,
      sourceDossierId: approved,
      retentionYears: 10,
    });
    expect(detail.body.documents.map((d: { file: { contentType: string } }) => d.file.contentType)).toEqual([
      'application/pdf',
      'application/pdf',
    ]);
    const summary = await ctx.app.inject({
      url: `/api/archive/files/${file.id}/documents/${detail.body.documents[0].id}/content`,
      headers: { cookie: archivist.cookie },
    });
    expect(summary.statusCode).toBe(200);
    expect(summary.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('fixity', () => {
  it('records every check, and reports a document whose file was changed on disk', async () => {
    const first = await archivist.post('/api/archive/fixity/run');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.problems).toBe(0);
    expect(first.body.checked).toBe(4);
    // Corrupt one stored file on disk (a bit flip the storage never saw).
    const { id, key } = await at(ctx.platform.db)
      .selectFrom('archive_documents as d')
      .innerJoin('stored_files as s', 's.id', 'd.stored_file_id')
      .select(['d.id as id', 's.storage_key as key'])
      .orderBy('d.created_at')
      .executeTakeFirstOrThrow();
    const onDisk = path.join(ctx.config.STORAGE_DIR, key);
    const bytes = fs.readFileSync(onDisk);
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0x01;
    fs.writeFileSync(onDisk, bytes);
    const second = await archivist.post('/api/archive/fixity/run');
    expect(second.body.problems).toBe(1);
    const report = await archivist.get('/api/archive/fixity');
    expect(report.body.checked).toBe(4);
    expect(report.body.problems).toHaveLength(1);
    expect(report.body.problems[0]).toMatchObject({ documentId: id, outcome: 'mismatch' });
    expect(report.body.problems[0].actualSha256).not.toBe(report.body.problems[0].expectedSha256);
    const staff = await makeUser(ctx, 'cv.so', 'department_staff', 'QNG.SGD');
    expect((await staff.get('/api/archive/fixity')).status).toBe(403);
  });
});
