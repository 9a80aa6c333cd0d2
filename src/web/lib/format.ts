/**
 * Display formats fixed by Vietnamese usage (DOMAIN.md, "Vietnamese data facts"): dates as
 * dd/mm/yyyy whatever the UI language, times in Asia/Ho_Chi_Minh, numbers and VND with '.'
 * as the thousands separator. The format helpers accept null/undefined and then return '';
 * parseDate reads a date typed day first (the DateInput component) back into ISO.
 */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const numberFormat = new Intl.NumberFormat('vi-VN');
const vndFormat = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' });

type Value = string | Date | null | undefined;

function partsOf(value: string | Date): Record<string, string> | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  const parts: Record<string, string> = {};
  for (const p of dateTimeParts.formatToParts(date)) parts[p.type] = p.value;
  return parts;
}

/**
 * Formats an ISO date (`2025-07-01`) or a timestamp as `dd/mm/yyyy`. A plain ISO date is a
 * calendar day and is never shifted by time zone; a timestamp is read in Asia/Ho_Chi_Minh.
 */
export function formatDate(value: Value): string {
  if (value == null || value === '') return '';
  if (typeof value === 'string') {
    const m = ISO_DATE.exec(value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const p = partsOf(value);
  return p ? `${p.day}/${p.month}/${p.year}` : '';
}

/** The outcome of reading a typed date: blank, a valid calendar day, or why it is not one. */
export type ParsedDate =
  | { kind: 'empty' }
  | { kind: 'valid'; iso: string }
  | { kind: 'invalid'; reason: 'format' | 'impossible' };

/** Day, month and year separated by `/`, `.`, `-` or a space (the same one twice). */
const TYPED_DATE = /^(\d{1,2})\s*([/.\- ])\s*(\d{1,2})\s*\2\s*(\d{4})$/;
/** `ddmmyyyy` without separators: phone number pads (iOS) have no `/`. */
const COMPACT_DATE = /^(\d{2})(\d{2})(\d{4})$/;

/**
 * Reads a date typed the Vietnamese way, day first: `d/m/yyyy` or `dd/mm/yyyy` with `/`, `.`,
 * `-` or a space between the parts, or `ddmmyyyy`; a pasted ISO `yyyy-mm-dd` is accepted too.
 * A valid date is returned as the ISO `yyyy-mm-dd` the API expects; `31/02/2026` is
 * `impossible` (well formed, but no such day), `2026/31/01` or `1/7/25` are `format` errors.
 */
export function parseDate(text: string): ParsedDate {
  const value = text.trim();
  if (value === '') return { kind: 'empty' };
  const parts = typedParts(value);
  if (!parts) return { kind: 'invalid', reason: 'format' };
  const [day, month, year] = parts;
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (y < 1000 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return { kind: 'invalid', reason: 'impossible' };
  return { kind: 'valid', iso: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` };
}

/** `[day, month, year]` as typed, or null when the text has none of the accepted shapes. */
function typedParts(value: string): [string, string, string] | null {
  let m = TYPED_DATE.exec(value);
  if (m) return [m[1] as string, m[3] as string, m[4] as string];
  m = COMPACT_DATE.exec(value);
  if (m) return [m[1] as string, m[2] as string, m[3] as string];
  m = ISO_DATE.exec(value);
  if (m) return [m[3] as string, m[2] as string, m[1] as string];
  return null;
}

/** Days in a month of the Gregorian calendar (February has 29 in leap years). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Formats a timestamp as `dd/mm/yyyy HH:mm` in Asia/Ho_Chi_Minh (24-hour clock). */
export function formatDateTime(value: Value): string {
  if (value == null || value === '') return '';
  const p = partsOf(value);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : '';
}

/** A validity period `dd/mm/yyyy – dd/mm/yyyy`; an open end shows as `…`. */
export function formatDateRange(from: Value, to: Value): string {
  if (!from && !to) return '';
  return `${formatDate(from) || '…'} – ${formatDate(to) || '…'}`;
}

/** `1234567.5` → `1.234.567,5` (vi-VN grouping). */
export function formatNumber(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '';
  return numberFormat.format(value);
}

/** `1234567` → `1.234.567 ₫` (a no-break space keeps the symbol on the same line). */
export function formatVnd(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '';
  return vndFormat.format(value);
}
