import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { activeDemoCode, demoCodeStatus } from './demo-code.ts';
import { codeHash, keyedHash, sameDigest } from './keyed-hash.ts';
import { attemptsLeft, codeMessage, codeState, generateCode, OTP_LIMITS } from './otp-rules.ts';

describe('generateCode', () => {
  it('makes 6 digits, keeping leading zeros', () => {
    const codes = Array.from({ length: 2000 }, generateCode);
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(1990);
    expect(codes.some((c) => c.startsWith('0'))).toBe(true);
  });
});

describe('codeHash', () => {
  const key = randomBytes(32);

  it('matches the same code on the same row only', () => {
    const h = codeHash(key, 'row-1', '123456');
    expect(sameDigest(h, codeHash(key, 'row-1', '123456'))).toBe(true);
    expect(sameDigest(h, codeHash(key, 'row-1', '123457'))).toBe(false);
    expect(sameDigest(h, codeHash(key, 'row-2', '123456'))).toBe(false);
    expect(sameDigest(h, codeHash(randomBytes(32), 'row-1', '123456'))).toBe(false);
  });

  it('does not contain the code, and labels separate kinds of value', () => {
    expect(codeHash(key, 'row-1', '123456')).not.toContain('123456');
    expect(keyedHash(key, 'address', 'x')).not.toBe(keyedHash(key, 'client', 'x'));
  });

  it('compares digests of different lengths as different', () => {
    expect(sameDigest('abcd', 'abcdef')).toBe(false);
    expect(sameDigest('', '')).toBe(false);
  });
});

describe('codeState', () => {
  const max = OTP_LIMITS.maxAttempts;
  it('allows a live, unused code with attempts left', () => {
    expect(codeState({ attempts: 0, used: false, live: true }, max)).toBe('usable');
    expect(codeState({ attempts: max - 1, used: false, live: true }, max)).toBe('usable');
  });
  it('refuses a missing, used, exhausted or expired code', () => {
    expect(codeState(undefined, max)).toBe('missing');
    expect(codeState({ attempts: 1, used: true, live: true }, max)).toBe('used');
    expect(codeState({ attempts: max, used: false, live: true }, max)).toBe('exhausted');
    expect(codeState({ attempts: 0, used: false, live: false }, max)).toBe('expired');
  });
  it('says exhausted rather than expired when both hold', () => {
    expect(codeState({ attempts: max, used: false, live: false }, max)).toBe('exhausted');
  });
  it('counts attempts left without going negative', () => {
    expect(attemptsLeft(2, 5)).toBe(3);
    expect(attemptsLeft(7, 5)).toBe(0);
  });
});

describe('codeMessage', () => {
  it('sends an unaccented SMS within one 160-character GSM-7 message', () => {
    const sms = codeMessage('sms', '042517', 300);
    expect(sms).toContain('042517');
    expect(sms).toContain('5 phut');
    expect(sms.length).toBeLessThanOrEqual(160);
    expect(/^[\x20-\x7e]*$/.test(sms)).toBe(true);
  });
});

describe('OTP_DEMO_CODE', () => {
  it('is honoured only outside production and only as 6 digits', () => {
    expect(activeDemoCode('development', { OTP_DEMO_CODE: '000000' })).toBe('000000');
    expect(activeDemoCode('production', { OTP_DEMO_CODE: '000000' })).toBeUndefined();
    expect(activeDemoCode('test', { OTP_DEMO_CODE: '000000', NODE_ENV: 'production' })).toBeUndefined();
    expect(demoCodeStatus('test', { OTP_DEMO_CODE: '12ab' })).toEqual({ kind: 'ignored', reason: 'malformed' });
    expect(demoCodeStatus('test', {})).toEqual({ kind: 'unset' });
  });
});
