import { PAGE_UPLOAD_PURPOSE } from '../../../shared/diplomas.schema.ts';
import type { Platform } from '../../platform/platform.ts';
import { registerUploadPurpose } from '../../platform/uploads/purposes.ts';
import type { Module } from '../index.ts';
import { diplomaRoutes } from './diplomas.routes.ts';
import { EntriesService } from './entries.service.ts';
import { ImportsService } from './imports.service.ts';
import { PagesService } from './pages.service.ts';
import { verifyRoutes } from './verify.routes.ts';
import { VerifyService } from './verify.service.ts';

export interface DiplomaServices {
  entries: EntriesService;
  imports: ImportsService;
  pages: PagesService;
  verify: VerifyService;
}

const made = new WeakMap<Platform, DiplomaServices>();

/** The registry's services of a platform, made once (routes, the demo loader and the benchmark share them). */
export function diplomaServices(platform: Platform): DiplomaServices {
  const existing = made.get(platform);
  if (existing) return existing;
  const services = {
    entries: new EntriesService(platform),
    imports: new ImportsService(platform),
    pages: new PagesService(platform),
    verify: new VerifyService(platform),
  };
  made.set(platform, services);
  return services;
}

/** The diploma registry (issue 5, items 1–4): master registers, imports, search, corrections, public verification. */
export const diplomasModule: Module = {
  name: 'diplomas',
  register(app, platform) {
    diplomaRoutes(app, diplomaServices(platform));
    verifyRoutes(app, platform, diplomaServices(platform).verify);
  },
};

// Scanned page images of the master registers (issue 5 item 1): photos and PDF scans.
registerUploadPurpose(PAGE_UPLOAD_PURPOSE, { kinds: ['jpeg', 'png', 'webp', 'pdf'] });
