import { sql } from 'kysely';
import { PAGE_UPLOAD_PURPOSE } from '../../../shared/diplomas.schema.ts';
import type { Scope } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/db/database.ts';

/** SQL of the issuing-unit picker and of the scanned register pages (0022: page_file_ids). */

export interface IssuingUnitRow {
  id: string;
  code: string;
  name: string;
  valid_from: string | null;
  valid_to: string | null;
  former_names: { name: string; valid_from: string | null; valid_to: string }[];
}

/**
 * Units of the department type (the Sở GDĐT) within the scope, expired ones included (the former
 * Sở of Kon Tum and Quảng Ngãi stay units under today's Sở), current ones first, with their
 * earlier names.
 */
export async function listIssuingUnits(db: Executor, scope: Scope): Promise<IssuingUnitRow[]> {
  const inScope = scope.all
    ? sql<boolean>`true`
    : sql<boolean>`u.id IN (SELECT c.descendant_id FROM org_unit_closure c WHERE c.ancestor_id = ANY(${scope.roots}::uuid[]))`;
  const { rows } = await sql<IssuingUnitRow>`
    SELECT u.id, u.code, u.name, u.valid_from, u.valid_to,
      COALESCE((SELECT json_agg(json_build_object('name', n.name, 'valid_from', n.valid_from, 'valid_to', n.valid_to)
        ORDER BY n.valid_to DESC) FROM org_unit_names n WHERE n.unit_id = u.id), '[]'::json) AS former_names
    FROM org_units u
    WHERE u.type_code = 'department' AND ${inScope}
    ORDER BY (u.valid_to IS NOT NULL AND u.valid_to < current_date), u.name, u.code`.execute(db);
  return rows;
}

export interface PageFileRow {
  id: string;
  filename: string;
  content_type: string;
  size_bytes: string | number;
  storage_key: string;
  sha256: string;
}

export async function findPageFiles(db: Executor, fileIds: string[]): Promise<PageFileRow[]> {
  if (fileIds.length === 0) return [];
  const { rows } = await sql<PageFileRow>`
    SELECT id, filename, content_type, size_bytes, storage_key, sha256 FROM stored_files
    WHERE id = ANY(${fileIds}::uuid[])`.execute(db);
  return rows;
}

/**
 * Of `fileIds`, those that are the result of a finished upload by `userId` for scanned pages (a
 * duplicate upload points at the earlier stored file, so the upload row says who may attach it).
 */
export async function ownPageUploads(db: Executor, userId: string | null, fileIds: string[]): Promise<Set<string>> {
  const { rows } = await sql<{ file_id: string }>`
    SELECT DISTINCT file_id FROM uploads
    WHERE file_id = ANY(${fileIds}::uuid[]) AND purpose = ${PAGE_UPLOAD_PURPOSE} AND state = 'complete'
      AND (${userId}::uuid IS NULL OR owner_id = ${userId}::uuid)`.execute(db);
  return new Set(rows.map((r) => r.file_id));
}

/**
 * Adds the files to an entry's pages (those already there are not added twice). One atomic
 * append, so two clerks attaching at once lose nothing; the entry's version (which guards its
 * data against concurrent corrections) is left alone.
 */
export async function appendEntryPages(trx: Executor, id: string, fileIds: string[]): Promise<string[] | undefined> {
  const { rows } = await sql<{ page_file_ids: string[] }>`
    UPDATE diploma_entries
    SET page_file_ids = page_file_ids || ARRAY(SELECT f FROM unnest(${fileIds}::uuid[]) AS f
          WHERE NOT f = ANY(page_file_ids)),
        updated_at = now()
    WHERE id = ${id}
    RETURNING page_file_ids`.execute(trx);
  return rows[0]?.page_file_ids;
}

/** Adds the files to every entry of the register numbered fromNo…toNo (numeric register numbers). */
export async function appendRangePages(
  trx: Executor,
  registerId: string,
  fromNo: number,
  toNo: number,
  fileIds: string[],
): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    UPDATE diploma_entries
    SET page_file_ids = page_file_ids || ARRAY(SELECT f FROM unnest(${fileIds}::uuid[]) AS f
          WHERE NOT f = ANY(page_file_ids)),
        updated_at = now()
    WHERE register_id = ${registerId} AND register_no ~ '^[0-9]{1,9}$'
      AND register_no::int BETWEEN ${fromNo} AND ${toNo}
      AND NOT (${fileIds}::uuid[] <@ page_file_ids)
    RETURNING id`.execute(trx);
  return rows.map((r) => r.id);
}

export async function findRegister(db: Executor, id: string) {
  const { rows } = await sql<{ id: string; issuing_unit_id: string }>`
    SELECT id, issuing_unit_id FROM diploma_registers WHERE id = ${id}`.execute(db);
  return rows[0];
}

/**
 * Records what a scanned page is (0039: its label and the range it was attached to). Attaching
 * the same file to the register again widens the range and keeps a label already given unless a
 * new one is.
 */
export async function recordRegisterPages(
  trx: Executor,
  row: { registerId: string; fileIds: string[]; label: string | null; fromNo: number; toNo: number; by: string | null },
): Promise<void> {
  await sql`
    INSERT INTO diploma_register_pages (register_id, file_id, label, from_no, to_no, attached_by)
    SELECT ${row.registerId}::uuid, f, ${row.label}, ${row.fromNo}, ${row.toNo}, ${row.by}::uuid
    FROM unnest(${row.fileIds}::uuid[]) AS f
    ON CONFLICT (register_id, file_id) DO UPDATE SET
      label = COALESCE(EXCLUDED.label, diploma_register_pages.label),
      from_no = LEAST(diploma_register_pages.from_no, EXCLUDED.from_no),
      to_no = GREATEST(diploma_register_pages.to_no, EXCLUDED.to_no)`.execute(trx);
}

/** The labels of the register's scanned pages among `fileIds` (file id → label). */
export async function findPageLabels(
  db: Executor,
  registerId: string,
  fileIds: string[],
): Promise<Map<string, string>> {
  if (fileIds.length === 0) return new Map();
  const { rows } = await sql<{ file_id: string; label: string }>`
    SELECT file_id, label FROM diploma_register_pages
    WHERE register_id = ${registerId} AND file_id = ANY(${fileIds}::uuid[]) AND label IS NOT NULL`.execute(db);
  return new Map(rows.map((r) => [r.file_id, r.label]));
}
