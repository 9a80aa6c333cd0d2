import { describe, expect, it } from 'vitest';
import { filtersFromParams, paramsFromFilters } from './queue-filter.ts';

describe('queue filters', () => {
  it('keeps only known values from the URL and writes back the set ones', () => {
    const f = filtersFromParams(new URLSearchParams('status=published&level=thpt&subject=Vat-li'));
    expect(f).toEqual({ status: '', level: 'thpt', subject: '' });
    expect(paramsFromFilters(f).toString()).toBe('level=thpt');
  });

  it('round-trips every set filter', () => {
    const f = { status: 'in_review', level: 'thcs', subject: 'khtn' } as const;
    expect(filtersFromParams(paramsFromFilters(f))).toEqual(f);
  });
});
