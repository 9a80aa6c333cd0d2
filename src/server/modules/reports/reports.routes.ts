/**
 * Periodic reports and quick surveys — the API (issue 6, item 3). All under /api/reports.
 * Request/response schemas: src/shared/reports.schema.ts. Errors: the platform's error shape;
 * field problems of a report are `reports.invalid_values` with details `values.<fieldCode>`
 * ("tiếng Việt / English"), and POST …/validate returns them structured.
 *
 * Forms (designers: reports.design on the owner unit; readers see forms in their scope)
 *   GET    /api/reports/forms                         list forms (?status&periodType&q&page&pageSize) → FormPage
 *   POST   /api/reports/forms                         create a draft form (FormInput) → 201 FormDetail
 *   GET    /api/reports/forms/:id                     a form with sections, fields, rules, `can` → FormDetail
 *   PUT    /api/reports/forms/:id                     replace a DRAFT form's definition (FormUpdate, version) → FormDetail
 *   POST   /api/reports/forms/:id/publish             draft → published: fields frozen (VersionBody) → FormDetail
 *   POST   /api/reports/forms/:id/archive             published → archived: no new periods (VersionBody) → FormDetail
 *   POST   /api/reports/forms/:id/copy                a new draft copy with a new code (FormCopy) → 201 FormDetail
 *   GET    /api/reports/forms/:id/periods             the form's periods with counts → PeriodList
 *   POST   /api/reports/forms/:id/periods             add a period of a PUBLISHED form (PeriodCreate); the window
 *                                                     comes from the form's rule unless given; if it opens today or
 *                                                     earlier the expected units are fixed at once → 201 PeriodView
 * Periods (designers of the form; figures for readers of the subtree)
 *   PATCH  /api/reports/periods/:id                   change the window (PeriodPatch) → PeriodView
 *   GET    /api/reports/periods/:id/completeness      expected/submitted/on time/approved, by child unit of
 *                                                     ?rootUnitId (default: caller's scope / province) → CompletenessView
 *   GET    /api/reports/periods/:id/submissions       drill-down: units' reports (?status&missing&rootUnitId&page) → SubmissionPage
 *   GET    /api/reports/periods/:id/aggregate         numeric fields rolled up, by child (?fieldCode&rootUnitId&approvedOnly) → AggregateView
 *   POST   /api/reports/periods/:id/remind          remind now the units that have not completed the period
 *                                                     (optional {rootUnitId}; reports.approve or reports.design over
 *                                                     them); once per unit per period per day → {reminded, skipped}
 *   GET    /api/reports/periods/:id/export.xlsx       Excel, streamed: ?kind=raw (one row per unit, one column per
 *                                                     field + code/name/status/completed at/on time) or
 *                                                     ?kind=aggregate (by child unit, with totals)
 * A unit's reports (reports.submit on the unit; the level above: reports.approve)
 *   GET    /api/reports/inbox                         my units' reports (?unitId&status&openOnly&page) → SubmissionPage
 *   GET    /api/reports/review                        reports of units I approve for (?status=completed&formId&periodId&page) → SubmissionPage
 *   GET    /api/reports/submissions/:id               one report with its form, values, history, `can` → SubmissionDetail
 *   PUT    /api/reports/submissions/:id/values        save a draft (partial values allowed) while open (SaveValues) → SubmissionDetail
 *   POST   /api/reports/submissions/:id/validate      check values against the form without saving ({values}) → ValidationResult
 *   POST   /api/reports/submissions/:id/complete      validate everything, then completed (VersionBody) → SubmissionDetail
 *                                                     (422 reports.invalid_values with details per field)
 *   POST   /api/reports/submissions/:id/approve       level above: completed → approved (VersionBody) → SubmissionDetail
 *   POST   /api/reports/submissions/:id/return        level above: completed → returned with a reason (SendBack) → SubmissionDetail
 *   POST   /api/reports/submissions/:id/reopen        level above: unlock for this unit with a reason and a new
 *                                                     deadline (Reopen) → SubmissionDetail
 *   GET    /api/reports/submissions/:id/files/:fileId a file attached to a file field (same access as the report)
 * Uploads for file fields: the platform's tus endpoint with purpose 'reports'; the value is the stored file id.
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Uuid } from '../../../shared/common.schema.ts';
import {
  AggregateQuery,
  AggregateView,
  CompletenessView,
  ExportQuery,
  FiguresQuery,
  FormCopy,
  FormDetail,
  FormInput,
  FormPage,
  FormQuery,
  FormUpdate,
  InboxQuery,
  PeriodCreate,
  PeriodList,
  PeriodPatch,
  PeriodSubmissionsQuery,
  PeriodView,
  RemindBody,
  RemindResult,
  Reopen,
  ReviewQuery,
  SaveValues,
  SendBack,
  SubmissionDetail,
  SubmissionPage,
  ValidationResult,
  Values,
  VersionBody,
} from '../../../shared/reports.schema.ts';
import { sendStoredFile } from '../../platform/files/send-stored-file.ts';
import type { Platform } from '../../platform/platform.ts';
import type { ReportsServices } from './reports.module.ts';

const FileParams = z.object({ id: Uuid, fileId: Uuid });

export function reportsRoutes(app: FastifyInstance, platform: Platform, s: ReportsServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];

  // ── Forms ──
  r.get(
    '/api/reports/forms',
    {
      schema: {
        tags,
        summary: 'Report forms and surveys visible to the caller',
        querystring: FormQuery,
        response: { 200: FormPage },
      },
    },
    (req) => s.forms.list(req.actor, req.query),
  );
  r.post(
    '/api/reports/forms',
    { schema: { tags, summary: 'Create a draft report form', body: FormInput, response: { 201: FormDetail } } },
    async (req, reply) => reply.code(201).send(await s.forms.create(req.actor, req.body)),
  );
  r.get(
    '/api/reports/forms/:id',
    { schema: { tags, summary: 'A report form', params: IdParams, response: { 200: FormDetail } } },
    (req) => s.forms.get(req.actor, req.params.id),
  );
  r.put(
    '/api/reports/forms/:id',
    {
      schema: {
        tags,
        summary: "Replace a draft form's definition",
        params: IdParams,
        body: FormUpdate,
        response: { 200: FormDetail },
      },
    },
    (req) => s.forms.update(req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/reports/forms/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft form (fields frozen)',
        params: IdParams,
        body: VersionBody,
        response: { 200: FormDetail },
      },
    },
    (req) => s.forms.setStatus(req.actor, req.params.id, 'published', req.body.version),
  );
  r.post(
    '/api/reports/forms/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a published form',
        params: IdParams,
        body: VersionBody,
        response: { 200: FormDetail },
      },
    },
    (req) => s.forms.setStatus(req.actor, req.params.id, 'archived', req.body.version),
  );
  r.post(
    '/api/reports/forms/:id/copy',
    {
      schema: {
        tags,
        summary: 'Copy a form into a new draft',
        params: IdParams,
        body: FormCopy,
        response: { 201: FormDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await s.forms.copy(req.actor, req.params.id, req.body)),
  );
  r.get(
    '/api/reports/forms/:id/periods',
    {
      schema: { tags, summary: "A form's periods with their counts", params: IdParams, response: { 200: PeriodList } },
    },
    (req) => s.periods.list(req.actor, req.params.id),
  );
  r.post(
    '/api/reports/forms/:id/periods',
    {
      schema: {
        tags,
        summary: 'Add a period to a published form',
        params: IdParams,
        body: PeriodCreate,
        response: { 201: PeriodView },
      },
    },
    async (req, reply) => reply.code(201).send(await s.periods.create(req.actor, req.params.id, req.body)),
  );

  // ── Periods ──
  r.patch(
    '/api/reports/periods/:id',
    {
      schema: {
        tags,
        summary: "Change a period's window",
        params: IdParams,
        body: PeriodPatch,
        response: { 200: PeriodView },
      },
    },
    (req) => s.periods.update(req.actor, req.params.id, req.body),
  );
  r.get(
    '/api/reports/periods/:id/completeness',
    {
      schema: {
        tags,
        summary: 'Completeness and timeliness of a period, by child unit',
        params: IdParams,
        querystring: FiguresQuery,
        response: { 200: CompletenessView },
      },
    },
    (req) => s.figures.completeness(req.actor, req.params.id, req.query),
  );
  r.get(
    '/api/reports/periods/:id/submissions',
    {
      schema: {
        tags,
        summary: "Units' reports of a period (drill-down)",
        params: IdParams,
        querystring: PeriodSubmissionsQuery,
        response: { 200: SubmissionPage },
      },
    },
    (req) => s.reviews.listForPeriod(req.actor, req.params.id, req.query),
  );
  r.get(
    '/api/reports/periods/:id/aggregate',
    {
      schema: {
        tags,
        summary: 'Numeric fields rolled up the tree, by child unit',
        params: IdParams,
        querystring: AggregateQuery,
        response: { 200: AggregateView },
      },
    },
    (req) => s.figures.aggregate(req.actor, req.params.id, req.query),
  );
  r.post(
    '/api/reports/periods/:id/remind',
    {
      schema: {
        tags,
        summary: 'Remind the units that have not completed the period (once a day each)',
        params: IdParams,
        body: RemindBody.nullish(),
        response: { 200: RemindResult },
      },
    },
    (req) => s.reminders.remindPeriod(req.actor, req.params.id, { rootUnitId: req.body?.rootUnitId }),
  );
  r.get(
    '/api/reports/periods/:id/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Excel export of the raw or aggregated data (streamed)',
        params: IdParams,
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      const { filename, write } = await s.exports.prepare(req.actor, req.params.id, req.query);
      // Written into a pass-through as the rows are read: the workbook is never whole in memory.
      const body = new PassThrough();
      write(body).catch((err: unknown) => {
        req.log.error({ err }, 'reports export failed');
        body.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );

  // ── Submissions ──
  r.get(
    '/api/reports/inbox',
    {
      schema: {
        tags,
        summary: "The caller's units' reports",
        querystring: InboxQuery,
        response: { 200: SubmissionPage },
      },
    },
    (req) => s.submissions.inbox(req.actor, req.query),
  );
  r.get(
    '/api/reports/review',
    {
      schema: {
        tags,
        summary: 'Reports of units the caller approves for',
        querystring: ReviewQuery,
        response: { 200: SubmissionPage },
      },
    },
    (req) => s.reviews.queue(req.actor, req.query),
  );
  r.get(
    '/api/reports/submissions/:id',
    { schema: { tags, summary: "A unit's report", params: IdParams, response: { 200: SubmissionDetail } } },
    (req) => s.submissions.get(req.actor, req.params.id),
  );
  r.put(
    '/api/reports/submissions/:id/values',
    {
      schema: {
        tags,
        summary: 'Save a draft',
        params: IdParams,
        body: SaveValues,
        response: { 200: SubmissionDetail },
      },
    },
    (req) => s.submissions.save(req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/reports/submissions/:id/validate',
    {
      schema: {
        tags,
        summary: 'Check values without saving',
        params: IdParams,
        body: z.object({ values: Values }),
        response: { 200: ValidationResult },
      },
    },
    (req) => s.submissions.validate(req.actor, req.params.id, req.body.values),
  );
  r.post(
    '/api/reports/submissions/:id/complete',
    {
      schema: {
        tags,
        summary: 'Complete (validate and send)',
        params: IdParams,
        body: VersionBody,
        response: { 200: SubmissionDetail },
      },
    },
    (req) => s.submissions.complete(req.actor, req.params.id, req.body.version),
  );
  r.post(
    '/api/reports/submissions/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve (level above)',
        params: IdParams,
        body: VersionBody,
        response: { 200: SubmissionDetail },
      },
    },
    (req) => s.reviews.approve(req.actor, req.params.id, req.body.version),
  );
  r.post(
    '/api/reports/submissions/:id/return',
    {
      schema: {
        tags,
        summary: 'Send back with a reason (level above)',
        params: IdParams,
        body: SendBack,
        response: { 200: SubmissionDetail },
      },
    },
    (req) => s.reviews.sendBack(req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/reports/submissions/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a locked report for the unit (level above)',
        params: IdParams,
        body: Reopen,
        response: { 200: SubmissionDetail },
      },
    },
    (req) => s.reviews.reopen(req.actor, req.params.id, req.body),
  );
  r.get(
    '/api/reports/submissions/:id/files/:fileId',
    { schema: { tags, summary: 'A file of a file field', params: FileParams } },
    async (req, reply) => {
      const file = await s.submissions.readFile(req.actor, req.params.id, req.params.fileId);
      return sendStoredFile(req, reply, platform.storage, file);
    },
  );
}
