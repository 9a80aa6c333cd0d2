import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/common.schema.ts';
import {
  CorrectionCreate,
  Entry,
  EntrySearchPage,
  EntrySearchQuery,
  ImportConfigure,
  ImportJob,
  ImportReport,
  ImportReportQuery,
  ImportUploadQuery,
  IssuingUnitList,
  PageParams,
  PageScanList,
  PagesAttach,
  RegisterList,
  RegisterPagesAttach,
  RegisterPagesAttached,
} from '../../../shared/diplomas.schema.ts';
import { AppError } from '../../platform/errors.ts';
import { sendStoredFile } from '../../platform/files/send-stored-file.ts';
import type { DiplomaServices } from './diplomas.module.ts';

/** Lists of up to 2 million rows as CSV are large; the stream goes to storage, never to memory. */
export const MAX_LIST_BYTES = 1024 * 1024 * 1024;

async function uploadPart(req: FastifyRequest) {
  const wrong = (vi: string, en: string) => new AppError('file.invalid', { hint: { vi, en } });
  if (!req.isMultipart())
    throw wrong(
      'Gửi tệp trong trường "file" (multipart/form-data).',
      'Send the file in the "file" field (multipart/form-data).',
    );
  const part = await req.file({ limits: { fileSize: MAX_LIST_BYTES, files: 1 } });
  if (part?.fieldname !== 'file') throw wrong('Thiếu trường "file".', 'The "file" field is missing.');
  return part;
}

/**
 * Staff routes of the diploma registry (issue 5 items 1–3). Needs diplomas.read (registers,
 * search, entries: each view audited) or diplomas.manage (imports, corrections) on the issuing
 * unit. Errors: auth.required, access.denied, resource.not_found, resource.stale,
 * request.invalid, file.invalid, diplomas.import_state, diplomas.mapping_invalid,
 * diplomas.correction_invalid.
 */
export function diplomaRoutes(app: FastifyInstance, s: DiplomaServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['diplomas'];

  r.get(
    '/api/diplomas/registers',
    { schema: { tags, summary: 'Master registers in scope, with the diploma types', response: { 200: RegisterList } } },
    (req) => s.entries.registers(req.actor),
  );

  r.get(
    '/api/diplomas/entries',
    {
      schema: {
        tags,
        summary: 'Search entries: name without accents (whole words, any order), date of birth, year, school, serial',
        querystring: EntrySearchQuery,
        response: { 200: EntrySearchPage },
      },
    },
    (req) => s.entries.search(req.actor, req.query),
  );

  r.get(
    '/api/diplomas/entries/:id',
    {
      schema: {
        tags,
        summary: 'An entry with its corrections (the view is audited)',
        params: IdParams,
        response: { 200: Entry },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return s.entries.get(req.actor, req.params.id);
    },
  );

  r.post(
    '/api/diplomas/entries/:id/corrections',
    {
      schema: {
        tags,
        summary: 'Record a correction decision (before/after per field) and apply it',
        params: IdParams,
        body: CorrectionCreate,
        response: { 201: Entry },
      },
    },
    async (req, reply) => reply.code(201).send(await s.entries.correct(req.actor, req.params.id, req.body)),
  );

  r.get(
    '/api/diplomas/issuing-units',
    {
      schema: {
        tags,
        summary: 'Units that issue diplomas (Sở GDĐT of today and former ones, expired included), for the import',
        response: { 200: IssuingUnitList },
      },
    },
    (req) => s.pages.issuingUnits(req.actor),
  );

  r.get(
    '/api/diplomas/entries/:id/pages',
    {
      schema: {
        tags,
        summary: 'Scanned register pages of an entry',
        params: IdParams,
        response: { 200: PageScanList },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return s.pages.list(req.actor, req.params.id);
    },
  );

  r.post(
    '/api/diplomas/entries/:id/pages',
    {
      schema: {
        tags,
        summary: 'Attach finished uploads (purpose diploma-pages: images, PDF) to an entry as scanned register pages',
        params: IdParams,
        body: PagesAttach,
        response: { 200: PageScanList },
      },
    },
    (req) => s.pages.attach(req.actor, req.params.id, req.body),
  );

  r.get(
    '/api/diplomas/entries/:id/pages/:fileId',
    { schema: { tags, summary: 'One scanned page of an entry (the view is audited)', params: PageParams } },
    async (req, reply) => {
      const file = await s.pages.file(req.actor, req.params.id, req.params.fileId);
      return sendStoredFile(req, reply, s.pages.storage, file, { cacheControl: 'private, no-store' });
    },
  );

  r.post(
    '/api/diplomas/registers/:id/pages',
    {
      schema: {
        tags,
        summary: 'Attach scanned pages to every entry of a register numbered fromNo…toNo',
        params: IdParams,
        body: RegisterPagesAttach,
        response: { 200: RegisterPagesAttached },
      },
    },
    (req) => s.pages.attachRange(req.actor, req.params.id, req.body),
  );

  r.get('/api/diplomas/imports', { schema: { tags, response: { 200: z.array(ImportJob) } } }, (req) =>
    s.imports.list(req.actor),
  );

  r.post(
    '/api/diplomas/imports',
    {
      schema: {
        tags,
        summary: 'Upload a list (.xlsx or .csv, multipart field `file`): header, first rows and a guessed mapping',
        querystring: ImportUploadQuery,
        response: { 201: ImportJob },
      },
    },
    async (req, reply) => {
      const part = await uploadPart(req);
      const job = await s.imports.upload(req.actor, req.query.issuingUnitId, part.filename, part.file);
      if (part.file.truncated) throw new AppError('file.invalid');
      return reply.code(201).send(job);
    },
  );

  r.get(
    '/api/diplomas/imports/:id',
    { schema: { tags, params: IdParams, response: { 200: ImportJob } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return s.imports.get(req.actor, req.params.id);
    },
  );

  r.post(
    '/api/diplomas/imports/:id/validate',
    {
      schema: {
        tags,
        summary: 'Map the columns and validate every row (in the background; poll the import)',
        params: IdParams,
        body: ImportConfigure,
        response: { 202: ImportJob },
      },
    },
    async (req, reply) => reply.code(202).send(await s.imports.validate(req.actor, req.params.id, req.body)),
  );

  r.post(
    '/api/diplomas/imports/:id/run',
    {
      schema: {
        tags,
        summary: 'Write the validated rows (in the background; rows already in the registry are skipped)',
        params: IdParams,
        response: { 202: ImportJob },
      },
    },
    async (req, reply) => reply.code(202).send(await s.imports.run(req.actor, req.params.id)),
  );

  r.get(
    '/api/diplomas/imports/:id/report',
    {
      schema: {
        tags,
        summary: 'The rows with problems, in file order',
        params: IdParams,
        querystring: ImportReportQuery,
        response: { 200: ImportReport },
      },
    },
    (req) => s.imports.report(req.actor, req.params.id, req.query.page, req.query.pageSize),
  );
}
