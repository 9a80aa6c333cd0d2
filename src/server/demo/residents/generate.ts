import type { Gender } from '../../../shared/population.schema.ts';
import type { EthnicityCode } from '../../modules/population/ethnicities.ts';
import { formatPersonalId, PROVINCE_KON_TUM, PROVINCE_QUANG_NGAI } from '../../modules/population/personal-id.ts';
import { createRandom, pick, type Random, randomInt } from '../data/prng.ts';
import { type DemoCommune, demoCommunes } from './communes.ts';
import { familyName, personName } from './names.ts';
import { addressLineOf, drawEthnicity, ethnicMix, villagesOf } from './places.ts';
import { buildTrickyResidents } from './tricky.ts';
import type { DemoGuardian, DemoResidence, DemoResident } from './types.ts';

export type { DemoResident } from './types.ts';

/** The demo's admission year: the 2027–2028 school year. */
export const DEFAULT_ADMISSION_YEAR = 2027;

/**
 * Age in the calendar year of entry: grade 1 at 6 (Luật Giáo dục 2019, Điều 28), hence grade 6
 * at 11 and grade 10 at 15. For 2027: born 2021, 2016 and 2012.
 */
export const ENTRY_AGE = { 1: 6, 6: 11, 10: 15 } as const;

/** Changing the seed changes every synthetic resident: keep it fixed. */
const SEED = 20_270_905;

/** Provinces where a few children's births were registered before the family moved here. */
const ELSEWHERE = ['048', '049', '052', '064', '079'];
const MOBILE_PREFIXES =
  '32 33 34 35 36 37 38 39 52 56 58 70 76 77 78 79 81 82 83 84 85 86 88 89 90 91 93 94 96 97 98'.split(' ');

interface Ctx {
  random: Random;
  usedIds: Set<string>;
  usedPhones: Set<string>;
  villages: Map<string, string[]>;
  wards: Map<string, DemoCommune[]>;
}

/**
 * SYNTHETIC children of the demo province for the demo population registry: about 6,000,
 * 16–34 per commune-level unit and entry grade (1, 6, 10), with villages, guardians and
 * personal IDs that follow Thông tư 59/2021/TT-BCA (051 / 062 by the commune's former province),
 * plus the documented tricky cases (tricky.ts). Deterministic: equal inputs, deep-equal output.
 */
export function buildDemoResidents(opts: { admissionYear?: number } = {}): DemoResident[] {
  const year = opts.admissionYear ?? DEFAULT_ADMISSION_YEAR;
  const communes = demoCommunes();
  const tricky = Object.values(buildTrickyResidents(year, communes));
  const ctx: Ctx = {
    random: createRandom(SEED),
    usedIds: new Set(tricky.map((t) => t.personalId)),
    usedPhones: new Set(tricky.flatMap((t) => t.guardians.flatMap((g) => (g.phone ? [g.phone] : [])))),
    villages: new Map(communes.map((c, i) => [c.code, villagesOf(c.info, i * 7)])),
    wards: new Map(),
  };
  for (const c of communes) {
    if (c.info.seed.type !== 'ward') continue;
    ctx.wards.set(c.info.origin, [...(ctx.wards.get(c.info.origin) ?? []), c]);
  }
  const residents: DemoResident[] = [];
  for (const c of communes) {
    for (const grade of [1, 6, 10] as const) {
      const n = c.info.seed.type === 'ward' ? randomInt(ctx.random, 26, 34) : randomInt(ctx.random, 16, 24);
      for (let i = 0; i < n; i++) residents.push(makeChild(ctx, c, year - ENTRY_AGE[grade]));
    }
  }
  return [...residents, ...tricky];
}

function makeChild(ctx: Ctx, c: DemoCommune, birthYear: number): DemoResident {
  const { random } = ctx;
  const gender: Gender = random() < 0.5 ? 'male' : 'female';
  const ethnicity = drawEthnicity(ethnicMix(c.info), random());
  const fatherFamily = familyName(random, ethnicity);
  const motherFamily = familyName(random, ethnicity);
  const fullName = personName(random, ethnicity, gender, ethnicity === 'gia_rai' ? motherFamily : fatherFamily);
  const home = c.info.origin === 'tinh-kon-tum' ? PROVINCE_KON_TUM : PROVINCE_QUANG_NGAI;
  const province = random() < 0.03 ? pick(random, ELSEWHERE) : home;
  const permanent = residence(ctx, c);
  // About 3 in 100 live (temporarily) in a ward of the same former province.
  const wards = ctx.wards.get(c.info.origin) ?? [];
  const current = random() < 0.03 && wards.length ? residence(ctx, pick(random, wards)) : { ...permanent };
  return {
    personalId: uniqueId(ctx, province, birthYear, gender),
    fullName,
    dateOfBirth: randomDay(random, birthYear),
    gender,
    ethnicity,
    permanent,
    current,
    guardians: guardians(ctx, ethnicity, fatherFamily, motherFamily),
    note: null,
  };
}

function residence(ctx: Ctx, c: DemoCommune): DemoResidence {
  return {
    communeCode: c.code,
    village: pick(ctx.random, ctx.villages.get(c.code) ?? []),
    addressLine: addressLineOf(c.info, randomInt(ctx.random, 1, 240), randomInt(ctx.random, 0, 99)),
  };
}

/** Both parents mostly; some single parents; some raised by a grandparent as guardian. */
function guardians(ctx: Ctx, ethnicity: EthnicityCode, fatherFamily: string, motherFamily: string): DemoGuardian[] {
  const { random } = ctx;
  const father = (): DemoGuardian => ({
    fullName: personName(random, ethnicity, 'male', fatherFamily),
    relation: 'father',
    phone: phone(ctx),
  });
  const mother = (): DemoGuardian => ({
    fullName: personName(random, ethnicity, 'female', motherFamily),
    relation: 'mother',
    phone: phone(ctx),
  });
  const u = random();
  if (u < 0.85) return [father(), mother()];
  if (u < 0.93) return [mother()];
  if (u < 0.96) return [father()];
  return [
    {
      ...mother(),
      fullName: personName(random, ethnicity, 'female', familyName(random, ethnicity)),
      relation: 'guardian',
    },
  ];
}

/** A synthetic mobile number (85% of guardians have one), unique in the dataset. */
function phone(ctx: Ctx): string | null {
  if (ctx.random() >= 0.85) return null;
  for (;;) {
    const p = `+84${pick(ctx.random, MOBILE_PREFIXES)}${String(randomInt(ctx.random, 0, 9_999_999)).padStart(7, '0')}`;
    if (!ctx.usedPhones.has(p)) {
      ctx.usedPhones.add(p);
      return p;
    }
  }
}

function uniqueId(ctx: Ctx, provinceCode: string, birthYear: number, gender: Gender): string {
  for (;;) {
    const serial = String(randomInt(ctx.random, 0, 899_999)).padStart(6, '0');
    const id = formatPersonalId({ provinceCode, birthYear, gender, serial });
    if (!ctx.usedIds.has(id)) {
      ctx.usedIds.add(id);
      return id;
    }
  }
}

/** A uniformly random day of `year`, 'yyyy-mm-dd'. */
function randomDay(random: Random, year: number): string {
  const start = Date.UTC(year, 0, 1);
  const days = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000;
  return new Date(start + randomInt(random, 0, days - 1) * 86_400_000).toISOString().slice(0, 10);
}
