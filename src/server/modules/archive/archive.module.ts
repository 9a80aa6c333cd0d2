import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import type { Platform } from '../../platform/platform.ts';
import { registerUploadPurpose } from '../../platform/uploads/purposes.ts';
import type { Module } from '../index.ts';
import { archiveRoutes } from './archive.routes.ts';
import { archiveOaiRoutes } from './archive-oai.routes.ts';
import { ArchiveDocumentsService } from './documents.service.ts';
import { ArchiveExportService } from './export.service.ts';
import { ArchiveFilesService } from './files.service.ts';
import { FixityService } from './fixity.service.ts';
import { FondsService } from './fonds.service.ts';
import { ArchiveIntakeService } from './intake.service.ts';
import { ReadRequestsService } from './requests.service.ts';

export interface ArchiveServices {
  files: ArchiveFilesService;
  fonds: FondsService;
  documents: ArchiveDocumentsService;
  requests: ReadRequestsService;
  exports: ArchiveExportService;
  intake: ArchiveIntakeService;
  fixity: FixityService;
}

const made = new WeakMap<Platform, ArchiveServices>();

/** The archive's services of a platform, made once (routes, jobs, the demo loader share them). */
export function archiveServices(platform: Platform): ArchiveServices {
  const existing = made.get(platform);
  if (existing) return existing;
  const files = new ArchiveFilesService(platform);
  const services: ArchiveServices = {
    files,
    fonds: new FondsService(platform),
    documents: new ArchiveDocumentsService(platform, files),
    requests: new ReadRequestsService(platform),
    exports: new ArchiveExportService(platform),
    intake: new ArchiveIntakeService(platform, files),
    fixity: new FixityService(platform),
  };
  made.set(platform, services);
  return services;
}

/**
 * The archive's scheduled jobs, for runtime.ts's list: decided dossiers flow in every 10
 * minutes; the fixity check runs nightly at 02:37.
 */
export function archiveScheduledJobs(platform: Platform): ScheduledJob[] {
  return [
    {
      name: 'archive.intake',
      cron: '*/10 * * * *',
      run: async () => void (await archiveServices(platform).intake.sweep()),
    },
    {
      name: 'archive.fixity',
      cron: '37 2 * * *',
      run: async () => void (await archiveServices(platform).fixity.run()),
    },
  ];
}

// Scans and born-digital documents of the archive (PDF/A is PDF to the sniffer).
registerUploadPurpose('archive', { kinds: ['pdf', 'jpeg', 'png', 'docx', 'xlsx', 'doc', 'xls'] });

/** The electronic archive (lưu trữ điện tử): fonds, files, documents, access, fixity. */
export const archiveModule: Module = {
  name: 'archive',
  register(app, platform) {
    archiveRoutes(app, platform, archiveServices(platform));
    archiveOaiRoutes(app, platform);
  },
};
