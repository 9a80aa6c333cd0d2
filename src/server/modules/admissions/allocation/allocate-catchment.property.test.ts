import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateCatchment } from './allocate-catchment.ts';
import type { CatchmentInput } from './catchment.types.ts';
import { lotteryNumber } from './lottery.ts';

const instances: fc.Arbitrary<CatchmentInput> = fc
  .record({
    seats: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 }),
    seed: fc.string({ minLength: 1 }),
  })
  .chain(({ seats, seed }) => {
    const ids = seats.map((_, k) => `S${k}`);
    const wish = fc.record({ schoolId: fc.constantFrom(...ids), inCatchment: fc.boolean() });
    const applicant = fc.record({
      wishes: fc.uniqueArray(wish, { minLength: 1, maxLength: 2, selector: (w) => w.schoolId }),
      priorityRank: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    });
    return fc.array(applicant, { maxLength: 20 }).map((list) => ({
      seed,
      schools: seats.map((s, k) => ({ id: ids[k]!, name: ids[k]!, seats: s })),
      applicants: list.map((a, i) => ({ id: `c${i}`, ...a })),
    }));
  });

describe('allocateCatchment (properties)', () => {
  it('places a catchment child at the first catchment school on its list at the latest', () => {
    fc.assert(
      fc.property(instances, (input) => {
        const r = allocateCatchment(input);
        input.applicants.forEach((a, i) => {
          const first = a.wishes.findIndex((w) => w.inCatchment);
          if (first >= 0) expect(r.applicants[i]!.wishIndex).not.toBeNull();
          if (first >= 0) expect(r.applicants[i]!.wishIndex!).toBeLessThanOrEqual(first);
        });
      }),
    );
  });

  it('gives out-of-catchment children only the seats catchment children leave, best group and number first', () => {
    fc.assert(
      fc.property(instances, (input) => {
        const r = allocateCatchment(input);
        const order = (id: string, rank: number | null) => [
          rank ?? Number.POSITIVE_INFINITY,
          lotteryNumber(input.seed!, id),
        ];
        input.schools.forEach((school, s) => {
          const res = r.schools[s]!;
          expect(res.admitted - res.inCatchment).toBeLessThanOrEqual(Math.max(0, school.seats - res.inCatchment));
          const outside = input.applicants.flatMap((a, i) => {
            const k = a.wishes.findIndex((w) => w.schoolId === school.id && !w.inCatchment);
            const got = r.applicants[i]!.wishIndex;
            if (k < 0 || (got !== null && got < k)) return []; // never reached this school
            return [{ key: order(a.id, a.priorityRank), admitted: got === k }];
          });
          const worstIn = outside.filter((x) => x.admitted).map((x) => x.key);
          const bestOut = outside.filter((x) => !x.admitted).map((x) => x.key);
          for (const p of worstIn)
            for (const q of bestOut) expect(p[0]! < q[0]! || (p[0] === q[0] && p[1]! < q[1]!)).toBe(true);
        });
      }),
    );
  });

  it('gives the same result for the same input in any order', () => {
    fc.assert(
      fc.property(instances, (input) => {
        const one = allocateCatchment(input);
        const two = allocateCatchment({ ...input, applicants: input.applicants.slice().reverse() });
        expect(two.applicants.slice().reverse()).toEqual(one.applicants);
        expect(two.schools).toEqual(one.schools);
      }),
    );
  });
});
