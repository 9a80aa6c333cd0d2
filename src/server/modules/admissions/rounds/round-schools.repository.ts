import { sql } from 'kysely';
import type { CatchmentInput, RoundSchoolInput } from '../../../../shared/admissions.schema.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { UnitFacts } from './round-rules.ts';

/**
 * SQL of a round's schools and catchments, and the facts about units that the rules need
 * (type, still active, levels taught, inside the running unit's subtree). org_units, schools and
 * org_unit_closure belong to the org module and are only read.
 */

/** Facts about `ids` relative to the subtree of `rootId`. */
export async function findUnitFacts(db: Executor, ids: readonly string[], rootId: string): Promise<UnitFacts[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('org_units as u')
    .leftJoin('schools as s', 's.unit_id', 'u.id')
    .leftJoin('org_unit_closure as c', (j) => j.onRef('c.descendant_id', '=', 'u.id').on('c.ancestor_id', '=', rootId))
    .select([
      'u.id',
      'u.name',
      'u.type_code',
      's.levels',
      sql<boolean>`(u.valid_to IS NULL OR u.valid_to >= current_date)`.as('active'),
      sql<boolean>`(c.ancestor_id IS NOT NULL)`.as('in_scope'),
    ])
    .where('u.id', 'in', [...ids])
    .execute();
}

export function findRoundSchools(db: Executor, roundIds: readonly string[]) {
  if (roundIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('admission_round_schools as rs')
    .innerJoin('org_units as u', 'u.id', 'rs.school_id')
    .innerJoin('schools as s', 's.unit_id', 'rs.school_id')
    .innerJoin('org_units as c', 'c.id', 's.commune_id')
    .select([
      'rs.round_id',
      'rs.school_id',
      'u.code',
      'u.name',
      's.commune_id',
      'c.name as commune_name',
      'rs.classes',
      'rs.pupils_per_class',
      'rs.seats',
      'rs.specialised',
      'rs.note',
    ])
    .where('rs.round_id', 'in', [...roundIds])
    .orderBy(sql`u.name COLLATE vi`)
    .execute();
}
export type RoundSchoolRow = Awaited<ReturnType<typeof findRoundSchools>>[number];

export function findCatchments(db: Executor, roundIds: readonly string[]) {
  if (roundIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('admission_catchments as k')
    .innerJoin('org_units as c', 'c.id', 'k.commune_id')
    .select(['k.round_id', 'k.school_id', 'k.commune_id', 'c.name as commune_name', 'k.village'])
    .where('k.round_id', 'in', [...roundIds])
    .orderBy(sql`c.name COLLATE vi`)
    .orderBy(sql`k.village COLLATE vi NULLS FIRST`)
    .execute();
}
export type CatchmentRow = Awaited<ReturnType<typeof findCatchments>>[number];

/**
 * Replaces the set of schools: rows kept are updated in place (their catchments stay), rows
 * dropped are deleted (their catchments with them, ON DELETE CASCADE).
 */
export async function replaceSchools(db: Executor, roundId: string, schools: readonly RoundSchoolInput[]) {
  const keep = schools.map((s) => s.schoolId);
  let del = db.deleteFrom('admission_round_schools').where('round_id', '=', roundId);
  if (keep.length) del = del.where('school_id', 'not in', keep);
  await del.execute();
  if (schools.length === 0) return;
  await db
    .insertInto('admission_round_schools')
    .values(
      schools.map((s) => ({
        round_id: roundId,
        school_id: s.schoolId,
        classes: s.classes,
        pupils_per_class: s.pupilsPerClass,
        specialised: s.specialised,
        note: s.note,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['round_id', 'school_id']).doUpdateSet((eb) => ({
        classes: eb.ref('excluded.classes'),
        pupils_per_class: eb.ref('excluded.pupils_per_class'),
        specialised: eb.ref('excluded.specialised'),
        note: eb.ref('excluded.note'),
      })),
    )
    .execute();
}

export async function replaceCatchments(db: Executor, roundId: string, catchments: readonly CatchmentInput[]) {
  await db.deleteFrom('admission_catchments').where('round_id', '=', roundId).execute();
  if (catchments.length === 0) return;
  await db
    .insertInto('admission_catchments')
    .values(
      catchments.map((c) => ({
        round_id: roundId,
        school_id: c.schoolId,
        commune_id: c.communeId,
        village: c.village,
      })),
    )
    .execute();
}
