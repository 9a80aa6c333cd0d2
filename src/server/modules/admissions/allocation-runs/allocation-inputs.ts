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
 * A wish is in the catchment when the residence commune matches a catchment row of the wished
 * school, for the whole commune or for the residence village (compared by search key, as
 * `admission_catchments.village_key`). Wishes for schools no longer in the round are dropped.
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
  const covers = (schoolId: string, a: CountedApplication) =>
    args.catchments.some(
      (c) =>
        c.school_id === schoolId &&
        c.commune_id === a.residence_commune_id &&
        (c.village_key === null || c.village_key === a.village_key),
    );
  const applicants: CatchmentApplicant[] = args.applications.map((a) => ({
    id: a.dossier_code,
    wishes: a.wishes.filter((w) => inRound.has(w)).map((w) => ({ schoolId: w, inCatchment: covers(w, a) })),
    priorityRank: a.priority_group === null ? null : (args.priorityRanks.get(a.priority_group) ?? null),
  }));
  return { seed: args.seed, schools, applicants };
}
