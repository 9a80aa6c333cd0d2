import { type Selectable, sql } from 'kysely';
import type { Db, Executor } from '../../platform/db/database.ts';
import type {
  LibraryResourcesTable,
  LibraryResourceVersionsTable,
  LibraryTransitionsTable,
} from '../../platform/db/types-library.ts';
import { fullAccessSql, listedVisibleSql, type Viewer } from './library-viewer.ts';

export type ResourceRow = Omit<Selectable<LibraryResourcesTable>, 'search_vector'>;
export type VersionRow = Selectable<LibraryResourceVersionsTable>;
export type TransitionRow = Selectable<LibraryTransitionsTable>;

/** Metadata columns written by create and edit. */
export interface ResourceValues {
  kind: string;
  title: string;
  description: string;
  keywords: string[];
  levels: string[];
  grades: number[];
  subjects: string[];
  series_code: string | null;
  topic: string | null;
  authors: string[];
  language_code: string;
  licence_code: string;
  visibility: string;
}

const COLUMNS = [
  'id',
  'kind',
  'title',
  'description',
  'keywords',
  'levels',
  'grades',
  'subjects',
  'series_code',
  'topic',
  'authors',
  'school_id',
  'language_code',
  'licence_code',
  'visibility',
  'status',
  'current_version_id',
  'published_version_id',
  'published_at',
  'listed',
  'view_count',
  'download_count',
  'used_count',
  'title_key',
  'version',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'proposed_metadata',
] as const;

export function findResource(db: Executor, id: string): Promise<ResourceRow | undefined> {
  return db.selectFrom('library_resources').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function lockResource(trx: Executor, id: string): Promise<ResourceRow | undefined> {
  return trx.selectFrom('library_resources').select(COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertResource(
  trx: Executor,
  values: ResourceValues & { school_id: string; created_by: string | null },
): Promise<string> {
  const row = await trx
    .insertInto('library_resources')
    .values({ ...values, updated_by: values.created_by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateResource(
  trx: Executor,
  id: string,
  set: Partial<ResourceValues> & {
    status?: string;
    current_version_id?: string | null;
    published_version_id?: string | null;
    published_at?: Date | null;
    proposed_metadata?: string | null;
    updated_by: string | null;
  },
): Promise<void> {
  await trx
    .updateTable('library_resources')
    .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Recomputes the search document after a change of title, keywords, description, topic, subjects or grades. */
export async function refreshSearch(trx: Executor, id: string): Promise<void> {
  await sql`UPDATE library_resources SET search_vector =
      gds_library_search_vector(title, keywords, description, topic, subjects, grades)
    WHERE id = ${id}`.execute(trx);
}

export async function insertVersion(
  trx: Executor,
  v: { resourceId: string; fileId: string | null; url: string | null; note: string | null; createdBy: string | null },
): Promise<VersionRow> {
  return trx
    .insertInto('library_resource_versions')
    .values({
      resource_id: v.resourceId,
      number: sql<number>`(SELECT coalesce(max(number), 0) + 1 FROM library_resource_versions WHERE resource_id = ${v.resourceId})`,
      file_id: v.fileId,
      url: v.url,
      note: v.note,
      created_by: v.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listVersions(db: Db, resourceId: string): Promise<VersionRow[]> {
  return db
    .selectFrom('library_resource_versions')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .orderBy('number', 'desc')
    .execute();
}

export async function insertTransition(trx: Executor, t: Omit<TransitionRow, 'id' | 'at'>): Promise<void> {
  await trx.insertInto('library_transitions').values(t).execute();
}

export function listTransitions(db: Db, resourceId: string): Promise<TransitionRow[]> {
  return db.selectFrom('library_transitions').selectAll().where('resource_id', '=', resourceId).orderBy('id').execute();
}

/** The stored file a version points to (uploads are made beforehand by platform/uploads). */
export function findStoredFile(db: Executor, id: string) {
  return db
    .selectFrom('stored_files')
    .select(['id', 'content_type', 'filename', 'size_bytes', 'created_by'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** One view or download: the event row and the counter on the resource, in one transaction. */
export async function recordUsage(
  trx: Executor,
  e: { resourceId: string; kind: 'view' | 'download'; userId: string | null; schoolId: string | null },
): Promise<void> {
  await trx
    .insertInto('library_usage_events')
    .values({ resource_id: e.resourceId, kind: e.kind, user_id: e.userId, school_id: e.schoolId })
    .execute();
  const counter = e.kind === 'view' ? sql`view_count = view_count + 1` : sql`download_count = download_count + 1`;
  await sql`UPDATE library_resources SET ${counter} WHERE id = ${e.resourceId}`.execute(trx);
}

/** One resource with what the viewer may do with it: read its published face, or everything (versions, history). */
export async function findForViewer(
  db: Db,
  viewer: Viewer,
  id: string,
): Promise<(ResourceRow & { readable: boolean; full: boolean }) | undefined> {
  const full = fullAccessSql(viewer);
  return db
    .selectFrom('library_resources as r')
    .select(COLUMNS.map((c) => `r.${c}` as const))
    .select(sql<boolean>`${listedVisibleSql(viewer)} OR ${full}`.as('readable'))
    .select(full.as('full'))
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** The stored file of each version that has one (content type for Dublin Core and previews). */
export function findFileTypes(db: Db, fileIds: string[]) {
  if (fileIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('stored_files').select(['id', 'content_type', 'filename']).where('id', 'in', fileIds).execute();
}

/**
 * Whether `fileId` is the result of a finished upload by `userId` for the library (0016_uploads:
 * owner_id, purpose, state; a duplicate upload points at the earlier stored file, so the
 * upload row, not stored_files.created_by, says who may attach it). For ResourcesService's
 * check of a version's file (index uploads_file).
 */
export async function uploadedForLibrary(db: Executor, userId: string, fileId: string): Promise<boolean> {
  const row = await db
    .selectFrom('uploads')
    .select('id')
    .where('file_id', '=', fileId)
    .where('owner_id', '=', userId)
    .where('purpose', '=', 'library')
    .where('state', '=', 'complete')
    .executeTakeFirst();
  return row !== undefined;
}
