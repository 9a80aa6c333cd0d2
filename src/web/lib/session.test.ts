import { describe, expect, it } from 'vitest';
import type { Me } from '../../shared/auth.schema.ts';
import { hasPermission, safeNext } from './session.ts';

const me = { permissions: ['org.manage'] } as Me;

describe('hasPermission', () => {
  it('allows items without a permission and checks the others', () => {
    expect(hasPermission(me, undefined)).toBe(true);
    expect(hasPermission(me, 'org.manage')).toBe(true);
    expect(hasPermission(me, 'audit.read')).toBe(false);
    expect(hasPermission(null, 'org.manage')).toBe(false);
  });

  it('accepts a list when the user holds any one of its permissions', () => {
    expect(hasPermission(me, ['audit.read', 'org.manage'])).toBe(true);
    expect(hasPermission(me, ['audit.read', 'users.manage'])).toBe(false);
    expect(hasPermission(null, ['org.manage'])).toBe(false);
  });
});

describe('safeNext', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeNext('/schools?q=tran')).toBe('/schools?q=tran');
  });

  it('refuses other hosts, missing values and the login page itself', () => {
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('/login?next=/')).toBe('/');
  });
});
