import { describe, expect, it } from 'vitest';
import { formatDateTimeVn, formatDayVn, formatIsoDate } from './processing-format.ts';

describe('Vietnamese date formats', () => {
  it('shows an instant in Vietnam time, crossing midnight UTC', () => {
    expect(formatDateTimeVn(new Date('2026-06-30T17:05:00Z'))).toBe('01/07/2026 00:05');
    expect(formatDayVn('2026-06-30T16:59:00Z')).toBe('30/06/2026');
    expect(formatDayVn(null)).toBe('');
  });

  it('turns an ISO date into dd/mm/yyyy', () => {
    expect(formatIsoDate('2020-02-09')).toBe('09/02/2020');
  });
});
