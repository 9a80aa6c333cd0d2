import { describe, expect, it } from 'vitest';
import {
  checkFileDraft,
  createBody,
  emptyFileDraft,
  fieldOfPath,
  fullCode,
  messageIn,
  patchBody,
} from './file-form.ts';

describe('archive file form', () => {
  it('puts the fonds identifier before what the archivist typed', () => {
    expect(fullCode('000.00.31.H48', ' 2025.07a ')).toBe('000.00.31.H48.2025.07A');
    expect(fullCode('000.00.31.H48', '.2025.1')).toBe('000.00.31.H48.2025.1');
  });

  it('builds the API body: permanent retention as null, keywords split, blanks as null', () => {
    const d = { ...emptyFileDraft('f1', 'u1'), codeRest: '2025.1', title: 'T', startDate: '2025-01-01' };
    const body = createBody({ ...d, retention: 'permanent', keywords: 'a, b;; c', sheetCount: '3' }, 'H48.31');
    expect(body).toMatchObject({ fondsId: 'f1', code: 'H48.31.2025.1', retentionYears: null, sheetCount: 3 });
    expect(body.keywords).toEqual(['a', 'b', 'c']);
    expect(body.paperCode).toBeNull();
    expect(patchBody({ ...d, retentionYears: '10' }, 4)).toMatchObject({ retentionYears: 10, expectedVersion: 4 });
  });

  it('sees dates that are not dates and numbers that are not numbers before sending', () => {
    const d = { ...emptyFileDraft(), startDate: null, retentionYears: 'mười', pageCount: '-1' };
    expect(checkFileDraft(d)).toEqual({
      startDate: 'archive.form.badDate',
      retentionYears: 'archive.form.badYears',
      pageCount: 'archive.form.badNumber',
    });
  });

  it('maps server paths to fields and picks the message in the UI language', () => {
    expect(fieldOfPath('body.paperCode')).toBe('arc-paper');
    expect(fieldOfPath('keywords.2')).toBe('arc-keywords');
    expect(fieldOfPath('body.expectedVersion')).toBeNull();
    expect(fieldOfPath('body.nope')).toBeNull();
    expect(messageIn('từ khóa bị trùng / duplicate keywords', 'vi')).toBe('từ khóa bị trùng');
    expect(messageIn('từ khóa bị trùng / duplicate keywords', 'en')).toBe('duplicate keywords');
    expect(messageIn('Invalid input', 'en')).toBe('Invalid input');
  });
});
