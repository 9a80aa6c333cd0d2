import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  LotterySeedPublish,
  PublicRound,
  PublicRoundQuery,
  RoundCatchmentsPut,
  RoundCopy,
  RoundCopyResult,
  RoundCreate,
  RoundDetail,
  RoundListQuery,
  RoundPage,
  RoundParams,
  RoundPatch,
  RoundSchoolsPut,
  RoundTransition,
} from '../../../../shared/admissions.schema.ts';
import type { RoundService } from './round.service.ts';
import type { RoundCopyService } from './round-copy.service.ts';
import type { RoundPublicService } from './round-public.service.ts';
import type { RoundSchoolsService } from './round-schools.service.ts';
import type { RoundStatusService } from './round-status.service.ts';

export interface RoundServices {
  rounds: RoundService;
  schools: RoundSchoolsService;
  status: RoundStatusService;
  copy: RoundCopyService;
  publicRounds: RoundPublicService;
}

/** Staff configuration of admission rounds (tag `admissions`) and the public list of open rounds. */
export function roundRoutes(app: FastifyInstance, s: RoundServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admissions'];
  const base = '/api/admissions/rounds';

  r.get(base, { schema: { tags, querystring: RoundListQuery, response: { 200: RoundPage } } }, (req) =>
    s.rounds.list(req.actor, req.query),
  );
  r.get(`${base}/:id`, { schema: { tags, params: RoundParams, response: { 200: RoundDetail } } }, (req) =>
    s.rounds.get(req.actor, req.params.id),
  );
  r.post(base, { schema: { tags, body: RoundCreate, response: { 201: RoundDetail } } }, async (req, reply) =>
    reply.code(201).send(await s.rounds.create(req.actor, req.body)),
  );
  r.patch(
    `${base}/:id`,
    { schema: { tags, params: RoundParams, body: RoundPatch, response: { 200: RoundDetail } } },
    (req) => s.rounds.update(req.actor, req.params.id, req.body),
  );
  r.put(
    `${base}/:id/schools`,
    {
      schema: {
        tags,
        summary: 'Replace the schools and seats',
        params: RoundParams,
        body: RoundSchoolsPut,
        response: { 200: RoundDetail },
      },
    },
    (req) => s.schools.replaceSchools(req.actor, req.params.id, req.body),
  );
  r.put(
    `${base}/:id/catchments`,
    {
      schema: {
        tags,
        summary: 'Replace the catchments (grades 1 and 6)',
        params: RoundParams,
        body: RoundCatchmentsPut,
        response: { 200: RoundDetail },
      },
    },
    (req) => s.schools.replaceCatchments(req.actor, req.params.id, req.body),
  );
  r.post(
    `${base}/:id/status`,
    {
      schema: {
        tags,
        summary: 'Move to the next status',
        params: RoundParams,
        body: RoundTransition,
        response: { 200: RoundDetail },
      },
    },
    (req) => s.status.transition(req.actor, req.params.id, req.body),
  );
  r.post(
    `${base}/:id/lottery-seed`,
    {
      schema: {
        tags,
        summary: 'Publish the lottery seed (once)',
        params: RoundParams,
        body: LotterySeedPublish,
        response: { 200: RoundDetail },
      },
    },
    (req) => s.status.publishSeed(req.actor, req.params.id, req.body),
  );
  r.post(
    `${base}/:id/copy`,
    {
      schema: {
        tags,
        summary: 'Copy into a new draft for a later school year',
        params: RoundParams,
        body: RoundCopy,
        response: { 201: RoundCopyResult },
      },
    },
    async (req, reply) => reply.code(201).send(await s.copy.copy(req.actor, req.params.id, req.body)),
  );

  r.get(
    '/api/public/admissions/rounds',
    {
      schema: {
        tags: ['public', 'admissions'],
        summary: 'Open admission rounds, for parents (no sign-in)',
        querystring: PublicRoundQuery,
        response: { 200: PublicRound.array() },
      },
    },
    async (req, reply) => {
      // The same for everyone and changes rarely: caches and the load balancer may keep it a minute.
      reply.header('cache-control', 'public, max-age=60');
      return s.publicRounds.openRounds(req.query);
    },
  );
}
