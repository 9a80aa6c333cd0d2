import { describe, expect, it } from 'vitest';
import { filtersFromParams, hasFilters, paramsFromFilters, toApiQuery } from './queue-params.ts';

const SCHOOL = '0b6f4a5e-1c2d-4e3f-8a9b-0c1d2e3f4a5b';

describe('queue filters in the URL', () => {
  it('reads every filter and writes the same URL back', () => {
    const url = `state=in_review&school=${SCHOOL}&overdue=1&priority=LS&registry=nomatch&q=vo+minh&page=3`;
    const filters = filtersFromParams(new URLSearchParams(url));
    expect(filters).toEqual({
      state: 'in_review',
      schoolId: SCHOOL,
      overdue: true,
      priorityGroup: 'LS',
      registryMatch: false,
      q: 'vo minh',
      page: 3,
    });
    expect(paramsFromFilters(filters).toString()).toBe(url);
  });

  it('ignores values the API would refuse instead of sending them', () => {
    const filters = filtersFromParams(
      new URLSearchParams('state=draft&school=x&priority=lower&registry=maybe&overdue=yes&page=-2&q=%20%20'),
    );
    expect(filters).toEqual({ page: 1 });
    expect(hasFilters(filters)).toBe(false);
  });

  it('maps to the API names, with booleans as strings and the page size only when paging', () => {
    const filters = filtersFromParams(new URLSearchParams(`registry=match&overdue=1&school=${SCHOOL}`));
    expect(toApiQuery(filters)).toMatchObject({
      schoolId: SCHOOL,
      registryMatch: 'true',
      overdue: 'true',
      page: 1,
      pageSize: 50,
    });
    expect(toApiQuery(filters, false)).not.toHaveProperty('page');
  });
});
