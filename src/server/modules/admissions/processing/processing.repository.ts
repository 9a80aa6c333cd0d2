import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';

/**
 * SQL of processing: reads admission_applications and their versions (this module's tables)
 * with the dossier engine's `dossiers` (state, version, receipt, deadline) and org_units /
 * org_unit_closure (names, scopes), as the queue does; nothing here writes another module's table.
 */

/** Subtree roots whose schools' applications (by first wish) are visible; null: the whole round. */
export type SchoolRoots = string[] | null;

const visible = (db: Executor, roots: string[]) =>
  db.selectFrom('org_unit_closure').select('descendant_id').where('ancestor_id', 'in', roots);

/** Versions kept by the parent's edits, newest first (primary key dossier_id, version). */
export function listVersions(db: Executor, dossierId: string) {
  return db
    .selectFrom('admission_application_versions')
    .select(['version', 'data', 'edited_at', 'edited_by'])
    .where('dossier_id', '=', dossierId)
    .orderBy('version', 'desc')
    .execute();
}

/** The round, state and version of each of `ids` in the round and visible in `roots` (one query for a bulk action). */
export function findBulkTargets(db: Executor, roundId: string, ids: readonly string[], roots: SchoolRoots) {
  let q = db
    .selectFrom('admission_applications as a')
    .innerJoin('dossiers as d', 'd.id', 'a.dossier_id')
    .select(['a.dossier_id', 'd.state', 'd.version'])
    .where('a.round_id', '=', roundId)
    .where('a.dossier_id', 'in', [...ids]);
  if (roots) q = q.where('a.first_wish_id', 'in', visible(db, roots));
  return q.execute();
}

export interface ExportFilter {
  roundId: string;
  schoolRoots: SchoolRoots;
  schoolId?: string | undefined;
  state?: string | undefined;
  q?: string | undefined;
}

/**
 * Every application of the export, in the queue's order (oldest receipt first), with the names
 * the sheet shows. Same filters and indexes as listQueue (admission_applications_round_school,
 * admission_applications_search). No personal ID: the table has none.
 */
export function exportRows(db: Executor, f: ExportFilter) {
  let q = db
    .selectFrom('admission_applications as a')
    .innerJoin('dossiers as d', 'd.id', 'a.dossier_id')
    .leftJoin('org_units as c', 'c.id', 'a.residence_commune_id')
    .where('a.round_id', '=', f.roundId)
    .where('d.state', '<>', 'draft');
  if (f.schoolRoots) q = q.where('a.first_wish_id', 'in', visible(db, f.schoolRoots));
  if (f.schoolId) q = q.where('a.first_wish_id', '=', f.schoolId);
  if (f.state) q = q.where('d.state', '=', f.state);
  if (f.q?.trim()) q = q.where('a.search_key', 'like', sql<string>`'%' || gds_search_key(${f.q.trim()}) || '%'`);
  return q
    .select([
      'a.dossier_id',
      'a.dossier_code',
      'a.child_name',
      'a.date_of_birth',
      'a.gender',
      'c.name as commune_name',
      'a.residence_village',
      'a.residence_status',
      'a.registry_match',
      'a.priority_group',
      'a.wishes',
      'd.state',
      'd.received_at',
      'd.due_at',
    ])
    .orderBy('d.received_at')
    .orderBy('a.dossier_code')
    .execute();
}

/** Whether a dossier is an admission application's: its procedure belongs to this module. */
export async function isAdmissionDossier(db: Executor, dossierId: string): Promise<boolean> {
  const row = await db
    .selectFrom('dossiers as d')
    .innerJoin('procedures as p', 'p.code', 'd.procedure_code')
    .select('d.id')
    .where('d.id', '=', dossierId)
    .where('p.owner_module', '=', 'admissions')
    .executeTakeFirst();
  return row !== undefined;
}
