import { describe, expect, it } from 'vitest';
import { computeFee } from '../../../shared/diploma-copies.schema.ts';
import type { EntrySummary } from '../../../shared/diplomas.schema.ts';
import { rankCandidates } from './copy-candidates.ts';

const entry = (over: Partial<EntrySummary>): EntrySummary => ({
  id: '00000000-0000-4000-8000-000000000001',
  typeCode: 'thpt',
  year: 2012,
  registerNo: '17',
  serial: 'KT 0012345',
  fullName: 'Đinh Thị Ánh Hồng',
  birthDate: { year: 1994, month: 8, day: 15 },
  schoolName: 'Trường THPT Kon Tum',
  issuingUnitName: 'Sở Giáo dục và Đào tạo tỉnh Kon Tum',
  ...over,
});

const request = {
  holder_name: 'dinh thi anh  hong',
  birth_year: 1994,
  birth_month: 8,
  birth_day: 15,
  type_code: 'thpt',
  graduation_year: 2012,
  school_name: 'THPT Kon Tum',
  serial: 'kt-0012345',
};

describe('rankCandidates', () => {
  it('puts the entry with the same serial first, names compared without accents or spacing', () => {
    const namesake = entry({ id: '00000000-0000-4000-8000-000000000002', serial: 'KT 0099999' });
    const ranked = rankCandidates(request, [namesake, entry({})]);
    expect(ranked.map((c) => c.serial)).toEqual(['KT 0012345', 'KT 0099999']);
    expect(ranked[0]!.reasons).toEqual(['serial', 'name', 'birth', 'year', 'type', 'school']);
    expect(ranked[1]!.reasons).not.toContain('serial');
  });

  it('counts an entry found by several searches once, and a date known only to the year as agreeing', () => {
    const yearOnly = entry({ birthDate: { year: 1994, month: null, day: null } });
    const ranked = rankCandidates(request, [yearOnly, yearOnly]);
    expect(ranked).toHaveLength(1);
    expect(ranked[0]!.reasons).toContain('birth');
    expect(rankCandidates({ ...request, birth_day: 16 }, [entry({})])[0]!.reasons).not.toContain('birth');
  });
});

describe('computeFee', () => {
  it('charges per copy, and the postal fee only for delivery by post', () => {
    const table = { perCopyVnd: 10_000, postalVnd: 30_000 };
    expect(computeFee(table, 3, 'pickup')).toEqual({ perCopyVnd: 10_000, postalVnd: 0, totalVnd: 30_000 });
    expect(computeFee(table, 3, 'post')).toEqual({ perCopyVnd: 10_000, postalVnd: 30_000, totalVnd: 60_000 });
  });
});
