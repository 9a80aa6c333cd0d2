import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccessLogList,
  DocumentCreate,
  DocumentPatch,
  DocumentWithdraw,
  ExportQuery,
  FileCreate,
  FileDetail,
  FilePage,
  FilePatch,
  FileSearchQuery,
  FixityReport,
  FixityRun,
  Fonds,
  FondsInput,
  FondsList,
  FondsUpdate,
  IntakeRun,
  ReadDecision,
  ReadRequestCreate,
  ReadRequestList,
  ReadRequestQuery,
} from '../../../shared/archive.schema.ts';
import { IdParams, Uuid } from '../../../shared/common.schema.ts';
import { sendStoredFile } from '../../platform/files/send-stored-file.ts';
import type { Platform } from '../../platform/platform.ts';
import type { ArchiveServices } from './archive.module.ts';

const DocParams = z.object({ id: Uuid, documentId: Uuid });
const Created = z.object({ id: Uuid });

/** The electronic archive's API (issue 5, items 6–9). */
export function archiveRoutes(app: FastifyInstance, platform: Platform, s: ArchiveServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['archive'];

  r.get(
    '/api/archive/fonds',
    { schema: { tags, summary: 'Fonds (phông lưu trữ)', response: { 200: FondsList } } },
    async () => ({
      items: await s.fonds.list(),
    }),
  );
  r.post(
    '/api/archive/fonds',
    { schema: { tags, summary: 'Create a fonds (archivist)', body: FondsInput, response: { 201: Fonds } } },
    async (req, reply) => reply.code(201).send(await s.fonds.create(req.actor, req.body)),
  );
  r.put(
    '/api/archive/fonds/:id',
    {
      schema: {
        tags,
        summary: "Rename, describe or close a fonds (archivist of the fonds' unit; version = the one read)",
        params: IdParams,
        body: FondsUpdate,
        response: { 200: Fonds },
      },
    },
    (req) => s.fonds.update(req.actor, req.params.id, req.body),
  );
  r.get(
    '/api/archive/files',
    {
      schema: {
        tags,
        summary: 'Search files (accent-insensitive): public ones for anyone, all descriptions for staff',
        querystring: FileSearchQuery,
        response: { 200: FilePage },
      },
    },
    (req) => s.files.search(req.actor, req.query),
  );
  r.post(
    '/api/archive/files',
    {
      schema: {
        tags,
        summary: 'Describe a file (Thông tư 05/2025/TT-BNV)',
        body: FileCreate,
        response: { 201: FileDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await s.files.create(req.actor, req.body)),
  );
  r.get(
    '/api/archive/files/:id',
    {
      schema: {
        tags,
        summary: 'A file with its documents when the caller may read them (logged)',
        params: IdParams,
        response: { 200: FileDetail },
      },
    },
    (req) => s.files.get(req.actor, req.params.id),
  );
  r.patch(
    '/api/archive/files/:id',
    {
      schema: {
        tags,
        summary: 'Change a file description',
        params: IdParams,
        body: FilePatch,
        response: { 200: FileDetail },
      },
    },
    (req) => s.files.update(req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/archive/files/:id/documents',
    {
      schema: {
        tags,
        summary: 'Add a document',
        params: IdParams,
        body: DocumentCreate,
        response: { 201: FileDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await s.files.addDocument(req.actor, req.params.id, req.body)),
  );
  r.patch(
    '/api/archive/files/:id/documents/:documentId',
    {
      schema: {
        tags,
        summary: "Change a document's description (archivist)",
        params: DocParams,
        body: DocumentPatch,
        response: { 200: FileDetail },
      },
    },
    (req) => s.documents.update(req.actor, req.params.id, req.params.documentId, req.body),
  );
  r.post(
    '/api/archive/files/:id/documents/:documentId/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a document from its file, with a reason (it stays recorded; archivist)',
        params: DocParams,
        body: DocumentWithdraw,
        response: { 200: FileDetail },
      },
    },
    (req) => s.documents.withdraw(req.actor, req.params.id, req.params.documentId, req.body.reason),
  );
  r.get(
    '/api/archive/files/:id/documents/:documentId/content',
    { schema: { tags, summary: "A document's file (access-checked, logged)", params: DocParams } },
    async (req, reply) => {
      const file = await s.files.readDocument(req.actor, req.params.id, req.params.documentId);
      return sendStoredFile(req, reply, platform.storage, file);
    },
  );
  r.get(
    '/api/archive/files/:id/access-log',
    { schema: { tags, summary: 'Reads of the file (archivist)', params: IdParams, response: { 200: AccessLogList } } },
    (req) => s.requests.accessLog(req.actor, req.params.id),
  );
  r.post(
    '/api/archive/files/:id/read-requests',
    {
      schema: {
        tags,
        summary: 'Ask to read a restricted file',
        params: IdParams,
        body: ReadRequestCreate,
        response: { 201: Created },
      },
    },
    async (req, reply) => reply.code(201).send(await s.requests.request(req.actor, req.params.id, req.body.purpose)),
  );
  r.get(
    '/api/archive/read-requests',
    {
      schema: {
        tags,
        summary: "The caller's requests, or those waiting for the caller's decision",
        querystring: ReadRequestQuery,
        response: { 200: ReadRequestList },
      },
    },
    async (req) => ({ items: await s.requests.list(req.actor, req.query.scope) }),
  );
  r.post(
    '/api/archive/read-requests/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve (with a last day) or refuse, with a reason',
        params: IdParams,
        body: ReadDecision,
      },
    },
    async (req, reply) => {
      await s.requests.decide(req.actor, req.params.id, req.body);
      return reply.code(204).send();
    },
  );
  r.get(
    '/api/archive/export',
    {
      schema: {
        tags,
        summary: 'Descriptions the caller may find, as CSV or Dublin Core XML',
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      if (req.query.format === 'dc')
        return reply
          .header('content-type', 'application/xml; charset=utf-8')
          .header('content-disposition', 'attachment; filename="luu-tru-dublin-core.xml"')
          .send(await s.exports.dublinCore(req.actor, req.query.fondsId));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="luu-tru-ho-so.csv"')
        .send(await s.exports.csv(req.actor, req.query.fondsId));
    },
  );
  r.get(
    '/api/archive/fixity',
    { schema: { tags, summary: 'The last fixity run and its problems (archivist)', response: { 200: FixityReport } } },
    (req) => s.fixity.report(req.actor),
  );
  r.post(
    '/api/archive/fixity/run',
    { schema: { tags, summary: 'Re-hash every stored document now (archivist)', response: { 200: FixityRun } } },
    async (req) => {
      await platform.access.require(req.actor, 'archive.manage');
      return s.fixity.run(req.actor);
    },
  );
  r.post(
    '/api/archive/intake/run',
    {
      schema: {
        tags,
        summary: 'Archive decided dossiers now (archivist; the job does it every 10 minutes)',
        response: { 200: IntakeRun },
      },
    },
    async (req) => {
      await platform.access.require(req.actor, 'archive.manage');
      return s.intake.sweep(req.actor);
    },
  );
}
