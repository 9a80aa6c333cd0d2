import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/common.schema.ts';
import { Overview, OverviewQuery, ResourceStats, StatsPeriod } from '../../../shared/library-reports.schema.ts';
import { dispositionHeader } from '../../platform/files/send-stored-file.ts';
import type { Platform } from '../../platform/platform.ts';
import type { LibraryServices } from './library.module.ts';
import { LibraryStatsService } from './library-stats.service.ts';
import { XLSX_MIME } from './library-stats-xlsx.ts';

/** Usage statistics of the library and the Sở's report of contributing and using schools (issue 4 item 5). */
export function libraryStatsRoutes(app: FastifyInstance, platform: Platform, s: LibraryServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['library'];
  const stats = new LibraryStatsService(platform, s.reference);

  r.get(
    '/api/library/stats/resources/:id',
    {
      schema: {
        tags,
        summary: "A resource's views and downloads per month and per school of its readers",
        params: IdParams,
        querystring: StatsPeriod,
        response: { 200: ResourceStats },
      },
    },
    (req) => stats.resource(req.actor, req.params.id, req.query),
  );

  r.get(
    '/api/library/stats/overview',
    {
      schema: {
        tags,
        summary: 'Per school (contributes, uses) and per subject, within the caller’s scope (library.report)',
        querystring: OverviewQuery,
        response: { 200: Overview },
      },
    },
    (req) => stats.overview(req.actor, req.query),
  );

  r.get(
    '/api/library/stats/overview.xlsx',
    {
      schema: { tags, summary: 'The same report as an Excel workbook; audited', querystring: OverviewQuery },
    },
    async (req, reply) => {
      const file = await stats.overviewWorkbook(req.actor, req.query);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', dispositionHeader('attachment', file.filename))
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
}
