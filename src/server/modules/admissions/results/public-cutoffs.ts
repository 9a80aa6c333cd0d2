import { sql } from 'kysely';
import type { PublicCutoffs } from '../../../../shared/admission-results.schema.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';

/**
 * The cut-offs (điểm chuẩn) of a published grade-10 round: per school and stage (specialised
 * first), from the run its publication names; null where every applicant got in. 404 for a
 * round not published or not grade 10: nothing is public before the publication.
 * Reads admission_result_publications (primary key) and admission_allocation_cutoffs (primary
 * key run_id, school_id).
 */
export async function publicCutoffs(db: Executor, roundId: string): Promise<PublicCutoffs> {
  const { rows } = await sql<{
    round_name: string;
    published_at: Date;
    school_id: string;
    school_name: string;
    stage: 'specialised' | 'ordinary';
    seats: number;
    admitted: number;
    cutoff_hundredths: number | null;
  }>`
    SELECT r.name AS round_name, p.published_at, c.school_id, u.name AS school_name, c.stage, c.seats,
           c.admitted, c.cutoff_hundredths
      FROM admission_result_publications p
      JOIN admission_rounds r ON r.id = p.round_id AND r.level = 10
      JOIN admission_allocation_cutoffs c ON c.run_id = p.run_id
      JOIN org_units u ON u.id = c.school_id
     WHERE p.round_id = ${roundId}
     ORDER BY c.stage DESC, u.name COLLATE vi`.execute(db);
  const first = rows[0];
  if (!first) throw new AppError('resource.not_found');
  return {
    roundId,
    roundName: first.round_name,
    publishedAt: new Date(first.published_at).toISOString(),
    schools: rows.map((r) => ({
      schoolId: r.school_id,
      schoolName: r.school_name,
      stage: r.stage,
      seats: r.seats,
      admitted: r.admitted,
      cutoff: r.cutoff_hundredths === null ? null : r.cutoff_hundredths / 100,
    })),
  };
}
