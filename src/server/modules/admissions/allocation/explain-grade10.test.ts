import { describe, expect, it } from 'vitest';
import { allocateGrade10 } from './allocate-grade10.ts';
import { formatExplanation } from './explain-grade10.ts';
import { buildApplicant as applicant, buildInput as input, buildSchool as school } from './grade10.fixtures.ts';
import { formatScore } from './score.ts';

describe('formatExplanation', () => {
  const result = allocateGrade10(
    input([school('A', 1), school('B', 3)], [applicant('top', 37, ['A']), applicant('me', 36.5, ['A', 'B'])], {
      wishOffsets: [0, 0],
    }),
  );
  const me = result.applicants[1]!;

  it('renders the issue example in Vietnamese, with decimal commas', () => {
    expect(formatExplanation(me, 'vi')).toBe('NV1 Trường A: 36,50 < điểm chuẩn 37,00; NV2 Trường B: trúng tuyển');
  });

  it('renders it in English', () => {
    expect(formatExplanation(me, 'en')).toBe('Wish 1 Trường A: 36.50 < cut-off 37.00; Wish 2 Trường B: admitted');
  });

  it('shows the wish offset as a subtraction', () => {
    const r = allocateGrade10(
      input(
        [school('A', 1), school('B', 1)],
        [applicant('a', 37.5, ['A']), applicant('b', 39, ['B']), applicant('me', 38, ['B', 'A'])],
        { wishOffsets: [0, 1] },
      ),
    );
    expect(formatExplanation(r.applicants[2]!, 'vi')).toBe(
      'NV1 Trường B: 38,00 < điểm chuẩn 39,00; NV2 Trường A: 38,00 − 1,00 = 37,00 < điểm chuẩn 37,50',
    );
  });

  it('says when a tie-breaker or the tie rule decided, and when a wish was not considered', () => {
    const r = allocateGrade10(
      input(
        [school('A', 1), school('B', 1), school('C', 2)],
        [
          applicant('p', 30, ['A'], { priorityPoints: 0 }),
          applicant('q', 30, ['A', 'C'], { priorityPoints: 0 }),
          applicant('r', 30, ['B', 'C'], { scores: { math: 29 }, priorityPoints: 1 }),
          applicant('s', 30, ['B', 'C']),
        ],
        { tieBreakers: ['priority_points'], tieAtLastSeat: 'admit_none' },
      ),
    );
    const text = (id: string) => formatExplanation(r.applicants.find((a) => a.applicantId === id)!, 'vi');
    expect(text('q')).toBe(
      'NV1 Trường A: 30,00, bằng điểm ở chỉ tiêu cuối cùng; không tuyển nhóm thí sinh bằng điểm; NV2 Trường C: trúng tuyển',
    );
    expect(text('s')).toBe(
      'NV1 Trường B: 30,00 = điểm chuẩn 30,00, không trúng tuyển theo tiêu chí phụ; NV2 Trường C: trúng tuyển',
    );
    expect(text('r')).toBe('NV1 Trường B: trúng tuyển; NV2 Trường C: không xét (đã trúng tuyển nguyện vọng trên)');
  });

  it('formats negative and whole scores', () => {
    expect(formatScore(-50, 'vi')).toBe('−0,50');
    expect(formatScore(4000, 'en')).toBe('40.00');
    expect(formatScore(7, 'vi')).toBe('0,07');
  });
});
