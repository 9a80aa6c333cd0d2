import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';

/**
 * SQL of allocation runs and results. Reads the applications of the round together with the
 * dossier engine's state (dossiers), never writes them.
 */

/**
 * Dossier states that take part in an allocation: approved applications only. A round moves
 * to allocation only when every application is decided (admissions-hooks.ts), so nothing
 * unverified takes a seat; rejected and withdrawn applications ask for none.
 */
export const COUNTED_STATES = ['approved'] as const;

/** Applications still alive: filed and neither rejected nor withdrawn (decided or not). */
export const LIVE_STATES = ['submitted', 'in_review', 'supplement_requested', 'resubmitted', 'approved'] as const;

/** The applications counted for allocation, with the village key matched like catchments' village_key. */
export function findCountedApplications(db: Executor, roundId: string) {
  return db
    .selectFrom('admission_applications as a')
    .innerJoin('dossiers as d', 'd.id', 'a.dossier_id')
    .select([
      'a.dossier_id',
      'a.dossier_code',
      'a.wishes',
      'a.priority_group',
      'a.residence_commune_id',
      sql<string | null>`gds_search_key(a.residence_village)`.as('village_key'),
    ])
    .where('a.round_id', '=', roundId)
    .where('d.state', 'in', [...COUNTED_STATES])
    .orderBy('a.dossier_code')
    .execute();
}
export type CountedApplication = Awaited<ReturnType<typeof findCountedApplications>>[number];

/** Catchment rows of the round with their village key (null: the whole commune). */
export function findCatchmentKeys(db: Executor, roundId: string) {
  return db
    .selectFrom('admission_catchments')
    .select(['school_id', 'commune_id', 'village_key'])
    .where('round_id', '=', roundId)
    .execute();
}

export async function insertRun(
  db: Executor,
  v: { roundId: string; kind: 'practice' | 'final'; inputsSha256: string; createdBy: string | null; summary: unknown },
) {
  return db
    .insertInto('admission_allocation_runs')
    .values({
      round_id: v.roundId,
      kind: v.kind,
      inputs_sha256: v.inputsSha256,
      created_by: v.createdBy,
      summary: JSON.stringify(v.summary),
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

export async function insertResults(
  db: Executor,
  rows: readonly {
    run_id: string;
    dossier_id: string;
    school_id: string | null;
    reason: string;
    explanation: string;
  }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('admission_allocation_results')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

const runColumns = [
  'id',
  'round_id',
  'kind',
  'inputs_sha256',
  'created_by',
  'created_at',
  'status',
  'summary',
] as const;

export function findRuns(db: Executor, roundId: string) {
  return db
    .selectFrom('admission_allocation_runs')
    .select(runColumns)
    .where('round_id', '=', roundId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
export type RunRow = Awaited<ReturnType<typeof findRuns>>[number];

export function findRun(db: Executor, roundId: string, runId: string) {
  return db
    .selectFrom('admission_allocation_runs')
    .select(runColumns)
    .where('round_id', '=', roundId)
    .where('id', '=', runId)
    .executeTakeFirst();
}

export function findFinalRun(db: Executor, roundId: string) {
  return db
    .selectFrom('admission_allocation_runs')
    .select(['id'])
    .where('round_id', '=', roundId)
    .where('kind', '=', 'final')
    .executeTakeFirst();
}

/** Results of a run in dossier-code order, with the child's name for the results page. */
export function findResults(db: Executor, runId: string) {
  return db
    .selectFrom('admission_allocation_results as r')
    .innerJoin('admission_applications as a', 'a.dossier_id', 'r.dossier_id')
    .select(['r.dossier_id', 'a.dossier_code', 'a.child_name', 'r.school_id', 'r.reason', 'r.explanation'])
    .where('r.run_id', '=', runId)
    .orderBy('a.dossier_code')
    .execute();
}
