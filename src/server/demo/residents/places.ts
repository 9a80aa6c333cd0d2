import type { EthnicityCode } from '../../modules/population/ethnicities.ts';
import type { CommuneInfo } from '../data/units.ts';

/**
 * Where the synthetic children live: villages (thôn, tổ dân phố), streets, and which peoples
 * live in which former district, roughly as in the region (mountain districts of old Quảng Ngãi:
 * Hrê, Co, Ca Dong; of old Kon Tum: Xơ Đăng, Ba Na, Giẻ Triêng, Gia Rai, Brâu, Rơ Măm). The
 * shares are illustrative, not census figures; village names are plausible, not a gazetteer.
 */

const list = (s: string): readonly string[] => s.split(',').map((x) => x.trim());

type Mix = readonly (readonly [EthnicityCode, number])[];

const DISTRICT_MIX: Record<string, Mix> = {
  'huyen-ba-to': [
    ['hre', 0.75],
    ['kinh', 0.25],
  ],
  'huyen-minh-long': [
    ['hre', 0.7],
    ['kinh', 0.3],
  ],
  'huyen-son-ha': [
    ['hre', 0.75],
    ['kinh', 0.25],
  ],
  'huyen-son-tay': [
    ['ca_dong', 0.8],
    ['hre', 0.1],
    ['kinh', 0.1],
  ],
  'huyen-tra-bong': [
    ['cor', 0.6],
    ['hre', 0.15],
    ['kinh', 0.25],
  ],
  'tp-kon-tum': [
    ['kinh', 0.7],
    ['ba_na', 0.25],
    ['gia_rai', 0.05],
  ],
  'huyen-dak-glei': [
    ['gie_trieng', 0.55],
    ['xo_dang', 0.3],
    ['kinh', 0.15],
  ],
  'huyen-ngoc-hoi': [
    ['gie_trieng', 0.45],
    ['kinh', 0.55],
  ],
  'huyen-dak-to': [
    ['xo_dang', 0.55],
    ['kinh', 0.45],
  ],
  'huyen-kon-plong': [
    ['xo_dang', 0.8],
    ['kinh', 0.2],
  ],
  'huyen-kon-ray': [
    ['xo_dang', 0.55],
    ['ba_na', 0.2],
    ['kinh', 0.25],
  ],
  'huyen-dak-ha': [
    ['kinh', 0.5],
    ['xo_dang', 0.3],
    ['ba_na', 0.2],
  ],
  'huyen-sa-thay': [
    ['gia_rai', 0.5],
    ['kinh', 0.5],
  ],
  'huyen-tu-mo-rong': [
    ['xo_dang', 0.9],
    ['kinh', 0.1],
  ],
  'huyen-ia-hdrai': [
    ['kinh', 0.7],
    ['gia_rai', 0.3],
  ],
};
/** The Brâu live in Bờ Y, the Rơ Măm in Mô Rai: each people's only home in Vietnam. */
const COMMUNE_MIX: Record<string, Mix> = {
  'Bờ Y': [
    ['brau', 0.15],
    ['gie_trieng', 0.35],
    ['kinh', 0.5],
  ],
  'Mô Rai': [
    ['ro_mam', 0.15],
    ['gia_rai', 0.4],
    ['kinh', 0.45],
  ],
};

/** The peoples of a commune with their shares (summing to 1). */
export function ethnicMix(c: CommuneInfo): Mix {
  return COMMUNE_MIX[c.seed.name] ?? DISTRICT_MIX[c.seed.from[0] ?? ''] ?? [['kinh', 1]];
}

/** One people drawn from the mix with `u` in [0, 1). */
export function drawEthnicity(mix: Mix, u: number): EthnicityCode {
  let acc = 0;
  for (const [code, share] of mix) {
    acc += share;
    if (u < acc) return code;
  }
  return mix[mix.length - 1]?.[0] ?? 'kinh';
}

const PLAINS_VILLAGES = list(
  'An Lộc, Phú Mỹ, Long Bình, Tân Hòa, Thạch Trụ, Vạn Lý, Hòa Bình, Đông Yên, Phước Lộc, Mỹ Thạnh, Tân An, ' +
    'Trung An, Phú Thọ, Bình Đông, Xuân Phổ, Hiệp Phổ, Vĩnh Bình, An Điềm, Phước Thịnh, Thanh Hiếu, Đông Hòa',
);
const QN_MOUNTAIN_VILLAGES = list(
  'Mang Lùng, Nước Lăng, Gò Ôn, Đồng Dâu, Nước Như, Gọi Re, Teng, Xà Ây, Ka Tinh, Đăk Lang, Huy Măng, ' +
    'Ra Manh, Nước Vương, Trà Nga, Gò Rô, Mang Krá',
);
const KT_VILLAGES = list(
  'Kon Hring, Kon Klor, Đăk Xú, Plei Kần, Đăk Wơk, Kon Rờ Bàng, Plei Đôn, Đăk Tang, Kon Gung, Tu Rang, ' +
    'Măng Tôn, Đăk Rơ Nga, Plei Lang, Kon Tu, Đăk Lung, Plei Rơ Wăk, Kon Pring, Long Loi',
);
const LY_SON_VILLAGES = list('Đông, Tây, Bắc, Trung Hòa, Đồng Hộ, Bắc Đảo');
const STREETS = list(
  'Hùng Vương, Quang Trung, Lê Lợi, Phan Đình Phùng, Trần Hưng Đạo, Lê Hồng Phong, Bà Triệu, Nguyễn Huệ, ' +
    'Trần Phú, Hai Bà Trưng, Phạm Văn Đồng, Lê Trung Đình, Nguyễn Nghiêm, Trường Chinh, Đào Duy Từ, Ure',
);

/**
 * Village names of a commune: tổ dân phố in wards, thôn elsewhere. `start` offsets the pick so
 * that neighbouring communes do not all get the same villages.
 */
export function villagesOf(c: CommuneInfo, start: number): string[] {
  if (c.seed.type === 'ward') return Array.from({ length: 12 }, (_, i) => `Tổ dân phố ${i + 1}`);
  if (c.seed.type === 'special_zone') return LY_SON_VILLAGES.map((v) => `Thôn ${v}`);
  const pool = c.origin === 'tinh-kon-tum' ? KT_VILLAGES : c.mountain ? QN_MOUNTAIN_VILLAGES : PLAINS_VILLAGES;
  const count = 5 + (start % 3);
  return Array.from({ length: count }, (_, i) => `Thôn ${pool[(start + i * 3) % pool.length]}`);
}

/** A street address in a ward ("Số 27 đường Lê Lợi"); null in communes, where the village is the address. */
export function addressLineOf(c: CommuneInfo, house: number, street: number): string | null {
  if (c.seed.type !== 'ward') return null;
  return `Số ${house} đường ${STREETS[street % STREETS.length]}`;
}
