import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/common.schema.ts';
import {
  CandidateList,
  CodeParams,
  CopyOptions,
  CopyQueuePage,
  CopyQueueQuery,
  CopyReceipt,
  CopyRequestDetail,
  CopyRequestInput,
  CopySettings,
  CopyStatus,
  DeliveryBody,
  IssueBody,
  RejectBody,
  VerifyCopyAnswer,
  VerifyCopyQuery,
} from '../../../shared/diploma-copies.schema.ts';
import { AppError } from '../../platform/errors.ts';
import { RateWindow } from '../../platform/http/rate-window.ts';
import type { Platform } from '../../platform/platform.ts';
import { IdempotencyKey } from '../dossiers/applicant-access.ts';
import { contentDisposition } from '../dossiers/dossiers.routes.ts';
import type { CopyRequestsService, ProofUpload } from './copy-requests.service.ts';
import type { CopyStaffService } from './copy-staff.service.ts';
import type { CopyVerifyService } from './copy-verify.service.ts';

/** `x-otp-token`: the session from POST /api/public/otp/verify (purpose dossiers.track). */
const OtpHeaders = z.looseObject({ 'x-otp-token': z.string().max(200).optional() });
const SubmitHeaders = OtpHeaders.extend({ 'idempotency-key': IdempotencyKey });

const invalid = (issues: z.core.$ZodIssue[]) =>
  new AppError('request.invalid', {
    details: issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })),
  });

/**
 * The request as JSON, or as multipart/form-data with the JSON in the field `data` and the
 * proof of the right to ask in the file field `proof` (when someone other than the holder asks).
 */
async function readRequest(req: FastifyRequest): Promise<{ input: CopyRequestInput; proof?: ProofUpload }> {
  let raw: unknown = req.body;
  let proof: ProofUpload | undefined;
  if (req.isMultipart()) {
    raw = undefined;
    for await (const part of req.parts({ limits: { fileSize: 6 * 1024 * 1024, files: 1 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'proof')
          throw new AppError('file.invalid', { details: [{ path: part.fieldname, message: 'proof' }] });
        const body = await part.toBuffer();
        if (body.length > 0) proof = { filename: part.filename, body };
      } else if (part.fieldname === 'data') {
        try {
          raw = JSON.parse(String(part.value));
        } catch {
          throw new AppError('request.invalid', { details: [{ path: 'data', message: 'JSON' }] });
        }
      }
    }
  }
  const parsed = CopyRequestInput.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error.issues);
  return { input: parsed.data, ...(proof && { proof }) };
}

/**
 * Certified copies: the public request, status and download (one-time code), the staff queue
 * and decisions (`diplomas.manage`), and the public check of a copy (rate-limited per client,
 * as the diploma check). Errors: auth.required, request.invalid, file.invalid,
 * resource.not_found, resource.stale, dossier.invalid_transition, rate.limited, signing.unavailable.
 */
export function copyRoutes(
  app: FastifyInstance,
  platform: Platform,
  s: { requests: CopyRequestsService; staff: CopyStaffService; verify: CopyVerifyService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const pub = ['public', 'diploma-copies'];
  const tags = ['diploma-copies'];

  r.get(
    '/api/public/diploma-copies/options',
    {
      schema: {
        tags: pub,
        summary: 'Fees, diploma types and cut-off of the request form',
        response: { 200: CopyOptions },
      },
    },
    () => s.requests.options(),
  );

  r.post(
    '/api/public/diploma-copies/requests',
    {
      schema: {
        tags: pub,
        summary:
          'Request a certified copy (JSON, or multipart with `data` and the file `proof`); idempotent by idempotency-key',
        headers: SubmitHeaders,
        response: { 201: CopyReceipt },
      },
    },
    async (req, reply) => {
      const { input, proof } = await readRequest(req);
      const receipt = await s.requests.file(
        req.actor,
        req.headers['x-otp-token'],
        input,
        req.headers['idempotency-key'],
        proof,
      );
      return reply.code(201).send(receipt);
    },
  );

  r.get(
    '/api/public/diploma-copies/requests/:code',
    { schema: { tags: pub, headers: OtpHeaders, params: CodeParams, response: { 200: CopyStatus } } },
    (req) => s.requests.status(req.headers['x-otp-token'], req.params.code),
  );

  r.get(
    '/api/public/diploma-copies/requests/:code/copy.pdf',
    { schema: { tags: pub, summary: 'The signed PDF of the issued copy', headers: OtpHeaders, params: CodeParams } },
    async (req, reply) => {
      const file = await s.requests.download(req.actor, req.headers['x-otp-token'], req.params.code);
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', contentDisposition(file.filename));
      reply.header('cache-control', 'private, no-store');
      return reply.send(file.stream);
    },
  );

  // ── Staff ──
  r.get(
    '/api/diploma-copies/requests',
    { schema: { tags, querystring: CopyQueueQuery, response: { 200: CopyQueuePage } } },
    (req) => s.staff.queue(req.actor, req.query),
  );
  r.get(
    '/api/diploma-copies/requests/:id',
    { schema: { tags, params: IdParams, response: { 200: CopyRequestDetail } } },
    (req) => s.staff.detail(req.actor, req.params.id),
  );
  r.get(
    '/api/diploma-copies/requests/:id/candidates',
    { schema: { tags, params: IdParams, response: { 200: CandidateList } } },
    (req) => s.staff.candidates(req.actor, req.params.id),
  );
  r.post(
    '/api/diploma-copies/requests/:id/issue',
    { schema: { tags, params: IdParams, body: IssueBody, response: { 200: CopyRequestDetail } } },
    (req) => s.staff.issue(req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/diploma-copies/requests/:id/reject',
    { schema: { tags, params: IdParams, body: RejectBody, response: { 200: CopyRequestDetail } } },
    (req) => s.staff.reject(req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/diploma-copies/requests/:id/delivery',
    { schema: { tags, params: IdParams, body: DeliveryBody, response: { 200: CopyRequestDetail } } },
    (req) => s.staff.delivery(req.actor, req.params.id, req.body),
  );
  r.get('/api/diploma-copies/settings', { schema: { tags, response: { 200: CopySettings } } }, (req) =>
    s.staff.settings(req.actor),
  );
  r.put(
    '/api/diploma-copies/settings',
    { schema: { tags, body: CopySettings, response: { 200: CopySettings } } },
    (req) => s.staff.updateSettings(req.actor, req.body),
  );

  // ── Public check of a copy ──
  const limiter = new RateWindow(platform.config.RATE_DIPLOMA_VERIFY_PER_IP_PER_MINUTE);
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
  r.get(
    '/api/public/diplomas/copies/verify',
    {
      onRequest: limit,
      schema: {
        tags: ['public', 'diplomas'],
        summary: 'Check a certified copy by its number and check code, and the signature of the file kept by the Sở',
        querystring: VerifyCopyQuery,
        response: { 200: VerifyCopyAnswer },
      },
    },
    (req) => s.verify.verify(req.actor, req.query),
  );
}
