import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../shared/common.schema.ts';
import { sendStoredFile } from '../../platform/files/send-stored-file.ts';
import { serveSimulationEntry } from '../../platform/packages/simulation-serve.ts';
import type { Platform } from '../../platform/platform.ts';
import { LibraryFilesService } from './library-files.service.ts';
import type { ResourcesService } from './resources.service.ts';

const IdParams = z.object({ id: Uuid });
const FileQuery = z.object({
  /** A version by number (authors, school staff, moderators); readers get the published one. */
  version: z.coerce.number().int().positive().optional(),
  /** `1`: as an attachment (a download) even for a type the browser shows. */
  download: z.enum(['0', '1']).optional(),
});
const SimParams = z.object({ id: Uuid, '*': z.string().max(1024) });
const TokenParams = z.object({ token: z.string().max(200), '*': z.string().max(1024) });
/** Shown in the browser (as sendStoredFile decides): images, PDF, video, audio. */
const INLINE = /^(image\/(jpeg|png|gif|webp)|application\/pdf|video\/|audio\/)/;
const SimToken = z.object({ url: z.string() });

/** The file name a browser is given: NFC, without path separators or control characters. */
function safeName(name: string): string {
  const clean = name
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f/\\]/g, '_')
    .trim();
  return clean === '' || clean === '.' || clean === '..' ? 'tep' : clean;
}

/**
 * A request that starts reading the file (no Range, or one from byte 0) and is not a
 * revalidation: the one counted, so that a video's many range requests count once.
 */
function startsReading(req: FastifyRequest): boolean {
  // Fastify answers HEAD with the GET handler: a page checking that a file exists reads nothing.
  if (req.method === 'HEAD' || req.headers['if-none-match']) return false;
  const range = req.headers.range;
  return range === undefined || /^bytes=0-/.test(range.trim());
}

/** The bytes of library resources (issue 4 item 5): files with ranges, thumbnails, sandboxed simulations. */
export function libraryFilesRoutes(app: FastifyInstance, platform: Platform, resources: ResourcesService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['library'];
  const files = new LibraryFilesService(platform, resources);

  r.get(
    '/api/library/resources/:id/file',
    {
      schema: {
        tags,
        summary: 'The file of the version the caller may see (byte ranges: video and audio stream); counted',
        params: IdParams,
        querystring: FileQuery,
      },
    },
    async (req, reply) => {
      const { file } = await files.file(req.actor, req.params.id, req.query.version);
      const disposition = req.query.download !== '1' && INLINE.test(file.contentType) ? 'inline' : 'attachment';
      // Counted before the answer goes out, so that the count is there once the client has the file.
      if (startsReading(req))
        await files.recordUsage(req.actor, req.params.id, disposition === 'inline' ? 'view' : 'download');
      return sendStoredFile(
        req,
        reply,
        platform.storage,
        { ...file, filename: safeName(file.filename) },
        { disposition },
      );
    },
  );

  r.get(
    '/api/library/resources/:id/thumbnail',
    {
      schema: {
        tags,
        summary: 'Preview image of the file (WebP), 404 if none',
        params: IdParams,
        querystring: FileQuery,
      },
    },
    async (req, reply) =>
      sendStoredFile(req, reply, platform.storage, await files.thumbnail(req.actor, req.params.id, req.query.version)),
  );

  r.get(
    '/api/library/resources/:id/sim-token',
    {
      schema: {
        tags,
        summary: 'A short-lived signed link to run the simulation sandboxed (counts a view)',
        params: IdParams,
        querystring: FileQuery,
        response: { 200: SimToken },
      },
    },
    (req) => files.simToken(req.actor, req.params.id, req.query.version),
  );

  r.get(
    '/api/library/resources/:id/sim/*',
    {
      schema: {
        tags,
        summary: 'A member of a simulation the caller may read (sandbox CSP); public ones work without a session',
        params: SimParams,
        querystring: FileQuery,
      },
    },
    async (req, reply) => {
      const sim = await files.simulation(req.actor, req.params.id, req.query.version);
      return serveSimulationEntry(reply, sim.archive, req.params['*'], { zipSha256: sim.sha256 });
    },
  );

  r.get(
    '/api/library/sim/:token/*',
    {
      schema: {
        tags,
        summary: 'A member of a simulation under a signed link from sim-token (sandbox CSP)',
        params: TokenParams,
      },
    },
    async (req, reply) => {
      const sim = await files.simulationByToken(req.params.token);
      return serveSimulationEntry(reply, sim.archive, req.params['*'], { zipSha256: sim.sha256 });
    },
  );
}
