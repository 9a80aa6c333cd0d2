import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { allocateCatchment } from './allocate-catchment.ts';
import { allocateGrade10 } from './allocate-grade10.ts';
import { diffResults } from './diff-results.ts';
import { buildApplicant as applicant, buildInput as input, buildSchool as school } from './grade10.fixtures.ts';
import { canonicalJson, hashCatchmentInputs, hashGrade10Inputs } from './inputs-hash.ts';

describe('canonicalJson', () => {
  it('sorts keys, drops undefined properties and keeps array order', () => {
    expect(canonicalJson({ b: [3, 1], a: { d: 'đ', c: null, e: undefined }, n: 36.5 })).toBe(
      '{"a":{"c":null,"d":"đ"},"b":[3,1],"n":36.5}',
    );
  });
});

describe('hashGrade10Inputs', () => {
  const schools = [school('A', 1), school('B', 2)];
  const applicants = [applicant('a', 7.25, ['A', 'B']), applicant('b', 8, ['B'])];

  it('is the SHA-256 of the canonical JSON, whatever the order of applicants and schools', () => {
    const data = input(schools, applicants);
    const expected = createHash('sha256')
      .update(canonicalJson({ applicants, config: data.config, kind: 'grade10', schools }))
      .digest('hex');
    expect(hashGrade10Inputs(data)).toBe(expected);
    expect(hashGrade10Inputs(input(schools.slice().reverse(), applicants.slice().reverse()))).toBe(expected);
  });

  it('changes when a mark, a wish order or a rule changes', () => {
    const base = hashGrade10Inputs(input(schools, applicants));
    expect(hashGrade10Inputs(input(schools, [applicant('a', 7.5, ['A', 'B']), applicants[1]!]))).not.toBe(base);
    expect(hashGrade10Inputs(input(schools, [applicant('a', 7.25, ['B', 'A']), applicants[1]!]))).not.toBe(base);
    expect(hashGrade10Inputs(input(schools, applicants, { tieAtLastSeat: 'admit_none' }))).not.toBe(base);
  });
});

describe('hashCatchmentInputs', () => {
  it('can leave out the seed, to be published before the draw', () => {
    const data = { seed: 'x', schools: [{ id: 'A', name: 'A', seats: 1 }], applicants: [] };
    expect(hashCatchmentInputs(data, { includeSeed: false })).toBe(
      hashCatchmentInputs({ ...data, seed: 'y' }, { includeSeed: false }),
    );
    expect(hashCatchmentInputs(data)).not.toBe(hashCatchmentInputs({ ...data, seed: 'y' }));
  });
});

describe('diffResults', () => {
  it('lists the applicants whose school changed and the schools whose cut-off changed', () => {
    const schools = [school('A', 1), school('B', 1)];
    const practice = allocateGrade10(input(schools, [applicant('a', 7, ['A', 'B']), applicant('b', 6, ['A', 'B'])]));
    // A corrected mark (b: 6 → 8) before the real run.
    const real = allocateGrade10(input(schools, [applicant('a', 7, ['A', 'B']), applicant('b', 8, ['A', 'B'])]));
    expect(diffResults(practice, real)).toEqual({
      applicants: [
        { applicantId: 'a', before: 'A', after: 'B' },
        { applicantId: 'b', before: 'B', after: 'A' },
      ],
      schools: [
        { schoolId: 'A', before: 700, after: 800 },
        { schoolId: 'B', before: 600, after: 700 },
      ],
    });
    expect(diffResults(real, real)).toEqual({ applicants: [], schools: [] });
  });

  it('compares grade-1/6 runs by placement and lottery cut-off', () => {
    const run = (seed: string) =>
      allocateCatchment({
        seed,
        schools: [{ id: 'A', name: 'A', seats: 1 }],
        applicants: ['p', 'q', 'r'].map((id) => ({
          id,
          wishes: [{ schoolId: 'A', inCatchment: false }],
          priorityRank: null,
        })),
      });
    const winner = (seed: string) => run(seed).applicants.find((a) => a.schoolId !== null)!.applicantId;
    const other = ['s1', 's2', 's3', 's4', 's5', 's6'].find((seed) => winner(seed) !== winner('s0'))!;
    const diff = diffResults(run('s0'), run(other));
    expect(diff.applicants).toHaveLength(2);
    expect(diff.schools).toHaveLength(1);
  });
});
