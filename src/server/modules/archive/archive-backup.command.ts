import path from 'node:path';
import type { Command } from '../../cli/command.ts';
import { systemActor } from '../../platform/actor.ts';
import { backupToDestinations, parseDestinations, verifyDestinations } from '../../platform/backup/replicate.ts';
import type { Platform } from '../../platform/platform.ts';
import { markBackupStatus } from './files.repository.ts';

/** Records the archive files' backup status after a replicated backup or its verification, audited. */
async function recordBackupStatus(p: Platform, status: 'backed_up' | 'verified', detail: Record<string, unknown>) {
  await p.db.transaction().execute(async (trx) => {
    const n = await markBackupStatus(trx, status);
    await p.audit.record(trx, systemActor('backup'), {
      action: `archive.backup.${status}`,
      entityType: 'archive_files',
      entityId: null,
      after: { ...detail, files: n },
    });
  });
}

/**
 * `backup:replicate`: one backup written to every destination of BACKUP_DESTINATIONS (at least
 * two independent media, Thông tư 02/2019/TT-BNV); the archive files are then marked backed up.
 */
export const backupReplicate: Command = {
  name: 'backup:replicate',
  summary: {
    vi: 'Sao lưu một lần vào mọi nơi lưu của BACKUP_DESTINATIONS (ít nhất hai)',
    en: 'Back up once into every destination of BACKUP_DESTINATIONS (at least two)',
  },
  usage: 'backup:replicate',
  help: [
    {
      vi: 'BACKUP_DESTINATIONS: các thư mục tuyệt đối hoặc s3://bucket/thư-mục, cách nhau bởi dấu phẩy',
      en: 'BACKUP_DESTINATIONS: absolute directories or s3://bucket/prefix, comma-separated',
    },
  ],
  options: {},
  positionals: [],
  async run(ctx) {
    const destinations = parseDestinations(ctx.config.BACKUP_DESTINATIONS);
    const { platform, database } = await ctx.runtime();
    const r = await backupToDestinations({
      pool: database.pool,
      storage: platform.storage,
      config: ctx.config,
      destinations,
      tmpDir: path.join(ctx.config.DATA_DIR, 'tmp'),
    });
    for (const c of r.copies) ctx.out(`Đã ghi / Written: ${c.location}`);
    ctx.out(`  SHA-256 ${r.sha256}`);
    await recordBackupStatus(platform, 'backed_up', { name: r.backup.file, sha256: r.sha256, copies: r.copies.length });
    return 0;
  },
};

/** `backup:replicate-verify`: restores the newest (or named) backup of every destination into a temporary database and compares. */
export const backupReplicateVerify: Command = {
  name: 'backup:replicate-verify',
  summary: {
    vi: 'Kiểm tra bản sao lưu ở mọi nơi lưu khôi phục được',
    en: 'Prove the backup at every destination restores',
  },
  usage: 'backup:replicate-verify [--name <giaoducso-….tar.gz>]',
  help: [
    {
      vi: '--name  bản sao lưu cần kiểm tra (mặc định: mới nhất)',
      en: '--name  the backup to check (default: the newest)',
    },
  ],
  options: { name: { type: 'string' } },
  positionals: [],
  async run(ctx, args) {
    const destinations = parseDestinations(ctx.config.BACKUP_DESTINATIONS);
    const runtime = await ctx.runtime();
    const results = await verifyDestinations({
      url: runtime.url,
      config: ctx.config,
      destinations,
      tmpDir: path.join(ctx.config.DATA_DIR, 'tmp'),
      ...(typeof args.values.name === 'string' ? { name: args.values.name } : {}),
    });
    for (const r of results) {
      const ok = r.result?.ok === true;
      ctx.out(`${ok ? 'ĐẠT / OK  ' : 'LỖI / FAIL'} ${r.destination} ${r.file ?? ''} ${r.error ?? ''}`.trim());
    }
    const allOk = results.every((r) => r.result?.ok === true);
    if (allOk) await recordBackupStatus(runtime.platform, 'verified', { destinations: results.length });
    return allOk ? 0 : 1;
  },
};
