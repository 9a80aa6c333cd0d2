import pino from 'pino';
import { type CliContext, CliError, type Command, parseCommandArgs, UsageError } from './cli/command.ts';
import { backup, backupVerify, restore } from './cli/commands/backup.ts';
import { migrate } from './cli/commands/migrate.ts';
import { schoolsImport } from './cli/commands/schools.ts';
import { userCreate, userResetPassword } from './cli/commands/users.ts';
import { backupReplicate, backupReplicateVerify } from './modules/archive/archive-backup.command.ts';
import { BackupError } from './platform/backup/archive.ts';
import { type Config, ConfigError, loadConfig } from './platform/config.ts';
import { DataDirLockedError } from './platform/db/embedded.ts';
import { AppError, messagesFor } from './platform/errors.ts';
import type { Logger } from './platform/logger.ts';
import { openRuntime, type Runtime } from './runtime.ts';

/**
 * `npm run cli -- <command>`: operator tasks on the configured database (DATABASE_URL, or the
 * embedded PostgreSQL under DATA_DIR — that of a running `npm start` when there is one).
 * Exit codes: 0 done, 1 failed, 2 wrong usage or configuration.
 */
const COMMANDS: Command[] = [
  userCreate,
  userResetPassword,
  schoolsImport,
  backup,
  restore,
  backupVerify,
  backupReplicate,
  backupReplicateVerify,
  migrate,
];

const out = (line = '') => process.stdout.write(`${line}\n`);
const err = (line = '') => process.stderr.write(`${line}\n`);

function printHelp(): void {
  out('giaoducso — công cụ dòng lệnh / command-line tool');
  out();
  out('Cách dùng / Usage:  npm run cli -- <lệnh/command> [tham số/options]');
  out();
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  for (const c of COMMANDS) out(`  ${c.name.padEnd(width)}  ${c.summary.vi} / ${c.summary.en}`);
  out(`  ${'help'.padEnd(width)}  Danh sách lệnh / This list`);
  out();
  out('Chi tiết từng lệnh / Details:  npm run cli -- <lệnh/command> --help');
}

function printUsage(c: Command, to: (l?: string) => void = out): void {
  to(`${c.summary.vi} / ${c.summary.en}`);
  to();
  to(`Cách dùng / Usage:  npm run cli -- ${c.usage}`);
  if (c.help.length) to();
  for (const h of c.help) to(`  ${h.vi}\n  ${h.en}`);
}

/** Logs go to stderr (stdout carries the command's result), from warn unless LOG_LEVEL says otherwise. */
function cliLogger(): Logger {
  const asked = process.env.LOG_LEVEL ?? '';
  const level = asked in pino.levels.values || asked === 'silent' ? (asked as pino.LevelWithSilent) : 'warn';
  return pino({ level }, process.stderr);
}

function printError(e: unknown): number {
  if (e instanceof UsageError || e instanceof CliError || e instanceof BackupError || e instanceof DataDirLockedError) {
    err(e.message);
    if (e instanceof DataDirLockedError) {
      err('Lệnh này cần dùng riêng cơ sở dữ liệu: hãy dừng máy chủ (`npm start`) trước.');
      err('This command needs the database to itself: stop the server (`npm start`) first.');
    }
    return e instanceof UsageError ? 2 : 1;
  }
  if (e instanceof AppError) {
    const m = messagesFor(e.code, e.hint);
    err(`${m.vi}\n${m.en}`);
    for (const d of e.details ?? []) err(`  ${d.path}: ${d.message}`);
    return 1;
  }
  err('Lỗi không mong đợi / Unexpected error:');
  err(e instanceof Error ? (e.stack ?? e.message) : String(e));
  return 1;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const c = COMMANDS.find((x) => x.name === rest[0]);
    if (c) printUsage(c);
    else printHelp();
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    err(`Không có lệnh "${name}". / Unknown command "${name}".`);
    err('Xem / See:  npm run cli -- help');
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    printUsage(command);
    return 0;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    err(e.message);
    return 2;
  }
  const log = cliLogger();
  let runtime: Runtime | undefined;
  const ctx: CliContext = {
    config,
    out,
    err,
    runtime: async (opts) => {
      try {
        runtime ??= await openRuntime(config, log, { demo: false, attach: !opts?.exclusive });
      } catch (e) {
        if (e instanceof DataDirLockedError) throw e;
        const why = e instanceof Error ? e.message : String(e);
        throw new CliError(
          { vi: `Không mở được cơ sở dữ liệu: ${why}`, en: `Could not open the database: ${why}` },
          { cause: e },
        );
      }
      return runtime;
    },
  };
  try {
    return await command.run(ctx, parseCommandArgs(command, rest));
  } catch (e) {
    const code = printError(e);
    if (e instanceof UsageError) {
      err();
      printUsage(command, err);
    }
    return code;
  } finally {
    await runtime?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
