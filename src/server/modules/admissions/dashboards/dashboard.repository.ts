import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';

/**
 * SQL of the admission dashboards: aggregates over one round's applications. Reads the dossier
 * engine's `dossiers` (state, receipt time) through its primary key and the allocation results,
 * never writes them; writes only admission_demand_publications.
 *
 * Indexes relied on: admission_applications_round_school (round_id, first_wish_id) for every
 * per-round scan, dossiers_pkey for the state, admission_allocation_runs_one_final and the
 * results' primary key (run_id, dossier_id) for the admitted counts, org_unit_closure's primary
 * key (ancestor_id, descendant_id) for scopes.
 */

/** States that still ask for a seat (as allocation counts them): not drafts, not withdrawn or rejected. */
const INACTIVE = ['draft', 'withdrawn', 'rejected'];

/** `AND a.first_wish_id = ANY(ids)` when the figures are limited to some schools. */
const firstWishIn = (ids: readonly string[] | null) =>
  ids === null ? sql`` : sql`AND a.first_wish_id = ANY(${sql.val([...ids])}::uuid[])`;

export interface SchoolCountRow {
  school_id: string;
  first_wish: number;
  approved: number;
}

/** Per first-wish school: active applications and approved ones. */
export async function countByFirstWish(db: Executor, roundId: string, ids: readonly string[] | null) {
  const r = await sql<SchoolCountRow>`
    SELECT a.first_wish_id AS school_id,
           count(*) FILTER (WHERE d.state <> ALL(${sql.val(INACTIVE)}::text[]))::int AS first_wish,
           count(*) FILTER (WHERE d.state = 'approved')::int AS approved
      FROM admission_applications a
      JOIN dossiers d ON d.id = a.dossier_id
     WHERE a.round_id = ${roundId} ${firstWishIn(ids)}
     GROUP BY a.first_wish_id`.execute(db);
  return r.rows;
}

/** Per school named in any wish: active applications (one per application, whatever the rank). */
export async function countByAnyWish(db: Executor, roundId: string, ids: readonly string[] | null) {
  const filter = ids === null ? sql`` : sql`AND w.school_id = ANY(${sql.val([...ids])}::uuid[])`;
  const r = await sql<{ school_id: string; any_wish: number }>`
    SELECT w.school_id, count(DISTINCT a.dossier_id)::int AS any_wish
      FROM admission_applications a
      JOIN dossiers d ON d.id = a.dossier_id
      CROSS JOIN LATERAL unnest(a.wishes) AS w(school_id)
     WHERE a.round_id = ${roundId} AND d.state <> ALL(${sql.val(INACTIVE)}::text[]) ${filter}
     GROUP BY w.school_id`.execute(db);
  return r.rows;
}

/** Admitted per school by the round's final allocation run; null when there is none yet. */
export async function countAdmitted(db: Executor, roundId: string): Promise<Map<string, number> | null> {
  const run = await db
    .selectFrom('admission_allocation_runs')
    .select('id')
    .where('round_id', '=', roundId)
    .where('kind', '=', 'final')
    .executeTakeFirst();
  if (!run) return null;
  const rows = await db
    .selectFrom('admission_allocation_results')
    .select(['school_id', sql<number>`count(*)::int`.as('n')])
    .where('run_id', '=', run.id)
    .where('school_id', 'is not', null)
    .groupBy('school_id')
    .execute();
  return new Map(rows.map((r) => [r.school_id as string, r.n]));
}

/** Filed applications (drafts excluded) by dossier state. */
export async function countByState(db: Executor, roundId: string, ids: readonly string[] | null) {
  const r = await sql<{ state: string; n: number }>`
    SELECT d.state, count(*)::int AS n
      FROM admission_applications a
      JOIN dossiers d ON d.id = a.dossier_id
     WHERE a.round_id = ${roundId} AND d.state <> 'draft' ${firstWishIn(ids)}
     GROUP BY d.state`.execute(db);
  return r.rows;
}

/** Applications received per day (Vietnamese calendar day), oldest first. */
export async function countPerDay(db: Executor, roundId: string, ids: readonly string[] | null) {
  const r = await sql<{ day: string; n: number }>`
    SELECT to_char(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS day, count(*)::int AS n
      FROM admission_applications a
      JOIN dossiers d ON d.id = a.dossier_id
     WHERE a.round_id = ${roundId} AND d.received_at IS NOT NULL ${firstWishIn(ids)}
     GROUP BY 1
     ORDER BY 1`.execute(db);
  return r.rows;
}

/** The ids among `unitIds` that lie in the subtree of one of `roots` (org_unit_closure). */
export async function unitsUnder(db: Executor, unitIds: readonly string[], roots: readonly string[]) {
  if (unitIds.length === 0 || roots.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('org_unit_closure')
    .select('descendant_id')
    .distinct()
    .where('ancestor_id', 'in', [...roots])
    .where('descendant_id', 'in', [...unitIds])
    .execute();
  return new Set(rows.map((r) => r.descendant_id));
}

export async function findPublication(db: Executor, roundId: string) {
  return db.selectFrom('admission_demand_publications').selectAll().where('round_id', '=', roundId).executeTakeFirst();
}

/** Sets the switch; returns the row as stored. */
export async function upsertPublication(db: Executor, roundId: string, published: boolean, by: string | null) {
  return db
    .insertInto('admission_demand_publications')
    .values({ round_id: roundId, published, changed_by: by })
    .onConflict((oc) => oc.column('round_id').doUpdateSet({ published, changed_by: by, changed_at: sql`now()` }))
    .returningAll()
    .executeTakeFirstOrThrow();
}
