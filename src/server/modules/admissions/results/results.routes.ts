import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChildIdentityHeaders,
  CodeParams,
  childFromHeaders,
  RoundParams,
} from '../../../../shared/admission-applications.schema.ts';
import {
  ChildrenWithoutApplicationPage,
  ChildrenWithoutApplicationQuery,
  CommuneParams,
  PublicCutoffs,
  PublicResult,
  PublishBody,
  PublishOutcome,
  ReleaseOutcome,
  ResultConfirm,
  ResultIdParams,
  ResultLookupQuery,
  StaffResult,
  StaffResultPage,
  StaffResultQuery,
  SupplementaryCreate,
  SupplementaryOutcome,
} from '../../../../shared/admission-results.schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { RateWindow } from '../../../platform/http/rate-window.ts';
import type { Platform } from '../../../platform/platform.ts';
import { RoundService } from '../rounds/round.service.ts';
import { RoundContext } from '../rounds/round-context.ts';
import { pendingHooks } from '../rounds/round-hooks.ts';
import { RoundSchoolsService } from '../rounds/round-schools.service.ts';
import { ChildrenWithoutApplicationService } from './children-without-application.service.ts';
import { publicCutoffs } from './public-cutoffs.ts';
import { ResultConfirmService } from './result-confirm.service.ts';
import { ResultListService } from './result-list.service.ts';
import { ResultLookupService } from './result-lookup.service.ts';
import { ResultPublishService } from './result-publish.service.ts';
import { SupplementaryService } from './supplementary.service.ts';

const OtpHeaders = z.looseObject({ 'x-otp-token': z.string().max(200).optional() });
const LookupHeaders = z.looseObject({ 'if-none-match': z.string().max(1000).optional() });

const lookups = new WeakMap<Platform, ResultLookupService>();

/** The lookup service of a platform (its cache statistics, for the benchmark). */
export function resultLookupOf(platform: Platform): ResultLookupService | undefined {
  return lookups.get(platform);
}

/**
 * Results of admission rounds (issue 3, item 5). Staff: publish (status change + snapshot), list,
 * release, supplementary round, record a confirmation made in person, the commune's children of
 * the age without an application. Public: the lookup (cacheable, rate-limited per address and
 * per node: see RateWindow) and the family's confirmation (one-time code).
 * Errors: auth.required, access.denied, resource.not_found, resource.conflict, request.invalid,
 * admissions.results_not_published, admissions.not_admitted, admissions.confirmation_closed,
 * admissions.confirmation_open, rate.limited (429 with Retry-After).
 */
export function resultRoutes(app: FastifyInstance, platform: Platform): void {
  const context = new RoundContext(platform, pendingHooks);
  const lookup = new ResultLookupService(platform);
  lookups.set(platform, lookup);
  const publish = new ResultPublishService(platform, context, lookup);
  const confirm = new ResultConfirmService(platform, lookup);
  const list = new ResultListService(platform);
  const supplementary = new SupplementaryService(platform, {
    context,
    rounds: new RoundService(context),
    schools: new RoundSchoolsService(context),
  });
  const children = new ChildrenWithoutApplicationService(platform);
  const limiter = new RateWindow(platform.config.RATE_RESULT_LOOKUPS_PER_IP_PER_MINUTE);
  // Counted before validation, so malformed guesses count too; the address is the forwarded one
  // behind TRUST_PROXY. Errors are never cached.
  const limit = async (req: FastifyRequest, reply: FastifyReply) => {
    reply.header('cache-control', 'no-store');
    const wait = limiter.hit(req.ip);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new AppError('rate.limited', {
        hint: { vi: `Vui lòng thử lại sau ${wait} giây.`, en: `Please try again in ${wait} seconds.` },
      });
    }
  };

  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admissions'];
  const round = '/api/admissions/rounds/:roundId';

  r.post(
    `${round}/results/publish`,
    {
      schema: {
        tags,
        summary: 'Publish the final run: round → published and the results snapshot, one transaction',
        params: RoundParams,
        body: PublishBody,
        response: { 200: PublishOutcome },
      },
    },
    (req) => publish.publish(req.actor, req.params.roundId, req.body),
  );

  r.get(
    `${round}/results`,
    { schema: { tags, params: RoundParams, querystring: StaffResultQuery, response: { 200: StaffResultPage } } },
    (req) => list.list(req.actor, req.params.roundId, req.query),
  );

  r.post(
    `${round}/results/release`,
    {
      schema: {
        tags,
        summary: 'Release unconfirmed seats after the deadline',
        params: RoundParams,
        response: { 200: ReleaseOutcome },
      },
    },
    (req) => confirm.release(req.actor, req.params.roundId),
  );

  r.post(
    `${round}/supplementary`,
    {
      schema: {
        tags,
        summary: 'Create the supplementary round from the released seats',
        params: RoundParams,
        body: SupplementaryCreate,
        response: { 201: SupplementaryOutcome },
      },
    },
    async (req, reply) => reply.code(201).send(await supplementary.create(req.actor, req.params.roundId, req.body)),
  );

  r.post(
    '/api/admissions/results/:resultId/confirm',
    {
      schema: {
        tags,
        summary: 'Record a confirmation made in person',
        params: ResultIdParams,
        response: { 200: StaffResult },
      },
    },
    (req) => confirm.confirmByStaff(req.actor, req.params.resultId),
  );

  r.get(
    '/api/admissions/communes/:unitId/children-without-application',
    {
      schema: {
        tags,
        params: CommuneParams,
        querystring: ChildrenWithoutApplicationQuery,
        response: { 200: ChildrenWithoutApplicationPage },
      },
    },
    (req) => children.list(req.actor, req.params.unitId, req.query),
  );

  const publicTags = ['public', 'admissions'];
  r.get(
    '/api/public/admissions/results',
    {
      onRequest: limit,
      schema: {
        tags: publicTags,
        summary: 'Look up a published result by dossier code, personal ID and date of birth',
        querystring: ResultLookupQuery,
        headers: LookupHeaders.extend(ChildIdentityHeaders.shape),
        response: { 200: PublicResult, 304: z.null().describe('Not modified (If-None-Match)') },
      },
    },
    async (req, reply) => {
      const who = { code: req.query.code, ...childFromHeaders(req.headers) };
      const answer = await lookup.lookup(req.actor, who, req.headers['if-none-match']);
      reply
        .header('cache-control', 'private, max-age=60')
        .header('etag', answer.etag)
        .header('vary', 'accept-language, x-child-id, x-child-dob');
      return answer.status === 304 ? reply.code(304).send(null) : answer.body;
    },
  );

  // The cut-offs (điểm chuẩn) of a published grade-10 round, for everyone.
  r.get(
    '/api/public/admissions/rounds/:roundId/cutoffs',
    {
      schema: {
        tags: publicTags,
        summary: 'Cut-offs of a published grade-10 round, per school and stage',
        params: RoundParams,
        response: { 200: PublicCutoffs },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return publicCutoffs(platform.db, req.params.roundId);
    },
  );

  r.post(
    '/api/public/admissions/applications/:code/confirm',
    {
      schema: {
        tags: publicTags,
        summary: 'Confirm enrolment (one-time code of the application contact)',
        headers: OtpHeaders,
        params: CodeParams,
        body: ResultConfirm,
        response: { 200: PublicResult },
      },
    },
    (req) => confirm.confirmByFamily(req.actor, req.headers['x-otp-token'], req.params.code, req.body),
  );
}
