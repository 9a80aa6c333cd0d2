import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export type HolidayKind = 'holiday' | 'working_day';

export interface HolidayRow {
  day: string;
  name_vi: string;
  name_en: string;
  kind: HolidayKind;
}

/** Every row (a few dozen a year): the whole table is the calendar. */
export function listAllHolidays(db: Executor): Promise<HolidayRow[]> {
  return db.selectFrom('public_holidays').select(['day', 'name_vi', 'name_en', 'kind']).orderBy('day').execute();
}

export function listHolidaysOfYear(db: Executor, year: number): Promise<HolidayRow[]> {
  return db
    .selectFrom('public_holidays')
    .select(['day', 'name_vi', 'name_en', 'kind'])
    .where(sql<number>`extract(year from day)::int`, '=', year)
    .orderBy('day')
    .execute();
}

export function findHoliday(db: Executor, day: string) {
  return db
    .selectFrom('public_holidays')
    .select(['day', 'name_vi', 'name_en', 'kind'])
    .where('day', '=', day)
    .executeTakeFirst();
}

export async function upsertHoliday(db: Executor, h: HolidayRow): Promise<void> {
  await db
    .insertInto('public_holidays')
    .values({ ...h, updated_at: sql`now()` })
    .onConflict((oc) =>
      oc.column('day').doUpdateSet({ name_vi: h.name_vi, name_en: h.name_en, kind: h.kind, updated_at: sql`now()` }),
    )
    .execute();
}

export async function deleteHoliday(db: Executor, day: string): Promise<void> {
  await db.deleteFrom('public_holidays').where('day', '=', day).execute();
}
