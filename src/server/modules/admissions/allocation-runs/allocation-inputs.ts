import type { CatchmentApplicant, CatchmentInput, CatchmentSchool } from '../allocation/index.ts';
import type { CountedApplication } from './allocation-run.repository.ts';

/** A catchment row: a school takes the whole commune (villageKey null) or one village of it. */
export interface CatchmentKey {
  readonly school_id: string;
  readonly commune_id: string;
  readonly village_key: string | null;
}

/**
 * The library input of a grade-1/6 round. Applicant ids are the dossier codes: public, known to
 * each family, so anyone can re-run the published lottery (`lotteryNumber(seed, code)`).
 *
 * The child's catchment schools: those whose catchment names the child's village (compared by
 * search key, as `admission_catchments.village_key`), or, when none does, those that take the
 * whole commune (the web's "trường đúng tuyến" follows the same rule). A wish for one of them is
 * in the catchment. The law guarantees a catchment child a place, so a catchment school the
 * family did not list is added after its wishes: the child is placed there if no wish comes
 * first. Wishes for schools no longer in the round are dropped.
 */
export function buildCatchmentInput(args: {
  seed: string | null;
  schools: readonly { school_id: string; name: string; seats: number }[];
  catchments: readonly CatchmentKey[];
  applications: readonly CountedApplication[];
  priorityRanks: ReadonlyMap<string, number>;
}): CatchmentInput {
  const schools: CatchmentSchool[] = args.schools.map((s) => ({ id: s.school_id, name: s.name, seats: s.seats }));
  const inRound = new Set(schools.map((s) => s.id));
  const catchmentSchools = (a: CountedApplication): string[] => {
    const here = args.catchments.filter((c) => c.commune_id === a.residence_commune_id && inRound.has(c.school_id));
    const village = here.filter((c) => c.village_key !== null && c.village_key === a.village_key);
    const covering = new Set(
      (village.length > 0 ? village : here.filter((c) => c.village_key === null)).map((c) => c.school_id),
    );
    return schools.filter((s) => covering.has(s.id)).map((s) => s.id);
  };
  const applicants: CatchmentApplicant[] = args.applications.map((a) => {
    const own = catchmentSchools(a);
    const wished = a.wishes.filter((w) => inRound.has(w));
    const implied = own.filter((s) => !wished.includes(s));
    return {
      id: a.dossier_code,
      wishes: [...wished, ...implied].map((w) => ({ schoolId: w, inCatchment: own.includes(w) })),
      priorityRank: a.priority_group === null ? null : (args.priorityRanks.get(a.priority_group) ?? null),
    };
  });
  return { seed: args.seed, schools, applicants };
}
