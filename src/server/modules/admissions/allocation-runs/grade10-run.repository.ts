import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { COUNTED_STATES } from './allocation-run.repository.ts';
import type { Grade10Application } from './grade10-inputs.ts';

/**
 * SQL of grade-10 runs: the applications with their exam scores (one query; index
 * admission_applications_round_school on round_id, then the scores' primary key), and the bulk
 * writes of results and cut-offs as a few `INSERT … SELECT FROM unnest(…)` statements.
 */

export async function findGrade10Applications(db: Executor, roundId: string): Promise<Grade10Application[]> {
  const { rows } = await sql<Grade10Application>`
    SELECT a.dossier_id, a.dossier_code, a.wishes, s.registration_no, s.marks, s.priority_points, s.bonus_points,
           s.absent, s.disqualified
      FROM admission_applications a
      JOIN dossiers d ON d.id = a.dossier_id
      LEFT JOIN admission_exam_scores s ON s.dossier_id = a.dossier_id
     WHERE a.round_id = ${roundId} AND d.state = ANY(${[...COUNTED_STATES]}::text[])
     ORDER BY a.dossier_code`.execute(db);
  return rows;
}

export interface Grade10ResultRow {
  dossierId: string;
  schoolId: string | null;
  reason: string;
  explanation: string;
  stage: string | null;
  wishNo: number | null;
  total: number | null;
}

const BATCH = 25_000;

/** Writes the results of a run, 25,000 rows per statement. */
export async function insertGrade10Results(db: Executor, runId: string, rows: readonly Grade10ResultRow[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const part = rows.slice(i, i + BATCH);
    await sql`
      INSERT INTO admission_allocation_results
        (run_id, dossier_id, school_id, reason, explanation, stage, wish_no, total_hundredths)
      SELECT ${runId}::uuid, u.d, u.s, u.r, u.e::jsonb, u.st, u.w, u.t
        FROM unnest(${part.map((r) => r.dossierId)}::uuid[], ${part.map((r) => r.schoolId)}::uuid[],
                    ${part.map((r) => r.reason)}::text[], ${part.map((r) => r.explanation)}::text[],
                    ${part.map((r) => r.stage)}::text[], ${part.map((r) => r.wishNo)}::int[],
                    ${part.map((r) => r.total)}::int[]) AS u(d, s, r, e, st, w, t)`.execute(db);
  }
}

export interface CutoffRow {
  schoolId: string;
  stage: 'specialised' | 'ordinary';
  seats: number;
  admitted: number;
  cutoff: number | null;
  rejected: number;
  overCapacity: number;
  tieExcluded: number;
  emptySeats: number;
}

/** Writes the cut-off of every school of the run (one statement). */
export async function insertCutoffs(db: Executor, runId: string, rows: readonly CutoffRow[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('admission_allocation_cutoffs')
    .values(
      rows.map((c) => ({
        run_id: runId,
        school_id: c.schoolId,
        stage: c.stage,
        seats: c.seats,
        admitted: c.admitted,
        cutoff_hundredths: c.cutoff,
        rejected: c.rejected,
        over_capacity: c.overCapacity,
        tie_excluded: c.tieExcluded,
        empty_seats: c.emptySeats,
      })),
    )
    .execute();
}

/** Cut-offs of a run with the school's name, in Vietnamese name order. */
export function findCutoffs(db: Executor, runId: string) {
  return db
    .selectFrom('admission_allocation_cutoffs as c')
    .innerJoin('org_units as u', 'u.id', 'c.school_id')
    .select([
      'c.school_id',
      'u.name',
      'c.stage',
      'c.seats',
      'c.admitted',
      'c.cutoff_hundredths',
      'c.rejected',
      'c.over_capacity',
      'c.tie_excluded',
      'c.empty_seats',
    ])
    .where('c.run_id', '=', runId)
    .orderBy('c.stage', 'desc')
    .orderBy(sql`u.name COLLATE vi`)
    .execute();
}

/** Results of a grade-10 run in dossier-code order, with the columns 0009 added. */
export async function findGrade10Results(db: Executor, runId: string) {
  const { rows } = await sql<{
    dossier_id: string;
    dossier_code: string;
    child_name: string;
    school_id: string | null;
    reason: string;
    explanation: unknown;
    stage: 'specialised' | 'ordinary' | null;
    wish_no: number | null;
    total_hundredths: number | null;
  }>`
    SELECT r.dossier_id, a.dossier_code, a.child_name, r.school_id, r.reason, r.explanation, r.stage, r.wish_no,
           r.total_hundredths
      FROM admission_allocation_results r JOIN admission_applications a ON a.dossier_id = r.dossier_id
     WHERE r.run_id = ${runId}
     ORDER BY a.dossier_code`.execute(db);
  return rows;
}
