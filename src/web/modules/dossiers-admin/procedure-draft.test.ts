import { describe, expect, it } from 'vitest';
import type { Procedure } from '../../../shared/dossiers.schema.ts';
import { weekdayOf, yearChoices, yearFromParam } from './holiday-days.ts';
import { changesOf, draftOf, fieldIdOf, parseDecimal, parseWhole, valuesOf } from './procedure-draft.ts';

const procedure: Procedure = {
  code: 'BANSAO_VB',
  name: { vi: 'Cấp bản sao văn bằng', en: 'Copy of a diploma' },
  mode: 'mot_phan',
  unitType: 'school',
  processingDays: 3,
  cutoffTime: '17:00',
  documents: [{ code: 'DON', nameVi: 'Đơn', nameEn: 'Form', required: true, accepted: ['pdf'], maxSizeMb: 2.5 }],
  feeVnd: 150_000,
  codePrefix: 'BS',
  active: true,
  ownerModule: null,
  version: 4,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('procedure form', () => {
  it('reads fees typed with Vietnamese thousands separators and refuses other text', () => {
    expect(parseWhole('150.000')).toBe(150_000);
    expect(parseWhole(' 1 000 000 ')).toBe(1_000_000);
    expect(parseWhole('3')).toBe(3);
    expect(parseWhole('')).toBeNaN();
    expect(parseWhole('-1')).toBeNaN();
    expect(parseWhole('2,5')).toBeNaN();
    expect(parseDecimal('2,5')).toBe(2.5);
    expect(parseDecimal('abc')).toBeNaN();
  });

  it('sends only the fields that changed', () => {
    const draft = draftOf(procedure);
    expect(draft.documents[0]?.maxSizeMb).toBe('2,5');
    expect(changesOf(procedure, valuesOf(draft).values)).toEqual({});
    const { values, problems } = valuesOf({ ...draft, processingDays: '5', feeVnd: '200.000' });
    expect(problems).toEqual({});
    expect(changesOf(procedure, values)).toEqual({ processingDays: 5, feeVnd: 200_000 });
  });

  it('names the fields whose text is not a number, and a document without a file type', () => {
    const draft = draftOf(procedure);
    const doc = { ...draft.documents[0]!, maxSizeMb: 'x', accepted: [] };
    const { problems } = valuesOf({ ...draft, processingDays: 'ba', documents: [doc] });
    expect(Object.keys(problems).sort()).toEqual(['doc-0-accepted', 'doc-0-maxSizeMb', 'proc-processingDays']);
  });

  it('maps API detail paths to the ids of the inputs', () => {
    expect(fieldIdOf('body.processingDays')).toBe('proc-processingDays');
    expect(fieldIdOf('body.documents.2.maxSizeMb')).toBe('doc-2-maxSizeMb');
    expect(fieldIdOf('body.documents.0.accepted.1')).toBe('doc-0-accepted');
    expect(fieldIdOf('body.documents')).toBe('proc-documents');
    expect(fieldIdOf('body.expectedVersion')).toBeNull();
  });
});

describe('holiday calendar helpers', () => {
  it('gives the day of the week of an ISO date without time-zone shifts', () => {
    expect(weekdayOf('2026-01-10')).toBe(6);
    expect(weekdayOf('2026-02-17')).toBe(2);
  });

  it('offers nearby years and keeps an unusual one asked for', () => {
    expect(yearChoices(2026, 2026)).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(yearChoices(2026, 2031)).toContain(2031);
    expect(yearFromParam('1999', 2026)).toBe(2026);
    expect(yearFromParam('2030', 2026)).toBe(2030);
  });
});
