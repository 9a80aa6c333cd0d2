import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatDateTime, formatNumber, formatVnd, parseDate } from './format.ts';

describe('formatDate', () => {
  it('shows an ISO calendar date as dd/mm/yyyy without shifting the day', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate('1989-12-31')).toBe('31/12/1989');
  });

  it('reads a timestamp in Asia/Ho_Chi_Minh, so late UTC evenings fall on the next day', () => {
    expect(formatDate('2025-06-30T18:30:00Z')).toBe('01/07/2025');
  });

  it('returns an empty string for missing or invalid values', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('not a date')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows dd/mm/yyyy HH:mm on a 24-hour clock in Vietnam time (UTC+7)', () => {
    expect(formatDateTime('2025-07-01T02:05:00Z')).toBe('01/07/2025 09:05');
    expect(formatDateTime('2025-12-31T16:59:00.000Z')).toBe('31/12/2025 23:59');
    expect(formatDateTime(new Date('2026-01-01T00:00:00+07:00'))).toBe('01/01/2026 00:00');
  });

  it('returns an empty string for null', () => {
    expect(formatDateTime(null)).toBe('');
  });
});

describe('formatDateRange', () => {
  it('joins both ends with an en dash', () => {
    expect(formatDateRange('1989-07-01', '2025-06-30')).toBe('01/07/1989 – 30/06/2025');
  });

  it('marks an open end with an ellipsis and returns empty when both are missing', () => {
    expect(formatDateRange('2025-07-01', null)).toBe('01/07/2025 – …');
    expect(formatDateRange(null, null)).toBe('');
  });
});

describe('formatNumber', () => {
  it('groups thousands with dots and uses a comma for decimals', () => {
    expect(formatNumber(2161755)).toBe('2.161.755');
    expect(formatNumber(14832.55)).toBe('14.832,55');
    expect(formatNumber(0)).toBe('0');
  });

  it('returns an empty string for null and NaN', () => {
    expect(formatNumber(null)).toBe('');
    expect(formatNumber(Number.NaN)).toBe('');
  });
});

describe('formatVnd', () => {
  it('shows đồng with dot separators and the ₫ sign after a no-break space', () => {
    expect(formatVnd(1234567)).toBe('1.234.567\u00a0₫');
    expect(formatVnd(500000000)).toBe('500.000.000\u00a0₫');
  });

  it('rounds to whole đồng, which has no minor unit', () => {
    expect(formatVnd(1999.6)).toBe('2.000\u00a0₫');
  });
});

describe('parseDate', () => {
  const valid = (iso: string) => ({ kind: 'valid', iso });

  it('reads dd/mm/yyyy and d/m/yyyy day first, into the ISO date the API expects', () => {
    expect(parseDate('01/07/2025')).toEqual(valid('2025-07-01'));
    expect(parseDate('1/7/2025')).toEqual(valid('2025-07-01'));
    expect(parseDate('31/12/1989')).toEqual(valid('1989-12-31'));
    expect(parseDate('05/1/2026')).toEqual(valid('2026-01-05'));
  });

  it('accepts dots, hyphens or spaces as separators, and surrounding blanks', () => {
    expect(parseDate('1.7.2025')).toEqual(valid('2025-07-01'));
    expect(parseDate('01-07-2025')).toEqual(valid('2025-07-01'));
    expect(parseDate('01 07 2025')).toEqual(valid('2025-07-01'));
    expect(parseDate('  01 / 07 / 2025 ')).toEqual(valid('2025-07-01'));
  });

  it('accepts ddmmyyyy typed on a number pad without separators, and a pasted ISO date', () => {
    expect(parseDate('01072025')).toEqual(valid('2025-07-01'));
    expect(parseDate('2025-07-01')).toEqual(valid('2025-07-01'));
  });

  it('knows month lengths and leap years', () => {
    expect(parseDate('29/02/2024')).toEqual(valid('2024-02-29'));
    expect(parseDate('29/02/2000')).toEqual(valid('2000-02-29'));
    expect(parseDate('30/04/2026')).toEqual(valid('2026-04-30'));
    const impossible = { kind: 'invalid', reason: 'impossible' };
    expect(parseDate('31/02/2026')).toEqual(impossible);
    expect(parseDate('29/02/2026')).toEqual(impossible);
    expect(parseDate('29/02/1900')).toEqual(impossible);
    expect(parseDate('31/04/2026')).toEqual(impossible);
    expect(parseDate('00/01/2026')).toEqual(impossible);
    expect(parseDate('12/13/2026')).toEqual(impossible);
    expect(parseDate('2026-02-30')).toEqual(impossible);
  });

  it('rejects other shapes as a format error and reads blank as empty', () => {
    const format = { kind: 'invalid', reason: 'format' };
    for (const text of ['1/7/25', '2025/07/01', '01/07-2025', '1/7/2025/1', '0107202', 'hôm nay', '01/07/2025 10:00']) {
      expect(parseDate(text), text).toEqual(format);
    }
    expect(parseDate('')).toEqual({ kind: 'empty' });
    expect(parseDate('   ')).toEqual({ kind: 'empty' });
  });

  it('round-trips with formatDate', () => {
    const parsed = parseDate('1.7.2025');
    expect(parsed.kind === 'valid' && formatDate(parsed.iso)).toBe('01/07/2025');
  });
});
