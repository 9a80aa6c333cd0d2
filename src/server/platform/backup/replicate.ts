import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { S3Storage } from '../files/s3-storage.ts';
import type { Storage } from '../files/storage.ts';
import { BackupError, hashFile } from './archive.ts';
import { type BackupResult, createBackup, defaultBackupName } from './backup.ts';
import { type VerifyResult, verifyBackup } from './verify.ts';

/**
 * Backups on at least two independent media (Thông tư 02/2019/TT-BNV on the archive database):
 * one backup archive is written once and copied to every destination of BACKUP_DESTINATIONS,
 * a comma-separated list of absolute directories (another disk, a mounted NAS) and
 * `s3://bucket/prefix` URLs (an object store, with the S3_* endpoint and keys of the
 * configuration). Each copy is read back and its SHA-256 compared before the command succeeds.
 */
export const Destination = z.union([
  z
    .string()
    .regex(/^\//, 'an absolute directory')
    .transform((dir) => ({ kind: 'dir' as const, dir })),
  z
    .string()
    .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/, 's3://bucket/prefix')
    .transform((u) => {
      const url = new URL(u);
      return { kind: 's3' as const, bucket: url.hostname, prefix: url.pathname.replace(/^\/+|\/+$/g, '') };
    }),
]);
export type Destination = z.output<typeof Destination>;

/** BACKUP_DESTINATIONS parsed; at least two, none twice. */
export function parseDestinations(value: string | undefined): Destination[] {
  const items = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length < 2 || new Set(items).size !== items.length)
    throw new BackupError(
      'BACKUP_DESTINATIONS cần ít nhất hai nơi lưu khác nhau (thư mục tuyệt đối hoặc s3://bucket/thư-mục), cách nhau bởi dấu phẩy.',
      'BACKUP_DESTINATIONS needs at least two different destinations (absolute directories or s3://bucket/prefix), comma-separated.',
    );
  return items.map((s) => {
    const r = Destination.safeParse(s);
    if (!r.success) throw new BackupError(`Nơi lưu không hợp lệ: ${s}`, `Invalid destination: ${s}`);
    return r.data;
  });
}

export const describeDestination = (d: Destination) => (d.kind === 'dir' ? d.dir : `s3://${d.bucket}/${d.prefix}`);

function s3Of(config: Config, bucket: string): Storage {
  if (!config.S3_ACCESS_KEY_ID || !config.S3_SECRET_ACCESS_KEY)
    throw new BackupError(
      'Nơi lưu s3:// cần S3_ACCESS_KEY_ID và S3_SECRET_ACCESS_KEY.',
      's3:// destinations need S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.',
    );
  return new S3Storage({
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    bucket,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}

export interface ReplicatedBackup {
  backup: BackupResult;
  sha256: string;
  copies: { destination: string; location: string }[];
}

/** Writes one backup and copies it to every destination, each copy checked by its SHA-256. */
export async function backupToDestinations(opts: {
  pool: pg.Pool;
  storage: Storage;
  config: Config;
  destinations: Destination[];
  tmpDir: string;
  name?: string;
}): Promise<ReplicatedBackup> {
  const name = opts.name ?? defaultBackupName();
  await fs.promises.mkdir(opts.tmpDir, { recursive: true, mode: 0o700 });
  const local = path.join(opts.tmpDir, name);
  const backup = await createBackup({ pool: opts.pool, storage: opts.storage, out: local, tmpDir: opts.tmpDir });
  try {
    const { sha256 } = await hashFile(local);
    const copies: ReplicatedBackup['copies'] = [];
    for (const d of opts.destinations) {
      if (d.kind === 'dir') {
        await fs.promises.mkdir(d.dir, { recursive: true, mode: 0o700 });
        const target = path.join(d.dir, name);
        await fs.promises.copyFile(local, target, fs.constants.COPYFILE_EXCL);
        if ((await hashFile(target)).sha256 !== sha256)
          throw new BackupError(`Bản sao tại ${target} không khớp.`, `The copy at ${target} does not match.`);
        copies.push({ destination: describeDestination(d), location: target });
      } else {
        const key = d.prefix ? `${d.prefix}/${name}` : name;
        const stored = await s3Of(opts.config, d.bucket).putFile(key, local, 'application/gzip', sha256);
        if (stored.sha256 !== sha256)
          throw new BackupError(
            `Bản sao tại s3://${d.bucket}/${key} không khớp.`,
            `The copy at s3://${d.bucket}/${key} does not match.`,
          );
        copies.push({ destination: describeDestination(d), location: `s3://${d.bucket}/${key}` });
      }
    }
    return { backup: { ...backup, file: name }, sha256, copies };
  } finally {
    await fs.promises.rm(local, { force: true });
  }
}

/** The newest backup archive at a destination (names sort by time), or undefined. */
async function newest(config: Config, d: Destination): Promise<string | undefined> {
  const isArchive = (n: string) => /^giaoducso-\d{8}-\d{6}\.tar\.gz$/.test(n);
  if (d.kind === 'dir') {
    const names = fs.existsSync(d.dir) ? (await fs.promises.readdir(d.dir)).filter(isArchive) : [];
    return names.sort().at(-1);
  }
  const names: string[] = [];
  for await (const key of s3Of(config, d.bucket).list(d.prefix ? `${d.prefix}/` : undefined)) {
    const n = key.split('/').at(-1)!;
    if (isArchive(n)) names.push(n);
  }
  return names.sort().at(-1);
}

/**
 * Proves each destination restores: fetches the named (or newest) backup from every
 * destination and runs verifyBackup on it (a temporary database, every table's digest compared
 * with the manifest).
 */
export async function verifyDestinations(opts: {
  url: string;
  config: Config;
  destinations: Destination[];
  tmpDir: string;
  name?: string;
}): Promise<{ destination: string; file: string | null; result: VerifyResult | null; error: string | null }[]> {
  const out = [];
  await fs.promises.mkdir(opts.tmpDir, { recursive: true, mode: 0o700 });
  for (const d of opts.destinations) {
    const name = opts.name ?? (await newest(opts.config, d));
    if (!name) {
      out.push({
        destination: describeDestination(d),
        file: null,
        result: null,
        error: 'no backup / không có bản sao lưu',
      });
      continue;
    }
    let file = d.kind === 'dir' ? path.join(d.dir, name) : path.join(opts.tmpDir, `s3-${name}`);
    try {
      if (d.kind === 's3') {
        const key = d.prefix ? `${d.prefix}/${name}` : name;
        const body = await s3Of(opts.config, d.bucket).get(key);
        await new Promise<void>((resolve, reject) =>
          body.pipe(fs.createWriteStream(file)).on('finish', resolve).on('error', reject),
        );
      }
      const result = await verifyBackup({ url: opts.url, file, tmpDir: opts.tmpDir });
      out.push({ destination: describeDestination(d), file, result, error: null });
    } catch (err) {
      out.push({ destination: describeDestination(d), file, result: null, error: (err as Error).message });
    } finally {
      if (d.kind === 's3') await fs.promises.rm(file, { force: true });
      file = '';
    }
  }
  return out;
}
