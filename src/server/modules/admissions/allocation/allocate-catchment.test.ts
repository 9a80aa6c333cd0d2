import { describe, expect, it } from 'vitest';
import { allocateCatchment } from './allocate-catchment.ts';
import type { CatchmentApplicant, CatchmentInput, CatchmentResult } from './catchment.types.ts';
import { formatCatchmentResult } from './explain-catchment.ts';
import { lotteryNumber } from './lottery.ts';

const school = (id: string, seats: number) => ({ id, name: `Trường Tiểu học ${id}`, seats });
const child = (id: string, schoolId: string, inCatchment: boolean, priorityRank: number | null = null) =>
  ({ id, wishes: [{ schoolId, inCatchment }], priorityRank }) satisfies CatchmentApplicant;
const placed = (r: CatchmentResult) => Object.fromEntries(r.applicants.map((a) => [a.applicantId, a.schoolId]));
const reasons = (r: CatchmentResult) => Object.fromEntries(r.applicants.map((a) => [a.applicantId, a.reason]));

describe('allocateCatchment', () => {
  it('places every catchment child even beyond the seats and reports the overflow', () => {
    const r = allocateCatchment({
      seed: 's',
      schools: [school('A', 2)],
      applicants: [child('c1', 'A', true), child('c2', 'A', true), child('c3', 'A', true), child('o1', 'A', false, 1)],
    });
    expect(placed(r)).toEqual({ c1: 'A', c2: 'A', c3: 'A', o1: null });
    expect(r.schools[0]).toMatchObject({ admitted: 3, inCatchment: 3, overflow: 1, rejected: 1, emptySeats: 0 });
    expect(reasons(r)).toMatchObject({ c1: 'in_catchment', o1: 'seats_full' });
  });

  it('without a lottery, gives the seats left by priority group, then in order of receipt', () => {
    const applicants = [
      child('TS1-2026-000003', 'A', false, 2),
      child('TS1-2026-000001', 'A', false, 2),
      child('TS1-2026-000004', 'A', false, 1),
      child('TS1-2026-000002', 'A', false, 2),
    ];
    const r = allocateCatchment({ seed: null, schools: [school('A', 3)], applicants });
    expect(reasons(r)).toEqual({
      'TS1-2026-000004': 'priority_group',
      'TS1-2026-000001': 'receipt_order',
      'TS1-2026-000002': 'receipt_order',
      'TS1-2026-000003': 'seats_full',
    });
    expect(formatCatchmentResult(r.applicants[1]!, 'vi')).toBe('Trường Tiểu học A: trúng tuyển theo thứ tự nộp hồ sơ');
    expect(formatCatchmentResult(r.applicants[0]!, 'en')).toBe('Trường Tiểu học A: not admitted: seats full');
  });

  it('fills the remaining seats by priority group before any lottery', () => {
    const applicants = [
      child('c1', 'A', true),
      child('g2a', 'A', false, 2),
      child('g1', 'A', false, 1),
      child('g2b', 'A', false, 2),
      child('g2c', 'A', false, 2),
      child('none', 'A', false),
    ];
    const r = allocateCatchment({ seed: 'QNG-2026-L1', schools: [school('A', 4)], applicants });
    expect(reasons(r)).toMatchObject({ c1: 'in_catchment', g1: 'priority_group', none: 'seats_full' });
    // Two of the three in group 2 win the two seats left, by lottery number.
    const group2 = ['g2a', 'g2b', 'g2c'].sort(
      (a, b) => lotteryNumber('QNG-2026-L1', a) - lotteryNumber('QNG-2026-L1', b),
    );
    expect(group2.map((id) => reasons(r)[id])).toEqual(['lottery', 'lottery', 'seats_full']);
    expect(r.schools[0]).toMatchObject({
      byPriorityGroup: [{ priorityRank: 1, admitted: 1 }],
      byLottery: 2,
      lotteryGroup: { priorityRank: 2 },
      lastAdmittedLottery: lotteryNumber('QNG-2026-L1', group2[1]!),
    });
  });

  it('draws the same lottery from the same seed and a different one from another seed', () => {
    const applicants = Array.from({ length: 40 }, (_, k) => child(`HS${k}`, 'A', false));
    const input = (seed: string): CatchmentInput => ({ seed, schools: [school('A', 10)], applicants });
    expect(allocateCatchment(input('2026-06-01'))).toEqual(allocateCatchment(input('2026-06-01')));
    expect(placed(allocateCatchment(input('2026-06-02')))).not.toEqual(placed(allocateCatchment(input('2026-06-01'))));
    const reversed = allocateCatchment({ ...input('2026-06-01'), applicants: applicants.slice().reverse() });
    expect(placed(reversed)).toEqual(placed(allocateCatchment(input('2026-06-01'))));
  });

  it('admits without a lottery when every applicant fits', () => {
    const r = allocateCatchment({ seed: 's', schools: [school('A', 5)], applicants: [child('o1', 'A', false, 1)] });
    expect(reasons(r)).toEqual({ o1: 'seats_available' });
    expect(r.schools[0]).toMatchObject({ lotteryGroup: null, lastAdmittedLottery: null, emptySeats: 4 });
  });

  it('lets a child who misses its first wish compete for its second, keeping catchment places safe', () => {
    const r = allocateCatchment({
      seed: 's',
      schools: [school('A', 1), school('B', 1)],
      applicants: [
        child('a', 'A', true),
        {
          id: 'x',
          wishes: [
            { schoolId: 'A', inCatchment: false },
            { schoolId: 'B', inCatchment: true },
          ],
          priorityRank: 1,
        },
        child('b', 'B', false, 1),
      ],
    });
    expect(placed(r)).toEqual({ a: 'A', x: 'B', b: null });
    expect(r.applicants[1]!.wishes.map((w) => w.outcome)).toEqual(['seats_full', 'admitted']);
  });

  it('explains the result with the lottery numbers that decided it', () => {
    const seed = 'QNG-2026-L1';
    const r = allocateCatchment({
      seed,
      schools: [school('A', 1)],
      applicants: [child('HS0001', 'A', false), child('HS0002', 'A', false)],
    });
    // From the published procedure: HS0002 → 160278449766185, HS0001 → 254635003230853.
    expect(formatCatchmentResult(r.applicants[1]!, 'vi')).toBe(
      'Trường Tiểu học A: trúng tuyển theo bốc thăm (số 160278449766185 ≤ số cuối cùng trúng tuyển 160278449766185)',
    );
    expect(formatCatchmentResult(r.applicants[0]!, 'en')).toBe(
      'Trường Tiểu học A: not admitted: seats full (lottery number 254635003230853 > last admitted number 160278449766185)',
    );
  });

  it('refuses an empty seed, an unknown school and a duplicate child', () => {
    expect(() => allocateCatchment({ seed: '', schools: [], applicants: [] })).toThrow(/seed/);
    expect(() =>
      allocateCatchment({ seed: 's', schools: [school('A', 1)], applicants: [child('a', 'Z', true)] }),
    ).toThrow(/unknown school Z/);
    expect(() =>
      allocateCatchment({
        seed: 's',
        schools: [school('A', 1)],
        applicants: [child('a', 'A', true), child('a', 'A', true)],
      }),
    ).toThrow(/duplicate/);
  });
});

describe('lotteryNumber', () => {
  it('matches HMAC-SHA256 of the id keyed by the seed, first 6 bytes (computed independently in Python)', () => {
    expect(lotteryNumber('QNG-2026-L1', 'HS0001')).toBe(254635003230853);
    expect(lotteryNumber('hạt giống', 'Nguyễn-01')).toBe(130774338225879);
  });
});
