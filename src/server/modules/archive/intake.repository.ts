import type { Executor } from '../../platform/db/database.ts';
import { at } from './archive.tables.ts';

/**
 * Read-only access to the dossier engine's decided dossiers. The engine has no hook after a
 * decision (its StepGuard runs before a step), so the archive sweeps: these two queries should
 * move into the dossiers module as a `decidedSince()` feed (or an after-step hook) — until then
 * they are the only place the archive reads the engine's tables.
 */
export function findDecidedNotArchived(db: Executor, limit: number) {
  // dossiers has no index on (state, decided_at); a sweep every few minutes over decided rows
  // is a sequential scan of a table of a few hundred thousand rows at most.
  return (
    at(db)
      .selectFrom('dossiers as d')
      .innerJoin('procedures as p', 'p.code', 'd.procedure_code')
      .select([
        'd.id',
        'd.code',
        'd.unit_id',
        'd.state',
        'd.received_at',
        'd.decided_at',
        'd.updated_at',
        'd.procedure_code',
        'p.name_vi as procedure_name_vi',
      ])
      .where('d.state', 'in', ['approved', 'rejected'])
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('archive_files as x').select('x.id').whereRef('x.source_dossier_id', '=', 'd.id'))),
      )
      // Only dossiers of units with an open fonds (theirs or an ancestor's): the others wait
      // without taking the batch's places from those that can be filed.
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('org_unit_closure as c')
            .innerJoin('archive_fonds as f', 'f.unit_id', 'c.ancestor_id')
            .select('f.id')
            .whereRef('c.descendant_id', '=', 'd.unit_id')
            .where('f.end_year', 'is', null),
        ),
      )
      .orderBy('d.decided_at')
      .limit(limit)
      .execute()
  );
}
export type DecidedDossier = Awaited<ReturnType<typeof findDecidedNotArchived>>[number];

export function findAttachments(db: Executor, dossierId: string) {
  return db
    .selectFrom('dossier_attachments as a')
    .innerJoin('stored_files as s', 's.id', 'a.file_id')
    .select(['a.document_code', 'a.file_id', 's.filename', 'a.created_at'])
    .where('a.dossier_id', '=', dossierId)
    .orderBy('a.created_at')
    .execute();
}

export function findTransitions(db: Executor, dossierId: string) {
  return db
    .selectFrom('dossier_transitions')
    .select(['action', 'to_state', 'actor_name', 'at', 'reason'])
    .where('dossier_id', '=', dossierId)
    .orderBy('id')
    .execute();
}

export async function insertStoredFile(
  db: Executor,
  f: { key: string; filename: string; contentType: string; size: number; sha256: string },
): Promise<string> {
  const r = await db
    .insertInto('stored_files')
    .values({
      storage_key: f.key,
      filename: f.filename,
      content_type: f.contentType,
      size_bytes: f.size,
      sha256: f.sha256,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
