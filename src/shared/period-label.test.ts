import { describe, expect, it } from 'vitest';
import { periodLabel } from './reports.schema.ts';

describe('periodLabel', () => {
  it('names each period type in Vietnamese', () => {
    expect(periodLabel('six_monthly', '2026-H1')).toBe('6 tháng đầu năm 2026');
    expect(periodLabel('six_monthly', '2026-H2')).toBe('6 tháng cuối năm 2026');
    expect(periodLabel('quarterly', '2026-Q2')).toBe('Quý II/2026');
    expect(periodLabel('quarterly', '2026-Q4')).toBe('Quý IV/2026');
    expect(periodLabel('monthly', '2026-05')).toBe('Tháng 5/2026');
    expect(periodLabel('monthly', '2026-12')).toBe('Tháng 12/2026');
    expect(periodLabel('school_year', '2025-2026')).toBe('Năm học 2025–2026');
    expect(periodLabel('yearly', '2026')).toBe('Năm 2026');
  });

  it('names each period type in English', () => {
    expect(periodLabel('six_monthly', '2026-H1', 'en')).toBe('First half of 2026');
    expect(periodLabel('six_monthly', '2026-H2', 'en')).toBe('Second half of 2026');
    expect(periodLabel('quarterly', '2026-Q2', 'en')).toBe('Q2 2026');
    expect(periodLabel('monthly', '2026-05', 'en-GB')).toBe('May 2026');
    expect(periodLabel('school_year', '2025-2026', 'en')).toBe('School year 2025–2026');
    expect(periodLabel('yearly', '2026', 'en')).toBe('Year 2026');
  });

  it('shows a campaign code, an unknown type or a key that does not fit as it is', () => {
    expect(periodLabel('campaign', 'KS-CDS-2026')).toBe('KS-CDS-2026');
    expect(periodLabel('weekly', '2026-W3')).toBe('2026-W3');
    expect(periodLabel('quarterly', '2026-05')).toBe('2026-05');
    expect(periodLabel('monthly', '2026-13', 'en')).toBe('2026-13');
  });
});
