import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkPersonalId, parsePersonalId } from '../../modules/population/personal-id.ts';
import { normalisePhone } from '../../platform/otp/contact.ts';
import { demoCommunes } from './communes.ts';
import { buildDemoResidents } from './generate.ts';
import { buildTrickyResidents } from './tricky.ts';

const digest = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex');

describe('buildDemoResidents', () => {
  const residents = buildDemoResidents();
  const communes = demoCommunes();
  const originOf = new Map(communes.map((c) => [c.code, c.info.origin]));

  it('is deterministic: two calls give deep-equal data', () => {
    expect(digest(buildDemoResidents())).toBe(digest(residents));
  });

  it('has about 6,000 children in the three entry cohorts of 2027 (born 2021, 2016, 2012)', () => {
    expect(residents.length).toBeGreaterThan(5500);
    expect(residents.length).toBeLessThan(6500);
    const years = new Set(residents.map((r) => r.dateOfBirth.slice(0, 4)));
    expect([...years].sort()).toEqual(['2012', '2016', '2021']);
  });

  it('follows another admission year', () => {
    const years = new Set(buildDemoResidents({ admissionYear: 2030 }).map((r) => r.dateOfBirth.slice(0, 4)));
    expect([...years].sort()).toEqual(['2015', '2019', '2024']);
  });

  it('gives every commune-level unit children in each cohort', () => {
    for (const c of communes) {
      const here = residents.filter((r) => r.permanent.communeCode === c.code);
      for (const y of ['2021', '2016', '2012']) {
        expect(here.filter((r) => r.dateOfBirth.startsWith(y)).length, `${c.code} ${y}`).toBeGreaterThanOrEqual(16);
      }
    }
  });

  it('uses unique personal IDs consistent with date of birth and gender', () => {
    expect(new Set(residents.map((r) => r.personalId)).size).toBe(residents.length);
    for (const r of residents) {
      expect(checkPersonalId(r.personalId, { dateOfBirth: r.dateOfBirth, gender: r.gender }), r.personalId).toEqual([]);
    }
  });

  it('registers most births in the former province of the commune: 051 Quảng Ngãi, 062 Kon Tum', () => {
    const home = residents.filter((r) => {
      const p = parsePersonalId(r.personalId)?.provinceCode;
      return p === (originOf.get(r.permanent.communeCode) === 'tinh-kon-tum' ? '062' : '051');
    });
    expect(home.length / residents.length).toBeGreaterThan(0.95);
  });

  it('names people family name first, NFC, with ethnic-minority names in the mountain communes', () => {
    for (const r of residents) expect(r.fullName, r.personalId).toBe(r.fullName.normalize('NFC'));
    const minority = residents.filter((r) => r.ethnicity !== 'kinh');
    expect(minority.length / residents.length).toBeGreaterThan(0.15);
    expect(residents.some((r) => r.ethnicity === 'xo_dang' && /^(A|Y) /.test(r.fullName))).toBe(true);
    expect(residents.some((r) => r.ethnicity === 'hre')).toBe(true);
    expect(residents.filter((r) => r.ethnicity === 'kinh').every((r) => r.fullName.split(' ').length >= 3)).toBe(true);
  });

  it('gives guardians canonical, unique phone numbers or none', () => {
    const phones = residents.flatMap((r) => r.guardians.flatMap((g) => (g.phone ? [g.phone] : [])));
    for (const p of phones) expect(normalisePhone(p)).toBe(p);
    const twins = buildTrickyResidents(2027, communes);
    const shared = new Set([twins.twin_boy, twins.twin_girl].flatMap((t) => t.guardians.map((g) => g.phone)));
    expect(new Set(phones).size).toBe(phones.length - shared.size);
  });

  it('includes the documented tricky cases', () => {
    const t = buildTrickyResidents(2027, communes);
    const byId = new Map(residents.map((r) => [r.personalId, r]));
    for (const r of Object.values(t)) expect(byId.get(r.personalId)).toEqual(r);
    expect(t.moved.current.communeCode).not.toBe(t.moved.permanent.communeCode);
    expect(t.twin_boy.dateOfBirth).toBe(t.twin_girl.dateOfBirth);
    expect(t.twin_boy.guardians).toEqual(t.twin_girl.guardians);
    expect(t.rare_diacritic.fullName).toBe('Nguyễn Thị Ỷ');
    expect(t.no_village.permanent.village).toBeNull();
    expect(parsePersonalId(t.born_elsewhere.personalId)?.provinceCode).toBe('079');
  });

  it('lets some children live away from their permanent residence', () => {
    const moved = residents.filter((r) => r.current.communeCode !== r.permanent.communeCode);
    expect(moved.length).toBeGreaterThan(50);
  });
});
