import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ExamScore,
  ExamScoreCorrection,
  ExamScoreImportReport,
  ExamScorePage,
  ExamScoreQuery,
} from '../../../../shared/admission-exam-scores.schema.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Platform } from '../../../platform/platform.ts';
import { MAX_IMPORT_BYTES } from '../../org/org-import.service.ts';
import { contentDisposition, XLSX_MIME } from '../../org/org-xlsx.ts';
import { ExamScoreService } from './exam-score.service.ts';

const RoundParams = z.object({ roundId: z.uuid() });
const ScoreParams = z.object({ roundId: z.uuid(), dossierId: z.uuid() });
const ImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

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

/**
 * Grade-10 exam scores of a round (staff, `admissions.allocate` on the unit running it). Writes
 * after the final allocation run are 409 admissions.scores_frozen.
 */
export function examScoreRoutes(app: FastifyInstance, platform: Platform): void {
  const s = new ExamScoreService(platform);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admissions'];
  const base = '/api/admissions/rounds/:roundId/exam-scores';

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'Applications taking part, with their exam scores (paged; missing=true: those without)',
        params: RoundParams,
        querystring: ExamScoreQuery,
        response: { 200: ExamScorePage },
      },
    },
    (req) => s.list(req.actor, req.params.roundId, req.query),
  );

  r.get(
    `${base}/template.xlsx`,
    {
      schema: {
        tags,
        summary: 'The import template: the round’s columns, one line per application',
        params: RoundParams,
      },
    },
    async (req, reply) => {
      const file = await s.template(req.actor, req.params.roundId);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', contentDisposition(file.asciiName, file.name))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  r.post(
    `${base}/import`,
    {
      schema: {
        tags,
        summary:
          'Import scores from .xlsx (multipart field `file`, ≤ 10 MB; columns: Mã hồ sơ or Số báo danh, one per ' +
          'subject named as configured, Điểm ưu tiên, Điểm khuyến khích, Vắng thi, Vi phạm quy chế). Always 200 ' +
          'with a report: when `errors` is non-empty nothing was written. dryRun=true writes nothing.',
        params: RoundParams,
        querystring: ImportQuery,
        response: { 200: ExamScoreImportReport },
      },
    },
    async (req) => {
      if (req.actor.kind === 'anonymous') throw new AppError('auth.required');
      const file = await readUpload(req);
      return s.import(req.actor, req.params.roundId, file, { dryRun: req.query.dryRun });
    },
  );

  r.put(
    `${base}/:dossierId`,
    {
      schema: {
        tags,
        summary: 'Set or correct one application’s scores, with a reason (audited before/after)',
        params: ScoreParams,
        body: ExamScoreCorrection,
        response: { 200: ExamScore },
      },
    },
    (req) => s.correct(req.actor, req.params.roundId, req.params.dossierId, req.body),
  );
}
