import { describe, expect, it } from 'vitest';
import { checkPersonalId, formatPersonalId, parsePersonalId } from './personal-id.ts';

describe('parsePersonalId', () => {
  it('reads province, gender, century and year (Thông tư 59/2021/TT-BCA)', () => {
    expect(parsePersonalId('051221123456')).toEqual({
      provinceCode: '051',
      gender: 'male',
      birthYear: 2021,
      serial: '123456',
    });
    expect(parsePersonalId('062316000001')).toMatchObject({ provinceCode: '062', gender: 'female', birthYear: 2016 });
  });

  it('maps the century digit: 0/1 the 1900s, 2/3 the 2000s, 4/5 the 2100s, even male, odd female', () => {
    expect(parsePersonalId('079085000000')).toMatchObject({ gender: 'male', birthYear: 1985 });
    expect(parsePersonalId('079199000000')).toMatchObject({ gender: 'female', birthYear: 1999 });
    expect(parsePersonalId('079300000000')).toMatchObject({ gender: 'female', birthYear: 2000 });
    expect(parsePersonalId('079401000000')).toMatchObject({ gender: 'male', birthYear: 2101 });
  });

  it('refuses anything but 12 digits', () => {
    for (const bad of ['05122112345', '0512211234567', '05122112345a', ' 051221123456', '']) {
      expect(parsePersonalId(bad), bad).toBeUndefined();
    }
  });

  it('refuses a province code that was never issued (003, 000, 097)', () => {
    expect(parsePersonalId('003221123456')).toBeUndefined();
    expect(parsePersonalId('000221123456')).toBeUndefined();
    expect(parsePersonalId('097221123456')).toBeUndefined();
  });
});

describe('formatPersonalId', () => {
  it('round-trips through parsePersonalId', () => {
    const parts = { provinceCode: '062', gender: 'female' as const, birthYear: 2012, serial: '004711' };
    const id = formatPersonalId(parts);
    expect(id).toBe('062312004711');
    expect(parsePersonalId(id)).toEqual(parts);
  });

  it('rejects an unknown province or a malformed serial', () => {
    expect(() =>
      formatPersonalId({ provinceCode: '999', gender: 'male', birthYear: 2021, serial: '000001' }),
    ).toThrow();
    expect(() => formatPersonalId({ provinceCode: '051', gender: 'male', birthYear: 2021, serial: '1' })).toThrow();
  });
});

describe('checkPersonalId', () => {
  it('finds nothing wrong when the ID matches the date of birth and gender', () => {
    expect(checkPersonalId('051321000123', { dateOfBirth: '2021-03-15', gender: 'female' })).toEqual([]);
  });

  it('flags a year of birth that differs from digits 5–6', () => {
    expect(checkPersonalId('051221000123', { dateOfBirth: '2016-03-15' })).toEqual(['birth_year']);
  });

  it('flags a century that differs from digit 4 (born 1921 vs 2021)', () => {
    expect(checkPersonalId('051021000123', { dateOfBirth: '2021-03-15' })).toEqual(['birth_year']);
  });

  it('flags a gender that differs from digit 4', () => {
    expect(checkPersonalId('051221000123', { dateOfBirth: '2021-03-15', gender: 'female' })).toEqual(['gender']);
  });

  it('reports format and province problems before anything else', () => {
    expect(checkPersonalId('12345', { dateOfBirth: '2021-03-15' })).toEqual(['format']);
    expect(checkPersonalId('003221000123', { dateOfBirth: '2021-03-15' })).toEqual(['province']);
  });
});
