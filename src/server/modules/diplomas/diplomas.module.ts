import type { Platform } from '../../platform/platform.ts';
import type { Module } from '../index.ts';
import { diplomaRoutes } from './diplomas.routes.ts';
import { EntriesService } from './entries.service.ts';
import { ImportsService } from './imports.service.ts';
import { verifyRoutes } from './verify.routes.ts';
import { VerifyService } from './verify.service.ts';

export interface DiplomaServices {
  entries: EntriesService;
  imports: ImportsService;
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
