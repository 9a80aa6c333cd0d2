import type { Gender } from '../../../shared/population.schema.ts';
import type { EthnicityCode } from '../../modules/population/ethnicities.ts';
import { pick, type Random } from '../data/prng.ts';

/**
 * Synthetic Vietnamese names, family name first. Common name parts combined at random: they
 * belong to no real person. Naming customs differ by people and are followed roughly:
 * Kinh, Hrê, Co (Cor) and Ca Dong names have a family name, a middle name and a given name (the
 * Hrê, Co and Ca Dong of Quảng Ngãi mostly carry a few family names: Đinh, Phạm, Hồ…); the
 * Xơ Đăng, Ba Na, Giẻ Triêng, Brâu and Rơ Măm of Kon Tum commonly use "A" (male) or "Y" (female)
 * before the given name; Gia Rai names start with the clan name (Ksor, Siu, Rơ Mah…), women's
 * given names with "H'", and children take their mother's clan (matrilineal).
 */

/** 'a, b, c' → ['a', 'b', 'c'] (keeps the lists compact). */
const list = (s: string): readonly string[] => s.split(',').map((x) => x.trim());

// Repetition weights the common family names (Nguyễn is borne by about a third of Vietnamese).
const KINH_FAMILY = list(
  'Nguyễn, Nguyễn, Nguyễn, Nguyễn, Nguyễn, Nguyễn, Nguyễn, Nguyễn, Nguyễn, Nguyễn, Trần, Trần, Trần, Trần, ' +
    'Lê, Lê, Lê, Phạm, Phạm, Phạm, Huỳnh, Huỳnh, Võ, Võ, Phan, Trương, Bùi, Đặng, Đỗ, Ngô, Hồ, Dương, Đinh, ' +
    'Lương, Tạ, Lâm, Đoàn, Châu, Mai, Cao',
);
const MALE_MIDDLE = list('Văn, Minh, Quốc, Gia, Đức, Hoàng, Anh, Thành, Hữu, Công, Nhật, Bảo, Tấn');
const FEMALE_MIDDLE = list('Thị, Thị, Ngọc, Thu, Bảo, Khánh, Gia, Minh, Thảo, Mai, Hoài, Phương');
const MALE_GIVEN = list(
  'An, Bảo, Bình, Cường, Dũng, Duy, Đạt, Đức, Hải, Hào, Hiếu, Hoàng, Huy, Hùng, Khang, Khải, Khoa, Khôi, ' +
    'Kiên, Long, Lộc, Minh, Nam, Nghĩa, Nhân, Phát, Phong, Phúc, Quân, Quang, Sơn, Tài, Tâm, Thắng, Thiện, ' +
    'Thịnh, Tín, Toàn, Trí, Trung, Tuấn, Vinh, Vũ',
);
const FEMALE_GIVEN = list(
  'Anh, Châu, Chi, Diệp, Dung, Giang, Hà, Hân, Hằng, Hiền, Hoa, Hương, Huyền, Khánh, Lan, Linh, Loan, Ly, ' +
    'Mai, My, Nga, Ngân, Ngọc, Nhi, Nhung, Oanh, Phương, Quyên, Quỳnh, Tâm, Thảo, Thư, Trang, Trâm, Tuyết, ' +
    'Uyên, Vân, Vy, Xuân, Yến',
);
const LOCAL_FAMILY: Partial<Record<EthnicityCode, readonly string[]>> = {
  hre: list('Đinh, Đinh, Phạm, Phạm, Huỳnh, Bùi'),
  cor: list('Hồ, Hồ, Đinh'),
  ca_dong: list('Đinh, Hồ, Phạm'),
};
const A_Y_MALE = list(
  'Thiên, Tâm, Sang, Hùng, Khoa, Duy, Rin, Rôn, Ních, Huy, Phúc, Kiên, Vương, Blưh, Blong, Bút, Nhâm, ' +
    'Thuyên, Dũng, Thuận, Jôn, Đoan',
);
const A_Y_FEMALE = list(
  'Hoa, Lan, Linh, Nhung, Thương, Hiền, Nga, Ngọc, Hồng, Phương, Mai, Bích, Huyền, Thảo, Nhi, Tuyết, Đào, ' +
    'Vân, Uyên, Thoa, Dinh, Pơ Lin',
);
const GIA_RAI_CLAN = list('Ksor, Siu, Rơ Châm, Rơ Mah, Kpă, Puih, Rah Lan, Nay');
const GIA_RAI_MALE = list('Thuận, Minh, Đức, Blép, Yuh, Nhất, Hiếu, Tâm, Ha, Lâm');
const GIA_RAI_FEMALE = list("H'Nhi, H'Mai, H'Bla, H'Lan, H'Nguyên, H'Thương, H'Yến, H'Loan");

const A_Y = new Set<EthnicityCode>(['xo_dang', 'ba_na', 'gie_trieng', 'brau', 'ro_mam']);

/** The family name (or clan) a parent of this people passes on; '' where there is none. */
export function familyName(random: Random, ethnicity: EthnicityCode): string {
  if (A_Y.has(ethnicity)) return '';
  if (ethnicity === 'gia_rai') return pick(random, GIA_RAI_CLAN);
  return pick(random, LOCAL_FAMILY[ethnicity] ?? KINH_FAMILY);
}

/** A full name with the given family name (ignored where the custom has none). */
export function personName(random: Random, ethnicity: EthnicityCode, gender: Gender, family: string): string {
  if (A_Y.has(ethnicity)) {
    return gender === 'male' ? `A ${pick(random, A_Y_MALE)}` : `Y ${pick(random, A_Y_FEMALE)}`;
  }
  if (ethnicity === 'gia_rai') return `${family} ${pick(random, gender === 'male' ? GIA_RAI_MALE : GIA_RAI_FEMALE)}`;
  const local = LOCAL_FAMILY[ethnicity] !== undefined;
  const middles = gender === 'male' ? MALE_MIDDLE : FEMALE_MIDDLE;
  const middle = local ? (gender === 'male' ? 'Văn' : 'Thị') : pick(random, middles);
  // About one Kinh name in six has two middle names ('Nguyễn Ngọc Bảo Anh').
  const extra =
    !local && random() < 0.17
      ? pick(
          random,
          middles.filter((m) => m !== 'Thị' && m !== 'Văn'),
        )
      : middle;
  const given = pick(random, gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  const parts = [family, middle, ...(extra === middle ? [] : [extra]), given];
  return parts.join(' ').normalize('NFC');
}
