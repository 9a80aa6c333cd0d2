import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Platform } from '../../../platform/platform.ts';
import {
  AllocationDiffQuery,
  AllocationRoundParams,
  AllocationRunCreate,
  AllocationRunParams,
} from './allocation-run.schema.ts';
import { AllocationRunService } from './allocation-run.service.ts';

/**
 * Allocation of a round (staff, `admissions.allocate` on the running unit). GET the inputs hash,
 * then POST a run with it: 409 resource.stale when the inputs changed since, 409
 * resource.conflict for a second final run, 400 request.invalid for a round not under review or
 * allocation, or without a published lottery seed.
 */
export function allocationRunRoutes(app: FastifyInstance, platform: Platform): void {
  const s = new AllocationRunService(platform);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admissions'];
  const base = '/api/admissions/rounds/:roundId/allocation';

  // Public: the seed and the exact inputs of a grade-1/6 draw, for anyone to re-run it.
  r.get(
    '/api/public/admissions/rounds/:roundId/lottery',
    {
      schema: {
        tags: ['public', 'admissions'],
        summary: 'The published lottery seed and the allocation inputs (no personal data), to re-run the draw',
        params: AllocationRoundParams,
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return s.publicLottery(req.params.roundId);
    },
  );

  r.get(
    base,
    { schema: { tags, summary: 'The inputs hash, shown before a run', params: AllocationRoundParams } },
    (req) => s.prepare(req.actor, req.params.roundId),
  );

  r.post(
    `${base}/runs`,
    { schema: { tags, params: AllocationRoundParams, body: AllocationRunCreate } },
    async (req, reply) => reply.code(201).send(await s.run(req.actor, req.params.roundId, req.body)),
  );

  r.get(`${base}/runs`, { schema: { tags, params: AllocationRoundParams } }, (req) =>
    s.list(req.actor, req.params.roundId),
  );

  r.get(`${base}/runs/:runId`, { schema: { tags, params: AllocationRunParams } }, (req) =>
    s.get(req.actor, req.params.roundId, req.params.runId),
  );

  r.get(`${base}/diff`, { schema: { tags, params: AllocationRoundParams, querystring: AllocationDiffQuery } }, (req) =>
    s.diff(req.actor, req.params.roundId, req.query.a, req.query.b),
  );
}
