/*
 * Pure helpers of the report pages: numbers typed the Vietnamese way, days left before a
 * closing date, and percentages. Tested without a browser (report-values.test.ts).
 */

/** The result of reading a typed number: blank, a number, or not a number. */
export type ParsedNumber = { kind: 'empty' } | { kind: 'valid'; value: number } | { kind: 'invalid' };

const VI_NUMBER = /^-?\d{1,3}(\.\d{3})*(,\d+)?$/;
const PLAIN_NUMBER = /^-?\d+([.,]\d+)?$/;

/**
 * Reads a number typed in Vietnamese usage: '.' groups thousands and ',' is the decimal mark
 * (`1.234,5`); a plain `1234.5` or `1234,5` is accepted too (a pasted or English-typed value).
 * `1.234` is one thousand two hundred and thirty-four, as a Vietnamese reader means it.
 */
export function parseViNumber(text: string): ParsedNumber {
  const value = text.trim().replace(/\s/g, '');
  if (value === '') return { kind: 'empty' };
  if (VI_NUMBER.test(value) && (value.includes(',') || /\.\d{3}(?!\d)/.test(value))) {
    const n = Number(value.replaceAll('.', '').replace(',', '.'));
    return Number.isFinite(n) ? { kind: 'valid', value: n } : { kind: 'invalid' };
  }
  if (PLAIN_NUMBER.test(value)) {
    const n = Number(value.replace(',', '.'));
    return Number.isFinite(n) ? { kind: 'valid', value: n } : { kind: 'invalid' };
  }
  return { kind: 'invalid' };
}

const viNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });

/** A number as a Vietnamese reader types it (`1.234,5`); '' for null. */
export function formatViNumber(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '';
  return viNumber.format(value);
}

/** Whole days from `today` to `closes` (both ISO calendar days): 0 on the closing day, negative after. */
export function daysLeft(today: string, closes: string): number {
  const a = Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)));
  const b = Date.UTC(Number(closes.slice(0, 4)), Number(closes.slice(5, 7)) - 1, Number(closes.slice(8, 10)));
  return Math.round((b - a) / 86_400_000);
}

/** Today's calendar day in Vietnam (Asia/Ho_Chi_Minh), ISO. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

const percentFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** `part / whole` as `66,7 %` (vi-VN), '—' when nothing is expected. */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return '—';
  return `${percentFormat.format((part / whole) * 100)} %`;
}
