import { describe, expect, it } from 'vitest';
import { QD_4725_2022 } from './criteria/qd-4725-2022.ts';
import type { AnswerRow } from './dx.repository.ts';
import { checkChoice, deadlineOf, loadSet, scoresOf } from './dx-rules.ts';

const set = loadSet({
  id: 'x',
  code: QD_4725_2022.code,
  title: QD_4725_2022.title,
  decision: QD_4725_2022.decision,
  target: 'school',
  mandatory_rule: 'cap_level_1',
  definition: QD_4725_2022.definition,
});

const answer = (code: string, over: Partial<AnswerRow> = {}): AnswerRow => ({
  assessment_id: 'a',
  criterion_code: code,
  self_option: null,
  self_points: null,
  evidence_text: null,
  evidence_links: [],
  eval_option: null,
  eval_points: null,
  eval_comment: null,
  evidence_request: null,
  updated_at: new Date(),
  ...over,
});

describe('checkChoice', () => {
  it('accepts an option of the scale and points within the maximum in half points', () => {
    expect(checkChoice(set, 'DH5', { option: 'p70', points: null }, 'a')).toEqual([]);
    expect(checkChoice(set, 'DH4', { option: null, points: 13.5 }, 'a')).toEqual([]);
  });

  it('names the field of an unknown criterion, an option off the scale, points over the maximum or the wrong kind', () => {
    expect(checkChoice(set, 'ZZ9', { option: null, points: 1 }, 'a')[0]!.path).toBe('a.criterionCode');
    expect(checkChoice(set, 'DH5', { option: 'p99', points: null }, 'a')[0]!.path).toBe('a.option');
    expect(checkChoice(set, 'DH4', { option: null, points: 14.5 }, 'a')[0]!.path).toBe('a.points');
    expect(checkChoice(set, 'DH4', { option: null, points: 3.3 }, 'a')[0]!.path).toBe('a.points');
    expect(checkChoice(set, 'DH4', { option: 'yes', points: null }, 'a')[0]!.path).toBe('a.option');
    expect(checkChoice(set, 'DH3', { option: null, points: 6 }, 'a')[0]!.path).toBe('a.points');
  });
});

describe('scoresOf', () => {
  it("takes the evaluator's score where given, the school's otherwise, and lists what is unanswered", () => {
    const s = scoresOf(set, [
      answer('DH3', { self_option: 'yes', eval_option: 'no' }),
      answer('DH4', { self_points: '12' }),
      answer('DH5', { evidence_text: 'chưa chọn' }),
    ]);
    expect(s.self.teaching.total).toBe(18);
    expect(s.final.teaching.total).toBe(12);
    expect(s.answered).toBe(2);
    expect(s.unanswered).toContain('DH1');
    expect(s.unanswered).toContain('DH5');
  });
});

describe('deadlineOf', () => {
  it("is the campaign's day unless the evaluator gave a later one", () => {
    expect(deadlineOf({ submit_by: '2026-05-31' }, null)).toBe('2026-05-31');
    expect(deadlineOf({ submit_by: '2026-05-31' }, '2026-06-10')).toBe('2026-06-10');
    expect(deadlineOf({ submit_by: '2026-05-31' }, '2026-05-20')).toBe('2026-05-31');
  });
});
