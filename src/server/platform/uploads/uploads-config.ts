import path from 'node:path';
import type { Config } from '../config.ts';

/**
 * Limits of resumable uploads (validated in platform/config.ts; README "Configuration"):
 * UPLOAD_MAX_BYTES (largest upload; a purpose may set a lower one), UPLOAD_MAX_IN_PROGRESS
 * (unfinished uploads per user), UPLOAD_EXPIRY_HOURS (an unfinished upload untouched this long
 * is purged). The partial files live under DATA_DIR/uploads.
 */
export interface UploadsConfig {
  dir: string;
  maxBytes: number;
  maxInProgress: number;
  expiryHours: number;
}

const positive = (v: string | undefined, fallback: number) => {
  const n = Number(v);
  return v && Number.isSafeInteger(n) && n > 0 ? n : fallback;
};

export function readUploadsConfig(config: Config, env: NodeJS.ProcessEnv = process.env): UploadsConfig {
  // Tests set the variables after the config was read: the environment wins when it is set.
  return {
    dir: path.join(config.DATA_DIR, 'uploads'),
    maxBytes: positive(env.UPLOAD_MAX_BYTES, config.UPLOAD_MAX_BYTES),
    maxInProgress: positive(env.UPLOAD_MAX_IN_PROGRESS, config.UPLOAD_MAX_IN_PROGRESS),
    expiryHours: positive(env.UPLOAD_EXPIRY_HOURS, config.UPLOAD_EXPIRY_HOURS),
  };
}
