import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { StepGuard } from '../../dossiers/dossier-steps.ts';

/** Round states in which applications no longer change: the allocation reads them as they are. */
const LOCKED = ['allocating', 'published', 'closed'];

/**
 * The dossier engine's guard for admission dossiers: once a round moves to allocation, no step
 * (review, supplement, rejection, withdrawal) changes its applications, so that what is
 * allocated, published and confirmed is what was reviewed. The round row is read FOR SHARE:
 * a step and the round's move to allocation are serialised (the move counts undecided
 * applications; a step that waited for it then sees the round locked).
 */
export const lockedRoundGuard: StepGuard = async (trx: Executor, row) => {
  const { rows } = await sql<{ status: string }>`
    SELECT r.status FROM admission_applications a
    JOIN admission_rounds r ON r.id = a.round_id
    WHERE a.dossier_id = ${row.id}
    FOR SHARE OF r`.execute(trx);
  if (rows[0] && LOCKED.includes(rows[0].status)) throw new AppError('admissions.round_locked');
};

/** Applications of a round not yet decided (received, in review, waiting for or back from a supplement). */
export async function countUndecided(db: Executor, roundId: string): Promise<Record<string, number>> {
  const { rows } = await sql<{ state: string; n: number }>`
    SELECT d.state, count(*)::int AS n FROM admission_applications a
    JOIN dossiers d ON d.id = a.dossier_id
    WHERE a.round_id = ${roundId} AND d.state IN ('submitted', 'in_review', 'supplement_requested', 'resubmitted')
    GROUP BY d.state`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}
