import { describe, expect, it } from 'vitest';
import { buildDemoDataset } from './dataset.ts';
import type { DemoUnit } from './types.ts';

const TODAY = new Date().toISOString().slice(0, 10);
const COMMUNE_LEVEL = new Set(['commune', 'ward', 'special_zone']);

const isCurrent = (u: DemoUnit): boolean => u.validTo === null || u.validTo >= TODAY;
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

describe('buildDemoDataset', () => {
  const data = buildDemoDataset();
  const all: DemoUnit[] = [...data.units, ...data.schools];
  const keys = new Set(all.map((u) => u.key));

  it('has the 96 current commune-level units of Nghị quyết 1677/NQ-UBTVQH15: 86 xã, 9 phường, 1 đặc khu', () => {
    const current = data.units.filter((u) => COMMUNE_LEVEL.has(u.typeCode) && isCurrent(u));
    const count = (t: string) => current.filter((u) => u.typeCode === t).length;
    expect(current).toHaveLength(96);
    expect(count('commune')).toBe(86);
    expect(count('ward')).toBe(9);
    expect(count('special_zone')).toBe(1);
    expect(current.find((u) => u.typeCode === 'special_zone')?.name).toBe('Đặc khu Lý Sơn');
  });

  it('gives every current commune-level unit a committee and a culture–society division', () => {
    const communes = data.units.filter((u) => COMMUNE_LEVEL.has(u.typeCode));
    const committees = data.units.filter((u) => u.typeCode === 'commune_committee');
    const divisions = data.units.filter((u) => u.typeCode === 'culture_society_division');
    expect(new Set(committees.map((u) => u.parentKey))).toEqual(new Set(communes.map((u) => u.key)));
    expect(new Set(divisions.map((u) => u.parentKey))).toEqual(new Set(committees.map((u) => u.key)));
  });

  it('keeps the 23 former districts and their education offices as expired units', () => {
    for (const type of ['district', 'district_education_office'] as const) {
      const units = data.units.filter((u) => u.typeCode === type);
      expect(units).toHaveLength(23);
      expect(units.every((u) => u.validTo === '2025-06-30')).toBe(true);
    }
  });

  it('has at least 300 current schools and at least 6 expired ones', () => {
    expect(data.schools.filter(isCurrent).length).toBeGreaterThanOrEqual(300);
    expect(data.schools.filter((s) => !isCurrent(s)).length).toBeGreaterThanOrEqual(6);
  });

  it('uses unique keys and unique codes across units and schools', () => {
    expect(keys.size).toBe(all.length);
    expect(new Set(all.map((u) => u.code)).size).toBe(all.length);
  });

  it('resolves every parentKey, communeKey, grant unitKey and event key', () => {
    const communeKeys = new Set(data.units.filter((u) => COMMUNE_LEVEL.has(u.typeCode)).map((u) => u.key));
    for (const u of all) if (u.parentKey !== null) expect(keys, `${u.key} → ${u.parentKey}`).toContain(u.parentKey);
    for (const s of data.schools) expect(communeKeys, s.key).toContain(s.communeKey);
    for (const user of data.users) for (const g of user.grants) expect(keys, user.username).toContain(g.unitKey);
    for (const e of data.events) for (const k of [...e.fromKeys, ...e.toKeys]) expect(keys, e.kind).toContain(k);
  });

  it('places each unit only under a parent type that migration 0002_org.sql allows', () => {
    const allowed: Record<string, string[]> = {
      province: [],
      district: ['province'],
      commune: ['province', 'district'],
      ward: ['province', 'district'],
      special_zone: ['province'],
      department: ['province'],
      division: ['department'],
      district_education_office: ['district', 'department'],
      commune_committee: ['commune', 'ward', 'special_zone'],
      culture_society_division: ['commune_committee'],
      school: ['department', 'culture_society_division', 'district_education_office'],
      gdtx_centre: ['department', 'culture_society_division'],
    };
    const typeOf = new Map(all.map((u) => [u.key, u.typeCode]));
    for (const u of all) {
      const parentType = u.parentKey === null ? undefined : typeOf.get(u.parentKey);
      if (parentType === undefined) expect(allowed[u.typeCode], u.key).toEqual([]);
      else expect(allowed[u.typeCode], u.key).toContain(parentType);
    }
  });

  it('lists parents before children among the non-school units', () => {
    const seen = new Set<string>();
    for (const u of data.units) {
      if (u.parentKey !== null) expect(seen, u.key).toContain(u.parentKey);
      seen.add(u.key);
    }
  });

  it('stores every name in NFC without doubled or edge spaces', () => {
    const names = all.flatMap((u) => [u.name, ...(u.formerNames ?? []).map((n) => n.name)]);
    names.push(...data.users.map((u) => u.fullName));
    for (const name of names) {
      expect(name).toBe(name.normalize('NFC'));
      expect(name).not.toContain('  ');
      expect(name).toBe(name.trim());
    }
  });

  it('returns the same dataset on every call', () => {
    expect(buildDemoDataset()).toEqual(buildDemoDataset());
    expect(buildDemoDataset()).toEqual(data);
  });

  it('contains Trường THPT Trần Quốc Tuấn, findable by an unaccented query', () => {
    const hits = data.schools.filter((s) => fold(s.name).includes('truong thpt tran quoc tuan'));
    expect(hits.map((s) => s.name)).toEqual(['Trường THPT Trần Quốc Tuấn']);
    expect(data.schools.some((s) => s.name.includes('Đ'))).toBe(true);
  });

  it('has one demo login per role, with valid usernames and only moi.capphep forced to change its password', () => {
    const roles = new Set(data.users.flatMap((u) => u.grants.map((g) => g.role)));
    for (const role of [
      'system_admin',
      'department_leader',
      'department_admissions_officer',
      'department_staff',
      'commune_education_officer',
      'principal',
      'teacher',
      'school_it',
    ]) {
      expect(roles).toContain(role);
    }
    for (const u of data.users) expect(u.username).toMatch(/^[a-z0-9._-]{3,60}$/);
    expect(new Set(data.users.map((u) => u.username)).size).toBe(data.users.length);
    expect(data.users.filter((u) => u.mustChangePassword).map((u) => u.username)).toEqual(['moi.capphep']);
  });

  it('puts every e-mail on the reserved demo domain', () => {
    const emails = [...data.schools, ...data.users].map((x) => x.email).filter((e) => e !== null);
    for (const e of emails) expect(e).toMatch(/^[a-z0-9._-]+@demo\.giaoducso\.invalid$/);
  });
});
