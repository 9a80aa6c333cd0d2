import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  dayOf,
  endOfDay,
  isWorkingDay,
  receiptDay,
  type WorkCalendar,
  workingDaysLeft,
} from './calendar.ts';

// The officials' Tết Bính Ngọ 2026 (16–20/02) and the New Year 2026 swap (02/01 off, Saturday
// 10/01 worked), as seeded in migration 0004.
const cal: WorkCalendar = {
  holidays: new Set(['2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']),
  workingDays: new Set(['2026-01-10']),
};
const vn = (local: string) => `${local}+07:00`;
const dueDay = (d: Date) => dayOf(d);

describe('dayOf', () => {
  it('gives the Vietnamese calendar day, which turns at 17:00 UTC', () => {
    expect(dayOf('2026-03-09T16:59:59Z')).toBe('2026-03-09');
    expect(dayOf('2026-03-09T17:00:00Z')).toBe('2026-03-10');
  });
});

describe('addWorkingDays', () => {
  it('counts from the day of receipt: Monday morning plus 3 days is Thursday', () => {
    expect(dueDay(addWorkingDays(vn('2026-03-09T09:00:00'), 3, cal))).toBe('2026-03-12');
  });

  it('returns the end of the due day in Vietnam', () => {
    expect(addWorkingDays(vn('2026-03-09T09:00:00'), 1, cal).toISOString()).toBe(endOfDay('2026-03-10').toISOString());
    expect(endOfDay('2026-03-10').toISOString()).toBe('2026-03-10T16:59:59.999Z');
  });

  it('skips the weekend: Friday plus 1 day is Monday', () => {
    expect(dueDay(addWorkingDays(vn('2026-03-06T10:00:00'), 1, cal))).toBe('2026-03-09');
  });

  it('counts a dossier received on Saturday from Monday', () => {
    expect(receiptDay(vn('2026-03-07T10:00:00'), cal)).toBe('2026-03-09');
    expect(dueDay(addWorkingDays(vn('2026-03-07T10:00:00'), 1, cal))).toBe('2026-03-10');
  });

  it('skips Tết: received Friday 13/02/2026 with 3 days is due Wednesday 25/02/2026', () => {
    expect(dueDay(addWorkingDays(vn('2026-02-13T10:00:00'), 3, cal))).toBe('2026-02-25');
  });

  it('counts a dossier received during Tết from the first working day after it', () => {
    expect(receiptDay(vn('2026-02-18T09:00:00'), cal)).toBe('2026-02-23');
    expect(dueDay(addWorkingDays(vn('2026-02-18T09:00:00'), 0, cal))).toBe('2026-02-23');
  });

  it('counts a dossier received after the 17:00 cut-off from the next working day', () => {
    expect(dueDay(addWorkingDays(vn('2026-03-09T16:59:00'), 2, cal))).toBe('2026-03-11');
    expect(dueDay(addWorkingDays(vn('2026-03-09T17:00:00'), 2, cal))).toBe('2026-03-12');
  });

  it('moves a Friday-evening dossier past the weekend', () => {
    expect(receiptDay(vn('2026-03-06T18:30:00'), cal)).toBe('2026-03-09');
  });

  it('honours a procedure-specific cut-off', () => {
    expect(receiptDay(vn('2026-03-09T16:45:00'), cal, '16:30')).toBe('2026-03-10');
    expect(receiptDay(vn('2026-03-09T16:15:00'), cal, '16:30')).toBe('2026-03-09');
  });

  it('works on a make-up Saturday and not on a swapped weekday', () => {
    expect(isWorkingDay('2026-01-10', cal)).toBe(true);
    expect(isWorkingDay('2026-01-02', cal)).toBe(false);
    expect(dueDay(addWorkingDays(vn('2026-01-09T10:00:00'), 1, cal))).toBe('2026-01-10');
    expect(receiptDay(vn('2026-01-01T10:00:00'), cal)).toBe('2026-01-05');
  });

  it('accepts a plain list of holidays and a bare date', () => {
    expect(dueDay(addWorkingDays('2026-02-13', 1, ['2026-02-16']))).toBe('2026-02-17');
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addWorkingDays(vn('2026-03-09T09:00:00'), -1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays(vn('2026-03-09T09:00:00'), 1.5, cal)).toThrow(RangeError);
  });

  it('refuses a malformed cut-off', () => {
    expect(() => receiptDay(vn('2026-03-09T09:00:00'), cal, '25:00')).toThrow(RangeError);
  });
});

describe('workingDaysLeft', () => {
  it('counts the working days after today up to the deadline, Tết excluded', () => {
    expect(workingDaysLeft(vn('2026-02-13T10:00:00'), endOfDay('2026-02-25'), cal)).toBe(3);
  });

  it('is 0 on the due day and after it', () => {
    expect(workingDaysLeft(vn('2026-02-25T10:00:00'), endOfDay('2026-02-25'), cal)).toBe(0);
    expect(workingDaysLeft(vn('2026-03-02T10:00:00'), endOfDay('2026-02-25'), cal)).toBe(0);
  });
});
