/**
 * Display formats fixed by Vietnamese usage (DOMAIN.md, "Vietnamese data facts"): dates as
 * dd/mm/yyyy whatever the UI language, times in Asia/Ho_Chi_Minh, numbers and VND with '.'
 * as the thousands separator. All helpers accept null/undefined and then return ''.
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
