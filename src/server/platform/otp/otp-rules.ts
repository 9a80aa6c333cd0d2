import { randomInt } from 'node:crypto';
import type { OtpChannel } from '../../../shared/population.schema.ts';
import { AppError } from '../errors.ts';

/**
 * The rules of one-time codes, as data and pure functions. The figures follow common practice
 * for SMS one-time passwords (NIST SP 800-63B §5.1.3: short-lived, rate-limited attempts).
 */
export interface OtpLimits {
  /** A code is valid this long after it is sent. */
  codeTtlSeconds: number;
  /** Verification attempts per code; the next one is refused with otp.too_many. */
  maxAttempts: number;
  /** Codes per phone or e-mail (any purpose) in a sliding window: stops SMS bombing. */
  perAddress: { max: number; windowSeconds: number };
  /** Codes per client address in a sliding window: stops one machine spraying many numbers. */
  perClient: { max: number; windowSeconds: number };
  /** How long a verified contact (the token) is accepted. */
  sessionTtlSeconds: number;
}

export const OTP_LIMITS: OtpLimits = {
  codeTtlSeconds: 5 * 60,
  maxAttempts: 5,
  perAddress: { max: 3, windowSeconds: 10 * 60 },
  perClient: { max: 20, windowSeconds: 60 * 60 },
  sessionTtlSeconds: 60 * 60,
};

/** A uniformly random 6-digit code from the CSPRNG, leading zeros kept. */
export function generateCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** The newest code of an address and purpose, as the database sees it now. */
export interface CodeSnapshot {
  attempts: number;
  used: boolean;
  /** expires_at > now(), evaluated by the database (one clock for every node). */
  live: boolean;
}

export type CodeState = 'missing' | 'used' | 'expired' | 'exhausted' | 'usable';

/** Whether a code can still be tried; the order matters (a used code is not "exhausted"). */
export function codeState(code: CodeSnapshot | undefined, maxAttempts: number): CodeState {
  if (!code) return 'missing';
  if (code.used) return 'used';
  if (code.attempts >= maxAttempts) return 'exhausted';
  if (!code.live) return 'expired';
  return 'usable';
}

/** Throws unless the code can be tried: otp.too_many when its attempts are used up, else otp.invalid. */
export function refuseUnusable(state: CodeState): void {
  if (state === 'usable') return;
  if (state === 'exhausted') {
    throw new AppError('otp.too_many', {
      hint: {
        vi: 'Mã này đã bị khóa sau nhiều lần nhập sai; hãy yêu cầu mã mới.',
        en: 'This code is locked after repeated wrong entries; ask for a new one.',
      },
    });
  }
  throw new AppError('otp.invalid');
}

/** Attempts left after `attempts` were counted. */
export function attemptsLeft(attempts: number, maxAttempts: number): number {
  return Math.max(0, maxAttempts - attempts);
}

/**
 * The message carrying a code. SMS without diacritics: GSM-7 fits 160 characters per message,
 * Unicode only 70, and Vietnamese brand-name SMS are customarily unaccented.
 */
export function codeMessage(channel: OtpChannel, code: string, ttlSeconds: number): string {
  const minutes = Math.round(ttlSeconds / 60);
  if (channel === 'sms') {
    return `Ma xac thuc giaoducso: ${code}. Hieu luc ${minutes} phut. Khong chia se ma nay cho bat ky ai.`;
  }
  return (
    `Mã xác thực của bạn trên cổng tuyển sinh giaoducso là ${code}. Mã có hiệu lực ${minutes} phút.\n` +
    'Không chia sẻ mã này cho bất kỳ ai, kể cả người tự xưng là cán bộ nhà trường.\n\n' +
    `Your giaoducso verification code is ${code}. It is valid for ${minutes} minutes. Do not share it.`
  );
}
