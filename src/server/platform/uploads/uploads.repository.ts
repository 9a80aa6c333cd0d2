import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

/** The SQL of resumable uploads (tables of 0016_uploads.sql) and the stored files they make. */

export interface NewUpload {
  ownerId: string;
  purpose: string;
  filename: string;
  declaredType: string | null;
  length: number;
  expiresAt: Date;
}

export async function insertUpload(db: Executor, u: NewUpload): Promise<string> {
  const row = await db
    .insertInto('uploads')
    .values({
      owner_id: u.ownerId,
      purpose: u.purpose,
      filename: u.filename,
      declared_type: u.declaredType,
      upload_length: u.length,
      expires_at: u.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Serialises the creations of one user (the per-user limit is counted, then a row inserted):
 * a transaction-scoped advisory lock on the user, so two creations at once cannot both pass.
 */
export async function lockUploadsOf(db: Executor, ownerId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`uploads:${ownerId}`}, 0))`.execute(db);
}

/** Uploads of a user still receiving (index uploads_owner_receiving). */
export async function countReceiving(db: Executor, ownerId: string): Promise<number> {
  const row = await db
    .selectFrom('uploads')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('owner_id', '=', ownerId)
    .where('state', '=', 'receiving')
    .where('expires_at', '>', new Date())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUpload(db: Executor, id: string) {
  return db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
}

export type UploadRow = NonNullable<Awaited<ReturnType<typeof findUpload>>>;

/**
 * Moves the offset from `from` to `to` only if it still is `from` (compare-and-set: two nodes
 * or a stale request cannot both advance it), and keeps an active upload from expiring.
 */
export async function moveOffset(db: Executor, id: string, from: number, to: number, expiresAt: Date) {
  const r = await db
    .updateTable('uploads')
    .set({ upload_offset: to, updated_at: new Date(), expires_at: expiresAt })
    .where('id', '=', id)
    .where('state', '=', 'receiving')
    .where('upload_offset', '=', String(from))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markComplete(db: Executor, id: string, fileId: string, duplicate: boolean) {
  await db
    .updateTable('uploads')
    .set({ state: 'complete', file_id: fileId, duplicate, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function markRefused(db: Executor, id: string, reason: string) {
  await db
    .updateTable('uploads')
    .set({ state: 'refused', refused_reason: reason, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function deleteUpload(db: Executor, id: string) {
  await db.deleteFrom('uploads').where('id', '=', id).execute();
}

/** Unfinished uploads past their expiry (index uploads_receiving_expiry). */
export async function findExpired(db: Executor, now: Date, limit: number) {
  return db
    .selectFrom('uploads')
    .select(['id', 'owner_id', 'upload_offset', 'upload_length'])
    .where('state', '=', 'receiving')
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit)
    .execute();
}

export async function findStoredFile(db: Executor, id: string) {
  return db.selectFrom('stored_files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The stored copy of uploaded bytes with this SHA-256 (index stored_files_upload_sha). */
export async function findUploadedFileBySha(db: Executor, sha256: string) {
  return db
    .selectFrom('stored_files')
    .selectAll()
    .where('sha256', '=', sha256)
    .where('storage_key', 'like', 'uploads/%')
    .executeTakeFirst();
}

export interface NewStoredFile {
  storageKey: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  createdBy: string | null;
}

/**
 * Inserts a stored file unless one with the same key (or, for uploads, the same SHA-256)
 * exists; returns the new id, or undefined when another request stored it first.
 */
export async function insertStoredFileOnce(db: Executor, f: NewStoredFile): Promise<string | undefined> {
  const r = await sql<{ id: string }>`
    INSERT INTO stored_files (storage_key, filename, content_type, size_bytes, sha256, created_by)
    VALUES (${f.storageKey}, ${f.filename}, ${f.contentType}, ${f.size}, ${f.sha256}, ${f.createdBy})
    ON CONFLICT DO NOTHING
    RETURNING id`.execute(db);
  return r.rows[0]?.id;
}

export async function findThumbnail(db: Executor, fileId: string) {
  return db
    .selectFrom('stored_file_thumbnails as t')
    .innerJoin('stored_files as f', 'f.id', 't.thumbnail_id')
    .selectAll('f')
    .where('t.file_id', '=', fileId)
    .executeTakeFirst();
}

export async function insertThumbnailLink(
  db: Executor,
  link: { fileId: string; thumbnailId: string; width: number; height: number },
) {
  await db
    .insertInto('stored_file_thumbnails')
    .values({ file_id: link.fileId, thumbnail_id: link.thumbnailId, width: link.width, height: link.height })
    .onConflict((oc) => oc.column('file_id').doNothing())
    .execute();
}
