import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

/** SQL over demo_residents (SYNTHETIC people; see migration 0005). */

const COLUMNS = [
  'personal_id',
  'full_name',
  'date_of_birth',
  'gender',
  'ethnicity',
  'permanent_commune_id',
  'permanent_village',
  'permanent_address',
  'current_commune_id',
  'current_village',
  'current_address',
  'guardians',
] as const;

export type DemoResidentRow = Awaited<ReturnType<typeof findManyByIdAndBirth>>[number];

/**
 * Children by ID (the registry's lookups arriving together share one query, by primary key);
 * the caller compares the date of birth, so that a wrong date and an unknown ID look the same.
 */
export function findManyByIdAndBirth(db: Executor, keys: readonly { personalId: string; dateOfBirth: string }[]) {
  return db
    .selectFrom('demo_residents')
    .select(COLUMNS)
    .where('personal_id', '=', sql<string>`ANY(${keys.map((k) => k.personalId)}::text[])`)
    .execute();
}

/**
 * Children of a commune (either residence) born in the years, by given name in Vietnamese
 * order. Indexes demo_residents_permanent and demo_residents_current (a BitmapOr).
 */
export function findBornIn(db: Executor, communeId: string, yearFrom: number, yearTo: number) {
  const from = `${yearFrom}-01-01`;
  const to = `${yearTo + 1}-01-01`;
  return db
    .selectFrom('demo_residents')
    .select(COLUMNS)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('permanent_commune_id', '=', communeId),
          eb('date_of_birth', '>=', from),
          eb('date_of_birth', '<', to),
        ]),
        eb.and([
          eb('current_commune_id', '=', communeId),
          eb('date_of_birth', '>=', from),
          eb('date_of_birth', '<', to),
        ]),
      ]),
    )
    .orderBy(sql`given_name COLLATE vi`)
    .orderBy(sql`full_name COLLATE vi`)
    .orderBy('personal_id')
    .execute();
}
