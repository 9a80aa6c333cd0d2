/**
 * The 23 district-level units of the two former provinces, all abolished on 1 July 2025
 * when Vietnam moved to two levels of local government (Nghị quyết 202/2025/QH15,
 * Nghị quyết 1677/NQ-UBTVQH15). Names are public facts; founding dates are left null
 * where we are not sure of them.
 */

export type OldProvinceKey = 'tinh-quang-ngai' | 'tinh-kon-tum';

export interface DistrictSeed {
  key: string;
  code: string;
  /** Full name with its type word, e.g. 'Huyện Ba Tơ'. */
  name: string;
  provinceKey: OldProvinceKey;
  validFrom: string | null;
  formerNames?: { name: string; validFrom: string | null; validTo: string }[];
  /** Mountainous district: its communes get semi-boarding ethnic schools (PTDTBT). */
  mountain: boolean;
}

/** Last day any district existed. */
export const DISTRICTS_VALID_TO = '2025-06-30';

export const DISTRICTS: readonly DistrictSeed[] = [
  {
    key: 'tp-quang-ngai',
    code: 'QNG.H01',
    name: 'Thành phố Quảng Ngãi',
    provinceKey: 'tinh-quang-ngai',
    validFrom: null,
    mountain: false,
  },
  {
    key: 'tx-duc-pho',
    code: 'QNG.H02',
    name: 'Thị xã Đức Phổ',
    provinceKey: 'tinh-quang-ngai',
    validFrom: null,
    // Nghị quyết 867/NQ-UBTVQH14 made the district a town (thị xã) from 1/2/2020.
    formerNames: [{ name: 'Huyện Đức Phổ', validFrom: null, validTo: '2020-01-31' }],
    mountain: false,
  },
  {
    key: 'huyen-ba-to',
    code: 'QNG.H03',
    name: 'Huyện Ba Tơ',
    provinceKey: 'tinh-quang-ngai',
    validFrom: null,
    mountain: true,
  },
  {
    key: 'huyen-binh-son',
    code: 'QNG.H04',
    name: 'Huyện Bình Sơn',
    provinceKey: 'tinh-quang-ngai',
    validFrom: null,
    mountain: false,
  },
  {
    key: 'huyen-ly-son',
    code: 'QNG.H05',
    name: 'Huyện Lý Sơn',
    provinceKey: 'tinh-quang-ngai',
    validFrom: null,
    mountain: false,
  },
  {
    key: 'huyen-minh-long',
    code: 'QNG.H06',
    name: 'Huyện Minh Long',
    provinceKey: 'tinh-quang-ngai',
    validFrom: null,
    mountain: true,
  },
  {
    key: 'huyen-mo-duc',
    code: 'QNG.H07',
    name: 'Huyện Mộ Đức',
    provinceKey: 'tinh-quang-ngai',
    validFrom: null,
    mountain: false,
  },
  {
    key: 'huyen-nghia-hanh',
    code: 'QNG.H08',
    name: 'Huyện Nghĩa Hành',
    provinceKey: 'tinh-quang-ngai',
    validFrom: null,
    mountain: false,
  },
  {
    key: 'huyen-son-ha',
    code: 'QNG.H09',
    name: 'Huyện Sơn Hà',
    provinceKey: 'tinh-quang-ngai',
    validFrom: null,
    mountain: true,
  },
  {
    key: 'huyen-son-tay',
    code: 'QNG.H10',
    name: 'Huyện Sơn Tây',
    provinceKey: 'tinh-quang-ngai',
    validFrom: null,
    mountain: true,
  },
  {
    key: 'huyen-son-tinh',
    code: 'QNG.H11',
    name: 'Huyện Sơn Tịnh',
    provinceKey: 'tinh-quang-ngai',
    validFrom: null,
    mountain: false,
  },
  {
    key: 'huyen-tra-bong',
    code: 'QNG.H12',
    name: 'Huyện Trà Bồng',
    provinceKey: 'tinh-quang-ngai',
    validFrom: null,
    mountain: true,
  },
  {
    key: 'huyen-tu-nghia',
    code: 'QNG.H13',
    name: 'Huyện Tư Nghĩa',
    provinceKey: 'tinh-quang-ngai',
    validFrom: null,
    mountain: false,
  },
  {
    key: 'tp-kon-tum',
    code: 'KTM.H01',
    name: 'Thành phố Kon Tum',
    provinceKey: 'tinh-kon-tum',
    validFrom: null,
    mountain: false,
  },
  {
    key: 'huyen-dak-glei',
    code: 'KTM.H02',
    name: 'Huyện Đăk Glei',
    provinceKey: 'tinh-kon-tum',
    validFrom: null,
    mountain: true,
  },
  {
    key: 'huyen-ngoc-hoi',
    code: 'KTM.H03',
    name: 'Huyện Ngọc Hồi',
    provinceKey: 'tinh-kon-tum',
    validFrom: null,
    mountain: true,
  },
  {
    key: 'huyen-dak-to',
    code: 'KTM.H04',
    name: 'Huyện Đăk Tô',
    provinceKey: 'tinh-kon-tum',
    validFrom: null,
    mountain: true,
  },
  {
    key: 'huyen-kon-plong',
    code: 'KTM.H05',
    name: 'Huyện Kon Plông',
    provinceKey: 'tinh-kon-tum',
    validFrom: null,
    mountain: true,
  },
  {
    key: 'huyen-kon-ray',
    code: 'KTM.H06',
    name: 'Huyện Kon Rẫy',
    provinceKey: 'tinh-kon-tum',
    validFrom: null,
    mountain: true,
  },
  {
    key: 'huyen-dak-ha',
    code: 'KTM.H07',
    name: 'Huyện Đăk Hà',
    provinceKey: 'tinh-kon-tum',
    validFrom: null,
    mountain: true,
  },
  {
    key: 'huyen-sa-thay',
    code: 'KTM.H08',
    name: 'Huyện Sa Thầy',
    provinceKey: 'tinh-kon-tum',
    validFrom: null,
    mountain: true,
  },
  {
    key: 'huyen-tu-mo-rong',
    code: 'KTM.H09',
    name: 'Huyện Tu Mơ Rông',
    provinceKey: 'tinh-kon-tum',
    validFrom: null,
    mountain: true,
  },
  {
    key: 'huyen-ia-hdrai',
    code: 'KTM.H10',
    name: "Huyện Ia H'Drai",
    provinceKey: 'tinh-kon-tum',
    validFrom: null,
    mountain: true,
  },
];

/** Key of a district's education office (Phòng GDĐT), e.g. 'pgd-huyen-ba-to'. */
export function officeKeyOf(districtKey: string): string {
  return `pgd-${districtKey}`;
}

/** 'Huyện Ba Tơ' → 'Phòng Giáo dục và Đào tạo huyện Ba Tơ'. */
export function officeNameOf(districtName: string): string {
  return `Phòng Giáo dục và Đào tạo ${districtName.charAt(0).toLowerCase()}${districtName.slice(1)}`;
}
