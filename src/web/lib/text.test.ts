import { describe, expect, it } from 'vitest';
import { foldText, matchesQuery, pickLocalized } from './text.ts';

describe('foldText', () => {
  it('removes Vietnamese tone and vowel marks and folds đ to d', () => {
    expect(foldText('Trường THPT Trần Quốc Tuấn')).toBe('truong thpt tran quoc tuan');
    expect(foldText('Đăk Glei')).toBe('dak glei');
  });

  it('treats precomposed and decomposed input alike', () => {
    expect(foldText('Quảng Ngãi'.normalize('NFD'))).toBe(foldText('Quảng Ngãi'));
  });
});

describe('matchesQuery', () => {
  it('matches every word regardless of order and accents', () => {
    expect(matchesQuery('Xã Đăk Hà', 'ha dak')).toBe(true);
    expect(matchesQuery('Phường Cẩm Thành', 'cam thanh')).toBe(true);
  });

  it('rejects when one word is missing', () => {
    expect(matchesQuery('Xã Lý Sơn', 'son tay')).toBe(false);
  });
});

describe('pickLocalized', () => {
  it('uses English only for en and Vietnamese for every other language pack', () => {
    const name = { vi: 'Trường', en: 'School' };
    expect(pickLocalized(name, 'en')).toBe('School');
    expect(pickLocalized(name, 'vi')).toBe('Trường');
    expect(pickLocalized(name, 'bdq')).toBe('Trường');
  });
});
