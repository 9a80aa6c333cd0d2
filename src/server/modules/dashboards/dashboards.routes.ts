import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DashboardQuery, Overview } from '../../../shared/dashboards.schema.ts';
import type { DashboardsService } from './dashboards.service.ts';

/** The operations dashboards' API (issue 6, item 6): one call returns every figure of a unit. */
export function dashboardsRoutes(app: FastifyInstance, s: DashboardsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dashboards'];
  r.get(
    '/api/dashboards/overview',
    {
      schema: {
        tags,
        summary: 'Every operations figure of a unit (default: the reader’s own) and its child units',
        querystring: DashboardQuery,
        response: { 200: Overview },
      },
    },
    (req) => s.overview(req.actor, req.query),
  );
  r.get(
    '/api/dashboards/public',
    {
      schema: {
        tags,
        summary: 'The province’s published figures (no sign-in, no personal data)',
        querystring: DashboardQuery.pick({ year: true }),
        response: { 200: Overview },
      },
    },
    (req) => s.publicOverview(req.query),
  );
}
