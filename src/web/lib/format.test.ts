import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatDateTime, formatNumber, formatVnd } from './format.ts';

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
