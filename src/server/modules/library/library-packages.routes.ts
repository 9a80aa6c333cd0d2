import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/common.schema.ts';
import {
  PACKAGE_UPLOAD_PURPOSE,
  PackageImportBody,
  PackageImportSummary,
} from '../../../shared/library-reports.schema.ts';
import { dispositionHeader } from '../../platform/files/send-stored-file.ts';
import type { Platform } from '../../platform/platform.ts';
import { registerUploadPurpose } from '../../platform/uploads/purposes.ts';
import type { LibraryServices } from './library.module.ts';
import { LibraryPackagesService, PACKAGE_MAX_BYTES } from './library-packages.service.ts';

/** Offline packages (issue 4 item 7): a collection as a zip for a USB stick, and the import of one. */
export function libraryPackagesRoutes(app: FastifyInstance, platform: Platform, s: LibraryServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['library'];
  const packages = new LibraryPackagesService(platform, s.reference);
  // Packages are uploaded through tus (/api/uploads) with this purpose, then imported by file id.
  registerUploadPurpose(PACKAGE_UPLOAD_PURPOSE, { kinds: ['zip'], maxBytes: PACKAGE_MAX_BYTES });

  r.get(
    '/api/library/collections/:id/package',
    {
      schema: {
        tags,
        summary:
          'The collection as an offline package (zip: manifest, files once each, index.html that works from a USB stick); audited',
        params: IdParams,
      },
    },
    async (req, reply) => {
      const pkg = await packages.exportCollection(req.actor, req.params.id);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', dispositionHeader('attachment', pkg.filename))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(pkg.stream);
    },
  );

  r.post(
    '/api/library/packages/import',
    {
      schema: {
        tags,
        summary: 'Import an uploaded offline package as drafts of a school (idempotent per source resource)',
        body: PackageImportBody,
        response: { 200: PackageImportSummary },
      },
    },
    (req) => packages.importPackage(req.actor, req.body),
  );
}
