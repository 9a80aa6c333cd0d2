import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/common.schema.ts';
import {
  LessonPlanAdapt,
  LessonPlanCreate,
  LessonPlanDetail,
  LessonPlanListQuery,
  LessonPlanPage,
  LessonPlanSave,
  LessonPlanSend,
  LessonPlanSent,
} from '../../../shared/lesson-plans.schema.ts';
import type { ExportFormat } from './lesson-plan-export.ts';
import type { LessonPlansServices } from './lesson-plans.module.ts';

/** The lesson-plan API (issue 4 item 6): plans per CV 5512, exports, send to the library, adapt. */
export function lessonPlansRoutes(app: FastifyInstance, s: LessonPlansServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['lesson-plans'];

  r.post(
    '/api/lesson-plans',
    {
      schema: {
        tags,
        summary: 'A new plan: the empty CV 5512 frame from a header, or the sample',
        body: LessonPlanCreate,
        response: { 201: LessonPlanDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await s.plans.create(req.actor, req.body)),
  );

  r.get(
    '/api/lesson-plans',
    {
      schema: {
        tags,
        summary: "My plans, or my schools' plans",
        querystring: LessonPlanListQuery,
        response: { 200: LessonPlanPage },
      },
    },
    (req) => s.plans.list(req.actor, req.query),
  );

  r.post(
    '/api/lesson-plans/adapt',
    {
      schema: {
        tags,
        summary: 'Copy-and-adapt a published lesson plan of the library, crediting its authors',
        body: LessonPlanAdapt,
        response: { 201: LessonPlanDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await s.plans.adapt(req.actor, req.body)),
  );

  r.get('/api/lesson-plans/:id', { schema: { tags, params: IdParams, response: { 200: LessonPlanDetail } } }, (req) =>
    s.plans.get(req.actor, req.params.id),
  );

  r.put(
    '/api/lesson-plans/:id',
    {
      schema: {
        tags,
        summary: 'Save the whole document (409 when someone saved since expectedVersion)',
        params: IdParams,
        body: LessonPlanSave,
        response: { 200: LessonPlanDetail },
      },
    },
    (req) => s.plans.save(req.actor, req.params.id, req.body),
  );

  r.delete(
    '/api/lesson-plans/:id',
    { schema: { tags, summary: 'Delete a plan never sent to the library', params: IdParams } },
    async (req, reply) => {
      await s.plans.delete(req.actor, req.params.id);
      return reply.code(204).send();
    },
  );

  for (const format of ['docx', 'pdf'] as const satisfies readonly ExportFormat[]) {
    r.get(
      `/api/lesson-plans/:id/export.${format}`,
      { schema: { tags, summary: `The plan as ${format === 'pdf' ? 'PDF' : 'Word (.docx)'}`, params: IdParams } },
      async (req, reply) => {
        const file = await s.plans.export(req.actor, req.params.id, format);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', file.disposition)
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(file.bytes));
      },
    );
  }

  r.post(
    '/api/lesson-plans/:id/send',
    {
      schema: {
        tags,
        summary: 'Send to the library (PDF as a lesson_plan resource, snapshot kept), optionally for review',
        params: IdParams,
        body: LessonPlanSend,
        response: { 200: LessonPlanSent },
      },
    },
    (req) => s.sender.send(req.actor, req.params.id, req.body),
  );
}
