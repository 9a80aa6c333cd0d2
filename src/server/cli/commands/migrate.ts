import { sql } from 'kysely';
import type { Command } from '../command.ts';

export const migrate: Command = {
  name: 'migrate',
  summary: { vi: 'Áp dụng các migration còn thiếu', en: 'Apply pending migrations' },
  usage: 'migrate',
  help: [
    {
      vi: 'Máy chủ cũng tự làm việc này khi khởi động; lệnh này cho phép làm trước, ví dụ trước khi nâng cấp nhiều máy.',
      en: 'The server also does this at start-up; this lets you do it ahead, e.g. before upgrading several nodes.',
    },
  ],
  options: {},
  positionals: [],
  async run(ctx) {
    // Opening the runtime is what migrates (runtime.ts → migrate()), under its advisory lock.
    const { platform, applied } = await ctx.runtime();
    const { rows } = await sql<{ n: number; latest: string | null }>`
      SELECT count(*)::int AS n, max(name) AS latest FROM schema_migrations`.execute(platform.db);
    if (applied.length) {
      ctx.out('Đã áp dụng / Applied:');
      for (const name of applied) ctx.out(`  ${name}`);
    } else {
      ctx.out('Không có migration mới. / No pending migrations.');
    }
    ctx.out(`Lược đồ hiện tại / Current schema:  ${rows[0]?.latest ?? '-'} (${rows[0]?.n ?? 0} migration)`);
    return 0;
  },
};
