import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { LIVE_STATES } from '../allocation-runs/allocation-run.repository.ts';
import type { StoredScore } from './exam-score-import-plan.ts';

/**
 * SQL of grade-10 exam scores. Applications are read with the dossier engine's state; only those
 * taking part in the allocation (LIVE_STATES) are listed or may receive scores.
 */

/** The applications of a round taking part in the allocation, by dossier code. */
export function findRoundApplications(db: Executor, roundId: string) {
  return db
    .selectFrom('admission_applications as a')
    .innerJoin('dossiers as d', 'd.id', 'a.dossier_id')
    .select(['a.dossier_id', 'a.dossier_code', 'a.child_name', 'a.priority_group'])
    .where('a.round_id', '=', roundId)
    .where('d.state', 'in', [...LIVE_STATES])
    .orderBy('a.dossier_code')
    .execute();
}

const scoreColumns = [
  'dossier_id',
  'registration_no',
  'marks',
  'priority_points',
  'bonus_points',
  'absent',
  'disqualified',
  'version',
  'updated_at',
] as const;

export type ScoreRow = {
  dossier_id: string;
  registration_no: string;
  marks: unknown;
  priority_points: string | number;
  bonus_points: string | number;
  absent: boolean;
  disqualified: boolean;
  version: number;
};

/** numeric(4,2) comes back as text ('1.50'). */
export const storedOf = (r: ScoreRow): StoredScore => ({
  dossierId: r.dossier_id,
  registrationNo: r.registration_no,
  marks: r.marks as Record<string, number>,
  priorityPoints: Number(r.priority_points),
  bonusPoints: Number(r.bonus_points),
  absent: r.absent,
  disqualified: r.disqualified,
  version: r.version,
});

/** Every recorded score of the round (including those of applications withdrawn since). */
export async function findScores(db: Executor, roundId: string): Promise<StoredScore[]> {
  const rows = await db
    .selectFrom('admission_exam_scores')
    .select(scoreColumns)
    .where('round_id', '=', roundId)
    .execute();
  return rows.map(storedOf);
}

export function findScore(db: Executor, roundId: string, dossierId: string) {
  return db
    .selectFrom('admission_exam_scores')
    .select(scoreColumns)
    .where('round_id', '=', roundId)
    .where('dossier_id', '=', dossierId)
    .executeTakeFirst();
}

export function findApplication(db: Executor, roundId: string, dossierId: string) {
  return db
    .selectFrom('admission_applications as a')
    .innerJoin('dossiers as d', 'd.id', 'a.dossier_id')
    .select(['a.dossier_id', 'a.dossier_code', 'a.child_name', 'd.state'])
    .where('a.round_id', '=', roundId)
    .where('a.dossier_id', '=', dossierId)
    .executeTakeFirst();
}

export interface ScoreWrite {
  dossierId: string;
  registrationNo: string;
  marks: Readonly<Record<string, number>>;
  priorityPoints: number;
  bonusPoints: number;
  absent: boolean;
  disqualified: boolean;
}

/**
 * Inserts or replaces scores, 5,000 per statement (unnest of parallel arrays), bumping the
 * version of replaced records.
 */
export async function upsertScores(
  db: Executor,
  roundId: string,
  rows: readonly ScoreWrite[],
  by: string | null,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const part = rows.slice(i, i + 5000);
    await sql`
      INSERT INTO admission_exam_scores AS s
        (dossier_id, round_id, registration_no, marks, priority_points, bonus_points, absent, disqualified, updated_by)
      SELECT u.d, ${roundId}::uuid, u.r, u.m::jsonb, u.p, u.b, u.a, u.q, ${by}::uuid
        FROM unnest(${part.map((r) => r.dossierId)}::uuid[], ${part.map((r) => r.registrationNo)}::text[],
                    ${part.map((r) => JSON.stringify(r.marks))}::text[], ${part.map((r) => r.priorityPoints)}::numeric[],
                    ${part.map((r) => r.bonusPoints)}::numeric[], ${part.map((r) => r.absent)}::bool[],
                    ${part.map((r) => r.disqualified)}::bool[]) AS u(d, r, m, p, b, a, q)
      ON CONFLICT (dossier_id) DO UPDATE SET
        registration_no = excluded.registration_no, marks = excluded.marks,
        priority_points = excluded.priority_points, bonus_points = excluded.bonus_points,
        absent = excluded.absent, disqualified = excluded.disqualified,
        version = s.version + 1, updated_at = now(), updated_by = excluded.updated_by`.execute(db);
  }
}

/**
 * A page of the round's applications taking part, with their scores (null columns when none is
 * recorded). `q` matches admission_applications.search_key (trigram index
 * admission_applications_search) or the registration number.
 */
export async function listScores(
  db: Executor,
  roundId: string,
  f: { q?: string | undefined; missing: boolean; page: number; pageSize: number },
) {
  let base = db
    .selectFrom('admission_applications as a')
    .innerJoin('dossiers as d', 'd.id', 'a.dossier_id')
    .leftJoin('admission_exam_scores as s', 's.dossier_id', 'a.dossier_id')
    .where('a.round_id', '=', roundId)
    .where('d.state', 'in', [...LIVE_STATES]);
  if (f.missing) base = base.where('s.dossier_id', 'is', null);
  if (f.q) {
    const like = `%${f.q}%`;
    base = base.where((eb) =>
      eb.or([
        eb('a.search_key', 'like', sql<string>`'%' || gds_search_key(${f.q}) || '%'`),
        eb('s.registration_no', 'ilike', like),
      ]),
    );
  }
  const [items, count] = await Promise.all([
    base
      .select([
        'a.dossier_id',
        'a.dossier_code',
        'a.child_name',
        's.registration_no',
        's.marks',
        's.priority_points',
        's.bonus_points',
        's.absent',
        's.disqualified',
        's.version',
        's.updated_at',
      ])
      .orderBy('a.dossier_code')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.total };
}

/** The record holding a registration number in the round, if any. */
export function findByRegistrationNo(db: Executor, roundId: string, registrationNo: string) {
  return db
    .selectFrom('admission_exam_scores')
    .select('dossier_id')
    .where('round_id', '=', roundId)
    .where('registration_no', '=', registrationNo)
    .executeTakeFirst();
}

/** How many applications taking part have no score record (for the list header). */
export async function countMissing(db: Executor, roundId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM admission_applications a JOIN dossiers d ON d.id = a.dossier_id
     WHERE a.round_id = ${roundId} AND d.state = ANY(${[...LIVE_STATES]}::text[])
       AND NOT EXISTS (SELECT 1 FROM admission_exam_scores s WHERE s.dossier_id = a.dossier_id)`.execute(db);
  return rows[0]!.n;
}
