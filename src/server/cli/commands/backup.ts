import path from 'node:path';
import { openArchive } from '../../platform/backup/archive.ts';
import { createBackup, defaultBackupName } from '../../platform/backup/backup.ts';
import { restoreBackup } from '../../platform/backup/restore.ts';
import { verifyBackup } from '../../platform/backup/verify.ts';
import { type Command, formatBytes, formatTable, positional, UsageError } from '../command.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export const backup: Command = {
  name: 'backup',
  summary: {
    vi: 'Sao lưu cơ sở dữ liệu và tệp vào một tệp .tar.gz',
    en: 'Back up the database and files into one .tar.gz',
  },
  usage: 'backup [--out <file.tar.gz>]',
  help: [
    {
      vi: '--out  tệp đích (mặc định DATA_DIR/backups/giaoducso-<ngày-giờ>.tar.gz); ứng dụng có thể tiếp tục chạy',
      en: '--out  target file (default DATA_DIR/backups/giaoducso-<date-time>.tar.gz); the application may keep running',
    },
  ],
  options: { out: { type: 'string' } },
  positionals: [],
  async run(ctx, args) {
    const out =
      typeof args.values.out === 'string'
        ? args.values.out
        : path.join(ctx.config.DATA_DIR, 'backups', defaultBackupName());
    const { platform, database } = await ctx.runtime();
    const r = await createBackup({ pool: database.pool, storage: platform.storage, out });
    const rows = r.manifest.tables.reduce((n, t) => n + t.rows, 0);
    ctx.out(`Đã sao lưu / Backup written:  ${r.file}`);
    ctx.out(`  ${r.manifest.tables.length} bảng / tables, ${rows} dòng / rows, ${r.manifest.files.length} tệp / files`);
    ctx.out(`  ${formatBytes(r.bytes)}, ${seconds(r.ms)}`);
    ctx.out(
      '  Tệp chứa dữ liệu cá nhân và mã băm mật khẩu: hãy cất giữ an toàn. / It holds personal data and password hashes: keep it safe.',
    );
    return 0;
  },
};

export const restore: Command = {
  name: 'restore',
  summary: { vi: 'Khôi phục từ bản sao lưu (thay thế TOÀN BỘ dữ liệu)', en: 'Restore a backup (replaces ALL data)' },
  usage: 'restore <file.tar.gz> --yes',
  help: [
    {
      vi: '--yes  xác nhận: mọi dữ liệu hiện có trong cơ sở dữ liệu bị xóa và thay bằng bản sao lưu',
      en: '--yes  confirms that all data now in the database is deleted and replaced by the backup',
    },
    { vi: 'Hãy dừng ứng dụng trước khi khôi phục.', en: 'Stop the application before restoring.' },
  ],
  options: { yes: { type: 'boolean' } },
  positionals: ['file.tar.gz'],
  async run(ctx, args) {
    const file = positional(args, 0, 'file.tar.gz');
    if (args.values.yes !== true) {
      // Check the archive anyway, so the operator sees what --yes would restore.
      const archive = await openArchive(file, path.join(ctx.config.DATA_DIR, 'tmp'));
      const m = archive.manifest;
      await archive.dispose();
      ctx.err(
        `Bản sao lưu hợp lệ / Archive OK: ${m.createdAt}, giaoducso ${m.appVersion}, ${m.tables.length} bảng / tables, ${m.files.length} tệp / files`,
      );
      throw new UsageError({
        vi: 'Khôi phục sẽ XÓA TOÀN BỘ dữ liệu hiện có và thay bằng bản sao lưu. Thêm --yes để xác nhận.',
        en: 'Restoring DELETES ALL current data and replaces it with the backup. Add --yes to confirm.',
      });
    }
    const { platform, database } = await ctx.runtime({ exclusive: true });
    const r = await restoreBackup({
      pool: database.pool,
      storage: platform.storage,
      file,
      tmpDir: path.join(ctx.config.DATA_DIR, 'tmp'),
    });
    const rows = r.manifest.tables.reduce((n, t) => n + t.rows, 0);
    ctx.out(`Đã khôi phục / Restored:  ${path.resolve(file)} (${r.manifest.createdAt})`);
    ctx.out(
      `  ${r.manifest.tables.length} bảng / tables, ${rows} dòng / rows, ${r.files} tệp / files, ${seconds(r.ms)}`,
    );
    if (r.upgraded.length) ctx.out(`  Đã nâng cấp / Upgraded with:  ${r.upgraded.join(', ')}`);
    return 0;
  },
};

export const backupVerify: Command = {
  name: 'backup:verify',
  summary: {
    vi: 'Kiểm tra bản sao lưu bằng cách khôi phục thử vào cơ sở dữ liệu tạm',
    en: 'Check a backup by restoring it into a temporary database',
  },
  usage: 'backup:verify <file.tar.gz>',
  help: [
    {
      vi: 'Tạo gds_verify_<ngẫu nhiên> trên cùng máy chủ (cần quyền CREATEDB), so sánh số dòng và mã băm từng bảng, rồi xóa.',
      en: 'Creates gds_verify_<random> on the same server (needs CREATEDB), compares row counts and digests per table, drops it.',
    },
  ],
  options: {},
  positionals: ['file.tar.gz'],
  async run(ctx, args) {
    const file = positional(args, 0, 'file.tar.gz');
    const runtime = await ctx.runtime();
    const url = runtime.url;
    const r = await verifyBackup({ url, file, tmpDir: path.join(ctx.config.DATA_DIR, 'tmp') });
    const rows = r.tables.map((t) => [t.name, String(t.expectedRows), String(t.rows), t.ok ? 'OK' : 'SAI / MISMATCH']);
    for (const l of formatTable(['Bảng / Table', 'Sao lưu / Backup', 'Khôi phục / Restored', ''], rows)) ctx.out(l);
    ctx.out();
    if (r.ok) {
      ctx.out(
        `OK: bản sao lưu khôi phục đầy đủ và khớp. / OK: the backup restores completely and matches. (${seconds(r.ms)})`,
      );
      return 0;
    }
    ctx.err('SAI: dữ liệu khôi phục không khớp bản sao lưu. / MISMATCH: the restored data does not match the backup.');
    return 1;
  },
};
