import { describe, expect, it } from 'vitest';
import { maskAddress, nationalPhone, normaliseAddress, normaliseEmail, normalisePhone } from './contact.ts';

describe('normalisePhone', () => {
  it('gives one canonical +84 form for the ways people write a mobile number', () => {
    for (const raw of [
      '0905123456',
      '+84905123456',
      '84905123456',
      '0905 123 456',
      '090.512.3456',
      '(+84) 905-123-456',
      '+840905123456',
    ]) {
      expect(normalisePhone(raw), raw).toBe('+84905123456');
    }
  });

  it('accepts every mobile prefix 03, 05, 07, 08, 09', () => {
    for (const p of ['03', '05', '07', '08', '09'])
      expect(normalisePhone(`${p}12345678`)).toBe(`+84${p.slice(1)}12345678`);
  });

  it('refuses landlines, wrong lengths and other countries', () => {
    for (const raw of [
      '02553822123',
      '0255382212',
      '090512345',
      '09051234567',
      '+85590512345',
      '0105123456',
      'abc',
      '',
    ]) {
      expect(normalisePhone(raw), raw).toBeUndefined();
    }
  });

  it('converts back to the national form', () => {
    expect(nationalPhone('+84905123456')).toBe('0905123456');
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Phu.Huynh@Mail.Example.VN ')).toBe('phu.huynh@mail.example.vn');
  });

  it('refuses what cannot receive a code', () => {
    for (const raw of [
      'no-at-sign',
      '@mail.vn',
      'a@',
      'a@mail',
      'a..b@mail.vn',
      'a b@mail.vn',
      'a@-mail.vn',
      `${'x'.repeat(65)}@mail.vn`,
    ]) {
      expect(normaliseEmail(raw), raw).toBeUndefined();
    }
  });
});

describe('normaliseAddress and maskAddress', () => {
  it('dispatches on the channel', () => {
    expect(normaliseAddress('sms', '0905123456')).toBe('+84905123456');
    expect(normaliseAddress('email', '0905123456')).toBeUndefined();
    expect(normaliseAddress('email', 'A@B.vn')).toBe('a@b.vn');
  });

  it('hides most of the address', () => {
    expect(maskAddress('sms', '+84905123456')).toBe('090****456');
    expect(maskAddress('email', 'phuhuynh@mail.vn')).toBe('p***@mail.vn');
  });
});
