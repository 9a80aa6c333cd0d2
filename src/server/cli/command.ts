import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import type { Config } from '../platform/config.ts';
import type { Runtime } from '../runtime.ts';

/** A message in Vietnamese (first, the operators' language) and English. */
export interface Text {
  vi: string;
  en: string;
}

/** Wrong command line: exit code 2, followed by the command's usage. */
export class UsageError extends Error {
  readonly text: Text;
  constructor(text: Text) {
    super(`${text.vi}\n${text.en}`);
    this.text = text;
  }
}

/** A command that could not do its job for a reason the operator can act on: exit code 1. */
export class CliError extends Error {
  readonly text: Text;
  constructor(text: Text, opts: { cause?: unknown } = {}) {
    super(`${text.vi}\n${text.en}`, opts);
    this.text = text;
  }
}

/** What a command gets: output, configuration, and the runtime (opened on first use). */
export interface CliContext {
  config: Config;
  out(line?: string): void;
  err(line?: string): void;
  /** Opens the database (embedded or DATABASE_URL) and applies migrations; no demo data. */
  /**
   * The runtime, opened on first use. With the embedded database it attaches to a running
   * `npm start` when there is one, unless `exclusive` (restore must have the database alone).
   */
  runtime(opts?: { exclusive?: boolean }): Promise<Runtime>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface Command {
  name: string;
  summary: Text;
  /** One line, after `npm run cli --`. */
  usage: string;
  /** Option and argument descriptions, one per line. */
  help: Text[];
  options: ParseArgsOptionsConfig;
  positionals: string[];
  run(ctx: CliContext, args: ParsedArgs): Promise<number>;
}

/**
 * Parses a command's arguments strictly (unknown options and missing values are usage
 * errors) with node:util parseArgs, whose messages are English only: they are wrapped.
 */
export function parseCommandArgs(cmd: Command, argv: string[]): ParsedArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: cmd.options, allowPositionals: true, strict: true });
  } catch (err) {
    const why = (err as Error).message;
    throw new UsageError({ vi: `Tham số không hợp lệ: ${why}`, en: `Invalid arguments: ${why}` });
  }
  if (parsed.positionals.length > cmd.positionals.length) {
    const extra = parsed.positionals.slice(cmd.positionals.length).join(' ');
    throw new UsageError({ vi: `Thừa tham số: ${extra}`, en: `Unexpected arguments: ${extra}` });
  }
  return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
}

/** The value of `--name`, or a usage error naming the missing option. */
export function required(args: ParsedArgs, name: string): string {
  const v = args.values[name];
  if (typeof v !== 'string' || v.trim() === '') {
    throw new UsageError({ vi: `Thiếu tham số --${name}.`, en: `Missing option --${name}.` });
  }
  return v;
}

/** The n-th positional argument, or a usage error naming it. */
export function positional(args: ParsedArgs, index: number, label: string): string {
  const v = args.positionals[index];
  if (!v) throw new UsageError({ vi: `Thiếu tham số <${label}>.`, en: `Missing argument <${label}>.` });
  return v;
}

/** `12.3 MB`. */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

/** A plain-text table: columns padded to their widest cell. */
export function formatTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
