import type { OtpChannel } from '../../../shared/population.schema.ts';
import { AppError } from '../errors.ts';

/**
 * Contact addresses a one-time code can go to, in one canonical form so that "0905 123 456",
 * "+84 905-123-456" and "84905123456" are the same phone, and "An@Mail.VN" is "an@mail.vn".
 */

/** Vietnamese mobile numbers: 10 digits, starting 03, 05, 07, 08 or 09 (national numbering plan since 2018). */
const NATIONAL_MOBILE = /^0[35789]\d{8}$/;

/**
 * A Vietnamese mobile number as `+84` and 9 digits, or undefined. Accepts `0xxxxxxxxx`,
 * `+84xxxxxxxxx`, `84xxxxxxxxx` and the common slip `+840xxxxxxxxx`, with spaces, dots,
 * dashes or parentheses anywhere.
 */
export function normalisePhone(raw: string): string | undefined {
  const compact = raw.trim().replace(/[\s.()-]/g, '');
  let national: string;
  if (/^\+840\d{9}$/.test(compact)) national = compact.slice(3);
  else if (/^\+84\d{9}$/.test(compact)) national = `0${compact.slice(3)}`;
  else if (/^84\d{9}$/.test(compact)) national = `0${compact.slice(2)}`;
  else national = compact;
  return NATIONAL_MOBILE.test(national) ? `+84${national.slice(1)}` : undefined;
}

/** `0905123456` from the canonical `+84905123456`. */
export function nationalPhone(canonical: string): string {
  return canonical.startsWith('+84') ? `0${canonical.slice(3)}` : canonical;
}

// Letters, digits and the usual punctuation of a local part; a domain of labels with a
// 2+ letter top-level label. Deliberately stricter than RFC 5322: a code must reach a person.
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The e-mail address trimmed and lower-cased, or undefined when it is not a plausible address. */
export function normaliseEmail(raw: string): string | undefined {
  const email = raw.trim().normalize('NFC').toLowerCase();
  if (email.length > 254) return undefined;
  const at = email.lastIndexOf('@');
  if (at < 1 || at > 64) return undefined;
  return EMAIL.test(email) ? email : undefined;
}

/** The canonical form of `raw` for `channel`, or undefined when invalid. */
export function normaliseAddress(channel: OtpChannel, raw: string): string | undefined {
  return channel === 'sms' ? normalisePhone(raw) : normaliseEmail(raw);
}

/** Partly hidden, for showing where a code went: `090****456`, `a***@mail.vn`. */
export function maskAddress(channel: OtpChannel, canonical: string): string {
  if (channel === 'sms') {
    const n = nationalPhone(canonical);
    return `${n.slice(0, 3)}****${n.slice(-3)}`;
  }
  const at = canonical.lastIndexOf('@');
  return `${canonical.slice(0, 1)}***${canonical.slice(at)}`;
}

const INVALID = {
  sms: {
    vi: 'Số di động Việt Nam gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09.',
    en: 'A Vietnamese mobile number has 10 digits and starts with 03, 05, 07, 08 or 09.',
  },
  email: { vi: 'Địa chỉ thư điện tử không hợp lệ.', en: 'The e-mail address is not valid.' },
} as const;

/** The canonical address, or request.invalid with a detail on `body.address` in the request's language. */
export function requireAddress(channel: OtpChannel, raw: string, locale: 'vi' | 'en'): string {
  const address = normaliseAddress(channel, raw);
  if (address) return address;
  throw new AppError('request.invalid', { details: [{ path: 'body.address', message: INVALID[channel][locale] }] });
}
