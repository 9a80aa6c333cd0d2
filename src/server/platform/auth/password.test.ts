import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, isAcceptablePassword, verifyPassword } from './password.ts';

describe('password policy', () => {
  it('accepts ten characters with letters and digits', () => {
    expect(isAcceptablePassword('Hoc sinh 2026', 'gv.an')).toBe(true);
  });
  it('rejects short, letter-only, digit-only and username-containing passwords', () => {
    expect(isAcceptablePassword('abc123', 'u1x')).toBe(false);
    expect(isAcceptablePassword('abcdefghijkl', 'u1x')).toBe(false);
    expect(isAcceptablePassword('123456789012', 'u1x')).toBe(false);
    expect(isAcceptablePassword('gv.an12345678', 'gv.an')).toBe(false);
  });
  it('rejects reusing the previous password', () => {
    expect(isAcceptablePassword('Matkhau2026x', 'u1x', 'Matkhau2026x')).toBe(false);
  });
  it('generates passwords that meet the policy', () => {
    for (let i = 0; i < 50; i++) expect(isAcceptablePassword(generatePassword(), 'someone')).toBe(true);
  });
});

describe('hashing', () => {
  it('verifies the same password in NFC or NFD form and rejects another', async () => {
    const h = await hashPassword('Mật khẩu 2026');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Mật khẩu 2026'.normalize('NFD'))).toBe(true);
    expect(await verifyPassword(h, 'Mat khau 2026')).toBe(false);
  });
});
