import type { Grade10ApplicantResult, WishExplanation } from './grade10.types.ts';
import { formatScore, type Locale } from './score.ts';

const TEXT = {
  vi: {
    wish: (k: number) => `NV${k}`,
    specialisedWish: (k: number) => `NV chuyên ${k}`,
    admitted: 'trúng tuyển',
    below: (score: string, cut: string) => `${score} < điểm chuẩn ${cut}`,
    belowNoCutoff: (score: string) => `${score}, không trúng tuyển`,
    lostTieBreaker: (score: string, cut: string) => `${score} = điểm chuẩn ${cut}, không trúng tuyển theo tiêu chí phụ`,
    tieExcluded: (score: string) => `${score}, bằng điểm ở chỉ tiêu cuối cùng; không tuyển nhóm thí sinh bằng điểm`,
    higherWish: 'không xét (đã trúng tuyển nguyện vọng trên)',
    specialised: 'không xét (đã trúng tuyển trường chuyên)',
    none: 'Không có nguyện vọng',
  },
  en: {
    wish: (k: number) => `Wish ${k}`,
    specialisedWish: (k: number) => `Specialised wish ${k}`,
    admitted: 'admitted',
    below: (score: string, cut: string) => `${score} < cut-off ${cut}`,
    belowNoCutoff: (score: string) => `${score}, not admitted`,
    lostTieBreaker: (score: string, cut: string) => `${score} = cut-off ${cut}, not admitted on the tie-breakers`,
    tieExcluded: (score: string) => `${score}, tied at the last seat; none of the tied applicants admitted`,
    higherWish: 'not considered (admitted to a higher wish)',
    specialised: 'not considered (admitted to a specialised school)',
    none: 'No wishes',
  },
} as const;

/**
 * Renders an applicant's result wish by wish, as published next to the cut-offs
 * (Thông tư 30/2024/TT-BGDĐT asks that scores and cut-offs be published together), e.g.
 * "NV1 Trường A: 36,50 < điểm chuẩn 37,00; NV2 Trường B: trúng tuyển". Vietnamese uses a decimal
 * comma; a wish offset shows as "38,00 − 1,00 = 37,00".
 */
export function formatExplanation(result: Grade10ApplicantResult, locale: Locale): string {
  const t = TEXT[locale];
  const line = (w: WishExplanation, label: string, inOrdinaryAfterSpecialised: boolean) => {
    const eff = formatScore(w.effective, locale);
    const score =
      w.offset === 0
        ? eff
        : `${formatScore(w.effective + w.offset, locale)} − ${formatScore(w.offset, locale)} = ${eff}`;
    const cut = w.cutoff === null ? null : formatScore(w.cutoff, locale);
    let text: string;
    if (w.outcome === 'admitted') text = t.admitted;
    else if (w.outcome === 'not_considered') text = inOrdinaryAfterSpecialised ? t.specialised : t.higherWish;
    else if (w.outcome === 'tie_excluded') text = t.tieExcluded(score);
    else if (cut === null) text = t.belowNoCutoff(score);
    else text = w.outcome === 'lost_tie_breaker' ? t.lostTieBreaker(score, cut) : t.below(score, cut);
    return `${label} ${w.schoolName}: ${text}`;
  };
  const afterSpecialised = result.stage === 'specialised';
  const parts = [
    ...result.specialisedWishes.map((w, k) => line(w, t.specialisedWish(k + 1), false)),
    ...result.wishes.map((w, k) => line(w, t.wish(k + 1), afterSpecialised)),
  ];
  return parts.length > 0 ? parts.join('; ') : t.none;
}
