/**
 * A small list of ethnic groups of the merged Quảng Ngãi province, each with its code in the
 * national list of 54 ethnic groups (Quyết định 121-TCTK/PPCĐ, 1979), which is what the national
 * population database records. Ca Dong is a local group of the Xơ Đăng (Sơn Tây) and Cor is the
 * Co people (Trà Bồng): they keep their local name here and map to the official code.
 * Ethnicity is sensitive personal data (Decree 13/2023/NĐ-CP, Art. 2): it is not returned by the
 * public lookup; the admissions module may use it server-side for priority claims.
 */
export const ETHNICITIES = {
  kinh: { official: '01', vi: 'Kinh' },
  gia_rai: { official: '10', vi: 'Gia Rai' },
  ba_na: { official: '13', vi: 'Ba Na' },
  xo_dang: { official: '14', vi: 'Xơ Đăng' },
  ca_dong: { official: '14', vi: 'Xơ Đăng (Ca Dong)' },
  hre: { official: '19', vi: 'Hrê' },
  gie_trieng: { official: '27', vi: 'Giẻ Triêng' },
  cor: { official: '30', vi: 'Co (Cor)' },
  brau: { official: '52', vi: 'Brâu' },
  ro_mam: { official: '54', vi: 'Rơ Măm' },
  other: { official: '', vi: 'Dân tộc khác' },
} as const satisfies Record<string, { official: string; vi: string }>;

export type EthnicityCode = keyof typeof ETHNICITIES;

export function isEthnicityCode(code: string): code is EthnicityCode {
  return Object.hasOwn(ETHNICITIES, code);
}
