import { describe, expect, it } from 'vitest';
import {
  cellText,
  contentDisposition,
  formatDate,
  formatLevels,
  isEmail,
  isPhone,
  parseDate,
  parseLevels,
  parseOwnership,
  phoneText,
  todayInVietnam,
} from './org-xlsx.ts';

describe('parseDate', () => {
  it('reads dd/mm/yyyy text, ISO text, real Excel dates and Excel serial numbers', () => {
    expect(parseDate('01/07/2025')).toBe('2025-07-01');
    expect(parseDate('1.7.2025')).toBe('2025-07-01');
    expect(parseDate('2025-07-01')).toBe('2025-07-01');
    expect(parseDate(new Date(Date.UTC(2025, 6, 1)))).toBe('2025-07-01');
    expect(parseDate(45839)).toBe('2025-07-01');
    expect(parseDate({ formula: 'DATE(2025,7,1)', result: new Date(Date.UTC(2025, 6, 1)) })).toBe('2025-07-01');
  });

  it('gives null for an empty cell and undefined for an impossible or unreadable date', () => {
    expect(parseDate(null)).toBeNull();
    expect(parseDate('  ')).toBeNull();
    expect(parseDate('31/02/2025')).toBeUndefined();
    expect(parseDate('07/2025')).toBeUndefined();
    expect(parseDate('hôm qua')).toBeUndefined();
    expect(parseDate(1.5)).toBeUndefined();
  });

  it('round-trips with formatDate', () => {
    expect(formatDate('1995-12-31')).toBe('31/12/1995');
    expect(parseDate(formatDate('1995-12-31'))).toBe('1995-12-31');
    expect(formatDate(null)).toBe('');
  });
});

describe('cellText', () => {
  it('normalises to NFC and trims, whatever the cell kind', () => {
    expect(cellText('  Trường Tiểu học Đăk Hà '.normalize('NFD'))).toBe('Trường Tiểu học Đăk Hà');
    expect(cellText({ richText: [{ text: 'Trường ' }, { text: 'THCS', font: { bold: true } }] })).toBe('Trường THCS');
    expect(cellText({ text: 'a@b.vn', hyperlink: 'mailto:a@b.vn' })).toBe('a@b.vn');
    expect(cellText(51000123)).toBe('51000123');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText(undefined)).toBe('');
  });
});

describe('parseLevels', () => {
  it('accepts Vietnamese labels in any case and the level codes, in canonical order', () => {
    expect(parseLevels('THCS, Tiểu học, liên cấp')).toEqual({ levels: ['tieu_hoc', 'thcs', 'lien_cap'], unknown: [] });
    expect(parseLevels('mam_non;gdtx')).toEqual({ levels: ['mam_non', 'gdtx'], unknown: [] });
    expect(parseLevels('TIỂU HỌC'.normalize('NFD'))).toEqual({ levels: ['tieu_hoc'], unknown: [] });
  });

  it('reports the parts it does not know', () => {
    expect(parseLevels('Tiểu học, Đại học')).toEqual({ levels: ['tieu_hoc'], unknown: ['Đại học'] });
    expect(parseLevels('')).toEqual({ levels: [], unknown: [] });
  });

  it('formats levels as the labels it reads back', () => {
    expect(parseLevels(formatLevels(['tieu_hoc', 'thcs', 'lien_cap'])).levels).toEqual([
      'tieu_hoc',
      'thcs',
      'lien_cap',
    ]);
  });
});

describe('parseOwnership', () => {
  it('reads the Vietnamese labels and the codes', () => {
    expect(parseOwnership('Công lập')).toBe('public');
    expect(parseOwnership('tư thục')).toBe('private');
    expect(parseOwnership('private')).toBe('private');
    expect(parseOwnership('Dân lập')).toBeUndefined();
  });
});

describe('phones and e-mails', () => {
  it('restores the leading zero Excel drops from a number typed as a phone', () => {
    expect(phoneText(2553812345)).toBe('02553812345');
    expect(phoneText(912345678)).toBe('0912345678');
    expect(phoneText('0255 3 812 345')).toBe('0255 3 812 345');
  });

  it('validates phones and e-mails', () => {
    expect(isPhone('0255 3 812 345')).toBe(true);
    expect(isPhone('(+84) 255.3812345')).toBe(true);
    expect(isPhone('12')).toBe(false);
    expect(isPhone('gọi trường')).toBe(false);
    expect(isEmail('th-so-1@demo.giaoducso.invalid')).toBe(true);
    expect(isEmail('không có')).toBe(false);
    expect(isEmail('a@b')).toBe(false);
  });
});

describe('contentDisposition', () => {
  it('sends an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('don-vi.xlsx', 'Đơn vị.xlsx')).toBe(
      `attachment; filename="don-vi.xlsx"; filename*=UTF-8''%C4%90%C6%A1n%20v%E1%BB%8B.xlsx`,
    );
    expect(contentDisposition('a"b;c.xlsx', 'x')).toContain('filename="a_b_c.xlsx"');
  });
});

describe('todayInVietnam', () => {
  it('is already the next day at 17:30 UTC', () => {
    expect(todayInVietnam(new Date('2025-06-30T17:30:00Z'))).toBe('2025-07-01');
  });
});
