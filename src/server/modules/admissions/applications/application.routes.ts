import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApplicationPatch,
  ApplicationReceipt,
  ApplicationStatus,
  ApplicationSubmit,
  ApplicationWithdraw,
  AssistedSubmit,
  ChildIdentityHeaders,
  CodeParams,
  childFromHeaders,
  DraftSave,
  DraftView,
  QueuePage,
  QueueQuery,
  RoundParams,
} from '../../../../shared/admission-applications.schema.ts';
import type { Platform } from '../../../platform/platform.ts';
import { IdempotencyKey } from '../../dossiers/applicant-access.ts';
import { ApplicationService } from './application.service.ts';
import { ApplicationAssistedService } from './application-assisted.service.ts';
import { ApplicationDraftService } from './application-draft.service.ts';
import { applicationFiling } from './application-filing.ts';
import { ApplicationQueueService } from './application-queue.service.ts';

/** `x-otp-token`: the session from POST /api/public/otp/verify (purpose admissions.apply); missing → 401 auth.required. */
const OtpHeaders = z.looseObject({ 'x-otp-token': z.string().max(200).optional() });
/** `idempotency-key`: a client-generated UUID per press of the submit button (required). */
const SubmitHeaders = OtpHeaders.extend({ 'idempotency-key': IdempotencyKey });

export interface ApplicationServices {
  applications: ApplicationService;
  drafts: ApplicationDraftService;
  queue: ApplicationQueueService;
  assisted: ApplicationAssistedService;
}

/**
 * Public application routes (no account: a verified one-time code) and the staff queue.
 * Errors: auth.required, request.invalid, resource.not_found, dossier.duplicate (409),
 * dossier.window_closed (422), dossier.invalid_transition, rate.limited.
 */
export function applicationRoutes(app: FastifyInstance, s: ApplicationServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public', 'admissions'];
  const round = '/api/public/admissions/rounds/:roundId';
  const byCode = '/api/public/admissions/applications/:code';

  r.put(
    `${round}/draft`,
    { schema: { tags, headers: OtpHeaders, params: RoundParams, body: DraftSave, response: { 200: DraftView } } },
    (req) => s.drafts.save(req.actor, req.headers['x-otp-token'], req.params.roundId, req.body),
  );

  r.get(
    `${round}/draft`,
    {
      schema: {
        tags,
        headers: OtpHeaders.extend(ChildIdentityHeaders.shape),
        params: RoundParams,
        response: { 200: DraftView },
      },
    },
    (req) => s.drafts.get(req.actor, req.headers['x-otp-token'], req.params.roundId, childFromHeaders(req.headers)),
  );

  // 201 with the receipt, also for a retry with the same idempotency-key (same receipt).
  r.post(
    `${round}/applications`,
    {
      schema: {
        tags,
        summary: 'File an application; idempotent by the idempotency-key header',
        headers: SubmitHeaders,
        params: RoundParams,
        body: ApplicationSubmit,
        response: { 201: ApplicationReceipt },
      },
    },
    async (req, reply) => {
      const receipt = await s.applications.submit(
        req.actor,
        req.headers['x-otp-token'],
        req.params.roundId,
        req.body,
        req.headers['idempotency-key'],
      );
      return reply.code(201).send(receipt);
    },
  );

  r.get(
    byCode,
    {
      schema: { tags, params: CodeParams, headers: ChildIdentityHeaders, response: { 200: ApplicationStatus } },
    },
    (req) => s.applications.status(req.params.code, childFromHeaders(req.headers)),
  );

  r.patch(
    byCode,
    {
      schema: {
        tags,
        headers: OtpHeaders,
        params: CodeParams,
        body: ApplicationPatch,
        response: { 200: ApplicationStatus },
      },
    },
    (req) => s.applications.edit(req.actor, req.headers['x-otp-token'], req.params.code, req.body),
  );

  r.post(
    `${byCode}/withdraw`,
    {
      schema: {
        tags,
        headers: OtpHeaders,
        params: CodeParams,
        body: ApplicationWithdraw,
        response: { 200: ApplicationStatus },
      },
    },
    (req) => s.applications.withdraw(req.actor, req.headers['x-otp-token'], req.params.code, req.body),
  );

  // Assisted entry: a clerk files for a parent who came in person (same receipt rules).
  r.post(
    '/api/admissions/rounds/:roundId/applications/assisted',
    {
      schema: {
        tags: ['admissions'],
        summary: 'File an application for a parent in person; idempotent by the idempotency-key header',
        headers: z.looseObject({ 'idempotency-key': IdempotencyKey }),
        params: RoundParams,
        body: AssistedSubmit,
        response: { 201: ApplicationReceipt },
      },
    },
    async (req, reply) => {
      const receipt = await s.assisted.file(req.actor, req.params.roundId, req.body, req.headers['idempotency-key']);
      return reply.code(201).send(receipt);
    },
  );

  r.get(
    '/api/admissions/rounds/:roundId/applications',
    { schema: { tags: ['admissions'], params: RoundParams, querystring: QueueQuery, response: { 200: QueuePage } } },
    (req) => s.queue.list(req.actor, req.params.roundId, req.query),
  );
}

/** The services of a platform, for admissions.module.ts. */
export function applicationServices(platform: Platform): ApplicationServices {
  const filing = applicationFiling(platform);
  return {
    applications: new ApplicationService(platform, filing),
    assisted: new ApplicationAssistedService(platform, filing),
    drafts: new ApplicationDraftService(platform),
    queue: new ApplicationQueueService(platform),
  };
}
