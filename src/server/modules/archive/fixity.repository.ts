import type { Executor } from '../../platform/db/database.ts';
import { at } from './archive.tables.ts';

/** Documents with a stored file, in id order from `after` (a run walks them in pages). */
export function documentsToCheck(db: Executor, after: string | null, limit: number) {
  let q = at(db)
    .selectFrom('archive_documents as d')
    .innerJoin('stored_files as s', 's.id', 'd.stored_file_id')
    .select(['d.id', 'd.stored_file_id', 's.storage_key', 's.sha256'])
    .orderBy('d.id')
    .limit(limit);
  if (after) q = q.where('d.id', '>', after);
  return q.execute();
}

export async function insertChecks(
  db: Executor,
  rows: {
    run_id: string;
    document_id: string;
    stored_file_id: string;
    expected_sha256: string;
    actual_sha256: string | null;
    outcome: 'ok' | 'mismatch' | 'missing';
  }[],
) {
  if (rows.length) await at(db).insertInto('archive_fixity_checks').values(rows).execute();
}

export function lastRun(db: Executor) {
  return at(db)
    .selectFrom('archive_fixity_checks')
    .select(['run_id', 'checked_at'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function runSummary(db: Executor, runId: string) {
  const count = await at(db)
    .selectFrom('archive_fixity_checks')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('run_id', '=', runId)
    .executeTakeFirstOrThrow();
  const problems = await at(db)
    .selectFrom('archive_fixity_checks as c')
    .innerJoin('archive_documents as d', 'd.id', 'c.document_id')
    .innerJoin('archive_files as x', 'x.id', 'd.file_id')
    .innerJoin('archive_fonds as f', 'f.id', 'x.fonds_id')
    .select([
      'c.document_id',
      'x.id as file_id',
      'x.code as file_code',
      'd.title as document_title',
      'c.expected_sha256',
      'c.actual_sha256',
      'c.outcome',
      'c.checked_at',
      'f.unit_id as fonds_unit_id',
    ])
    .where('c.run_id', '=', runId)
    .where('c.outcome', '<>', 'ok')
    .orderBy('x.code')
    .execute();
  return { checked: Number(count.n), problems };
}
