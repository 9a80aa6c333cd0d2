/**
 * Name lists for the synthetic schools. Schools named after historical figures or
 * flowers follow common Vietnamese practice; no school here is a faithful copy of a
 * real one, and addresses, phones and e-mails are invented.
 */

/**
 * Schools managed by the Sở since 1 July 2025: upper-secondary schools (THPT) and the
 * provincial ethnic boarding school, with the commune-level unit each stands in.
 */
export interface ProvincialSchoolSeed {
  name: string;
  communeKey: string;
  levels?: readonly ('thcs' | 'thpt' | 'lien_cap')[];
  private?: boolean;
}

export const UPPER_SECONDARY: readonly ProvincialSchoolSeed[] = [
  { name: 'Trường THPT chuyên Lê Khiết', communeKey: 'phuong-cam-thanh' },
  { name: 'Trường THPT Trần Quốc Tuấn', communeKey: 'phuong-nghia-lo' },
  { name: 'Trường THPT Lê Trung Đình', communeKey: 'phuong-truong-quang-trong' },
  { name: 'Trường PT Dân tộc nội trú tỉnh', communeKey: 'phuong-nghia-lo', levels: ['thcs', 'thpt', 'lien_cap'] },
  { name: 'Trường THPT tư thục Nguyễn Bỉnh Khiêm', communeKey: 'phuong-cam-thanh', private: true },
  { name: 'Trường THPT Sơn Mỹ', communeKey: 'xa-tinh-khe' },
  { name: 'Trường THPT Bình Sơn', communeKey: 'xa-binh-son' },
  { name: 'Trường THPT Vạn Tường', communeKey: 'xa-van-tuong' },
  { name: 'Trường THPT Trần Kỳ Phong', communeKey: 'xa-binh-minh' },
  { name: 'Trường THPT Lê Quý Đôn', communeKey: 'xa-dong-son' },
  { name: 'Trường THPT Ba Gia', communeKey: 'xa-ba-gia' },
  { name: 'Trường THPT Số 1 Sơn Tịnh', communeKey: 'xa-son-tinh' },
  { name: 'Trường THPT Huỳnh Thúc Kháng', communeKey: 'xa-tho-phong' },
  { name: 'Trường THPT Số 1 Tư Nghĩa', communeKey: 'xa-tu-nghia' },
  { name: 'Trường THPT Số 2 Tư Nghĩa', communeKey: 'xa-nghia-giang' },
  { name: 'Trường THPT Chu Văn An', communeKey: 'xa-tra-giang' },
  { name: 'Trường THPT Số 1 Nghĩa Hành', communeKey: 'xa-nghia-hanh' },
  { name: 'Trường THPT Số 2 Nghĩa Hành', communeKey: 'xa-dinh-cuong' },
  { name: 'Trường THPT Phạm Văn Đồng', communeKey: 'xa-mo-duc' },
  { name: 'Trường THPT Số 1 Đức Phổ', communeKey: 'phuong-duc-pho' },
  { name: 'Trường THPT Số 2 Đức Phổ', communeKey: 'phuong-tra-cau' },
  { name: 'Trường THPT Lương Thế Vinh', communeKey: 'phuong-sa-huynh' },
  { name: 'Trường THPT Nguyễn Công Phương', communeKey: 'xa-nguyen-nghiem' },
  { name: 'Trường THPT Ba Tơ', communeKey: 'xa-ba-to' },
  { name: 'Trường THPT Phạm Kiệt', communeKey: 'xa-ba-dong' },
  { name: 'Trường THPT Minh Long', communeKey: 'xa-minh-long' },
  { name: 'Trường THPT Sơn Hà', communeKey: 'xa-son-ha' },
  { name: 'Trường THPT Đinh Tiên Hoàng', communeKey: 'xa-son-thuy' },
  { name: 'Trường THPT Quang Trung', communeKey: 'xa-son-tay' },
  { name: 'Trường THPT Trà Bồng', communeKey: 'xa-tra-bong' },
  { name: 'Trường THPT Tây Trà', communeKey: 'xa-tay-tra' },
  { name: 'Trường THPT Lý Sơn', communeKey: 'dac-khu-ly-son' },
  { name: 'Trường THPT chuyên Nguyễn Tất Thành', communeKey: 'phuong-kon-tum' },
  { name: 'Trường THPT Kon Tum', communeKey: 'phuong-kon-tum' },
  { name: 'Trường THPT Phan Bội Châu', communeKey: 'phuong-dak-cam' },
  { name: 'Trường THPT Lê Lợi', communeKey: 'phuong-dak-bla' },
  { name: 'Trường THPT Duy Tân', communeKey: 'xa-ngok-bay' },
  { name: 'Trường THPT Trần Hưng Đạo', communeKey: 'xa-dak-ha' },
  { name: 'Trường THPT Nguyễn Trãi', communeKey: 'xa-bo-y' },
  { name: 'Trường THPT Ngô Mây', communeKey: 'xa-dak-to' },
  { name: 'Trường THPT Đăk Glei', communeKey: 'xa-dak-glei' },
  { name: 'Trường THPT Sa Thầy', communeKey: 'xa-sa-thay' },
  { name: 'Trường THPT Măng Đen', communeKey: 'xa-mang-den' },
  { name: 'Trường THPT Tu Mơ Rông', communeKey: 'xa-tu-mo-rong' },
  { name: 'Trường THPT Nguyễn Du', communeKey: 'xa-dak-rve' },
];

/** Vocational and continuing-education centres (Trung tâm GDNN – GDTX), managed by the Sở. */
export const GDTX_CENTRES: readonly { name: string; communeKey: string }[] = [
  { name: 'Trung tâm Giáo dục thường xuyên tỉnh', communeKey: 'phuong-cam-thanh' },
  { name: 'Trung tâm GDNN – GDTX Bình Sơn', communeKey: 'xa-binh-son' },
  { name: 'Trung tâm GDNN – GDTX Sơn Tịnh', communeKey: 'xa-son-tinh' },
  { name: 'Trung tâm GDNN – GDTX Tư Nghĩa', communeKey: 'xa-tu-nghia' },
  { name: 'Trung tâm GDNN – GDTX Nghĩa Hành', communeKey: 'xa-nghia-hanh' },
  { name: 'Trung tâm GDNN – GDTX Mộ Đức', communeKey: 'xa-mo-duc' },
  { name: 'Trung tâm GDNN – GDTX Đức Phổ', communeKey: 'phuong-duc-pho' },
  { name: 'Trung tâm GDNN – GDTX Ba Tơ', communeKey: 'xa-ba-to' },
  { name: 'Trung tâm GDNN – GDTX Sơn Hà', communeKey: 'xa-son-ha' },
  { name: 'Trung tâm GDNN – GDTX Trà Bồng', communeKey: 'xa-tra-bong' },
  { name: 'Trung tâm GDNN – GDTX Đăk Hà', communeKey: 'xa-dak-ha' },
  { name: 'Trung tâm GDNN – GDTX Ngọc Hồi', communeKey: 'xa-bo-y' },
  { name: 'Trung tâm GDNN – GDTX Đăk Glei', communeKey: 'xa-dak-glei' },
];

/** Names for ward schools, drawn without replacement, so every name is used once. */
export const PRESCHOOL_NAMES: readonly string[] = [
  'Hoa Sen',
  'Hoa Hồng',
  'Sơn Ca',
  'Hướng Dương',
  'Họa Mi',
  'Hoa Phượng',
  'Tuổi Thơ',
  'Vành Khuyên',
  'Hoa Lan',
  'Rạng Đông',
  'Hoa Pơ Lang',
];

export const PRIVATE_PRESCHOOL_NAMES: readonly string[] = [
  'Ánh Dương',
  'Sao Mai',
  'Thiên Thần Nhỏ',
  'Ngôi Sao',
  'Tuổi Hồng',
  'Mặt Trời Nhỏ',
];

export const PRIMARY_NAMES: readonly string[] = [
  'Lê Văn Tám',
  'Nguyễn Văn Trỗi',
  'Võ Thị Sáu',
  'Trần Quốc Toản',
  'Lý Tự Trọng',
  'Nguyễn Bá Ngọc',
  'Hoàng Văn Thụ',
  'Lê Lợi',
  'Nguyễn Huệ',
  'Lê Hồng Phong',
  'Phan Đình Phùng',
  'Ngô Quyền',
  'Bế Văn Đàn',
  'Nguyễn Viết Xuân',
  'Mạc Đĩnh Chi',
  'Trần Phú',
  'Lý Thường Kiệt',
  'Đinh Bộ Lĩnh',
  'Hai Bà Trưng',
];

export const LOWER_SECONDARY_NAMES: readonly string[] = [
  'Nguyễn Trãi',
  'Lê Quý Đôn',
  'Chu Văn An',
  'Trần Hưng Đạo',
  'Nguyễn Du',
  'Huỳnh Thúc Kháng',
  'Phan Chu Trinh',
  'Lương Thế Vinh',
  'Nguyễn Đình Chiểu',
  'Lê Thánh Tông',
  'Hùng Vương',
  'Nguyễn Khuyến',
  'Tô Hiến Thành',
  'Trần Cao Vân',
  'Lê Khiết',
  'Bùi Thị Xuân',
  'Nguyễn Bỉnh Khiêm',
  'Phạm Ngũ Lão',
];

/** Village / neighbourhood words for synthetic addresses. */
export const HAMLETS: readonly string[] = [
  'Thôn 1',
  'Thôn 2',
  'Thôn 3',
  'Thôn 4',
  'Thôn 5',
  'Thôn Đông',
  'Thôn Tây',
  'Thôn Trung',
];
/** Invented hamlet names in the style of the Quảng Ngãi uplands (Hrê, Cor, Ca Dong). */
export const QN_MOUNTAIN_HAMLETS: readonly string[] = [
  'Làng Mới',
  'Thôn Nước Lăng',
  'Thôn Gò Rô',
  'Thôn Xà Ây',
  'Thôn Tà Ma',
];
/** Invented hamlet names in the style of the Kon Tum highlands (Xơ Đăng, Ba Na, Gia Rai). */
export const KT_MOUNTAIN_HAMLETS: readonly string[] = [
  'Thôn Kon Gu',
  'Thôn Đăk Lây',
  'Làng Plei Rơ',
  'Thôn Kon Pring',
  'Làng Tân',
];
