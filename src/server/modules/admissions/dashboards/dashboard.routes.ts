import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Dashboard,
  DashboardQuery,
  DemandParams,
  DemandPublication,
  DemandPublicationBody,
  Overview,
  OverviewQuery,
  PublicDemand,
} from '../../../../shared/admission-dashboards.schema.ts';
import type { Platform } from '../../../platform/platform.ts';
import { DashboardService } from './dashboard.service.ts';
import { OverviewService } from './overview.service.ts';

/** Staff dashboards (tag `admissions`) and the public demand per school of a round (tag `public`). */
export function dashboardRoutes(app: FastifyInstance, platform: Platform): void {
  const s = new DashboardService(platform);
  const overview = new OverviewService(platform);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/admissions/dashboard',
    {
      schema: {
        tags: ['admissions'],
        summary: 'Applications by status, seats, demand and fill rate per school, commune and round',
        querystring: DashboardQuery,
        response: { 200: Dashboard },
      },
    },
    (req) => s.dashboard(req.actor, req.query),
  );

  r.get(
    '/api/admissions/dashboard/overview',
    {
      schema: {
        tags: ['admissions'],
        summary: 'Every round of a school year and level in scope, most over-subscribed first, with totals',
        querystring: OverviewQuery,
        response: { 200: Overview },
      },
    },
    (req) => overview.overview(req.actor, req.query),
  );

  r.put(
    '/api/admissions/rounds/:roundId/demand-publication',
    {
      schema: {
        tags: ['admissions'],
        summary: 'Publish (or withdraw) the demand per school while registration is open',
        params: DemandParams,
        body: DemandPublicationBody,
        response: { 200: DemandPublication },
      },
    },
    (req) => s.setPublication(req.actor, req.params.roundId, req.body.published),
  );

  // Figures without personal data, the same for everyone: shared caches may keep them a minute.
  r.get(
    '/api/public/admissions/rounds/:roundId/demand',
    {
      schema: {
        tags: ['public'],
        summary: 'Seats and first wishes per school of a round whose demand is published',
        params: DemandParams,
        response: { 200: PublicDemand },
      },
    },
    async (req, reply) => {
      const demand = await s.publicDemand(req.params.roundId);
      reply.header('cache-control', 'public, max-age=60');
      return demand;
    },
  );
}
