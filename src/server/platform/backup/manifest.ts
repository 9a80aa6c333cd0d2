import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { assertSafeKey } from '../files/storage.ts';

/**
 * `manifest.json`, the first entry of a giaoducso backup archive. It describes everything
 * else in the archive, so a restore can check the archive completely before it touches the
 * database. Bump FORMAT_VERSION on any incompatible change and keep reading older ones.
 */
export const FORMAT_VERSION = 1;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
// Table names become file names inside the archive: accept plain identifiers only.
const TableName = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/);

export const Manifest = z.object({
  format: z.literal('giaoducso-backup'),
  formatVersion: z.literal(FORMAT_VERSION),
  appVersion: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  postgres: z.object({ version: z.string(), versionNum: z.number().int() }),
  /** schema_migrations at the time of the backup, in order. */
  migrations: z.array(
    z.object({ version: z.number().int(), name: z.string(), checksum: z.string(), appliedAt: z.string() }),
  ),
  tables: z.array(
    z.object({
      name: TableName,
      /** Stored columns in the order of the data file (generated columns are not stored). */
      columns: z.array(z.object({ name: z.string(), type: z.string() })),
      orderBy: z.array(z.string()),
      rows: z.number().int().min(0),
      /** SHA-256 of `tables/<name>.copy` (COPY text format). */
      sha256: Sha256,
      /** Content digest (catalog.ts tableDigest), compared after a test restore. */
      digest: z.string(),
    }),
  ),
  /** Sequence positions (pg_sequences.last_value; null when never used). */
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string().nullable() })),
  files: z.array(
    z.object({
      key: z.string().refine((k) => {
        try {
          assertSafeKey(k);
          return true;
        } catch {
          return false;
        }
      }, 'unsafe storage key'),
      size: z.number().int().min(0),
      sha256: Sha256,
    }),
  ),
});
export type Manifest = z.infer<typeof Manifest>;

/** Where a table's rows live inside the archive. */
export const tableEntry = (table: string): string => `tables/${table}.copy`;
/** Where a stored file lives inside the archive. */
export const fileEntry = (key: string): string => `files/${key}`;

/** The version in package.json, recorded in every manifest. */
export function appVersion(): string {
  const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../package.json');
  try {
    return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
