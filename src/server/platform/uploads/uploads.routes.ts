import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { sendStoredFile } from '../files/send-stored-file.ts';
import type { Storage } from '../files/storage.ts';
import { cleanFilename } from './filename.ts';
import { parseMetadata, TUS_CONTENT_TYPE, TUS_EXTENSIONS, TUS_VERSION } from './tus.ts';
import type { UploadsService } from './uploads.service.ts';

const Params = z.object({ id: z.uuid() });
const Length = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const CreateHeaders = z.object({ 'upload-length': Length, 'upload-metadata': z.string().max(4096).optional() });
const PatchHeaders = z.object({ 'upload-offset': Length, 'content-length': Length.optional() });
const UploadStatus = z.object({
  id: z.uuid(),
  purpose: z.string(),
  filename: z.string(),
  state: z.enum(['receiving', 'complete', 'refused']),
  offset: z.number(),
  length: z.number(),
  fileId: z.uuid().nullable(),
  duplicate: z.boolean(),
  sha256: z.string().nullable(),
  contentType: z.string().nullable(),
  expiresAt: z.string(),
});

/** Every request but OPTIONS (and our JSON reads) names the protocol version (core protocol, Tus-Resumable). */
function requireTusVersion(req: FastifyRequest, reply: FastifyReply): void {
  if (req.headers['tus-resumable'] !== TUS_VERSION) {
    reply.header('tus-version', TUS_VERSION);
    throw new AppError('upload.version');
  }
}

/**
 * tus 1.0.0 under /api/uploads (core, Creation, Termination), for signed-in users (cookie and
 * x-csrf-token, as every write), plus JSON status and the finished file for its owner.
 * Errors: auth.required, upload.version, upload.offset_mismatch, upload.busy, upload.too_large,
 * upload.too_many, upload.type_refused, resource.not_found.
 */
export function uploadsRoutes(app: FastifyInstance, uploads: UploadsService, storage: Storage): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['uploads'];
  // PATCH bodies reach the service as the raw request stream, never buffered (nor limited by bodyLimit:
  // the service stops at the upload's length).
  app.addContentTypeParser(TUS_CONTENT_TYPE, (_req, payload, done) => done(null, payload));
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/uploads')) reply.header('tus-resumable', TUS_VERSION);
  });

  r.options('/api/uploads', { schema: { tags, summary: 'tus: what the server supports' } }, async (_req, reply) =>
    reply
      .code(204)
      .header('tus-version', TUS_VERSION)
      .header('tus-extension', TUS_EXTENSIONS)
      .header('tus-max-size', uploads.config.maxBytes)
      .send(),
  );

  r.post(
    '/api/uploads',
    {
      schema: {
        tags,
        summary: 'tus Creation: Upload-Length, Upload-Metadata (filename, filetype, purpose in base64)',
        headers: CreateHeaders,
      },
    },
    async (req, reply) => {
      requireTusVersion(req, reply);
      const meta = parseMetadata(req.headers['upload-metadata']);
      if (!meta)
        throw new AppError('request.invalid', { details: [{ path: 'headers.upload-metadata', message: 'malformed' }] });
      const { id } = await uploads.create(req.actor, {
        length: req.headers['upload-length'],
        purpose: meta.purpose ?? '',
        filename: cleanFilename(meta.filename ?? meta.name),
        declaredType: meta.filetype?.slice(0, 255) || null,
      });
      return reply.code(201).header('location', `/api/uploads/${id}`).send();
    },
  );

  r.head(
    '/api/uploads/:id',
    { schema: { tags, summary: 'tus: the received offset', params: Params } },
    async (req, reply) => {
      requireTusVersion(req, reply);
      const s = await uploads.status(req.actor, req.params.id);
      return reply
        .code(200)
        .header('upload-offset', s.offset)
        .header('upload-length', s.length)
        .header('cache-control', 'no-store')
        .send();
    },
  );

  r.patch(
    '/api/uploads/:id',
    { schema: { tags, summary: 'tus: append bytes at Upload-Offset', params: Params, headers: PatchHeaders } },
    async (req, reply) => {
      requireTusVersion(req, reply);
      if (req.headers['content-type'] !== TUS_CONTENT_TYPE) {
        throw new AppError('request.invalid', {
          details: [{ path: 'headers.content-type', message: TUS_CONTENT_TYPE }],
        });
      }
      const a = await uploads.append(
        req.actor,
        req.params.id,
        req.headers['upload-offset'],
        req.headers['content-length'],
        req.body as AsyncIterable<Buffer>,
        () => req.raw.destroy(),
      );
      reply.code(204).header('upload-offset', a.offset);
      if (a.completed) {
        reply.header('upload-file-id', a.completed.fileId).header('upload-duplicate', String(a.completed.duplicate));
      }
      return reply.send();
    },
  );

  r.delete('/api/uploads/:id', { schema: { tags, summary: 'tus Termination', params: Params } }, async (req, reply) => {
    requireTusVersion(req, reply);
    await uploads.terminate(req.actor, req.params.id);
    return reply.code(204).send();
  });

  r.get(
    '/api/uploads/:id',
    {
      exposeHeadRoute: false,
      schema: {
        tags,
        summary: 'State of an upload; fileId once complete',
        params: Params,
        response: { 200: UploadStatus },
      },
    },
    (req) => uploads.status(req.actor, req.params.id),
  );

  r.get(
    '/api/uploads/:id/content',
    { schema: { tags, summary: 'The finished file (byte ranges)', params: Params } },
    async (req, reply) => sendStoredFile(req, reply, storage, await uploads.content(req.actor, req.params.id)),
  );

  r.get(
    '/api/uploads/:id/thumbnail',
    { schema: { tags, summary: 'Preview of a finished image upload (WebP, 320 px)', params: Params } },
    async (req, reply) => sendStoredFile(req, reply, storage, await uploads.thumbnail(req.actor, req.params.id)),
  );
}
