import type { Platform } from '../../platform/platform.ts';
import { registerResultDocuments } from '../archive/result-documents.ts';
import type { Module } from '../index.ts';
import { findCopyOfDossier } from './copies.repository.ts';
import { copyRoutes } from './copies.routes.ts';
import { PROCEDURE } from './copy-context.ts';
import { CopyRequestsService } from './copy-requests.service.ts';
import { CopyStaffService } from './copy-staff.service.ts';
import { CopyVerifyService } from './copy-verify.service.ts';

export interface CopyServices {
  requests: CopyRequestsService;
  staff: CopyStaffService;
  verify: CopyVerifyService;
}

const made = new WeakMap<Platform, CopyServices>();

/** The certified-copy services of a platform, made once (routes and the demo loader share them). */
export function copyServices(platform: Platform): CopyServices {
  const existing = made.get(platform);
  if (existing) return existing;
  const services = {
    requests: new CopyRequestsService(platform),
    staff: new CopyStaffService(platform),
    verify: new CopyVerifyService(platform),
  };
  made.set(platform, services);
  return services;
}

// The signed copy is the procedure's result: the archive files it with the dossier.
registerResultDocuments(PROCEDURE, async (db, dossierId) => {
  const copy = await findCopyOfDossier(db, dossierId);
  if (!copy) return [];
  return [
    {
      storedFileId: copy.file_id,
      title: `Bản sao từ sổ gốc số ${copy.copy_number} (${copy.public_fields.typeName}, ${copy.public_fields.holderName})`,
      docNumber: copy.copy_number,
      docDate: new Date(copy.issued_at).toISOString().slice(0, 10),
      author: copy.signer_name,
    },
  ];
});

/** Certified copies from the master register (issue 5 item 5), a procedure on the dossier engine. */
export const diplomaCopiesModule: Module = {
  name: 'diploma-copies',
  register(app, platform) {
    copyRoutes(app, platform, copyServices(platform));
  },
};
