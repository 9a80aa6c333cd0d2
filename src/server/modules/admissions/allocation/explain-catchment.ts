import type { CatchmentApplicantResult, CatchmentWishResult } from './catchment.types.ts';
import type { Locale } from './score.ts';

const TEXT = {
  vi: {
    in_catchment: 'trúng tuyển (cư trú trong địa bàn tuyển sinh)',
    priority_group: (g: number | null) => `trúng tuyển (nhóm ưu tiên ${g})`,
    lottery: (x: number, y: number) => `trúng tuyển theo bốc thăm (số ${x} ≤ số cuối cùng trúng tuyển ${y})`,
    receipt_order: 'trúng tuyển theo thứ tự nộp hồ sơ',
    seats_available: 'trúng tuyển (còn chỉ tiêu)',
    full: 'không trúng tuyển, hết chỉ tiêu',
    fullLottery: (x: number, y: number) =>
      `không trúng tuyển, hết chỉ tiêu (số bốc thăm ${x} > số cuối cùng trúng tuyển ${y})`,
    not_considered: 'không xét (đã trúng tuyển nguyện vọng trên)',
    none: 'Không có nguyện vọng',
  },
  en: {
    in_catchment: 'admitted (lives in the catchment)',
    priority_group: (g: number | null) => `admitted (priority group ${g})`,
    lottery: (x: number, y: number) => `admitted by lottery (number ${x} ≤ last admitted number ${y})`,
    receipt_order: 'admitted in order of receipt',
    seats_available: 'admitted (seats available)',
    full: 'not admitted: seats full',
    fullLottery: (x: number, y: number) => `not admitted: seats full (lottery number ${x} > last admitted number ${y})`,
    not_considered: 'not considered (admitted to a higher wish)',
    none: 'No wishes',
  },
} as const;

/**
 * Renders a grade-1/6 result wish by wish, with the lottery numbers that decided it so a parent
 * can check the draw against the published seed, e.g.
 * "Trường Tiểu học A: trúng tuyển theo bốc thăm (số 1234 ≤ số cuối cùng trúng tuyển 5678)".
 */
export function formatCatchmentResult(result: CatchmentApplicantResult, locale: Locale): string {
  const t = TEXT[locale];
  // A round without a lottery gives everyone the number 0 (a drawn 48-bit number is 0 with
  // chance 2^-48): then there is no number to compare.
  const drawn = result.lottery !== 0;
  const line = (w: CatchmentWishResult): string => {
    if (w.outcome === 'not_considered') return t.not_considered;
    if (w.outcome === 'seats_full') {
      const last = w.lastAdmitted;
      return drawn && last && last.priorityRank === result.priorityRank
        ? t.fullLottery(result.lottery, last.lottery)
        : t.full;
    }
    if (w.reason === 'priority_group') return t.priority_group(result.priorityRank);
    if (w.reason === 'lottery') return t.lottery(result.lottery, w.lastAdmitted?.lottery ?? result.lottery);
    if (w.reason === 'receipt_order') return t.receipt_order;
    return w.reason === 'in_catchment' ? t.in_catchment : t.seats_available;
  };
  const parts = result.wishes.map((w) => `${w.schoolName}: ${line(w)}`);
  return parts.length > 0 ? parts.join('; ') : t.none;
}
