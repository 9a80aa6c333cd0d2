import { sql } from 'kysely';
import type { Db, Executor } from '../../platform/db/database.ts';
import { listedVisibleSql, type Viewer } from './library-viewer.ts';

/** The SQL of offline packages: what a collection exports, the uploads imported, the origins of imported resources (0019). */

export interface ExportRow {
  id: string;
  kind: string;
  title: string;
  description: string;
  keywords: string[];
  levels: string[];
  grades: number[];
  subjects: string[];
  series_code: string | null;
  authors: string[];
  school_id: string;
  language_code: string;
  licence_code: string;
  visibility: string;
  published_at: Date | null;
  url: string | null;
  sha256: string | null;
  size_bytes: string | null;
  content_type: string | null;
  filename: string | null;
  storage_key: string | null;
}

/**
 * The published face of a collection's items that the viewer may see, in the curator's order:
 * metadata and the published version's file or link (index library_collection_items_order).
 */
export async function exportRows(db: Db, viewer: Viewer, collectionId: string): Promise<ExportRow[]> {
  const { rows } = await sql<ExportRow>`
    SELECT r.id, r.kind, r.title, r.description, r.keywords, r.levels, r.grades, r.subjects, r.series_code,
      r.authors, r.school_id, r.language_code, r.licence_code, r.visibility, r.published_at,
      v.url, f.sha256, f.size_bytes, f.content_type, f.filename, f.storage_key
    FROM library_collection_items i
      JOIN library_resources r ON r.id = i.resource_id
      JOIN library_resource_versions v ON v.id = r.published_version_id
      LEFT JOIN stored_files f ON f.id = v.file_id
    WHERE i.collection_id = ${collectionId} AND ${listedVisibleSql(viewer)}
    ORDER BY i.position`.execute(db);
  return rows;
}

/** The stored file of the user's finished upload for `purpose` (index uploads_file). */
export async function findOwnUpload(db: Db, userId: string, fileId: string, purpose: string) {
  return db
    .selectFrom('uploads as u')
    .innerJoin('stored_files as f', 'f.id', 'u.file_id')
    .select(['f.id', 'f.storage_key', 'f.sha256', 'f.size_bytes', 'f.filename'])
    .where('u.file_id', '=', fileId)
    .where('u.owner_id', '=', userId)
    .where('u.purpose', '=', purpose)
    .where('u.state', '=', 'complete')
    .executeTakeFirst();
}

/** Resources already imported from `installation`, by their id there. */
export async function findOrigins(
  db: Executor,
  installation: string,
  sourceIds: readonly string[],
): Promise<Map<string, string>> {
  if (sourceIds.length === 0) return new Map();
  const { rows } = await sql<{ source_id: string; resource_id: string }>`
    SELECT source_id, resource_id FROM library_resource_origins
    WHERE source_installation = ${installation} AND source_id = ANY(${[...sourceIds]}::text[])`.execute(db);
  return new Map(rows.map((r) => [r.source_id, r.resource_id]));
}

/**
 * Serialises the imports of one source resource (two imports of one package at once): a lock
 * held until the transaction ends, then the origin is looked up again inside it.
 */
export async function lockOrigin(trx: Executor, installation: string, sourceId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`library-origin:${installation}:${sourceId}`}, 0))`.execute(
    trx,
  );
}

export async function insertOrigin(
  trx: Executor,
  o: {
    installation: string;
    installationName: string;
    sourceId: string;
    resourceId: string;
    packageFileId: string;
    importedBy: string | null;
  },
): Promise<void> {
  await sql`INSERT INTO library_resource_origins
      (source_installation, source_id, resource_id, installation_name, package_file_id, imported_by)
    VALUES (${o.installation}, ${o.sourceId}, ${o.resourceId}, ${o.installationName}, ${o.packageFileId}, ${o.importedBy})`.execute(
    trx,
  );
}
