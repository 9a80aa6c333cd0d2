import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, IsoDate } from '../../../shared/common.schema.ts';
import {
  SchoolPage,
  SchoolProfile,
  SchoolSearchQuery,
  SchoolUpdate,
  UnitCreate,
  UnitDetail,
  UnitListQuery,
  UnitMerge,
  UnitRename,
  UnitSplit,
  UnitSummary,
  UnitType,
} from '../../../shared/org.schema.ts';
import type { OrgService } from './org.service.ts';
import type { OrgHistoryService } from './org-history.service.ts';

const Created = z.object({ id: z.uuid() });

export function orgRoutes(app: FastifyInstance, org: OrgService, history: OrgHistoryService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['org'];

  r.get('/api/org/unit-types', { schema: { tags, response: { 200: z.array(UnitType) } } }, () => org.unitTypes());

  r.get(
    '/api/org/units',
    {
      schema: {
        tags,
        summary: 'Children of a unit (roots without parentId)',
        querystring: UnitListQuery,
        response: { 200: z.array(UnitSummary) },
      },
    },
    (req) => org.children(req.query.parentId ?? null, req.query.includeExpired),
  );

  r.get('/api/org/units/:id', { schema: { tags, params: IdParams, response: { 200: UnitDetail } } }, (req) =>
    org.unit(req.params.id),
  );

  r.get(
    '/api/org/units/:id/name-at',
    {
      schema: {
        tags,
        summary: 'The name a unit had on a given day',
        params: IdParams,
        querystring: z.object({ date: IsoDate }),
        response: { 200: z.object({ name: z.string() }) },
      },
    },
    async (req) => ({ name: await org.nameAt(req.params.id, req.query.date) }),
  );

  r.get('/api/org/communes', { schema: { tags, response: { 200: z.array(UnitSummary) } } }, () => org.communes());

  r.post('/api/org/units', { schema: { tags, body: UnitCreate, response: { 201: Created } } }, async (req, reply) => {
    const id = await history.create(req.actor, req.body);
    return reply.code(201).send({ id });
  });

  r.post(
    '/api/org/units/:id/rename',
    { schema: { tags, params: IdParams, body: UnitRename, response: { 200: UnitDetail } } },
    async (req) => {
      await history.rename(req.actor, req.params.id, req.body);
      return org.unit(req.params.id);
    },
  );

  r.post('/api/org/units/merge', { schema: { tags, body: UnitMerge, response: { 200: UnitDetail } } }, async (req) =>
    org.unit(await history.merge(req.actor, req.body)),
  );

  r.post(
    '/api/org/units/:id/split',
    { schema: { tags, params: IdParams, body: UnitSplit, response: { 200: z.array(UnitDetail) } } },
    async (req) => Promise.all((await history.split(req.actor, req.params.id, req.body)).map((id) => org.unit(id))),
  );

  r.get(
    '/api/org/schools',
    {
      schema: {
        tags,
        summary: 'School directory, diacritic-insensitive search',
        querystring: SchoolSearchQuery,
        response: { 200: SchoolPage },
      },
    },
    (req) => org.searchSchools(req.query),
  );

  r.get('/api/org/schools/:id', { schema: { tags, params: IdParams, response: { 200: SchoolProfile } } }, (req) =>
    org.school(req.params.id),
  );

  r.patch(
    '/api/org/schools/:id',
    { schema: { tags, params: IdParams, body: SchoolUpdate, response: { 200: SchoolProfile } } },
    (req) => org.updateSchool(req.actor, req.params.id, req.body),
  );
}
