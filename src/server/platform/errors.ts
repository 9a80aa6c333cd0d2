import { type AppErrorCode, ERROR_CATALOGUE, type ErrorDetail } from '../../shared/errors.ts';

export type { AppErrorCode, ErrorDetail };

/**
 * The only error a service throws on purpose. The HTTP layer maps `code` to a status and to
 * messages in Vietnamese and English through ERROR_CATALOGUE (src/shared/errors.ts).
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: ErrorDetail[] | undefined;
  /** Extra localized explanation appended to the catalogue message (e.g. "until 14:05"). */
  readonly hint: { vi: string; en: string } | undefined;

  constructor(
    code: AppErrorCode,
    opts: { details?: ErrorDetail[]; hint?: { vi: string; en: string }; cause?: unknown } = {},
  ) {
    super(`${code}${opts.hint ? `: ${opts.hint.en}` : ''}`, { cause: opts.cause });
    this.code = code;
    this.details = opts.details;
    this.hint = opts.hint;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }
}

/** Messages for a code in both languages, with the optional hint appended. */
export function messagesFor(code: AppErrorCode, hint?: { vi: string; en: string }): { vi: string; en: string } {
  const base = ERROR_CATALOGUE[code];
  return hint ? { vi: `${base.vi} ${hint.vi}`, en: `${base.en} ${hint.en}` } : { vi: base.vi, en: base.en };
}

/** Throws resource.not_found when the value is missing. */
export function found<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new AppError('resource.not_found');
  return value;
}
