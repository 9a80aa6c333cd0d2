/**
 * Commune-level units of the merged Quảng Ngãi province since 1 July 2025:
 * 86 xã, 9 phường and the đặc khu Lý Sơn (Nghị quyết 1677/NQ-UBTVQH15, 16/6/2025).
 *
 * ILLUSTRATIVE, NOT A GAZETTEER. The counts, the wards and the special zone follow the
 * resolution; the commune names are plausible names of the region (many are real) and
 * the "formed from" districts are approximations chosen for the demo. Do not use this
 * list as an authoritative record of the 2025 reorganisation.
 */

export type CommuneType = 'commune' | 'ward' | 'special_zone';

export interface CommuneSeed {
  /** Name without its type word: 'Tịnh Khê' (the unit is 'Xã Tịnh Khê'). */
  name: string;
  type: CommuneType;
  /** Former district(s) it was formed from: one or two district keys. */
  from: readonly string[];
}

const w = (name: string, ...from: string[]): CommuneSeed => ({ name, type: 'ward', from });
const x = (name: string, ...from: string[]): CommuneSeed => ({ name, type: 'commune', from });

/** From the former Quảng Ngãi province: 6 phường, 1 đặc khu, 48 xã. */
const FROM_QUANG_NGAI: readonly CommuneSeed[] = [
  w('Trương Quang Trọng', 'tp-quang-ngai'),
  w('Cẩm Thành', 'tp-quang-ngai'),
  w('Nghĩa Lộ', 'tp-quang-ngai'),
  w('Trà Câu', 'tx-duc-pho'),
  w('Đức Phổ', 'tx-duc-pho'),
  w('Sa Huỳnh', 'tx-duc-pho'),
  { name: 'Lý Sơn', type: 'special_zone', from: ['huyen-ly-son'] },
  x('Tịnh Khê', 'tp-quang-ngai'),
  x('An Phú', 'tp-quang-ngai'),
  x('Trường Giang', 'huyen-son-tinh', 'tp-quang-ngai'),
  x('Sơn Tịnh', 'huyen-son-tinh'),
  x('Thọ Phong', 'huyen-son-tinh'),
  x('Ba Gia', 'huyen-son-tinh'),
  x('Bình Sơn', 'huyen-binh-son'),
  x('Bình Minh', 'huyen-binh-son'),
  x('Bình Chương', 'huyen-binh-son'),
  x('Vạn Tường', 'huyen-binh-son'),
  x('Đông Sơn', 'huyen-binh-son'),
  x('Tư Nghĩa', 'huyen-tu-nghia'),
  x('Vệ Giang', 'huyen-tu-nghia'),
  x('Nghĩa Giang', 'huyen-tu-nghia', 'tp-quang-ngai'),
  x('Trà Giang', 'huyen-tu-nghia'),
  x('Nghĩa Hành', 'huyen-nghia-hanh'),
  x('Đình Cương', 'huyen-nghia-hanh'),
  x('Thiện Tín', 'huyen-nghia-hanh'),
  x('Phước Giang', 'huyen-nghia-hanh', 'huyen-tu-nghia'),
  x('Mộ Đức', 'huyen-mo-duc'),
  x('Long Phụng', 'huyen-mo-duc'),
  x('Mỏ Cày', 'huyen-mo-duc'),
  x('Lân Phong', 'huyen-mo-duc'),
  x('Nguyễn Nghiêm', 'tx-duc-pho'),
  x('Khánh Cường', 'tx-duc-pho', 'huyen-mo-duc'),
  x('Ba Tơ', 'huyen-ba-to'),
  x('Ba Vinh', 'huyen-ba-to'),
  x('Ba Dinh', 'huyen-ba-to'),
  x('Ba Động', 'huyen-ba-to'),
  x('Ba Vì', 'huyen-ba-to'),
  x('Ba Tô', 'huyen-ba-to'),
  x('Ba Xa', 'huyen-ba-to'),
  x('Minh Long', 'huyen-minh-long'),
  x('Sơn Mai', 'huyen-minh-long', 'huyen-son-ha'),
  x('Sơn Hà', 'huyen-son-ha'),
  x('Sơn Hạ', 'huyen-son-ha'),
  x('Sơn Linh', 'huyen-son-ha'),
  x('Sơn Thủy', 'huyen-son-ha'),
  x('Sơn Kỳ', 'huyen-son-ha'),
  x('Sơn Tây', 'huyen-son-tay'),
  x('Sơn Tây Thượng', 'huyen-son-tay'),
  x('Sơn Tây Hạ', 'huyen-son-tay'),
  x('Trà Bồng', 'huyen-tra-bong'),
  x('Đông Trà Bồng', 'huyen-tra-bong'),
  x('Tây Trà', 'huyen-tra-bong'),
  x('Thanh Bồng', 'huyen-tra-bong'),
  x('Cà Đam', 'huyen-tra-bong'),
  x('Tây Trà Bồng', 'huyen-tra-bong'),
];

/** From the former Kon Tum province: 3 phường, 38 xã. */
const FROM_KON_TUM: readonly CommuneSeed[] = [
  w('Kon Tum', 'tp-kon-tum'),
  w('Đăk Cấm', 'tp-kon-tum'),
  w('Đăk Bla', 'tp-kon-tum'),
  x('Ngọk Bay', 'tp-kon-tum'),
  x('Ia Chim', 'tp-kon-tum'),
  x('Đăk Rơ Wa', 'tp-kon-tum'),
  x('Đăk Hà', 'huyen-dak-ha'),
  x('Đăk Mar', 'huyen-dak-ha'),
  x('Đăk Ui', 'huyen-dak-ha'),
  x('Ngọk Réo', 'huyen-dak-ha', 'tp-kon-tum'),
  x('Đăk Glei', 'huyen-dak-glei'),
  x('Đăk Long', 'huyen-dak-glei'),
  x('Đăk Pék', 'huyen-dak-glei'),
  x('Đăk Plô', 'huyen-dak-glei'),
  x('Đăk Môn', 'huyen-dak-glei'),
  x('Xốp', 'huyen-dak-glei'),
  x('Ngọc Linh', 'huyen-dak-glei'),
  x('Bờ Y', 'huyen-ngoc-hoi'),
  x('Sa Loong', 'huyen-ngoc-hoi'),
  x('Dục Nông', 'huyen-ngoc-hoi'),
  x('Đăk Tô', 'huyen-dak-to'),
  x('Ngọk Tụ', 'huyen-dak-to'),
  x('Kon Đào', 'huyen-dak-to', 'huyen-tu-mo-rong'),
  x('Tu Mơ Rông', 'huyen-tu-mo-rong'),
  x('Đăk Sao', 'huyen-tu-mo-rong'),
  x('Đăk Tờ Kan', 'huyen-tu-mo-rong'),
  x('Măng Ri', 'huyen-tu-mo-rong'),
  x('Kon Plông', 'huyen-kon-plong'),
  x('Măng Đen', 'huyen-kon-plong'),
  x('Măng Bút', 'huyen-kon-plong'),
  x('Hiếu', 'huyen-kon-plong'),
  x('Đăk Rve', 'huyen-kon-ray'),
  x('Đăk Kôi', 'huyen-kon-ray'),
  x('Kon Braih', 'huyen-kon-ray', 'tp-kon-tum'),
  x('Sa Thầy', 'huyen-sa-thay'),
  x('Sa Bình', 'huyen-sa-thay', 'tp-kon-tum'),
  x('Ya Ly', 'huyen-sa-thay'),
  x('Rờ Kơi', 'huyen-sa-thay'),
  x('Mô Rai', 'huyen-sa-thay', 'huyen-ia-hdrai'),
  x('Ia Tơi', 'huyen-ia-hdrai'),
  x("Ia H'Drai", 'huyen-ia-hdrai'),
];

export const COMMUNES: readonly CommuneSeed[] = [...FROM_QUANG_NGAI, ...FROM_KON_TUM];

const TYPE_WORD: Record<CommuneType, { title: string; lower: string; slug: string }> = {
  commune: { title: 'Xã', lower: 'xã', slug: 'xa' },
  ward: { title: 'Phường', lower: 'phường', slug: 'phuong' },
  special_zone: { title: 'Đặc khu', lower: 'đặc khu', slug: 'dac-khu' },
};

/** 'Xã Tịnh Khê', 'Phường Cẩm Thành', 'Đặc khu Lý Sơn'. */
export function communeFullName(c: CommuneSeed): string {
  return `${TYPE_WORD[c.type].title} ${c.name}`;
}

/** 'xã Tịnh Khê': the form used inside other names ('UBND xã Tịnh Khê'). */
export function communeInnerName(c: CommuneSeed): string {
  return `${TYPE_WORD[c.type].lower} ${c.name}`;
}

export function communeKeyOf(c: CommuneSeed): string {
  return `${TYPE_WORD[c.type].slug}-${slugify(c.name)}`;
}

/**
 * ASCII slug: strips diacritics, folds 'đ' to 'd' (NFD does not decompose it),
 * joins words with '-'. 'Trường THPT Trần Quốc Tuấn' → 'truong-thpt-tran-quoc-tuan'.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
