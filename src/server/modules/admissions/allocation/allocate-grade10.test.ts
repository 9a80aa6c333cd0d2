import { describe, expect, it } from 'vitest';
import { allocateGrade10 } from './allocate-grade10.ts';
import { galeShapleyTextbook } from './gale-shapley-textbook.ts';
import { buildApplicant as applicant, buildInput as input, buildSchool as school } from './grade10.fixtures.ts';
import type { Grade10Result } from './grade10.types.ts';
import { AllocationInputError } from './score.ts';
import { verifyGrade10 } from './verify-grade10.ts';

const placed = (r: Grade10Result) => Object.fromEntries(r.applicants.map((a) => [a.applicantId, a.schoolId]));
const schoolOf = (r: Grade10Result, id: string) => r.schools.find((s) => s.schoolId === id)!;
const outcomes = (r: Grade10Result, id: string) =>
  r.applicants.find((a) => a.applicantId === id)!.wishes.map((w) => w.outcome);

describe('allocateGrade10', () => {
  it('admits by score and publishes the cut-off of each school that filled', () => {
    const r = allocateGrade10(
      input(
        [school('A', 2), school('B', 5)],
        [applicant('x', 40, ['A']), applicant('y', 38, ['A']), applicant('z', 36, ['A', 'B'])],
      ),
    );
    expect(placed(r)).toEqual({ x: 'A', y: 'A', z: 'B' });
    expect(schoolOf(r, 'A')).toMatchObject({ admitted: 2, cutoff: 3800, rejected: 1, overCapacity: 0 });
    expect(schoolOf(r, 'B')).toMatchObject({ admitted: 1, cutoff: null, emptySeats: 4 });
    expect(outcomes(r, 'z')).toEqual(['below_cutoff', 'admitted']);
  });

  it('admits everyone tied at the last seat under admit_all and reports the school over capacity', () => {
    const r = allocateGrade10(
      input([school('A', 2)], [applicant('x', 40, ['A']), applicant('y', 38, ['A']), applicant('w', 38, ['A'])]),
    );
    expect(placed(r)).toEqual({ x: 'A', y: 'A', w: 'A' });
    expect(schoolOf(r, 'A')).toMatchObject({ admitted: 3, seats: 2, overCapacity: 1, cutoff: 3800 });
  });

  it('admits none of those tied at the last seat under admit_none and leaves the seat empty', () => {
    const r = allocateGrade10(
      input(
        [school('A', 2), school('B', 5)],
        [applicant('x', 40, ['A']), applicant('y', 38, ['A', 'B']), applicant('w', 38, ['A', 'B'])],
        { tieAtLastSeat: 'admit_none' },
      ),
    );
    expect(placed(r)).toEqual({ x: 'A', y: 'B', w: 'B' });
    expect(schoolOf(r, 'A')).toMatchObject({ admitted: 1, emptySeats: 1, tieExcluded: 2, cutoff: 4000 });
    expect(outcomes(r, 'y')).toEqual(['tie_excluded', 'admitted']);
  });

  it('under admit_none never admits someone ranked below a tied group it turned away', () => {
    const data = input(
      [school('A', 1), school('B', 1)],
      [
        applicant('y', 38, ['A']),
        applicant('w', 38, ['A']),
        applicant('q', 40, ['B']),
        applicant('z', 36, ['B', 'A']), // reaches A only after B turns it away
      ],
      { tieAtLastSeat: 'admit_none' },
    );
    const r = allocateGrade10(data);
    expect(placed(r)).toEqual({ y: null, w: null, q: 'B', z: null });
    expect(schoolOf(r, 'A')).toMatchObject({ admitted: 0, emptySeats: 1, tieExcluded: 2 });
    expect(galeShapleyTextbook(data).assignment.get('z')).toBeNull();
  });

  it('lets the configured tie-breakers decide before the rule for a tie at the last seat', () => {
    const subjects = [
      { subject: 'math', coefficient: 1 },
      { subject: 'literature', coefficient: 1 },
    ];
    const r = allocateGrade10(
      input(
        [school('A', 1)],
        [
          applicant('y', 0, ['A'], { scores: { math: 6, literature: 8 } }),
          applicant('w', 0, ['A'], { scores: { math: 8, literature: 6 } }),
        ],
        { subjects, tieBreakers: ['subject:math desc'], tieAtLastSeat: 'admit_none' },
      ),
    );
    expect(placed(r)).toEqual({ y: null, w: 'A' });
    expect(outcomes(r, 'y')).toEqual(['lost_tie_breaker']);
  });

  it('requires the cut-off plus the wish offset on a lower wish (Hanoi: NV2 + 1)', () => {
    const applicants = [
      applicant('c', 40, ['Y']),
      applicant('a', 30, ['X']),
      applicant('b', 30.5, ['Y', 'X']), // NV2 at X: 30,50 plain, 29,50 with the offset
    ];
    const schools = [school('X', 1), school('Y', 1)];
    expect(placed(allocateGrade10(input(schools, applicants, { wishOffsets: [0, 0] })))).toEqual({
      c: 'Y',
      a: null,
      b: 'X',
    });
    const hanoi = allocateGrade10(input(schools, applicants, { wishOffsets: [0, 1] }));
    expect(placed(hanoi)).toEqual({ c: 'Y', a: 'X', b: null });
    expect(hanoi.applicants[2]!.wishes[1]).toMatchObject({ effective: 2950, offset: 100, cutoff: 3000 });
  });

  it('allocates specialised schools first and takes their admitted out of the ordinary allocation', () => {
    const subjects = [
      { subject: 'math', coefficient: 1 },
      { subject: 'literature', coefficient: 1 },
    ];
    const chuyen = school('C', 1, {
      specialised: true,
      subjects: [
        { subject: 'math', coefficient: 2 },
        { subject: 'literature', coefficient: 1 },
      ],
    });
    const r = allocateGrade10(
      input(
        [chuyen, school('A', 1)],
        [
          applicant('x', 0, ['A'], { scores: { math: 9, literature: 5 }, specialisedWishes: ['C'] }), // 14; 23 at C
          applicant('y', 0, ['A'], { scores: { math: 5, literature: 8 }, specialisedWishes: ['C'] }), // 13; 18 at C
        ],
        { subjects },
      ),
    );
    expect(placed(r)).toEqual({ x: 'C', y: 'A' });
    const x = r.applicants[0]!;
    expect(x).toMatchObject({ stage: 'specialised', wishIndex: 0, total: 1400 });
    expect(x.specialisedWishes[0]).toMatchObject({ outcome: 'admitted', effective: 2300 });
    expect(x.wishes[0]!.outcome).toBe('not_considered');
  });

  it('adds marks in hundredths, so 0.1 + 0.2 ties with 0.3', () => {
    const subjects = [
      { subject: 'a', coefficient: 1 },
      { subject: 'b', coefficient: 1 },
    ];
    const r = allocateGrade10(
      input(
        [school('A', 1)],
        [
          applicant('p', 0, ['A'], { scores: { a: 0.1, b: 0.2 } }),
          applicant('q', 0, ['A'], { scores: { a: 0.3, b: 0 } }),
        ],
        { subjects },
      ),
    );
    expect(placed(r)).toEqual({ p: 'A', q: 'A' });
    expect(schoolOf(r, 'A').cutoff).toBe(30);
  });

  it('gives the same result whatever the order of applicants and schools', () => {
    const schools = [school('A', 1), school('B', 1), school('C', 2)];
    const applicants = [
      applicant('a', 7, ['A', 'B']),
      applicant('b', 7, ['A', 'C']),
      applicant('c', 9, ['B', 'A']),
      applicant('d', 5, ['C']),
      applicant('e', 7, ['B', 'C']),
    ];
    const one = allocateGrade10(input(schools, applicants, { tieAtLastSeat: 'admit_none' }));
    const two = allocateGrade10(
      input(schools.slice().reverse(), applicants.slice().reverse(), { tieAtLastSeat: 'admit_none' }),
    );
    expect(placed(two)).toEqual(placed(one));
    expect(verifyGrade10(input(schools, applicants, { tieAtLastSeat: 'admit_none' }), one)).toMatchObject({
      blockingPairs: 0,
      unjustified: 0,
      overCapacity: 0,
    });
  });

  it('refuses input that breaks a rule, naming the record', () => {
    const run = (data: ReturnType<typeof input>) => () => allocateGrade10(data);
    expect(run(input([school('A', 1)], [applicant('a', 5, ['Z'])]))).toThrow(/a: unknown school Z/);
    expect(run(input([school('A', 1)], [applicant('a', 5, ['A']), applicant('a', 6, ['A'])]))).toThrow(
      /duplicate applicant id a/,
    );
    expect(run(input([school('A', 1)], [applicant('a', 5, ['A', 'A'])]))).toThrow(/twice/);
    expect(run(input([school('A', 1)], [applicant('a', 5.125, ['A'])]))).toThrow(AllocationInputError);
    expect(run(input([school('A', 1)], [applicant('a', 5, ['A'])], { wishOffsets: [] }))).toThrow(/more than 0/);
    expect(run(input([school('A', 1, { specialised: true })], [applicant('a', 5, ['A'])]))).toThrow(
      /not among the ordinary schools/,
    );
    expect(run(input([school('A', 1)], [applicant('a', 5, ['A'], { scores: {} })]))).toThrow(/no score in math/);
  });
});
