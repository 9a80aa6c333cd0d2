import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './password-policy.ts';

describe('checkPasswordPolicy', () => {
  it('accepts ten or more characters with letters and digits, including Vietnamese letters', () => {
    expect(checkPasswordPolicy('hocsinh2026')).toBeNull();
    expect(checkPasswordPolicy('Đăkglei2025')).toBeNull();
  });

  it('names the first broken rule', () => {
    expect(checkPasswordPolicy('abc123')).toBe('length');
    expect(checkPasswordPolicy('1234567890')).toBe('letters');
    expect(checkPasswordPolicy('abcdefghijk')).toBe('digits');
    expect(checkPasswordPolicy('hocsinh2026', 'hocsinh2026')).toBe('same');
  });
});
