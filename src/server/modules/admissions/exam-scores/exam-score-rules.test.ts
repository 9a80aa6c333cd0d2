import { describe, expect, it } from 'vitest';
import { type ScoreRules, scoreProblems, scoreRulesOf, totalHundredths } from './exam-score-rules.ts';

const rules: ScoreRules = {
  subjects: [
    { code: 'toan', name: 'Toán', coefficient: 2 },
    { code: 'van', name: 'Ngữ văn', coefficient: 2 },
    { code: 'anh', name: 'Tiếng Anh', coefficient: 1 },
  ],
  maxBonusPoints: 1,
  priorityPoints: [1, 1.5, 2],
};
const good = {
  marks: { toan: 8.25, van: 7.5, anh: 9.2 },
  priorityPoints: 1.5,
  bonusPoints: 0,
  absent: false,
  disqualified: false,
};

describe('scoreProblems', () => {
  it('accepts marks with two decimals, a group’s priority points and bonus within the cap', () => {
    expect(scoreProblems(good, rules)).toEqual([]);
  });

  it('names each bad field: out of range, three decimals, missing subject, unknown subject', () => {
    const fields = scoreProblems(
      { ...good, marks: { toan: 10.25, van: 7.125, ly: 5 }, priorityPoints: 0.75, bonusPoints: 1.5 },
      rules,
    ).map((p) => p.field);
    expect(fields).toEqual(['marks.ly', 'marks.toan', 'marks.van', 'marks.anh', 'priorityPoints', 'bonusPoints']);
  });

  it('needs no marks from a candidate absent or disqualified', () => {
    expect(scoreProblems({ ...good, marks: {}, absent: true }, rules)).toEqual([]);
    expect(scoreProblems({ ...good, marks: {}, disqualified: true }, rules)).toEqual([]);
  });

  it('accepts any priority points up to 5 when the round has no groups', () => {
    expect(scoreProblems({ ...good, priorityPoints: 0.75 }, { ...rules, priorityPoints: [] })).toEqual([]);
  });
});

describe('totalHundredths', () => {
  it('adds marks × coefficients, priority and bonus without floating-point drift', () => {
    // 2 × 8,25 + 2 × 7,5 + 9,2 + 1,5 = 42,20
    expect(totalHundredths(good, rules)).toBe(4220);
    expect(totalHundredths({ ...good, absent: true }, rules)).toBeNull();
  });
});

describe('scoreRulesOf', () => {
  it('reads subjects, the bonus cap and the groups’ points from an exam round; null for a catchment round', () => {
    const r = scoreRulesOf(
      {
        method: 'exam',
        subjects: [{ code: 'toan', name: 'Toán', coefficient: 2 }],
        wishCount: 1,
        wishOffsets: [0],
        specialisedFirst: false,
        maxBonusPoints: 0,
        tieBreakers: [],
        tieAtLastSeat: 'admit_all',
      },
      [
        { code: 'A', nameVi: 'Nhóm A', nameEn: null, points: 2, rank: null, evidenceVi: null, evidenceEn: null },
        { code: 'B', nameVi: 'Nhóm B', nameEn: null, points: 1, rank: null, evidenceVi: null, evidenceEn: null },
      ],
    );
    expect(r).toMatchObject({ maxBonusPoints: 0, priorityPoints: [1, 2] });
    expect(scoreRulesOf({ method: 'catchment', wishCount: 1, lotteryForOutOfCatchment: false }, [])).toBeNull();
  });
});
