import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import { type ArchiveOaiOrigin, ArchiveOaiService } from './archive-oai.service.ts';

type Args = Record<string, string | string[] | undefined>;

function originOf(platform: Platform, req: FastifyRequest): ArchiveOaiOrigin {
  const base = platform.config.PUBLIC_URL
    ? new URL(platform.config.PUBLIC_URL)
    : new URL(`${req.protocol}://${req.host}`);
  const site = `${base.origin}${base.pathname.replace(/\/$/, '')}`;
  return { baseUrl: `${site}/oai/luu-tru`, host: base.hostname, site };
}

/** OAI-PMH 2.0 of the archive's public descriptions at `/oai/luu-tru` (GET; outside /api: no session, no CSRF). */
export function archiveOaiRoutes(app: FastifyInstance, platform: Platform): void {
  const service = new ArchiveOaiService(platform);
  app.get(
    '/oai/luu-tru',
    { schema: { tags: ['archive'], summary: 'OAI-PMH 2.0 (oai_dc) of public archive files' } },
    async (req, reply) =>
      reply
        .type('text/xml; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(await service.handle(req.query as Args, originOf(platform, req))),
  );
}
