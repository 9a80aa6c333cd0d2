import type pg from 'pg';
import { type Migration, readMigrations } from '../db/migrate.ts';
import { BackupError } from './archive.ts';
import type { Manifest } from './manifest.ts';

/** The archive's migrations (to rebuild its schema) and this code's newer ones (to upgrade after). */
export interface MigrationPlan {
  archived: { migration: Migration; appliedAt: string }[];
  newer: Migration[];
}

/**
 * A backup can be restored by this code only if the migrations applied to its database are
 * a prefix of (or equal to) this code's migrations, file for file (same checksum). An archive
 * made by newer code, or by a branch with other migrations, is refused: its schema cannot be
 * rebuilt from these files.
 */
export function planMigrations(manifest: Manifest, code: Migration[] = readMigrations()): MigrationPlan {
  const archived: MigrationPlan['archived'] = [];
  for (const [i, m] of manifest.migrations.entries()) {
    const mine = code[i];
    if (!mine || mine.version !== m.version || mine.name !== m.name) {
      throw new BackupError(
        `Bản sao lưu có migration ${m.name} mà phiên bản phần mềm này không có: bản sao lưu được tạo bởi phiên bản mới hơn hoặc khác. Hãy khôi phục bằng phiên bản phần mềm đã tạo ra nó (${manifest.appVersion}) hoặc mới hơn.`,
        `The backup has migration ${m.name}, which this version of the software does not have: it was made by a newer or different version. Restore it with the version that made it (${manifest.appVersion}) or a later one.`,
      );
    }
    if (mine.checksum !== m.checksum) {
      throw new BackupError(
        `Migration ${m.name} trong bản sao lưu khác với tệp của phiên bản này (checksum khác nhau).`,
        `Migration ${m.name} in the backup differs from this version's file (checksum mismatch).`,
      );
    }
    archived.push({ migration: mine, appliedAt: m.appliedAt });
  }
  return { archived, newer: code.slice(manifest.migrations.length) };
}

/**
 * The schema_migrations table exactly as platform/db/migrate.ts creates it (keep the two in
 * step), so that the application's own migrate() accepts a restored database.
 */
export async function createMigrationsTable(client: pg.ClientBase): Promise<void> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version int PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now())`);
}

/**
 * Runs one migration on `client`, inside the caller's transaction (migrate() runs each in its
 * own transaction on a pool, which a restore, all in one transaction, cannot use), and records
 * it. `appliedAt` keeps the original date of a migration rebuilt from an archive.
 */
export async function applyMigration(client: pg.ClientBase, m: Migration, appliedAt?: string): Promise<void> {
  try {
    await client.query(m.sql);
  } catch (err) {
    throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`, { cause: err });
  }
  await client.query(
    'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, coalesce($4::timestamptz, now()))',
    [m.version, m.name, m.checksum, appliedAt ?? null],
  );
}
