import type { AdmissionRules } from '../../../shared/admissions.schema.ts';

/**
 * The rules a new round starts with, changed afterwards in the round's "rules" section.
 * Grades 1 and 6: one wish, by residence, a lottery for the seats left (Thông tư 30/2024/TT-BGDĐT).
 * Grade 10: the three exam subjects of Quảng Ngãi (maths, literature, English), three wishes
 * held to the cut-off without offsets, priority points before the maths score on a tie.
 */
export function defaultRules(level: 1 | 6 | 10): AdmissionRules {
  if (level !== 10) return { method: 'catchment', wishCount: 1, lotteryForOutOfCatchment: true };
  return {
    method: 'exam',
    subjects: [
      { code: 'toan', name: 'Toán', coefficient: 1 },
      { code: 'ngu_van', name: 'Ngữ văn', coefficient: 1 },
      { code: 'tieng_anh', name: 'Tiếng Anh', coefficient: 1 },
    ],
    wishCount: 3,
    wishOffsets: [0, 0, 0],
    specialisedFirst: true,
    maxBonusPoints: 0,
    tieBreakers: ['priority_points', 'subject:toan'],
    tieAtLastSeat: 'admit_all',
  };
}
