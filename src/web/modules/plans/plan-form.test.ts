import { describe, expect, it } from 'vitest';
import { basesText, parseBases, parseSections, sectionsText } from './plan-form.ts';

describe('plan form text areas', () => {
  it('reads sections as "code title" lines and writes them back', () => {
    const s = parseSections('II Nội dung\nII.1. Phát triển chính quyền số\n\n');
    expect(s).toEqual([
      { code: 'II', title: 'Nội dung' },
      { code: 'II.1', title: 'Phát triển chính quyền số' },
    ]);
    expect(sectionsText({ sections: s.map((x, i) => ({ ...x, id: String(i), parentId: null })) })).toBe(
      'II Nội dung\nII.1 Phát triển chính quyền số',
    );
  });

  it('reads legal bases as "number | dd/mm/yyyy | issuer | title" lines, round trip', () => {
    const text = '749/QĐ-TTg | 03/6/2020 | Thủ tướng Chính phủ | Chương trình Chuyển đổi số quốc gia';
    const b = parseBases(text);
    expect(b).toEqual([
      {
        number: '749/QĐ-TTg',
        date: '2020-06-03',
        issuer: 'Thủ tướng Chính phủ',
        title: 'Chương trình Chuyển đổi số quốc gia',
      },
    ]);
    expect(basesText({ legalBases: b })).toBe(
      '749/QĐ-TTg | 03/06/2020 | Thủ tướng Chính phủ | Chương trình Chuyển đổi số quốc gia',
    );
  });
});
