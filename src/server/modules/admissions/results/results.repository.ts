import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { ResultConfirmation, ResultOutcome } from '../../../platform/db/types-results.ts';
import { LIVE_STATES } from '../allocation-runs/allocation-run.repository.ts';

/**
 * SQL of published results (admission_results, admission_result_publications). Reads the final
 * allocation run (admission_allocation_runs/results, written by allocation-runs), the
 * applications and the dossiers' locale; never writes them.
 */

/** The final run of a round, or undefined (admission_allocation_runs_one_final). */
export function findFinalRun(db: Executor, roundId: string) {
  return db
    .selectFrom('admission_allocation_runs')
    .select(['id'])
    .where('round_id', '=', roundId)
    .where('kind', '=', 'final')
    .executeTakeFirst();
}

/**
 * Every application of the round with its result in the run (null columns: not in the run),
 * the contact to notify and the dossier's language.
 */
export function findApplicationsWithRunResults(db: Executor, roundId: string, runId: string) {
  return db
    .selectFrom('admission_applications as a')
    .innerJoin('dossiers as d', 'd.id', 'a.dossier_id')
    .leftJoin('admission_allocation_results as r', (j) =>
      j.onRef('r.dossier_id', '=', 'a.dossier_id').on('r.run_id', '=', runId),
    )
    .select([
      'a.dossier_id',
      'a.dossier_code',
      'a.applicant_key',
      'a.date_of_birth',
      'a.wishes',
      'a.contact_channel',
      'a.contact_address',
      'd.locale',
      'r.school_id',
      'r.reason',
      'r.explanation',
      'r.wish_no',
      sql<boolean>`r.dossier_id IS NOT NULL`.as('in_run'),
    ])
    .where('a.round_id', '=', roundId)
    .orderBy('a.dossier_code')
    .execute();
}

export function findPublication(db: Executor, roundId: string) {
  return db.selectFrom('admission_result_publications').selectAll().where('round_id', '=', roundId).executeTakeFirst();
}

export async function insertPublication(db: Executor, v: { roundId: string; runId: string; by: string | null }) {
  return db
    .insertInto('admission_result_publications')
    .values({ round_id: v.roundId, run_id: v.runId, published_by: v.by })
    .returning(['published_at'])
    .executeTakeFirstOrThrow();
}

export interface ResultInsert {
  round_id: string;
  dossier_id: string;
  dossier_code: string;
  applicant_key: string;
  date_of_birth: string;
  outcome: ResultOutcome;
  school_id: string | null;
  wish: number | null;
  reason: string;
  explanation_vi: string;
  explanation_en: string;
  confirmation: ResultConfirmation;
}

export async function insertResults(db: Executor, rows: readonly ResultInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('admission_results')
      .values(rows.slice(i, i + 1000))
      .execute();
}

/**
 * What the public lookup needs for one code: the result (if published), else the application and
 * its round (for "not published yet, expected …"). One query; backed by the unique indexes on
 * admission_results.dossier_code and admission_applications.dossier_code.
 */
export function findLookup(db: Executor, code: string) {
  return db
    .selectFrom('admission_applications as a')
    .innerJoin('admission_rounds as rd', 'rd.id', 'a.round_id')
    .leftJoin('admission_results as x', 'x.dossier_id', 'a.dossier_id')
    .leftJoin('admission_result_publications as p', 'p.round_id', 'x.round_id')
    .leftJoin('org_units as s', 's.id', 'x.school_id')
    .select([
      'a.dossier_code',
      'a.applicant_key',
      'a.date_of_birth',
      'rd.id as round_id',
      'rd.code as round_code',
      'rd.name as round_name',
      'rd.level',
      'rd.school_year',
      'rd.results_at',
      'rd.confirm_to',
      'x.id as result_id',
      'x.outcome',
      'x.school_id',
      's.name as school_name',
      'x.wish',
      'x.explanation_vi',
      'x.explanation_en',
      'x.confirmation',
      'x.confirmed_at',
      'x.version',
      'p.published_at',
    ])
    .where('a.dossier_code', '=', code)
    .executeTakeFirst();
}
export type LookupRow = NonNullable<Awaited<ReturnType<typeof findLookup>>>;

/** A result with what confirming it needs (contact, round deadline, running unit), locked. */
export function lockResult(db: Executor, where: { id: string } | { code: string }) {
  let q = db
    .selectFrom('admission_results as x')
    .innerJoin('admission_applications as a', 'a.dossier_id', 'x.dossier_id')
    .innerJoin('admission_rounds as rd', 'rd.id', 'x.round_id')
    .innerJoin('dossiers as d', 'd.id', 'x.dossier_id')
    .select([
      'x.id',
      'x.round_id',
      'x.dossier_id',
      'x.dossier_code',
      'x.applicant_key',
      'x.date_of_birth',
      'x.outcome',
      'x.school_id',
      'x.confirmation',
      'a.contact_channel',
      'a.contact_address',
      'd.locale',
      'rd.confirm_to',
      'rd.running_unit_id',
      'rd.name as round_name',
    ]);
  q = 'id' in where ? q.where('x.id', '=', where.id) : q.where('x.dossier_code', '=', where.code);
  return q.forUpdate(['x']).executeTakeFirst();
}
export type LockedResult = NonNullable<Awaited<ReturnType<typeof lockResult>>>;

export async function markConfirmed(db: Executor, id: string, by: string, channel: 'online' | 'in_person') {
  return db
    .updateTable('admission_results')
    .set({
      confirmation: 'confirmed',
      confirmed_at: sql<Date>`now()`,
      confirmed_by: by,
      confirmed_channel: channel,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .where('confirmation', '=', 'pending')
    .returning(['confirmed_at'])
    .executeTakeFirst();
}

/** Releases every pending seat of the round; returns who lost it (to tell them). */
export function releasePending(db: Executor, roundId: string) {
  return db
    .updateTable('admission_results as x')
    .from('admission_applications as a')
    .innerJoin('dossiers as d', 'd.id', 'a.dossier_id')
    .set({ confirmation: 'released', released_at: sql<Date>`now()`, version: sql<number>`x.version + 1` })
    .whereRef('a.dossier_id', '=', 'x.dossier_id')
    .where('x.round_id', '=', roundId)
    .where('x.confirmation', '=', 'pending')
    .returning([
      'x.id',
      'x.dossier_id',
      'x.dossier_code',
      'x.school_id',
      'a.contact_channel',
      'a.contact_address',
      'd.locale',
    ])
    .execute();
}

export async function markReleased(db: Executor, roundId: string, by: string | null) {
  return db
    .updateTable('admission_result_publications')
    .set({
      released_at: sql<Date>`coalesce(released_at, now())`,
      released_by: sql<string | null>`coalesce(released_by, ${by}::uuid)`,
    })
    .where('round_id', '=', roundId)
    .returning(['released_at'])
    .executeTakeFirstOrThrow();
}

/** Released seats per school of the round, with the school's name (sorted by name, vi collation). */
export function countReleased(db: Executor, roundId: string) {
  return db
    .selectFrom('admission_results as x')
    .innerJoin('org_units as s', 's.id', 'x.school_id')
    .select(['x.school_id', 's.name', sql<number>`count(*)::int`.as('released')])
    .where('x.round_id', '=', roundId)
    .where('x.confirmation', '=', 'released')
    .groupBy(['x.school_id', 's.name'])
    .orderBy(sql`s.name COLLATE vi`)
    .execute();
}

const staffColumns = [
  'x.id',
  'x.dossier_id',
  'x.dossier_code',
  'a.child_name',
  'x.outcome',
  'x.school_id',
  's.name as school_name',
  'x.wish',
  'x.reason',
  'x.explanation_vi',
  'x.explanation_en',
  'x.confirmation',
  'x.confirmed_at',
  'x.confirmed_channel',
  'x.released_at',
] as const;

/** One result for staff. */
export function findStaffResult(db: Executor, id: string) {
  return db
    .selectFrom('admission_results as x')
    .innerJoin('admission_applications as a', 'a.dossier_id', 'x.dossier_id')
    .leftJoin('org_units as s', 's.id', 'x.school_id')
    .select(staffColumns)
    .where('x.id', '=', id)
    .executeTakeFirst();
}
export type StaffResultRow = NonNullable<Awaited<ReturnType<typeof findStaffResult>>>;

/** The round's results for staff, by dossier code; `schools` null: every school. */
export async function listStaffResults(
  db: Executor,
  roundId: string,
  f: {
    schools: string[] | null;
    schoolId?: string | undefined;
    confirmation?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  let q = db
    .selectFrom('admission_results as x')
    .innerJoin('admission_applications as a', 'a.dossier_id', 'x.dossier_id')
    .leftJoin('org_units as s', 's.id', 'x.school_id')
    .where('x.round_id', '=', roundId);
  if (f.schools) q = f.schools.length ? q.where('x.school_id', 'in', f.schools) : q.where(sql<boolean>`false`);
  if (f.schoolId) q = q.where('x.school_id', '=', f.schoolId);
  if (f.confirmation) q = q.where('x.confirmation', '=', f.confirmation as ResultConfirmation);
  const [rows, count] = await Promise.all([
    q
      .select(staffColumns)
      .orderBy('x.dossier_code')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export async function findUnitName(db: Executor, id: string): Promise<string> {
  const row = await db.selectFrom('org_units').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? '';
}

/** The supplementary round made from a parent round, if any. */
export function findSupplementaryOf(db: Executor, parentRoundId: string) {
  return db
    .selectFrom('admission_supplementary_rounds')
    .select(['round_id'])
    .where('parent_round_id', '=', parentRoundId)
    .executeTakeFirst();
}

/** The parent of a supplementary round, or undefined for any other round. */
export function findSupplementary(db: Executor, roundId: string) {
  return db
    .selectFrom('admission_supplementary_rounds')
    .select(['parent_round_id'])
    .where('round_id', '=', roundId)
    .executeTakeFirst();
}

export async function insertSupplementary(
  db: Executor,
  v: { roundId: string; parentRoundId: string; seats: unknown; by: string | null },
): Promise<void> {
  await db
    .insertInto('admission_supplementary_rounds')
    .values({ round_id: v.roundId, parent_round_id: v.parentRoundId, seats: JSON.stringify(v.seats), created_by: v.by })
    .execute();
}

/** A child's published results in a round (a withdrawn application and a later one: two rows). */
export function findResultsOfChild(db: Executor, roundId: string, applicantKey: string) {
  return db
    .selectFrom('admission_results')
    .select(['outcome', 'confirmation'])
    .where('round_id', '=', roundId)
    .where('applicant_key', '=', applicantKey)
    .execute();
}

/** Dossier states of an application that still asks for a seat (not a draft, not withdrawn or refused). */
const ACTIVE_STATES = LIVE_STATES;

/**
 * Which of these children (applicant keys) have an active application in any round of the level
 * and school year, whoever runs it (a child of the commune may apply to a neighbour's school).
 * Backed by admission_applications_applicant (round_id, applicant_key) per round.
 */
export async function findActiveApplicantKeys(
  db: Executor,
  level: number,
  schoolYear: string,
  keys: readonly string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('admission_applications as a')
    .innerJoin('admission_rounds as r', 'r.id', 'a.round_id')
    .innerJoin('dossiers as d', 'd.id', 'a.dossier_id')
    .select('a.applicant_key')
    .distinct()
    .where('r.level', '=', level)
    .where('r.school_year', '=', schoolYear)
    .where('d.state', 'in', [...ACTIVE_STATES])
    .where('a.applicant_key', 'in', [...keys])
    .execute();
  return new Set(rows.map((r) => r.applicant_key));
}

/**
 * The newest school year of a round of this level that concerns the commune (run by it, or with
 * a catchment in it; grade 10 is run by the Sở for every commune). Drafts do not count.
 */
export async function findLatestSchoolYear(
  db: Executor,
  level: number,
  communeId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('admission_rounds as r')
    .select('r.school_year')
    .where('r.level', '=', level)
    .where('r.status', '!=', 'draft')
    .where((eb) =>
      level === 10
        ? eb.val(true)
        : eb.or([
            eb('r.running_unit_id', '=', communeId),
            eb.exists(
              eb
                .selectFrom('admission_catchments as k')
                .select(sql`1`.as('one'))
                .whereRef('k.round_id', '=', 'r.id')
                .where('k.commune_id', '=', communeId),
            ),
          ]),
    )
    .orderBy('r.school_year', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.school_year;
}
