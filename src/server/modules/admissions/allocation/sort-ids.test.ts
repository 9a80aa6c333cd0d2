import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds } from './score.ts';
import { sortByIds } from './sort-ids.ts';

describe('sortByIds', () => {
  it('orders ids exactly as a comparison sort by UTF-16 code units', () => {
    const id = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.integer({ min: 0, max: 999 }).map((k) => `HS${String(k).padStart(7, '0')}`),
      fc.constantFrom('', 'a', 'aa', 'đ', 'Đ', 'z\u00ff', 'z\u0100', 'z\uffff'),
    );
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 200 }), (ids) => {
        const { order, duplicate } = sortByIds(ids);
        expect(duplicate).toBeNull();
        expect(Array.from(order, (i) => ids[i])).toEqual(ids.slice().sort(compareIds));
      }),
    );
  });

  it('reports an id that occurs twice, short or long', () => {
    expect(sortByIds(['b', 'a', 'b']).duplicate).toBe('b');
    const long = 'QNG-2026-THPT-000123-0001';
    expect(sortByIds([long, `${long}x`, long]).duplicate).toBe(long);
  });
});
