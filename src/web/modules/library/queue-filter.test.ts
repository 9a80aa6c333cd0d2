import { describe, expect, it } from 'vitest';
import type { ResourceSummary } from './library-api.ts';
import { applyFilters, countsBy, filtersFromParams, paramsFromFilters } from './queue-filter.ts';

const item = (id: string, status: string, levels: string[], subjects: string[]) =>
  ({ id, status, levels, subjects }) as unknown as ResourceSummary;
const queue = [
  item('a', 'submitted', ['thpt'], ['vat_li']),
  item('b', 'in_review', ['thpt'], ['vat_li', 'toan']),
  item('c', 'submitted', ['thcs'], ['khtn']),
];

describe('queue filters', () => {
  it('keeps only known values from the URL and writes back the set ones', () => {
    const f = filtersFromParams(new URLSearchParams('status=published&level=thpt&subject=Vat-li'));
    expect(f).toEqual({ status: '', level: 'thpt', subject: '' });
    expect(paramsFromFilters(f).toString()).toBe('level=thpt');
  });

  it('filters by status, level and subject', () => {
    const f = { status: 'submitted', level: 'thpt', subject: '' } as const;
    expect(applyFilters(queue, f).map((r) => r.id)).toEqual(['a']);
  });

  it('counts each value with the other filters applied', () => {
    const f = { status: 'submitted', level: 'thpt', subject: '' } as const;
    expect(Object.fromEntries(countsBy(queue, f, 'status'))).toEqual({ submitted: 1, in_review: 1 });
    expect(Object.fromEntries(countsBy(queue, f, 'level'))).toEqual({ thpt: 1, thcs: 1 });
    expect(Object.fromEntries(countsBy(queue, f, 'subject'))).toEqual({ vat_li: 1 });
  });
});
