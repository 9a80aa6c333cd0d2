import { formatPersonalId } from '../../modules/population/personal-id.ts';
import { communeNamed, type DemoCommune } from './communes.ts';
import type { DemoResident } from './types.ts';

/**
 * Deliberately awkward SYNTHETIC records, seeded beside the generated ones so that the forms,
 * the lookup and the commune lists meet them in the demo and in tests. Each says why in `note`.
 * IDs use fixed serials (9xxxxx) and phones a fixed 0905 100 xxx series.
 */
export type TrickyCase =
  | 'moved'
  | 'twin_boy'
  | 'twin_girl'
  | 'rare_diacritic'
  | 'no_village'
  | 'born_elsewhere'
  | 'grandparent_guardian'
  | 'apostrophe_name';

/** Entry ages in the calendar year of entry: grade 1 at 6, grade 6 at 11, grade 10 at 15. */
const AGE = { 1: 6, 6: 11, 10: 15 } as const;

export function buildTrickyResidents(
  admissionYear: number,
  communes: readonly DemoCommune[],
): Record<TrickyCase, DemoResident> {
  const at = (name: string) => communeNamed(communes, name).code;
  const born = (grade: 1 | 6 | 10, mmdd: string) => `${admissionYear - AGE[grade]}-${mmdd}`;
  const id = (province: string, dob: string, gender: 'male' | 'female', serial: string) =>
    formatPersonalId({ provinceCode: province, birthYear: Number(dob.slice(0, 4)), gender, serial });
  const phone = (n: number) => `+84905100${String(n).padStart(3, '0')}`;
  const twinsDob = born(1, '03-15');
  const twinsHome = { communeCode: at('Tịnh Khê'), village: 'Thôn Trường Thọ', addressLine: null };
  const twinsParents = [
    { fullName: 'Trần Văn Phúc', relation: 'father' as const, phone: phone(101) },
    { fullName: 'Lê Thị Thu Hà', relation: 'mother' as const, phone: phone(102) },
  ];
  const kinh = 'kinh' as const;

  return {
    moved: {
      personalId: id('051', born(1, '07-02'), 'male', '900001'),
      fullName: 'Đinh Văn Tài',
      dateOfBirth: born(1, '07-02'),
      gender: 'male',
      ethnicity: 'hre',
      permanent: { communeCode: at('Ba Tơ'), village: 'Thôn Mang Lùng', addressLine: null },
      current: { communeCode: at('Cẩm Thành'), village: 'Tổ dân phố 4', addressLine: 'Số 12 đường Phan Đình Phùng' },
      guardians: [
        { fullName: 'Đinh Văn Hùng', relation: 'father', phone: phone(111) },
        { fullName: 'Phạm Thị Lành', relation: 'mother', phone: phone(112) },
      ],
      note: 'Current residence (a ward of the city, where the parents work) differs from the permanent one (Ba Tơ).',
    },
    twin_boy: {
      personalId: id('051', twinsDob, 'male', '900002'),
      fullName: 'Trần Gia Bảo',
      dateOfBirth: twinsDob,
      gender: 'male',
      ethnicity: kinh,
      permanent: twinsHome,
      current: twinsHome,
      guardians: twinsParents,
      note: 'Twin of Trần Gia Hân: same date of birth, same parents, one application each.',
    },
    twin_girl: {
      personalId: id('051', twinsDob, 'female', '900003'),
      fullName: 'Trần Gia Hân',
      dateOfBirth: twinsDob,
      gender: 'female',
      ethnicity: kinh,
      permanent: twinsHome,
      current: twinsHome,
      guardians: twinsParents,
      note: 'Twin of Trần Gia Bảo: same date of birth, same parents, one application each.',
    },
    rare_diacritic: {
      personalId: id('051', born(6, '11-20'), 'female', '900004'),
      fullName: 'Nguyễn Thị Ỷ',
      dateOfBirth: born(6, '11-20'),
      gender: 'female',
      ethnicity: kinh,
      permanent: { communeCode: at('Mộ Đức'), village: 'Thôn Phước Thịnh', addressLine: null },
      current: { communeCode: at('Mộ Đức'), village: 'Thôn Phước Thịnh', addressLine: null },
      guardians: [{ fullName: 'Nguyễn Văn Ỵ', relation: 'father', phone: phone(141) }],
      note: 'Given name "Ỷ" (Y with hook above, U+1EF6): fonts, sorting and diacritic-insensitive search.',
    },
    no_village: {
      personalId: id('062', born(10, '01-09'), 'female', '900005'),
      fullName: 'Y Nhung',
      dateOfBirth: born(10, '01-09'),
      gender: 'female',
      ethnicity: 'xo_dang',
      permanent: { communeCode: at('Tu Mơ Rông'), village: null, addressLine: null },
      current: { communeCode: at('Tu Mơ Rông'), village: null, addressLine: null },
      guardians: [
        { fullName: 'A Dũng', relation: 'father', phone: null },
        { fullName: 'Y Thoa', relation: 'mother', phone: phone(151) },
      ],
      note: 'Registry record without a village (thôn): the parent must fill it in; a one-word given name.',
    },
    born_elsewhere: {
      personalId: id('079', born(6, '05-30'), 'male', '900006'),
      fullName: 'Võ Hoàng Nam',
      dateOfBirth: born(6, '05-30'),
      gender: 'male',
      ethnicity: kinh,
      permanent: { communeCode: at('Kon Tum'), village: 'Tổ dân phố 2', addressLine: 'Số 8 đường Bà Triệu' },
      current: { communeCode: at('Kon Tum'), village: 'Tổ dân phố 2', addressLine: 'Số 8 đường Bà Triệu' },
      guardians: [
        { fullName: 'Võ Minh Trí', relation: 'father', phone: phone(161) },
        { fullName: 'Đặng Thị Hồng', relation: 'mother', phone: phone(162) },
      ],
      note: 'Birth registered in Hồ Chí Minh City (ID starts 079), now living in Kon Tum ward.',
    },
    grandparent_guardian: {
      personalId: id('051', born(1, '09-05'), 'female', '900007'),
      fullName: 'Phạm Ngọc Ánh',
      dateOfBirth: born(1, '09-05'),
      gender: 'female',
      ethnicity: kinh,
      permanent: { communeCode: at('Nghĩa Hành'), village: 'Thôn Đông Hòa', addressLine: null },
      current: { communeCode: at('Nghĩa Hành'), village: 'Thôn Đông Hòa', addressLine: null },
      guardians: [{ fullName: 'Phạm Thị Lụa', relation: 'guardian', phone: phone(171) }],
      note: 'Raised by her grandmother (legal guardian) while both parents work far away.',
    },
    apostrophe_name: {
      personalId: id('062', born(1, '12-24'), 'female', '900008'),
      fullName: "Ksor H'Nhi",
      dateOfBirth: born(1, '12-24'),
      gender: 'female',
      ethnicity: 'gia_rai',
      permanent: { communeCode: at('Ia Tơi'), village: 'Thôn Plei Lang', addressLine: null },
      current: { communeCode: at('Ia Tơi'), village: 'Thôn Plei Lang', addressLine: null },
      guardians: [
        { fullName: "Ksor H'Bla", relation: 'mother', phone: phone(181) },
        { fullName: 'Rơ Mah Thuận', relation: 'father', phone: null },
      ],
      note: "Gia Rai name with an apostrophe (H'Nhi); takes her mother's clan name (matrilineal).",
    },
  };
}
