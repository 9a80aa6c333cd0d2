import type { Readable } from 'node:stream';
import type { Config } from '../config.ts';
import { LocalStorage } from './local-storage.ts';
import { S3Storage } from './s3-storage.ts';

/** What was stored: its size and SHA-256 (hex), computed while writing. */
export interface StoredObject {
  key: string;
  size: number;
  sha256: string;
}

/** Bytes `start` to `end`, both included (as in HTTP `Range: bytes=start-end`, RFC 9110 §14.1.2). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where files live: local disk by default, any S3-compatible object store in production.
 * Keys are relative paths such as `org/imports/2026/…`; drivers never trust a key that
 * climbs out of their root.
 */
export interface Storage {
  readonly driver: 'local' | 's3';
  put(key: string, body: Readable | Buffer, contentType?: string): Promise<StoredObject>;
  /** The object, or only the bytes of `range` (the caller has checked it against the size). */
  get(key: string, range?: ByteRange): Promise<Readable>;
  /**
   * Stores a file that is already on local disk (a finished upload). Local disk moves it when
   * it can (same file system), so a 2 GB upload is not copied; S3 sends it. `sha256`, when the
   * caller has just computed it, saves reading the file again.
   */
  putFile(key: string, localPath: string, contentType?: string, sha256?: string): Promise<StoredObject>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Every key under a prefix (for backups and fixity checks). */
  list(prefix?: string): AsyncIterable<string>;
}

export function createStorage(config: Config): Storage {
  if (config.STORAGE_DRIVER === 's3') {
    return new S3Storage({
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      bucket: config.S3_BUCKET!,
      accessKeyId: config.S3_ACCESS_KEY_ID!,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY!,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    });
  }
  return new LocalStorage(config.STORAGE_DIR);
}

export function assertSafeKey(key: string): void {
  if (
    !key ||
    key.startsWith('/') ||
    key.split('/').some((p) => p === '..' || p === '.' || p === '') ||
    key.includes('\\')
  ) {
    throw new Error(`Unsafe storage key: ${key}`);
  }
}
