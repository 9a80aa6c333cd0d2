import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { AccessLevel, FileSearchQuery } from '../../../shared/archive.schema.ts';
import type { Scope } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type ArchiveDocumentsTable, type ArchiveFilesTable, at } from './archive.tables.ts';

export type FileInsert = Insertable<ArchiveFilesTable>;
export type FileUpdate = Updateable<ArchiveFilesTable>;

// ── Fonds ───────────────────────────────────────────────────────────────────────────────────

export function listFonds(db: Executor) {
  return at(db)
    .selectFrom('archive_fonds as f')
    .selectAll('f')
    .select((eb) =>
      eb
        .selectFrom('archive_files as x')
        .whereRef('x.fonds_id', '=', 'f.id')
        .select(eb.fn.countAll<string>().as('n'))
        .as('file_count'),
    )
    .orderBy('f.start_year')
    .orderBy('f.name')
    .execute();
}

export function findFonds(db: Executor, id: string) {
  return at(db).selectFrom('archive_fonds').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertFonds(db: Executor, row: Insertable<import('./archive.tables.ts').ArchiveFondsTable>) {
  return at(db).insertInto('archive_fonds').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Updates a fonds when the version matches; false when someone changed it meanwhile. */
export async function updateFonds(
  db: Executor,
  id: string,
  version: number,
  set: Updateable<import('./archive.tables.ts').ArchiveFondsTable>,
): Promise<boolean> {
  const r = await at(db)
    .updateTable('archive_fonds')
    .set({ ...set, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/** The latest year any file of the fonds reaches (its end date), or null without files: a fonds closes after it. */
export async function lastFileYear(db: Executor, fondsId: string): Promise<number | null> {
  const r = await at(db)
    .selectFrom('archive_files')
    .select(sql<number | null>`max(extract(year FROM end_date))::int`.as('y'))
    .where('fonds_id', '=', fondsId)
    .executeTakeFirstOrThrow();
  return r.y;
}

/** The fonds of the unit or of its nearest ancestor (org_unit_closure, depth 0 first), for files flowing in. */
export function findFondsOfUnit(db: Executor, unitId: string) {
  return at(db)
    .selectFrom('archive_fonds as f')
    .innerJoin('org_unit_closure as c', 'c.ancestor_id', 'f.unit_id')
    .selectAll('f')
    .where('c.descendant_id', '=', unitId)
    .where('f.end_year', 'is', null)
    .orderBy('c.depth')
    .limit(1)
    .executeTakeFirst();
}

// ── Files ───────────────────────────────────────────────────────────────────────────────────

export function insertFile(db: Executor, row: FileInsert) {
  return at(db).insertInto('archive_files').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Updates when the version matches; false when someone changed the file meanwhile. */
export async function updateFile(db: Executor, id: string, version: number, set: FileUpdate): Promise<boolean> {
  const r = await at(db)
    .updateTable('archive_files')
    .set({ ...set, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export function findFile(db: Executor, id: string) {
  return at(db)
    .selectFrom('archive_files as x')
    .innerJoin('archive_fonds as f', 'f.id', 'x.fonds_id')
    .selectAll('x')
    .select(['f.name as fonds_name', 'f.unit_id as fonds_unit_id'])
    .where('x.id', '=', id)
    .executeTakeFirst();
}
export type FileRow = NonNullable<Awaited<ReturnType<typeof findFile>>>;

export async function codeTaken(db: Executor, code: string): Promise<boolean> {
  return (
    (await at(db).selectFrom('archive_files').select('id').where('code', '=', code).executeTakeFirst()) !== undefined
  );
}

/** The next number of an automatically made file of a fonds in a year (row-locked counter). */
export async function takeFileNumber(db: Executor, fondsId: string, year: number): Promise<number> {
  const r = await at(db)
    .insertInto('archive_file_counters')
    .values({ fonds_id: fondsId, year, last_value: 1 })
    .onConflict((oc) =>
      oc.columns(['fonds_id', 'year']).doUpdateSet({ last_value: sql`archive_file_counters.last_value + 1` }),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return r.last_value;
}

/**
 * What a reader may find: anonymous readers and accounts without a role see public files;
 * staff see every description (restricted files' documents stay closed, see files.service).
 * `q` matches titles and codes without accents (archive_files_search, trigram) or a keyword.
 */
export async function searchFiles(db: Executor, levels: readonly AccessLevel[], f: FileSearchQuery) {
  let q = at(db)
    .selectFrom('archive_files as x')
    .innerJoin('archive_fonds as f', 'f.id', 'x.fonds_id')
    .where('x.access_level', 'in', levels);
  if (f.fondsId) q = q.where('x.fonds_id', '=', f.fondsId);
  if (f.year) q = q.where('x.year', '=', f.year);
  if (f.accessLevel) q = q.where('x.access_level', '=', f.accessLevel);
  for (const word of (f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    q = q.where((eb) =>
      eb.or([
        eb('x.search_key', 'like', sql<string>`'%' || gds_search_key(${word}) || '%'`),
        sql<boolean>`${word.normalize('NFC')} = ANY (x.keywords)`,
      ]),
    );
  }
  const [{ n }] = [await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()];
  const rows = await q
    .selectAll('x')
    .select('f.name as fonds_name')
    .orderBy('x.year', 'desc')
    .orderBy('x.code')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { total: Number(n), rows };
}

/** Every file of the levels (for the export of descriptions), in code order. */
export function listForExport(db: Executor, levels: readonly AccessLevel[], fondsId: string | undefined) {
  let q = at(db)
    .selectFrom('archive_files as x')
    .innerJoin('archive_fonds as f', 'f.id', 'x.fonds_id')
    .selectAll('x')
    .select('f.name as fonds_name')
    .where('x.access_level', 'in', levels);
  if (fondsId) q = q.where('x.fonds_id', '=', fondsId);
  return q.orderBy('x.code').execute();
}

/** Files within the scope (subtrees of the fonds' units), for an archivist's lists. */
export function scopeFilter(scope: Scope) {
  return scope.all ? null : scope.roots;
}

// ── Documents ───────────────────────────────────────────────────────────────────────────────

export async function insertDocument(db: Executor, row: Omit<Insertable<ArchiveDocumentsTable>, 'seq'>) {
  const { next } = await at(db)
    .selectFrom('archive_documents')
    .select(sql<number>`coalesce(max(seq), 0) + 1`.as('next'))
    .where('file_id', '=', row.file_id)
    .executeTakeFirstOrThrow();
  const doc = await at(db)
    .insertInto('archive_documents')
    .values({ ...row, seq: next })
    .returning('id')
    .executeTakeFirstOrThrow();
  await at(db)
    .updateTable('archive_files')
    .set({ document_count: sql`document_count + 1`, updated_at: new Date() })
    .where('id', '=', row.file_id)
    .execute();
  return doc;
}

/** A file's documents in order; withdrawn ones only when asked (archivists see them marked). */
export function listDocuments(db: Executor, fileId: string, withWithdrawn = false) {
  let q = at(db)
    .selectFrom('archive_documents as d')
    .leftJoin('stored_files as s', 's.id', 'd.stored_file_id')
    .leftJoin('users as w', 'w.id', 'd.withdrawn_by')
    .selectAll('d')
    .select([
      's.filename',
      's.content_type',
      's.size_bytes',
      's.sha256',
      's.storage_key',
      'w.full_name as withdrawn_by_name',
    ])
    .where('d.file_id', '=', fileId);
  if (!withWithdrawn) q = q.where('d.withdrawn_at', 'is', null);
  return q.orderBy('d.seq').execute();
}
export type DocumentRow = Awaited<ReturnType<typeof listDocuments>>[number];

export function findDocument(db: Executor, fileId: string, documentId: string) {
  return at(db)
    .selectFrom('archive_documents')
    .selectAll()
    .where('id', '=', documentId)
    .where('file_id', '=', fileId)
    .forUpdate()
    .executeTakeFirst();
}
export type DocumentRecord = NonNullable<Awaited<ReturnType<typeof findDocument>>>;

export async function updateDocument(db: Executor, id: string, set: Updateable<ArchiveDocumentsTable>) {
  await at(db)
    .updateTable('archive_documents')
    .set({ ...set, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/**
 * Marks a document withdrawn (it stays recorded) and takes it out of its file's document count;
 * the file's updated_at moves, so harvesters (OAI-PMH) see the changed description.
 */
export async function withdrawDocument(db: Executor, fileId: string, id: string, by: string | null, reason: string) {
  const r = await at(db)
    .updateTable('archive_documents')
    .set({ withdrawn_at: new Date(), withdrawn_by: by, withdrawn_reason: reason, updated_at: new Date() })
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  if (r.numUpdatedRows !== 1n) return false;
  await at(db)
    .updateTable('archive_files')
    .set({ document_count: sql`greatest(document_count - 1, 0)`, updated_at: new Date() })
    .where('id', '=', fileId)
    .execute();
  return true;
}

export function findStoredFile(db: Executor, id: string) {
  return db.selectFrom('stored_files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** After a backup to every destination (backed_up) or its verification (verified): the archive files' backup status. */
export async function markBackupStatus(db: Executor, status: 'backed_up' | 'verified'): Promise<number> {
  const lower = status === 'verified' ? ['none', 'backed_up'] : ['none'];
  const r = await at(db)
    .updateTable('archive_files')
    .set({ backup_status: status, version: sql`version + 1`, updated_at: new Date() })
    .where('backup_status', 'in', lower as ('none' | 'backed_up')[])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
