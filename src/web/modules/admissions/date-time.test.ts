import { describe, expect, it } from 'vitest';
import { joinInstant, parseTime, splitInstant } from './date-time.ts';

describe('timeline moments', () => {
  it('shows an instant as the day and time in Vietnam, whatever its offset', () => {
    expect(splitInstant('2027-06-20T10:00:00Z')).toEqual({ date: '2027-06-20', time: '17:00' });
    expect(splitInstant('2027-06-30T23:30:00+07:00')).toEqual({ date: '2027-06-30', time: '23:30' });
    expect(splitInstant(null)).toEqual({ date: '', time: '' });
  });

  it('sends a typed day and time with the +07:00 offset, midnight when the time is blank', () => {
    expect(joinInstant('2027-06-20', '17:00')).toBe('2027-06-20T17:00:00+07:00');
    expect(joinInstant('2027-06-20', '')).toBe('2027-06-20T00:00:00+07:00');
    expect(joinInstant('', '17:00')).toBeNull();
  });

  it('reads times typed the usual ways and refuses impossible ones', () => {
    expect(['7:30', '07:30', '0730', '7h30', '7.30'].map(parseTime)).toEqual(Array(5).fill('07:30'));
    expect(parseTime('')).toBe('');
    expect(['24:00', '7:60', 'noon', '7'].map(parseTime)).toEqual([null, null, null, null]);
  });
});
