import { sql } from 'kysely';
import { FiledState } from '../../../../shared/admission-dashboards.schema.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { ReadScope } from '../rounds/round.repository.ts';

/**
 * The overview's one aggregate statement: figures of many rounds at once (no query per round).
 * The rounds themselves come from the round list (listRounds), scoped as it scopes them; this
 * statement only counts, and narrows a round to the actor's schools where the actor does not
 * cover its running unit (as the one-round dashboard does).
 *
 * Indexes relied on: admission_rounds_pkey (r.id = ANY), org_unit_closure_pkey (ancestor_id,
 * descendant_id) for coverage and the schools in scope, admission_round_schools_pkey (round_id,
 * school_id), admission_applications_round_school (round_id, first_wish_id) to reach each
 * school's applications, dossiers_pkey for state and deadline, admission_allocation_runs_one_final
 * (round_id) WHERE kind = 'final' and admission_allocation_results_pkey (run_id, dossier_id).
 */

/** States that still ask for a seat (as allocation counts them). */
const INACTIVE = ['draft', 'withdrawn', 'rejected'];
/** States in which the school holds the dossier and its deadline runs (dossier-state.ts CLOCK_RUNNING). */
const CLOCK_RUNNING = ['submitted', 'in_review', 'resubmitted'];

export type RoundCountRow = Record<FiledState, number> & {
  round_id: string;
  /** The actor covers the running unit: every school counts. */
  whole: boolean;
  schools: number;
  seats: number;
  applications: number;
  first_wish: number;
  overdue: number;
  /** null without a final allocation run. */
  admitted: number | null;
};

const byState = (s: FiledState) => sql`count(*) FILTER (WHERE d.state = ${s})::int AS ${sql.ref(s)}`;

/** Figures per round of `roundIds` (which the caller read through the same scope). */
export async function countRounds(db: Executor, roundIds: readonly string[], scope: ReadScope, now: Date) {
  if (roundIds.length === 0) return [];
  const all = scope.all;
  const runningRoots = scope.all ? [] : scope.runningRoots;
  const schoolRoots = scope.all ? [] : scope.schoolRoots;
  const states = FiledState.options;
  const r = await sql<RoundCountRow>`
    WITH rounds AS (
      SELECT r.id,
             (${sql.val(all)}::boolean OR EXISTS (
                SELECT 1 FROM org_unit_closure c
                 WHERE c.ancestor_id = ANY(${sql.val(runningRoots)}::uuid[])
                   AND c.descendant_id = r.running_unit_id)) AS whole
        FROM admission_rounds r
       WHERE r.id = ANY(${sql.val([...roundIds])}::uuid[])
    ), shown AS (
      SELECT rs.round_id, rs.school_id, rs.seats
        FROM admission_round_schools rs
        JOIN rounds r ON r.id = rs.round_id
       WHERE r.whole OR rs.school_id IN (
               SELECT c.descendant_id FROM org_unit_closure c WHERE c.ancestor_id = ANY(${sql.val(schoolRoots)}::uuid[]))
    ), seats AS (
      SELECT round_id, count(*)::int AS schools, sum(seats)::int AS seats FROM shown GROUP BY round_id
    ), apps AS (
      SELECT a.round_id,
             count(*)::int AS applications,
             ${sql.join(states.map(byState))},
             count(*) FILTER (WHERE d.state <> ALL(${sql.val(INACTIVE)}::text[]))::int AS first_wish,
             count(*) FILTER (WHERE d.state = ANY(${sql.val(CLOCK_RUNNING)}::text[]) AND d.due_at < ${now})::int AS overdue
        FROM shown s
        JOIN admission_applications a ON a.round_id = s.round_id AND a.first_wish_id = s.school_id
        JOIN dossiers d ON d.id = a.dossier_id
       WHERE d.state <> 'draft'
       GROUP BY a.round_id
    ), admitted AS (
      SELECT f.round_id, count(s.school_id)::int AS admitted
        FROM admission_allocation_runs f
        LEFT JOIN admission_allocation_results x ON x.run_id = f.id
        LEFT JOIN shown s ON s.round_id = f.round_id AND s.school_id = x.school_id
       WHERE f.kind = 'final' AND f.round_id IN (SELECT id FROM rounds)
       GROUP BY f.round_id
    )
    SELECT r.id AS round_id, r.whole,
           coalesce(k.schools, 0) AS schools, coalesce(k.seats, 0) AS seats,
           coalesce(p.applications, 0) AS applications,
           ${sql.join(states.map((s) => sql`coalesce(p.${sql.ref(s)}, 0) AS ${sql.ref(s)}`))},
           coalesce(p.first_wish, 0) AS first_wish, coalesce(p.overdue, 0) AS overdue,
           m.admitted
      FROM rounds r
      LEFT JOIN seats k ON k.round_id = r.id
      LEFT JOIN apps p ON p.round_id = r.id
      LEFT JOIN admitted m ON m.round_id = r.id`.execute(db);
  return r.rows;
}
