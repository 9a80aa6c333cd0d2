import fs from 'node:fs';
import { importSchools } from '../../modules/org/org-import.service.ts';
import { systemActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { CliError, type Command, formatTable, positional } from '../command.ts';

export const schoolsImport: Command = {
  name: 'schools:import',
  summary: {
    vi: 'Nhập đơn vị và trường học từ tệp Excel',
    en: 'Import units and schools from an Excel file',
  },
  usage: 'schools:import <file.xlsx> [--dry-run]',
  help: [
    {
      vi: '<file.xlsx>  theo mẫu của "Xuất Excel" (trang "Đơn vị" và/hoặc "Trường học"); có lỗi thì không ghi gì',
      en: '<file.xlsx>  in the format of the Excel export (sheets "Đơn vị" and/or "Trường học"); nothing is written if any row fails',
    },
    { vi: '--dry-run    chỉ kiểm tra và báo cáo, không ghi', en: '--dry-run    check and report only, write nothing' },
  ],
  options: { 'dry-run': { type: 'boolean' } },
  positionals: ['file.xlsx'],
  async run(ctx, args) {
    const file = positional(args, 0, 'file.xlsx');
    let buffer: Buffer;
    try {
      buffer = await fs.promises.readFile(file);
    } catch (err) {
      const why = (err as Error).message;
      throw new CliError(
        { vi: `Không đọc được tệp ${file}: ${why}`, en: `Cannot read ${file}: ${why}` },
        { cause: err },
      );
    }
    const dryRun = args.values['dry-run'] === true;
    const { platform } = await ctx.runtime();
    let report: Awaited<ReturnType<typeof importSchools>>;
    try {
      report = await importSchools(platform, systemActor('cli'), buffer, { dryRun });
    } catch (err) {
      // Some services answer row problems with an error carrying details rather than a report.
      if (err instanceof AppError && err.details?.length) {
        for (const l of formatTable(
          ['Vị trí / Where', 'Lỗi / Error'],
          err.details.map((d) => [d.path, d.message]),
        ))
          ctx.err(l);
      }
      throw err;
    }
    ctx.out(`Tạo mới / Created:       ${report.created}`);
    ctx.out(`Cập nhật / Updated:      ${report.updated}`);
    ctx.out(`Không đổi / Unchanged:   ${report.unchanged}`);
    ctx.out(`Dòng lỗi / Row errors:   ${report.errors.length}`);
    if (report.errors.length) {
      ctx.out();
      const rows = report.errors.map((e) => [String(e.row), e.column, e.message]);
      for (const l of formatTable(['Dòng / Row', 'Cột / Column', 'Lỗi / Error'], rows)) ctx.out(l);
      ctx.out();
      ctx.err('Tệp có dòng lỗi; chưa có dữ liệu nào được ghi. / The file has invalid rows; nothing was written.');
      return 1;
    }
    if (dryRun) ctx.out('Chạy thử: chưa ghi gì. / Dry run: nothing was written.');
    return 0;
  },
};
