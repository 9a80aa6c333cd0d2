import { describe, expect, it } from 'vitest';
import { daysLeft, formatShare, formatViNumber, parseViNumber, todayInVietnam } from './report-values.ts';

describe('parseViNumber', () => {
  it('reads the Vietnamese thousands dot and decimal comma', () => {
    expect(parseViNumber('1.234,5')).toEqual({ kind: 'valid', value: 1234.5 });
    expect(parseViNumber('1.234')).toEqual({ kind: 'valid', value: 1234 });
    expect(parseViNumber('12.345.678')).toEqual({ kind: 'valid', value: 12345678 });
    expect(parseViNumber('0,75')).toEqual({ kind: 'valid', value: 0.75 });
  });

  it('accepts plain numbers typed or pasted without grouping', () => {
    expect(parseViNumber(' 42 ')).toEqual({ kind: 'valid', value: 42 });
    expect(parseViNumber('1234.5')).toEqual({ kind: 'valid', value: 1234.5 });
    expect(parseViNumber('-3')).toEqual({ kind: 'valid', value: -3 });
  });

  it('tells a blank from a mistake', () => {
    expect(parseViNumber('')).toEqual({ kind: 'empty' });
    expect(parseViNumber('12a')).toEqual({ kind: 'invalid' });
    expect(parseViNumber('1,2,3')).toEqual({ kind: 'invalid' });
  });
});

describe('formatting', () => {
  it('formats numbers and shares in vi-VN', () => {
    expect(formatViNumber(1234.5)).toBe('1.234,5');
    expect(formatViNumber(null)).toBe('');
    expect(formatShare(2, 3)).toBe('66,7 %');
    expect(formatShare(0, 0)).toBe('—');
  });
});

describe('daysLeft', () => {
  it('counts calendar days to the closing day', () => {
    expect(daysLeft('2026-05-30', '2026-06-01')).toBe(2);
    expect(daysLeft('2026-06-01', '2026-06-01')).toBe(0);
    expect(daysLeft('2026-06-03', '2026-06-01')).toBe(-2);
  });

  it('takes today in Vietnam, seven hours ahead of UTC', () => {
    expect(todayInVietnam(new Date('2026-05-31T18:00:00Z'))).toBe('2026-06-01');
  });
});
