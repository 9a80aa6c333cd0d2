import { describe, expect, it } from 'vitest';
import { priorityProblems, residenceStatus, wishProblems } from './application-rules.ts';

const rules = { method: 'catchment', wishCount: 2, lotteryForOutOfCatchment: true } as const;
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const commune = '00000000-0000-4000-8000-0000000000cc';

describe('wishProblems', () => {
  it('accepts distinct schools of the round within wishCount', () => {
    expect(wishProblems([A, B], new Set([A, B]), rules)).toEqual([]);
  });
  it('refuses too many wishes, duplicates and schools outside the round', () => {
    const paths = wishProblems([A, A, C], new Set([A, B]), rules).map((p) => p.path);
    expect(paths).toEqual(['body.wishes', 'body.wishes', 'body.wishes.2']);
  });
});

describe('priorityProblems', () => {
  it('accepts none or a group of the round, refuses another', () => {
    const groups = [{ code: 'LS', nameVi: 'Con liệt sĩ', rank: 1 }] as never;
    expect(priorityProblems(null, groups)).toEqual([]);
    expect(priorityProblems('LS', groups)).toEqual([]);
    expect(priorityProblems('XX', groups)).toHaveLength(1);
  });
});

describe('residenceStatus', () => {
  const registry = [{ communeId: commune, village: 'Thôn Trường Thọ' }];
  it('confirms a residence matching the registry, ignoring accents and case', () => {
    expect(residenceStatus({ communeId: commune, village: 'thon truong tho' }, registry)).toEqual({
      status: 'confirmed',
      problems: [],
    });
  });
  it('asks for a reason when the residence differs, and takes a correction with one', () => {
    expect(residenceStatus({ communeId: commune, village: 'Thôn Khác' }, registry).problems).toHaveLength(1);
    expect(
      residenceStatus({ communeId: commune, village: 'Thôn Khác', correctionReason: 'Mới chuyển' }, registry).status,
    ).toBe('correction');
  });
  it('accepts a child unknown to the registry as unregistered', () => {
    expect(residenceStatus({ communeId: commune, village: null }, undefined).status).toBe('unregistered');
  });
});
