import type { CommuneSeed } from './communes.ts';
import { COMMUNES, communeFullName, communeInnerName, communeKeyOf } from './communes.ts';
import type { OldProvinceKey } from './districts.ts';
import { DISTRICTS, DISTRICTS_VALID_TO, officeKeyOf, officeNameOf } from './districts.ts';
import type { DemoUnit } from './types.ts';

/** First day of the two-level local government (Nghị quyết 202/2025/QH15). */
export const MERGER_DATE = '2025-07-01';

/** A current commune-level unit with what the school generator needs to know about it. */
export interface CommuneInfo {
  key: string;
  seed: CommuneSeed;
  /** 'xã Tịnh Khê', for use inside other names and addresses. */
  innerName: string;
  /** The former province its territory came from (phone area code, school code prefix). */
  origin: OldProvinceKey;
  /** Formed (at least partly) from a mountainous district, and not a ward. */
  mountain: boolean;
  committeeKey: string;
  divisionKey: string;
}

const DIVISIONS: readonly { key: string; code: string; name: string }[] = [
  { key: 'so-vp', code: 'QNG.SGD.VP', name: 'Văn phòng Sở' },
  { key: 'so-gdtrh', code: 'QNG.SGD.GDTRH', name: 'Phòng Giáo dục Trung học' },
  { key: 'so-gdmn-th', code: 'QNG.SGD.GDMNTH', name: 'Phòng Giáo dục Mầm non – Tiểu học' },
  { key: 'so-khtc', code: 'QNG.SGD.KHTC', name: 'Phòng Kế hoạch – Tài chính' },
  {
    key: 'so-cttt',
    code: 'QNG.SGD.CTTT',
    name: 'Phòng Chính trị tư tưởng – Giáo dục chuyên nghiệp và Giáo dục thường xuyên',
  },
  { key: 'so-ktkd', code: 'QNG.SGD.KTKD', name: 'Phòng Khảo thí và Kiểm định chất lượng giáo dục' },
  { key: 'so-tccb', code: 'QNG.SGD.TCCB', name: 'Phòng Tổ chức cán bộ' },
  { key: 'so-tt', code: 'QNG.SGD.TT', name: 'Thanh tra Sở' },
];

const CODE_LETTER: Record<CommuneSeed['type'], string> = { commune: 'X', ward: 'P', special_zone: 'D' };

/** The 96 current commune-level units in list order, with derived keys. */
export function listCommunes(): CommuneInfo[] {
  const districtByKey = new Map(DISTRICTS.map((d) => [d.key, d]));
  const usedKeys = new Set<string>();
  return COMMUNES.map((seed) => {
    const districts = seed.from.map((k) => {
      const d = districtByKey.get(k);
      if (!d) throw new Error(`commune ${seed.name}: unknown district ${k}`);
      return d;
    });
    // 'Ba Tơ' and 'Ba Tô' (or 'Sơn Hà' and 'Sơn Hạ') fold to the same slug: the later one gets '-2'.
    const key = uniqueKey(communeKeyOf(seed), usedKeys);
    return {
      key,
      seed,
      innerName: communeInnerName(seed),
      origin: districts[0]!.provinceKey,
      mountain: seed.type === 'commune' && districts.some((d) => d.mountain),
      committeeKey: `ubnd-${key}`,
      divisionKey: `vhxh-${key}`,
    };
  });
}

/** `base`, or `base-2`, `base-3`… if taken; records the result in `used`. */
export function uniqueKey(base: string, used: Set<string>): string {
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
  used.add(key);
  return key;
}

/** Every non-school unit, parents before children. */
export function buildUnits(communes: readonly CommuneInfo[]): DemoUnit[] {
  const units: DemoUnit[] = [
    province('tinh-quang-ngai', 'QNG', 'Tỉnh Quảng Ngãi', '1989-07-01', null),
    province('tinh-kon-tum', 'KTM', 'Tỉnh Kon Tum', '1991-08-12', DISTRICTS_VALID_TO),
  ];
  for (const d of DISTRICTS) {
    units.push({
      key: d.key,
      code: d.code,
      name: d.name,
      typeCode: 'district',
      parentKey: d.provinceKey,
      validFrom: d.validFrom,
      validTo: DISTRICTS_VALID_TO,
      ...(d.formerNames ? { formerNames: d.formerNames.map((n) => ({ ...n })) } : {}),
    });
  }
  units.push(
    unit('so-gddt', 'QNG.SGD', 'Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi', 'department', 'tinh-quang-ngai', '1989-07-01'),
  );
  for (const div of DIVISIONS) units.push(unit(div.key, div.code, div.name, 'division', 'so-gddt', null));
  units.push({
    ...unit(
      'so-gddt-kon-tum',
      'KTM.SGD',
      'Sở Giáo dục và Đào tạo tỉnh Kon Tum',
      'department',
      'tinh-kon-tum',
      '1991-08-12',
    ),
    validTo: DISTRICTS_VALID_TO,
  });
  for (const d of DISTRICTS) {
    units.push({
      key: officeKeyOf(d.key),
      code: `${d.code}.PGD`,
      name: officeNameOf(d.name),
      typeCode: 'district_education_office',
      parentKey: d.key,
      validFrom: d.validFrom,
      validTo: DISTRICTS_VALID_TO,
      ...(d.formerNames ? { formerNames: d.formerNames.map((n) => ({ ...n, name: officeNameOf(n.name) })) } : {}),
    });
  }
  const serial: Record<CommuneSeed['type'], number> = { commune: 0, ward: 0, special_zone: 0 };
  const communeCodes = new Map<string, string>();
  for (const c of communes) {
    serial[c.seed.type] += 1;
    const code = `QNG.${CODE_LETTER[c.seed.type]}${String(serial[c.seed.type]).padStart(3, '0')}`;
    communeCodes.set(c.key, code);
    units.push(unit(c.key, code, communeFullName(c.seed), c.seed.type, 'tinh-quang-ngai', MERGER_DATE));
  }
  for (const c of communes) {
    const code = communeCodes.get(c.key)!;
    units.push(unit(c.committeeKey, `${code}.UB`, `UBND ${c.innerName}`, 'commune_committee', c.key, MERGER_DATE));
    units.push(
      unit(
        c.divisionKey,
        `${code}.VX`,
        `Phòng Văn hóa – Xã hội ${c.innerName}`,
        'culture_society_division',
        c.committeeKey,
        MERGER_DATE,
      ),
    );
  }
  return units;
}

function province(key: string, code: string, name: string, validFrom: string, validTo: string | null): DemoUnit {
  return { key, code, name, typeCode: 'province', parentKey: null, validFrom, validTo };
}

function unit(
  key: string,
  code: string,
  name: string,
  typeCode: DemoUnit['typeCode'],
  parentKey: string,
  validFrom: string | null,
): DemoUnit {
  return { key, code, name, typeCode, parentKey, validFrom, validTo: null };
}
