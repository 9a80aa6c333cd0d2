import type { Module } from '../../modules/index.ts';
import type { Platform } from '../platform.ts';
import { uploadsRoutes } from './uploads.routes.ts';
import { UploadsService } from './uploads.service.ts';
import { readUploadsConfig } from './uploads-config.ts';

const services = new WeakMap<Platform, UploadsService>();

/** One uploads service per platform: modules use it to turn a finished upload into their file. */
export function getUploadsService(platform: Platform): UploadsService {
  let s = services.get(platform);
  if (!s) {
    s = new UploadsService(platform, readUploadsConfig(platform.config));
    services.set(platform, s);
  }
  return s;
}

/** Resumable uploads (tus 1.0.0) under /api/uploads, in their own scope (the PATCH body parser). */
export const uploadsModule: Module = {
  name: 'uploads',
  async register(app, platform) {
    await app.register(async (scope) => uploadsRoutes(scope, getUploadsService(platform), platform.storage));
  },
};
