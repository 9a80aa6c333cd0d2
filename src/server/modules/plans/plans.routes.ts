import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Uuid } from '../../../shared/common.schema.ts';
import {
  FundingSourceList,
  MyTaskPage,
  MyTaskQuery,
  PlanDetail,
  PlanImportReport,
  PlanInput,
  PlanPage,
  PlanPatch,
  PlanQuery,
  ReportInput,
  TaskDetail,
  TaskInput,
  TaskPatch,
} from '../../../shared/plans.schema.ts';
import { AppError } from '../../platform/errors.ts';
import { sendStoredFile } from '../../platform/files/send-stored-file.ts';
import type { Platform } from '../../platform/platform.ts';
import { contentDisposition, XLSX_MIME } from '../org/org-xlsx.ts';
import type { PlansServices } from './plans.module.ts';

const TaskParams = z.object({ taskId: Uuid });
const EvidenceParams = z.object({ taskId: Uuid, reportId: Uuid, fileId: Uuid });
const ImportQuery = z.object({ dryRun: z.enum(['true', 'false']).default('false') });
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** The multipart field `file`, at most 10 MB; anything else is `file.invalid`. */
async function readUpload(req: FastifyRequest): Promise<Buffer> {
  const wrong = (vi: string, en: string) => new AppError('file.invalid', { hint: { vi, en } });
  if (!req.isMultipart())
    throw wrong(
      'Gửi tệp trong trường "file" (multipart/form-data).',
      'Send the file in the "file" field (multipart/form-data).',
    );
  const part = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
  if (part?.fieldname !== 'file') throw wrong('Thiếu trường "file".', 'The "file" field is missing.');
  const body = await part.toBuffer();
  if (part.file.truncated) throw wrong('Tệp lớn hơn 10 MB.', 'The file is larger than 10 MB.');
  return body;
}

/** Plans and tasks API (issue 6, item 1). */
export function plansRoutes(app: FastifyInstance, platform: Platform, s: PlansServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];

  r.get(
    '/api/plans',
    {
      schema: {
        tags,
        summary: 'Plans: search by words, year, issuing unit, status',
        querystring: PlanQuery,
        response: { 200: PlanPage },
      },
    },
    (req) => s.plans.search(req.actor, req.query),
  );
  r.get(
    '/api/plans/funding-sources',
    { schema: { tags, summary: 'Funding sources (CTX, NST, CĐTPT, …)', response: { 200: FundingSourceList } } },
    async (req) => ({ items: await s.plans.sources(req.actor) }),
  );
  r.get(
    '/api/plans/units',
    {
      schema: {
        tags,
        summary: 'Units by code prefix or name words (task form pickers)',
        querystring: z.object({ q: z.string().max(100).default('') }),
        response: { 200: z.object({ items: z.array(z.object({ id: Uuid, code: z.string(), name: z.string() })) }) },
      },
    },
    async (req) => ({ items: await s.plans.units(req.actor, req.query.q) }),
  );
  r.post(
    '/api/plans',
    {
      schema: {
        tags,
        summary: 'Create a plan (plans.manage on the issuing unit)',
        body: PlanInput,
        response: { 201: PlanDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await s.plans.create(req.actor, req.body)),
  );
  r.get(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: 'A plan: header, legal bases, sections, tasks, budget totals',
        params: IdParams,
        response: { 200: PlanDetail },
      },
    },
    (req) => s.plans.get(req.actor, req.params.id),
  );
  r.patch(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: 'Change a plan (optimistic: expectedVersion)',
        params: IdParams,
        body: PlanPatch,
        response: { 200: PlanDetail },
      },
    },
    (req) => s.plans.update(req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/plans/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Add a task to a plan',
        params: IdParams,
        body: TaskInput,
        response: { 201: TaskDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await s.tasks.create(req.actor, req.params.id, req.body)),
  );
  r.get(
    '/api/plans/:id/export.xlsx',
    { schema: { tags, summary: "The plan's summary table as .xlsx", params: IdParams } },
    async (req, reply) => {
      const { body, filename } = await s.xlsx.export(req.actor, req.params.id);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', contentDisposition(filename, filename))
        .send(body);
    },
  );
  r.post(
    '/api/plans/:id/import.xlsx',
    {
      schema: {
        tags,
        summary:
          'Import tasks from .xlsx (layout of the export; multipart field `file`); all or nothing, row-level report',
        params: IdParams,
        querystring: ImportQuery,
        response: { 200: PlanImportReport },
      },
    },
    async (req) => s.xlsx.import(req.actor, req.params.id, await readUpload(req), req.query.dryRun === 'true'),
  );
  r.get(
    '/api/plan-tasks/mine',
    {
      schema: {
        tags,
        summary: 'Tasks of my unit(s), late first',
        querystring: MyTaskQuery,
        response: { 200: MyTaskPage },
      },
    },
    (req) => s.tasks.mine(req.actor, req.query),
  );
  r.get(
    '/api/plan-tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'A task with its sub-tasks and progress history',
        params: TaskParams,
        response: { 200: TaskDetail },
      },
    },
    (req) => s.tasks.get(req.actor, req.params.taskId),
  );
  r.patch(
    '/api/plan-tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'Change a task (optimistic: expectedVersion)',
        params: TaskParams,
        body: TaskPatch,
        response: { 200: TaskDetail },
      },
    },
    (req) => s.tasks.update(req.actor, req.params.taskId, req.body),
  );
  r.delete(
    '/api/plan-tasks/:taskId',
    { schema: { tags, summary: 'Remove a task (and its sub-tasks)', params: TaskParams } },
    async (req, reply) => {
      await s.tasks.remove(req.actor, req.params.taskId);
      return reply.code(204).send();
    },
  );
  r.post(
    '/api/plan-tasks/:taskId/reports',
    {
      schema: {
        tags,
        summary: 'Report progress (a lead or coordinating unit, plans.report); kept in the history',
        params: TaskParams,
        body: ReportInput,
        response: { 201: TaskDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await s.tasks.report(req.actor, req.params.taskId, req.body)),
  );
  r.get(
    '/api/plan-tasks/:taskId/reports/:reportId/files/:fileId',
    { schema: { tags, summary: 'An evidence file of a progress report', params: EvidenceParams } },
    async (req, reply) => {
      const f = await s.tasks.evidence(req.actor, req.params.taskId, req.params.reportId, req.params.fileId);
      return sendStoredFile(req, reply, platform.storage, f);
    },
  );
}
