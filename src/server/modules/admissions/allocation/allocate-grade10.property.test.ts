import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateGrade10 } from './allocate-grade10.ts';
import { galeShapleyTextbook } from './gale-shapley-textbook.ts';
import type { Grade10Applicant, Grade10Input, Grade10Result, Grade10School } from './grade10.types.ts';
import { compareTieBreakers, readTieBreakers, type TieBreaker } from './score.ts';
import { verifyGrade10 } from './verify-grade10.ts';

/**
 * Random small rounds with many ties (coarse marks), wish offsets, specialised schools with their
 * own weights, both tie rules and random tie-breakers: the cases where allocation goes wrong.
 */
const instances: fc.Arbitrary<Grade10Input> = fc
  .record({
    ordinary: fc.integer({ min: 1, max: 5 }),
    specialised: fc.integer({ min: 0, max: 2 }),
    seats: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 7, maxLength: 7 }),
    wishOffsets: fc.constantFrom([0, 0, 0], [0, 1, 2], [0, 0.5, 0.75]),
    tieBreakers: fc.shuffledSubarray<TieBreaker>([
      'priorityPoints desc',
      'subject:math desc',
      'subject:literature asc',
      'dateOfBirth asc',
    ]),
    tieAtLastSeat: fc.constantFrom('admit_all' as const, 'admit_none' as const),
  })
  .chain((shape) => {
    const schools: Grade10School[] = [
      ...Array.from({ length: shape.specialised }, (_, k) => ({
        id: `C${k}`,
        name: `THPT chuyên ${k}`,
        seats: shape.seats[k]!,
        specialised: true,
        subjects: [
          { subject: 'math', coefficient: 2 },
          { subject: 'literature', coefficient: 1 },
        ],
      })),
      ...Array.from({ length: shape.ordinary }, (_, k) => ({
        id: `T${k}`,
        name: `THPT ${k}`,
        seats: shape.seats[k + 2]!,
      })),
    ];
    const ordinaryIds = schools.filter((s) => !s.specialised).map((s) => s.id);
    const specialisedIds = schools.filter((s) => s.specialised).map((s) => s.id);
    const mark = fc.integer({ min: 0, max: 8 }).map((x) => x / 2);
    const applicant = fc.record({
      scores: fc.record({ math: mark, literature: mark }),
      priorityPoints: fc.constantFrom(0, 0, 1, 1.5),
      bonusPoints: fc.constantFrom(0, 0, 0.5),
      dateOfBirth: fc.option(fc.constantFrom('2011-01-05', '2011-07-30'), { nil: undefined }),
      wishes: fc.shuffledSubarray(ordinaryIds, { maxLength: Math.min(3, ordinaryIds.length) }),
      specialisedWishes: fc.shuffledSubarray(specialisedIds, { maxLength: Math.min(2, specialisedIds.length) }),
    });
    return fc.array(applicant, { maxLength: 25 }).map(
      (list): Grade10Input => ({
        config: {
          subjects: [
            { subject: 'math', coefficient: 1 },
            { subject: 'literature', coefficient: 1 },
          ],
          wishOffsets: shape.wishOffsets,
          tieBreakers: shape.tieBreakers,
          tieAtLastSeat: shape.tieAtLastSeat,
        },
        schools,
        applicants: list.map((a, i): Grade10Applicant => {
          const { dateOfBirth, ...rest } = a;
          return { id: `HS${String(i).padStart(3, '0')}`, ...rest, ...(dateOfBirth ? { dateOfBirth } : {}) };
        }),
      }),
    );
  });

const byId = (r: Grade10Result) => new Map(r.applicants.map((a) => [a.applicantId, a]));

/**
 * Blocking pairs counted from the definition, without the allocator's packed keys: an applicant
 * who ranked school s above its result (in the same stage) while s admitted someone not strictly
 * better at s (effective score = total at s − the offset of the wish naming s, then tie-breakers).
 */
function blockingPairs(input: Grade10Input, result: Grade10Result): number {
  const tb = readTieBreakers(input.config.tieBreakers);
  const h = (x: number) => Math.round(x * 100);
  const effectiveAt = (a: Grade10Applicant, s: Grade10School) => {
    const specialised = s.specialised === true;
    const list = specialised ? (a.specialisedWishes ?? []) : a.wishes;
    const offsets = specialised ? (input.config.specialisedWishOffsets ?? [0, 0]) : input.config.wishOffsets;
    let total = h(a.priorityPoints) + h(a.bonusPoints);
    for (const w of s.subjects ?? input.config.subjects) total += w.coefficient * h(a.scores[w.subject]!);
    return total - h(offsets[list.indexOf(s.id)]!);
  };
  const res = byId(result);
  let count = 0;
  for (const a of input.applicants) {
    const mine = res.get(a.id)!;
    const stages: [readonly string[], 'specialised' | 'ordinary'][] = [
      [a.specialisedWishes ?? [], 'specialised'],
      [a.wishes, 'ordinary'],
    ];
    for (const [list, stage] of stages) {
      const held = mine.stage === stage ? mine.wishIndex! : list.length;
      for (const sid of list.slice(0, held)) {
        const s = input.schools.find((x) => x.id === sid)!;
        const me = effectiveAt(a, s);
        for (const other of input.applicants) {
          if (res.get(other.id)!.schoolId !== sid) continue;
          const them = effectiveAt(other, s);
          if (them < me || (them === me && compareTieBreakers(tb(other), tb(a)) >= 0)) count++;
        }
      }
      if (mine.stage === 'specialised') break;
    }
  }
  return count;
}

describe('allocateGrade10 (properties)', () => {
  it('fills no school beyond its seats, except by applicants tied at the last seat under admit_all', () => {
    fc.assert(
      fc.property(instances, (input) => {
        const result = allocateGrade10(input);
        const check = verifyGrade10(input, result);
        expect(check.overCapacity).toBe(0);
        for (const s of result.schools) {
          if (s.admitted > s.seats) expect(input.config.tieAtLastSeat).toBe('admit_all');
        }
      }),
    );
  });

  it('leaves no blocking pair and no seat wasted beyond the tie rule', () => {
    fc.assert(
      fc.property(instances, (input) => {
        const result = allocateGrade10(input);
        expect(blockingPairs(input, result)).toBe(0);
        expect(verifyGrade10(input, result)).toMatchObject({ blockingPairs: 0, unjustified: 0 });
      }),
    );
  });

  it('gives equal results for equal inputs, also with applicants and schools shuffled', () => {
    fc.assert(
      fc.property(instances, fc.integer(), (input, seed) => {
        const shuffle = <T>(xs: readonly T[]) =>
          xs
            .map((x, k) => ({ x, k: (Math.imul(k + 1, 2654435761) ^ seed) >>> 0 }))
            .sort((p, q) => p.k - q.k)
            .map((p) => p.x);
        const one = allocateGrade10(input);
        expect(allocateGrade10(structuredClone(input))).toEqual(one);
        const shuffled = allocateGrade10({
          ...input,
          applicants: shuffle(input.applicants),
          schools: shuffle(input.schools),
        });
        expect(byId(shuffled)).toEqual(byId(one));
        expect(new Map(shuffled.schools.map((s) => [s.schoolId, s]))).toEqual(
          new Map(one.schools.map((s) => [s.schoolId, s])),
        );
      }),
    );
  });

  it('agrees with the textbook Gale–Shapley implementation on placements and cut-offs', () => {
    fc.assert(
      fc.property(instances, (input) => {
        const fast = allocateGrade10(input);
        const oracle = galeShapleyTextbook(input);
        for (const a of fast.applicants) expect(a.schoolId).toBe(oracle.assignment.get(a.applicantId));
        for (const s of fast.schools) expect(s.cutoff).toBe(oracle.cutoffs.get(s.schoolId));
      }),
      { numRuns: 300 },
    );
  });
});
