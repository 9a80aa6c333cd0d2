import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/platform.ts';
import { OrgService } from '../../org/org.service.ts';
import type { LibraryReference } from '../library-reference.ts';
import { LibrarySchools } from '../library-schools.ts';
import { type OaiOrigin, OaiService } from './oai.service.ts';

type Args = Record<string, string | string[] | undefined>;

/** The repository's base URL and identifier host: PUBLIC_URL when set, else the request's own. */
function originOf(platform: Platform, req: FastifyRequest): OaiOrigin {
  const base = platform.config.PUBLIC_URL
    ? new URL(platform.config.PUBLIC_URL)
    : new URL(`${req.protocol}://${req.host}`);
  const site = `${base.origin}${base.pathname.replace(/\/$/, '')}`;
  return { baseUrl: `${site}/oai`, host: base.hostname, site };
}

/**
 * OAI-PMH 2.0 at `/oai` (outside /api: harvesters send no session and no CSRF token):
 * GET with a query string, or POST application/x-www-form-urlencoded.
 */
export function oaiRoutes(app: FastifyInstance, platform: Platform, reference: LibraryReference): void {
  const service = new OaiService(platform, reference, new LibrarySchools(new OrgService(platform)));
  const send = async (req: FastifyRequest, args: Args, reply: FastifyReply) =>
    reply
      .type('text/xml; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(await service.handle(args, originOf(platform, req)));

  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      const args: Args = {};
      for (const [k, v] of new URLSearchParams(body as string)) {
        const had = args[k];
        args[k] = had === undefined ? v : [...(Array.isArray(had) ? had : [had]), v];
      }
      done(null, args);
    });
    const tags = ['library'];
    scope.get('/oai', { schema: { tags, summary: 'OAI-PMH 2.0 (oai_dc) for harvesters' } }, (req, reply) =>
      send(req, req.query as Args, reply),
    );
    scope.post('/oai', { schema: { tags, summary: 'OAI-PMH 2.0, form-encoded arguments' } }, (req, reply) =>
      send(req, (req.body ?? {}) as Args, reply),
    );
  });
}
