import { describe, expect, it } from 'vitest';
import { checkPatch, parseMetadata } from './tus.ts';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('parseMetadata', () => {
  it('decodes base64 UTF-8 values and keeps keys without a value', () => {
    expect(
      parseMetadata(`filename ${b64('Bài giảng Vật lí 10.pdf')},filetype ${b64('application/pdf')},is_draft`),
    ).toEqual({
      filename: 'Bài giảng Vật lí 10.pdf',
      filetype: 'application/pdf',
      is_draft: '',
    });
    expect(parseMetadata(undefined)).toEqual({});
  });

  it('refuses duplicate keys, non-base64 values and extra words', () => {
    expect(parseMetadata('a YQ==,a Yg==')).toBeNull();
    expect(parseMetadata('a not*base64')).toBeNull();
    expect(parseMetadata('a YQ== b')).toBeNull();
  });
});

describe('checkPatch', () => {
  it('accepts a PATCH at the server offset that stays within the length', () => {
    expect(checkPatch({ declaredOffset: 10, offset: 10, length: 30, contentLength: 20 })).toBe('ok');
    expect(checkPatch({ declaredOffset: 10, offset: 10, length: 30, contentLength: undefined })).toBe('ok');
  });

  it('refuses an offset that is not the server offset, ahead or behind', () => {
    expect(checkPatch({ declaredOffset: 0, offset: 10, length: 30, contentLength: 5 })).toBe('offset_mismatch');
    expect(checkPatch({ declaredOffset: 20, offset: 10, length: 30, contentLength: 5 })).toBe('offset_mismatch');
  });

  it('refuses a body that would go past the declared length', () => {
    expect(checkPatch({ declaredOffset: 10, offset: 10, length: 30, contentLength: 21 })).toBe('too_large');
  });
});
