import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Holiday,
  HolidayParams,
  HolidayQuery,
  HolidayUpsert,
  Procedure,
  ProcedureCreate,
  ProcedureParams,
  ProcedureUpdate,
} from '../../../shared/dossiers.schema.ts';
import type { HolidaysService } from './holidays.service.ts';
import type { ProceduresService } from './procedures.service.ts';

/** Configuration of the engine: procedure definitions and the public-holiday calendar. */
export function procedureRoutes(app: FastifyInstance, procedures: ProceduresService, holidays: HolidaysService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dossiers'];

  r.get('/api/dossiers/procedures', { schema: { tags, response: { 200: z.array(Procedure) } } }, (req) =>
    procedures.list(req.actor),
  );
  r.get(
    '/api/dossiers/procedures/:code',
    { schema: { tags, params: ProcedureParams, response: { 200: Procedure } } },
    (req) => procedures.get(req.actor, req.params.code),
  );
  r.post(
    '/api/dossiers/procedures',
    { schema: { tags, body: ProcedureCreate, response: { 201: Procedure } } },
    async (req, reply) => reply.code(201).send(await procedures.create(req.actor, req.body)),
  );
  r.patch(
    '/api/dossiers/procedures/:code',
    { schema: { tags, params: ProcedureParams, body: ProcedureUpdate, response: { 200: Procedure } } },
    (req) => procedures.update(req.actor, req.params.code, req.body),
  );

  r.get(
    '/api/dossiers/holidays',
    {
      schema: {
        tags,
        summary: 'Days off and make-up working days of a year',
        querystring: HolidayQuery,
        response: { 200: z.array(Holiday) },
      },
    },
    (req) => holidays.list(req.actor, req.query.year),
  );
  r.put(
    '/api/dossiers/holidays/:day',
    { schema: { tags, params: HolidayParams, body: HolidayUpsert, response: { 200: Holiday } } },
    (req) => holidays.set(req.actor, req.params.day, req.body),
  );
  r.delete(
    '/api/dossiers/holidays/:day',
    { schema: { tags, params: HolidayParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await holidays.remove(req.actor, req.params.day);
      return reply.code(204).send(null);
    },
  );
}
