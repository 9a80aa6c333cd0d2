import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/common.schema.ts';
import {
  DirectiveDetail,
  DirectiveInput,
  DirectiveUpdate,
  ExportQuery,
  FileParams,
  InboxPage,
  InboxQuery,
  MyRecipient,
  ReadInput,
  RecipientPage,
  RecipientPreview,
  RecipientPreviewInput,
  RecipientQuery,
  RemindOutcome,
  RespondInput,
  ResponseHistory,
  SentPage,
  SentQuery,
  UnitOptions,
  UnitParams,
} from '../../../shared/directives.schema.ts';
import { sendStoredFile } from '../../platform/files/send-stored-file.ts';
import type { Platform } from '../../platform/platform.ts';
import type { DirectiveServices } from './directives.module.ts';

const UnitSearch = z.object({ q: z.string().max(100).default('') });

/** The directives API (issue 6, item 2). */
export function directivesRoutes(app: FastifyInstance, platform: Platform, s: DirectiveServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['directives'];

  r.get(
    '/api/directives/inbox',
    {
      schema: {
        tags,
        summary: "Directives addressed to the caller's units, unread first",
        querystring: InboxQuery,
        response: { 200: InboxPage },
      },
    },
    (req) => s.directives.inbox(req.actor, req.query),
  );
  r.get(
    '/api/directives/sent',
    {
      schema: {
        tags,
        summary: "Directives issued from units in the caller's steering scope",
        querystring: SentQuery,
        response: { 200: SentPage },
      },
    },
    (req) => s.directives.sent(req.actor, req.query),
  );
  r.get(
    '/api/directives/issuer-units',
    { schema: { tags, summary: 'Units the caller may issue from', response: { 200: UnitOptions } } },
    async (req) => ({ items: await s.directives.issuerUnits(req.actor) }),
  );
  r.get(
    '/api/directives/communes',
    { schema: { tags, summary: "Communes in the caller's steering scope", response: { 200: UnitOptions } } },
    async (req) => ({ items: await s.directives.communes(req.actor) }),
  );
  r.get(
    '/api/directives/units',
    {
      schema: {
        tags,
        summary: 'Units in scope matching a name',
        querystring: UnitSearch,
        response: { 200: UnitOptions },
      },
    },
    async (req) => ({ items: await s.directives.searchUnits(req.actor, req.query.q) }),
  );
  r.post(
    '/api/directives/recipient-preview',
    {
      schema: {
        tags,
        summary: 'Count the units a selection picks',
        body: RecipientPreviewInput,
        response: { 200: RecipientPreview },
      },
    },
    (req) => s.directives.preview(req.actor, req.body),
  );
  r.post(
    '/api/directives',
    { schema: { tags, summary: 'Draft a directive', body: DirectiveInput, response: { 201: DirectiveDetail } } },
    async (req, reply) => reply.code(201).send(await s.directives.create(req.actor, req.body)),
  );
  r.get(
    '/api/directives/:id',
    {
      schema: {
        tags,
        summary: 'A directive (issuer: counts; recipient: its own units)',
        params: IdParams,
        response: { 200: DirectiveDetail },
      },
    },
    (req) => s.directives.get(req.actor, req.params.id),
  );
  r.put(
    '/api/directives/:id',
    {
      schema: {
        tags,
        summary: 'Replace a draft',
        params: IdParams,
        body: DirectiveUpdate,
        response: { 200: DirectiveDetail },
      },
    },
    (req) => s.directives.update(req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/directives/:id/issue',
    {
      schema: {
        tags,
        summary: 'Issue: materialise the recipients and notify them',
        params: IdParams,
        response: { 200: DirectiveDetail },
      },
    },
    (req) => s.directives.issue(req.actor, req.params.id),
  );
  r.post(
    '/api/directives/:id/close',
    { schema: { tags, summary: 'Close: no more answers', params: IdParams, response: { 200: DirectiveDetail } } },
    (req) => s.directives.close(req.actor, req.params.id),
  );
  r.post(
    '/api/directives/:id/read',
    {
      schema: {
        tags,
        summary: "Record the first read of the caller's units",
        params: IdParams,
        body: ReadInput,
        response: { 200: z.object({ marked: z.array(z.uuid()) }) },
      },
    },
    (req) => s.responses.markRead(req.actor, req.params.id, req.body.unitId),
  );
  r.post(
    '/api/directives/:id/responses',
    {
      schema: {
        tags,
        summary: "Answer (or amend the answer) for one of the caller's units",
        params: IdParams,
        body: RespondInput,
        response: { 200: MyRecipient },
      },
    },
    (req) => s.responses.respond(req.actor, req.params.id, req.body),
  );
  r.get(
    '/api/directives/:id/recipients',
    {
      schema: {
        tags,
        summary: 'Per-unit table with filters (issuer)',
        params: IdParams,
        querystring: RecipientQuery,
        response: { 200: RecipientPage },
      },
    },
    (req) => s.responses.recipients(req.actor, req.params.id, req.query),
  );
  r.get(
    '/api/directives/:id/recipients/:unitId/responses',
    {
      schema: {
        tags,
        summary: "Every version of a unit's answer",
        params: UnitParams,
        response: { 200: ResponseHistory },
      },
    },
    (req) => s.responses.history(req.actor, req.params.id, req.params.unitId),
  );
  r.post(
    '/api/directives/:id/remind',
    {
      schema: {
        tags,
        summary: 'Remind units that have not answered (once per unit per day)',
        params: IdParams,
        response: { 200: RemindOutcome },
      },
    },
    (req) => s.responses.remind(req.actor, req.params.id),
  );
  r.get(
    '/api/directives/:id/export',
    {
      schema: {
        tags,
        summary: 'The per-unit table as CSV or Excel (issuer)',
        params: IdParams,
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      const base = `chi-dao-${req.params.id.slice(0, 8)}`;
      if (req.query.format === 'xlsx')
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${base}.xlsx"`)
          .send(await s.exports.xlsx(req.actor, req.params.id));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${base}.csv"`)
        .send(await s.exports.csv(req.actor, req.params.id));
    },
  );
  r.get(
    '/api/directives/:id/files/:fileId',
    { schema: { tags, summary: 'An attachment or an answer file (access-checked)', params: FileParams } },
    async (req, reply) =>
      sendStoredFile(req, reply, platform.storage, await s.responses.file(req.actor, req.params.id, req.params.fileId)),
  );
}
