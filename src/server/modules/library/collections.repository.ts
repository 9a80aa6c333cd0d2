import { sql } from 'kysely';
import type { Db, Executor } from '../../platform/db/database.ts';
import type { SearchRow } from './library-search.repository.ts';
import { listedVisibleSql, type Viewer } from './library-viewer.ts';

const SUMMARY = sql`r.id, r.kind, r.title, r.description, r.levels, r.grades, r.subjects, r.series_code,
  r.licence_code, r.language_code, r.visibility, r.status, r.school_id, r.published_at, r.view_count, r.download_count`;

export function listCollections(db: Db) {
  return db
    .selectFrom('library_collections as c')
    .select(['c.id', 'c.title', 'c.description'])
    .select(sql<number>`(SELECT count(*)::int FROM library_collection_items i WHERE i.collection_id = c.id)`.as('size'))
    .orderBy(sql`c.title COLLATE vi`)
    .execute();
}

export function findCollection(db: Executor, id: string) {
  return db.selectFrom('library_collections').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The items of a collection the viewer may see, in the curator's order. */
export async function collectionItems(db: Db, viewer: Viewer, id: string): Promise<SearchRow[]> {
  const { rows } = await sql<SearchRow>`
    SELECT ${SUMMARY} FROM library_collection_items i JOIN library_resources r ON r.id = i.resource_id
    WHERE i.collection_id = ${id} AND ${listedVisibleSql(viewer)} ORDER BY i.position`.execute(db);
  return rows;
}

/** Of `ids`, those that are published (listed): only published resources go into collections. */
export async function listedAmong(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('library_resources')
    .select('id')
    .where('id', 'in', [...ids])
    .where('listed', '=', true)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertCollection(
  trx: Executor,
  c: { title: string; description: string; createdBy: string | null },
): Promise<string> {
  const row = await trx
    .insertInto('library_collections')
    .values({ title: c.title, description: c.description, created_by: c.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCollection(trx: Executor, id: string, c: { title: string; description: string }) {
  await trx
    .updateTable('library_collections')
    .set({ title: c.title, description: c.description, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function replaceItems(trx: Executor, id: string, resourceIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('library_collection_items').where('collection_id', '=', id).execute();
  if (resourceIds.length === 0) return;
  await trx
    .insertInto('library_collection_items')
    .values(resourceIds.map((r, i) => ({ collection_id: id, resource_id: r, position: i + 1 })))
    .execute();
}

export async function favouriteItems(db: Db, viewer: Viewer, userId: string): Promise<SearchRow[]> {
  const { rows } = await sql<SearchRow>`
    SELECT ${SUMMARY} FROM library_favourites f JOIN library_resources r ON r.id = f.resource_id
    WHERE f.user_id = ${userId} AND ${listedVisibleSql(viewer)} ORDER BY f.created_at DESC`.execute(db);
  return rows;
}

export async function addFavourite(db: Db, userId: string, resourceId: string): Promise<void> {
  await db
    .insertInto('library_favourites')
    .values({ user_id: userId, resource_id: resourceId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removeFavourite(db: Db, userId: string, resourceId: string): Promise<void> {
  await db
    .deleteFrom('library_favourites')
    .where('user_id', '=', userId)
    .where('resource_id', '=', resourceId)
    .execute();
}
