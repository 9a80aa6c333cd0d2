import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/common.schema.ts';
import {
  Attachment,
  AttachmentParams,
  AttachmentUploadQuery,
  DossierActionBody,
  DossierDetail,
  DossierPage,
  DossierQuery,
} from '../../../shared/dossiers.schema.ts';
import { AppError } from '../../platform/errors.ts';
import { fold } from '../../platform/notify/templates.ts';
import type { AttachmentsService } from './attachments.service.ts';
import type { DossierService } from './dossier.service.ts';

/** The largest document a procedure may accept (DocumentRule.maxSizeMb ≤ 20). */
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The multipart field `file`; the type is decided later from its bytes, not from this request. */
async function readUpload(req: FastifyRequest): Promise<{ filename: string | undefined; body: Buffer }> {
  const wrong = (vi: string, en: string) => new AppError('file.invalid', { hint: { vi, en } });
  if (!req.isMultipart())
    throw wrong(
      'Gửi tệp trong trường "file" (multipart/form-data).',
      'Send the file in the "file" field (multipart/form-data).',
    );
  const part = await req.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  if (part?.fieldname !== 'file') throw wrong('Thiếu trường "file".', 'The "file" field is missing.');
  const body = await part.toBuffer();
  if (body.length === 0) throw wrong('Tệp rỗng.', 'The file is empty.');
  return { filename: part.filename, body };
}

/** RFC 6266 with an RFC 8187 UTF-8 name (Vietnamese file names) and an ASCII fallback. */
export function contentDisposition(name: string): string {
  const ascii = fold(name).replace(/[^A-Za-z0-9._-]/g, '_');
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** The handling unit's API: the queue, one dossier, review steps, attachments. */
export function dossiersRoutes(app: FastifyInstance, dossiers: DossierService, attachments: AttachmentsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dossiers'];

  r.get(
    '/api/dossiers',
    {
      schema: {
        tags,
        summary: "Dossiers handled in the actor's subtrees",
        querystring: DossierQuery,
        response: { 200: DossierPage },
      },
    },
    (req) => dossiers.list(req.actor, req.query),
  );

  r.get('/api/dossiers/:id', { schema: { tags, params: IdParams, response: { 200: DossierDetail } } }, (req) =>
    dossiers.get(req.actor, req.params.id),
  );

  r.post(
    '/api/dossiers/:id/actions',
    {
      schema: {
        tags,
        summary: 'A review step (start_review, request_supplement, approve, reject) on the version the clerk saw',
        params: IdParams,
        body: DossierActionBody,
        response: { 200: DossierDetail },
      },
    },
    (req) => dossiers.act(req.actor, req.params.id, req.body),
  );

  r.post(
    '/api/dossiers/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Attach a document (multipart field "file"; PDF, JPEG or PNG as the procedure allows)',
        params: IdParams,
        querystring: AttachmentUploadQuery,
        response: { 201: Attachment },
      },
    },
    async (req, reply) => {
      const upload = await readUpload(req);
      const a = await attachments.attachAsStaff(req.actor, req.params.id, {
        documentCode: req.query.documentCode,
        ...upload,
      });
      return reply.code(201).send(a);
    },
  );

  r.get(
    '/api/dossiers/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Download an attachment', params: AttachmentParams } },
    async (req, reply) => {
      const f = await attachments.download(req.actor, req.params.id, req.params.attachmentId);
      return reply
        .header('content-type', f.contentType)
        .header('content-length', f.size)
        .header('content-disposition', contentDisposition(f.filename))
        .header('cache-control', 'private, no-store')
        .send(f.stream);
    },
  );
}
