import { describe, expect, it } from 'vitest';
import { type DublinCoreInput, toDublinCore } from './dublin-core.ts';

const base: DublinCoreInput = {
  id: '0b6f9d6e-8a51-4c1e-9f7b-2d7d3c1a0f11',
  title: 'Thí nghiệm ảo Vật lí 10: rơi tự do',
  description: 'Mô phỏng rơi tự do trong chân không.',
  keywords: ['rơi tự do', 'gia tốc'],
  authors: ['Lê Thị Mỹ Duyên'],
  subjectNames: ['Vật lí'],
  levelNames: ['Trung học phổ thông'],
  grades: [10],
  kind: 'simulation',
  contentType: 'application/zip',
  url: null,
  schoolName: 'Trường THPT Trần Quốc Tuấn',
  languageCode: 'vi',
  licenceName: 'CC BY 4.0 (Ghi công)',
  licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  publishedAt: new Date('2025-09-05T03:00:00Z'),
  createdAt: new Date('2025-09-01T03:00:00Z'),
  baseUrl: 'https://giaoducso.example.vn',
};

describe('toDublinCore', () => {
  it('maps the metadata to the DCMI elements', () => {
    expect(toDublinCore(base)).toEqual({
      'dc:title': ['Thí nghiệm ảo Vật lí 10: rơi tự do'],
      'dc:creator': ['Lê Thị Mỹ Duyên'],
      'dc:subject': ['Vật lí', 'Trung học phổ thông', 'Lớp 10', 'rơi tự do', 'gia tốc'],
      'dc:description': ['Mô phỏng rơi tự do trong chân không.'],
      'dc:publisher': ['Trường THPT Trần Quốc Tuấn'],
      'dc:date': ['2025-09-05'],
      'dc:type': ['InteractiveResource'],
      'dc:format': ['application/zip'],
      'dc:identifier': ['https://giaoducso.example.vn/library/resources/0b6f9d6e-8a51-4c1e-9f7b-2d7d3c1a0f11'],
      'dc:language': ['vi'],
      'dc:rights': ['CC BY 4.0 (Ghi công)', 'https://creativecommons.org/licenses/by/4.0/'],
    });
  });

  it('names the school as creator when no author is given, and dates an unpublished resource by its creation', () => {
    const dc = toDublinCore({ ...base, authors: [], publishedAt: null });
    expect(dc['dc:creator']).toEqual(['Trường THPT Trần Quốc Tuấn']);
    expect(dc['dc:date']).toEqual(['2025-09-01']);
  });

  it('identifies a link by its URL as well, and types kinds with the DCMI vocabulary', () => {
    const dc = toDublinCore({ ...base, kind: 'link', contentType: null, url: 'https://hanhtrangso.nxbgd.vn/' });
    expect(dc['dc:identifier']).toContain('https://hanhtrangso.nxbgd.vn/');
    expect(dc['dc:format']).toEqual(['text/html']);
    expect(toDublinCore({ ...base, kind: 'video' })['dc:type']).toEqual(['MovingImage']);
    expect(toDublinCore({ ...base, kind: 'image' })['dc:type']).toEqual(['StillImage']);
    expect(toDublinCore({ ...base, kind: 'audio' })['dc:type']).toEqual(['Sound']);
    expect(toDublinCore({ ...base, kind: 'lesson_plan' })['dc:type']).toEqual(['Text']);
  });

  it('leaves rights without a URL for internal use, and no description when empty', () => {
    const dc = toDublinCore({ ...base, licenceName: 'Chỉ sử dụng nội bộ', licenceUrl: null, description: '' });
    expect(dc['dc:rights']).toEqual(['Chỉ sử dụng nội bộ']);
    expect(dc['dc:description']).toEqual([]);
  });
});
