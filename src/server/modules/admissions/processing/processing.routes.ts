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
  ApplicationDetail,
  BulkBody,
  BulkResult,
  DossierParams,
  ExportQuery,
  ProcessingAction,
  ResubmitBody,
  SupplementFields,
  SupplementStatus,
} from '../../../../shared/admission-processing.schema.ts';
import { Attachment } from '../../../../shared/dossiers.schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { localeOf } from '../../../platform/http/error-handler.ts';
import { readNotifyConfig } from '../../../platform/notify/notify-config.ts';
import type { Platform } from '../../../platform/platform.ts';
import { dossierEngine } from '../../dossiers/dossier-engine.ts';
import { contentDisposition } from '../../dossiers/dossiers.routes.ts';
import { admissionLinkRewrite } from './admission-links.ts';
import { ApplicationActionsService } from './application-actions.service.ts';
import { ApplicationDetailService } from './application-detail.service.ts';
import { ApplicationExportService, XLSX_MIME } from './application-export.service.ts';
import { ReceiptService } from './receipt.service.ts';
import { SupplementService } from './supplement.service.ts';

/** `x-otp-token`: the session from POST /api/public/otp/verify (purpose admissions.apply). */
const OtpHeaders = z.looseObject({ 'x-otp-token': z.string().max(200).optional() });

/** The largest document a procedure may accept (DocumentRule.maxSizeMb ≤ 20). */
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * The multipart upload of the parent: the fields personalId, dateOfBirth, documentCode first,
 * then the file in the field `file` (fields after the file are not read). The type is decided
 * from the bytes by the engine.
 */
async function readSupplement(req: FastifyRequest) {
  const wrong = (vi: string, en: string) => new AppError('file.invalid', { hint: { vi, en } });
  if (!req.isMultipart())
    throw wrong(
      'Gửi tệp trong trường "file" (multipart/form-data).',
      'Send the file in the "file" field (multipart/form-data).',
    );
  const part = await req.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  if (part?.fieldname !== 'file') throw wrong('Thiếu trường "file".', 'The "file" field is missing.');
  const values = Object.fromEntries(
    Object.entries(part.fields).flatMap(([k, f]) =>
      f && !Array.isArray(f) && f.type === 'field' ? [[k, String(f.value)]] : [],
    ),
  );
  // Field messages in the request's language, as the schema validator gives them (Zod's vi locale).
  const locale = localeOf(req) === 'en' ? z.locales.en() : z.locales.vi();
  const fields = SupplementFields.safeParse(values, { error: locale.localeError });
  if (!fields.success)
    throw new AppError('request.invalid', {
      details: fields.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
      hint: {
        vi: 'Gửi personalId, dateOfBirth và documentCode trước trường "file".',
        en: 'Send personalId, dateOfBirth and documentCode before the "file" field.',
      },
    });
  const body = await part.toBuffer();
  if (body.length === 0) throw wrong('Tệp rỗng.', 'The file is empty.');
  return { fields: fields.data, filename: part.filename, body };
}

/**
 * Processing by schools and communes (issue 3, item 3) and the parent's side of it.
 * Errors: auth.required, access.denied, request.invalid, resource.not_found, resource.stale,
 * dossier.invalid_transition, file.invalid.
 */
export function processingRoutes(app: FastifyInstance, platform: Platform): void {
  const detail = new ApplicationDetailService(platform);
  const actions = new ApplicationActionsService(platform);
  const exports = new ApplicationExportService(platform);
  const receipts = new ReceiptService(platform);
  const supplements = new SupplementService(platform);
  dossierEngine(platform).notifier.rewrite(
    admissionLinkRewrite(readNotifyConfig(process.env, platform.config.PUBLIC_URL).publicUrl),
  );

  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admissions'];
  const publicTags = ['public', 'admissions'];
  const byCode = '/api/public/admissions/applications/:code';

  r.get(
    '/api/admissions/applications/:dossierId',
    {
      schema: {
        tags,
        summary: 'One application for its reviewer: form, state, documents, timeline, versions, audit (audited view)',
        params: DossierParams,
        response: { 200: ApplicationDetail },
      },
    },
    (req) => detail.get(req.actor, req.params.dossierId),
  );

  r.post(
    '/api/admissions/applications/:dossierId/actions',
    {
      schema: {
        tags,
        summary: 'start_review, verify (review + approve), request_supplement (what and why), reject (why)',
        params: DossierParams,
        body: ProcessingAction,
        response: { 200: ApplicationDetail },
      },
    },
    async (req) => {
      await actions.act(req.actor, req.params.dossierId, req.body);
      return detail.get(req.actor, req.params.dossierId);
    },
  );

  r.post(
    '/api/admissions/rounds/:roundId/applications/bulk',
    {
      schema: {
        tags,
        summary: 'One action on up to 500 applications; each reported ok or with its error code',
        params: RoundParams,
        body: BulkBody,
        response: { 200: BulkResult },
      },
    },
    (req) => actions.bulk(req.actor, req.params.roundId, req.body),
  );

  r.get(
    '/api/admissions/rounds/:roundId/applications/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The queue (same filters and scope) as an Excel workbook; no personal ID; audited',
        params: RoundParams,
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      const file = await exports.export(req.actor, req.params.roundId, req.query);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', contentDisposition(file.filename))
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );

  r.get(
    '/api/admissions/applications/:dossierId/receipt.pdf',
    {
      schema: { tags, summary: 'The PDF receipt of an application (for a parent at the desk)', params: DossierParams },
    },
    async (req, reply) => {
      const file = await receipts.forStaff(req.actor, req.params.dossierId);
      return sendPdf(reply, file);
    },
  );

  r.get(
    `${byCode}/receipt.pdf`,
    {
      schema: {
        tags: publicTags,
        summary: 'The PDF receipt; a wrong code, ID or date of birth is 404',
        params: CodeParams,
        headers: ChildIdentityHeaders,
      },
    },
    async (req, reply) => {
      const file = await receipts.forParent(req.actor, req.params.code, childFromHeaders(req.headers));
      return sendPdf(reply, file);
    },
  );

  r.post(
    `${byCode}/attachments`,
    {
      schema: {
        tags: publicTags,
        summary:
          'Attach a document asked for (or proof of priority at any time before a decision); multipart fields ' +
          'personalId, dateOfBirth, documentCode, then file',
        headers: OtpHeaders,
        params: CodeParams,
        response: { 201: Attachment },
      },
    },
    async (req, reply) => {
      const { fields, filename, body } = await readSupplement(req);
      const a = await supplements.attach(req.actor, req.headers['x-otp-token'], req.params.code, fields, {
        filename,
        body,
      });
      return reply.code(201).send(a);
    },
  );

  r.post(
    `${byCode}/resubmit`,
    {
      schema: {
        tags: publicTags,
        summary: 'Send the supplemented application back to the school (which is notified)',
        headers: OtpHeaders,
        params: CodeParams,
        body: ResubmitBody,
        response: { 200: SupplementStatus },
      },
    },
    (req) => supplements.resubmit(req.actor, req.headers['x-otp-token'], req.params.code, req.body),
  );
}

function sendPdf(reply: FastifyReply, file: { body: Uint8Array; filename: string }) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', contentDisposition(file.filename))
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(file.body));
}
