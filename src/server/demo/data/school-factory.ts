import { slugify } from './communes.ts';
import type { Random } from './prng.ts';
import { pick, randomInt } from './prng.ts';
import { HAMLETS, KT_MOUNTAIN_HAMLETS, QN_MOUNTAIN_HAMLETS } from './school-names.ts';
import type { DemoSchool, SchoolLevel } from './types.ts';
import type { CommuneInfo } from './units.ts';
import { uniqueKey } from './units.ts';

/** Reserved-for-testing TLD (RFC 2606), so no demo e-mail can ever be delivered. */
export const DEMO_EMAIL_DOMAIN = 'demo.giaoducso.invalid';

export interface SchoolSpec {
  name: string;
  communeKey: string;
  parentKey: string;
  levels: SchoolLevel[];
  typeCode?: DemoSchool['typeCode'];
  ownership?: DemoSchool['ownership'];
  validFrom?: string | null;
  validTo?: string | null;
  formerNames?: DemoSchool['formerNames'];
}

export type SchoolFactory = (spec: SchoolSpec) => DemoSchool;

/**
 * Makes schools with synthetic codes, addresses, phones and e-mails. Codes are 8 digits
 * prefixed by the GSO code of the former province the school stands in (51 Quảng Ngãi,
 * 62 Kon Tum), as school codes issued before the merger were.
 */
export function createSchoolFactory(random: Random, communes: readonly CommuneInfo[]): SchoolFactory {
  const communeByKey = new Map(communes.map((c) => [c.key, c]));
  const nextCode = { 'tinh-quang-ngai': 51_000_100, 'tinh-kon-tum': 62_000_100 };
  const usedPhones = new Set<string>();
  const usedKeys = new Set<string>();

  return (spec) => {
    const commune = communeByKey.get(spec.communeKey);
    if (!commune) throw new Error(`school ${spec.name}: unknown commune ${spec.communeKey}`);
    nextCode[commune.origin] += randomInt(random, 1, 9);
    // Names differing only in diacritics ('Ba Tơ' / 'Ba Tô') share a slug; the later one gets '-2'.
    const key = uniqueKey(slugify(spec.name), usedKeys);
    const ownership = spec.ownership ?? 'public';
    return {
      key,
      code: String(nextCode[commune.origin]),
      name: spec.name,
      typeCode: spec.typeCode ?? 'school',
      parentKey: spec.parentKey,
      validFrom: spec.validFrom ?? null,
      validTo: spec.validTo ?? null,
      ...(spec.formerNames ? { formerNames: spec.formerNames } : {}),
      levels: spec.levels,
      ownership,
      communeKey: commune.key,
      address: random() < 0.04 ? null : makeAddress(random, commune),
      phone: random() < 0.06 ? null : makePhone(random, commune, usedPhones),
      email: ownership === 'private' && random() < 0.3 ? null : `${emailLocalPart(key)}@${DEMO_EMAIL_DOMAIN}`,
    };
  };
}

function makeAddress(random: Random, commune: CommuneInfo): string {
  const place =
    commune.seed.type === 'ward'
      ? `Tổ dân phố ${randomInt(random, 1, 12)}`
      : pick(
          random,
          !commune.mountain ? HAMLETS : commune.origin === 'tinh-kon-tum' ? KT_MOUNTAIN_HAMLETS : QN_MOUNTAIN_HAMLETS,
        );
  return `${place}, ${commune.innerName}, tỉnh Quảng Ngãi`;
}

/** Landline in the style '0255 3 812 345' (0255 Quảng Ngãi, 0260 former Kon Tum). */
function makePhone(random: Random, commune: CommuneInfo, used: Set<string>): string {
  const area = commune.origin === 'tinh-kon-tum' ? '0260' : '0255';
  for (;;) {
    const phone = `${area} 3 8${randomInt(random, 10, 99)} ${randomInt(random, 100, 999)}`;
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}

/** 'truong-tieu-hoc-so-1-tinh-khe' → 'th-so-1-tinh-khe'. */
function emailLocalPart(key: string): string {
  return key
    .replace(/^truong-/, '')
    .replace(/^mam-non-/, 'mn-')
    .replace(/^tieu-hoc-/, 'th-')
    .replace(/^trung-tam-/, 'tt-');
}
