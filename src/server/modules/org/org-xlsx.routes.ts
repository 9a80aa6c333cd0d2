import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ImportReport } from '../../../shared/org.schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { exportWorkbook } from './org-export.service.ts';
import { importSchools, MAX_IMPORT_BYTES } from './org-import.service.ts';
import { contentDisposition, XLSX_MIME } from './org-xlsx.ts';

const ImportQuery = z.object({
  /** Validate and report without writing. */
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

/** Excel export and import of the unit tree and school directory. */
export function orgXlsxRoutes(app: FastifyInstance, platform: Platform): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['org'];

  r.get(
    '/api/org/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Units and schools as an Excel workbook (sheets "Đơn vị" and "Trường học"); public, no sign-in',
      },
    },
    async (_req, reply) => {
      const file = await exportWorkbook(platform);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', contentDisposition(file.asciiName, file.name))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  r.post(
    '/api/org/import',
    {
      schema: {
        tags,
        summary:
          'Import units (sheet "Đơn vị": create, rename, move, close) and schools (sheet "Trường học"), in the ' +
          'format of the export (multipart field `file`, .xlsx ≤ 10 MB; needs org.manage). Always 200 with an ' +
          'ImportReport: when `errors` is non-empty nothing was written from either sheet (all or nothing); ' +
          'units-sheet errors name their column "Đơn vị: …". ' +
          'dryRun=true reports without writing. 400 file.invalid for a non-xlsx file or missing columns.',
        querystring: ImportQuery,
        response: { 200: ImportReport },
      },
    },
    async (req) => {
      if (req.actor.kind === 'anonymous') throw new AppError('auth.required');
      const file = await readUpload(req);
      return importSchools(platform, req.actor, file, { dryRun: req.query.dryRun });
    },
  );
}
