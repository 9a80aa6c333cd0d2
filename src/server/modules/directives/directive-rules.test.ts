import { describe, expect, it } from 'vitest';
import { dayInVietnam, isLate, mayAnswer, recipientStatus } from './directive-rules.ts';

const base = { responseKind: 'text' as const, deadline: '2026-06-05', firstReadAt: null, firstAnsweredAt: null };

describe('recipient status', () => {
  it('is new, then read, then answered', () => {
    expect(recipientStatus(base, '2026-06-01')).toBe('new');
    expect(recipientStatus({ ...base, firstReadAt: '2026-06-01T02:00:00Z' }, '2026-06-01')).toBe('read');
    expect(recipientStatus({ ...base, firstAnsweredAt: '2026-06-02T02:00:00Z' }, '2026-06-03')).toBe('answered');
  });

  it('is late when the deadline passed without an answer, not on the deadline day itself', () => {
    expect(isLate(base, '2026-06-05')).toBe(false);
    expect(isLate(base, '2026-06-06')).toBe(true);
    expect(recipientStatus({ ...base, firstReadAt: '2026-06-01T02:00:00Z' }, '2026-06-06')).toBe('late');
  });

  it('counts the answer day in Vietnam: 23:30 on the deadline day (16:30 UTC) is on time, 00:30 next day is late', () => {
    expect(isLate({ ...base, firstAnsweredAt: '2026-06-05T16:30:00Z' }, '2026-06-10')).toBe(false);
    expect(isLate({ ...base, firstAnsweredAt: '2026-06-05T17:30:00Z' }, '2026-06-10')).toBe(true);
    expect(dayInVietnam('2026-06-05T17:30:00Z')).toBe('2026-06-06');
  });

  it('completes a read-only directive by reading it, late if read after the deadline', () => {
    const none = { ...base, responseKind: 'none' as const };
    expect(isLate({ ...none, firstReadAt: '2026-06-04T02:00:00Z' }, '2026-06-09')).toBe(false);
    expect(isLate({ ...none, firstReadAt: '2026-06-07T02:00:00Z' }, '2026-06-09')).toBe(true);
    expect(isLate({ ...none, deadline: null }, '2030-01-01')).toBe(false);
  });
});

describe('mayAnswer', () => {
  it('lets a unit amend until the deadline and answer late once, never on a closed or read-only directive', () => {
    const issued = { ...base, state: 'issued' };
    expect(mayAnswer(issued, '2026-06-09')).toBe(true);
    expect(mayAnswer({ ...issued, firstAnsweredAt: '2026-06-01T02:00:00Z' }, '2026-06-05')).toBe(true);
    expect(mayAnswer({ ...issued, firstAnsweredAt: '2026-06-01T02:00:00Z' }, '2026-06-06')).toBe(false);
    expect(mayAnswer({ ...issued, state: 'closed' }, '2026-06-01')).toBe(false);
    expect(mayAnswer({ ...issued, responseKind: 'none' }, '2026-06-01')).toBe(false);
  });
});
