import type { Platform } from '../../platform/platform.ts';
import type { Module } from '../index.ts';
import { copyRoutes } from './copies.routes.ts';
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

/** Certified copies from the master register (issue 5 item 5), a procedure on the dossier engine. */
export const diplomaCopiesModule: Module = {
  name: 'diploma-copies',
  register(app, platform) {
    copyRoutes(app, platform, copyServices(platform));
  },
};
