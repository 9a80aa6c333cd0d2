import { describe, expect, it } from 'vitest';
import type { Reference, ResourceDetail } from '../../../shared/library.schema.ts';
import {
  checkDraft,
  draftFrom,
  emptyDraft,
  FIELD_IDS,
  fieldOfPath,
  metadataBody,
  proposalChanges,
  splitList,
  subjectsFor,
  withLevels,
} from './metadata-form.ts';

const ref = {
  subjects: [
    {
      code: 'vat_li',
      nameVi: 'Vật lí',
      nameEn: 'Physics',
      levels: [{ level: 'thpt', nameVi: 'Vật lí', grades: [10, 11, 12], elective: true }],
    },
    {
      code: 'toan',
      nameVi: 'Toán',
      nameEn: 'Mathematics',
      levels: [
        { level: 'thcs', nameVi: 'Toán', grades: [6, 7, 8, 9], elective: false },
        { level: 'thpt', nameVi: 'Toán', grades: [10, 11, 12], elective: false },
      ],
    },
    {
      code: 'khtn',
      nameVi: 'Khoa học tự nhiên',
      nameEn: 'Natural sciences',
      levels: [{ level: 'thcs', nameVi: 'KHTN', grades: [6, 7, 8, 9], elective: false }],
    },
  ],
  series: [],
  licences: [],
  languages: [],
} as unknown as Reference;

const detail = {
  id: 'r1',
  kind: 'video',
  title: 'Thí nghiệm ảo: Lực ma sát',
  description: 'Mô tả',
  keywords: ['ma sát', 'lực'],
  levels: ['thpt'],
  grades: [10],
  subjects: ['vat_li'],
  seriesCode: null,
  topic: null,
  authors: ['Lê Thị Mỹ Duyên'],
  languageCode: 'vi',
  licenceCode: 'cc_by',
  visibility: 'province',
} as unknown as ResourceDetail;

describe('metadataBody', () => {
  it('splits typed lists, orders levels and grades, and leaves an unchosen licence to the server', () => {
    const body = metadataBody({
      ...emptyDraft('Lê Thị Mỹ Duyên\nTrần Văn An, Lê Thị Mỹ Duyên'),
      title: '  Lực ma sát ',
      keywords: 'ma sát, lực;  ,thí nghiệm ảo, lực',
      levels: ['thpt', 'thcs'],
      grades: [10, 6, 10],
    });
    expect(body).toMatchObject({
      title: 'Lực ma sát',
      keywords: ['ma sát', 'lực', 'thí nghiệm ảo'],
      levels: ['thcs', 'thpt'],
      grades: [6, 10],
      authors: ['Lê Thị Mỹ Duyên', 'Trần Văn An'],
      seriesCode: null,
      topic: null,
    });
    expect(body).not.toHaveProperty('licenceCode');
    expect(body).not.toHaveProperty('visibility');
  });

  it('round-trips a resource through the form', () => {
    const body = metadataBody(draftFrom(detail));
    expect(body).toEqual({
      title: detail.title,
      description: detail.description,
      keywords: detail.keywords,
      levels: detail.levels,
      grades: detail.grades,
      subjects: detail.subjects,
      seriesCode: null,
      topic: null,
      authors: detail.authors,
      languageCode: 'vi',
      licenceCode: 'cc_by',
      visibility: 'province',
    });
  });

  it('fills the form from a pending proposal rather than the published metadata', () => {
    const r = { ...detail, proposedMetadata: { title: 'Lực ma sát (bản sửa)', grades: [10, 11] } } as ResourceDetail;
    expect(draftFrom(r)).toMatchObject({ title: 'Lực ma sát (bản sửa)', grades: [10, 11] });
    expect(proposalChanges(r).map((c) => c.field)).toEqual(['title', 'grades']);
  });
});

describe('levels', () => {
  it('offers the subjects taught at the chosen levels', () => {
    expect(subjectsFor(ref, ['thcs']).map((s) => s.code)).toEqual(['toan', 'khtn']);
    expect(subjectsFor(ref, ['thpt']).map((s) => s.code)).toEqual(['vat_li', 'toan']);
  });

  it('drops grades and subjects that the new levels do not have', () => {
    const d = {
      ...emptyDraft(),
      levels: ['thcs', 'thpt'] as const,
      grades: [6, 10],
      subjects: ['khtn', 'vat_li', 'toan'],
    };
    expect(withLevels({ ...d, levels: [...d.levels] }, ['thpt'], ref)).toMatchObject({
      levels: ['thpt'],
      grades: [10],
      subjects: ['vat_li', 'toan'],
    });
  });
});

describe('fieldOfPath', () => {
  it('names the field of a validation error and of a curriculum check', () => {
    expect(fieldOfPath('body.title')).toBe(FIELD_IDS.title);
    expect(fieldOfPath('body.keywords.3')).toBe(FIELD_IDS.keywords);
    expect(fieldOfPath('grades')).toBe(FIELD_IDS.grades);
    expect(fieldOfPath('body.licenceCode')).toBe(FIELD_IDS.licenceCode);
    expect(fieldOfPath('body.version.url')).toBe(FIELD_IDS.content);
    expect(fieldOfPath('body.schoolId')).toBeNull();
    expect(fieldOfPath('')).toBeNull();
  });
});

describe('splitList', () => {
  it('normalises to NFC and removes repeats', () => {
    expect(splitList('ma sa\u0301t, ma sát')).toEqual(['ma sát']);
  });
});

describe('checkDraft', () => {
  it('asks for a title and a licence before sending', () => {
    expect(checkDraft(emptyDraft())).toEqual({
      [FIELD_IDS.title]: 'library.form.titleRequired',
      [FIELD_IDS.licenceCode]: 'library.form.licenceRequired',
    });
    expect(checkDraft({ ...emptyDraft(), title: 'Lực', licenceCode: 'cc_by' })).toEqual({});
  });
});
