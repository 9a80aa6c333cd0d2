import { sql } from 'kysely';
import type { Scope } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/db/database.ts';

/** SQL of the certified copies (0027_diploma_copies.sql). */

export interface SettingsRow {
  per_copy_vnd: number;
  postal_vnd: number;
  max_copies: number;
  handling_unit_id: string | null;
  place: string;
  signer_title: string[];
  signer_name: string | null;
  version: number;
}

export async function readSettings(db: Executor): Promise<SettingsRow> {
  const { rows } = await sql<SettingsRow>`
    SELECT per_copy_vnd, postal_vnd, max_copies, handling_unit_id, place, signer_title, signer_name, version
    FROM diploma_copy_settings WHERE id`.execute(db);
  return rows[0]!;
}

export async function updateSettings(
  db: Executor,
  s: Omit<SettingsRow, 'handling_unit_id' | 'version'>,
  expectedVersion: number,
): Promise<boolean> {
  const r = await sql`
    UPDATE diploma_copy_settings SET per_copy_vnd = ${s.per_copy_vnd}, postal_vnd = ${s.postal_vnd},
      max_copies = ${s.max_copies}, place = ${s.place}, signer_title = ${s.signer_title}::text[],
      signer_name = ${s.signer_name}, version = version + 1, updated_at = now()
    WHERE id AND version = ${expectedVersion}`.execute(db);
  return r.numAffectedRows === 1n;
}

export async function setHandlingUnit(db: Executor, unitId: string): Promise<void> {
  await sql`UPDATE diploma_copy_settings SET handling_unit_id = ${unitId} WHERE id`.execute(db);
}

export interface RequestValues {
  dossier_id: string;
  dossier_code: string;
  applicant_key: string;
  contact_channel: 'sms' | 'email';
  contact_address: string;
  requester_kind: string;
  requester_name: string;
  relationship: string | null;
  holder_name: string;
  birth_year: number;
  birth_month: number | null;
  birth_day: number | null;
  type_code: string;
  graduation_year: number;
  school_name: string;
  serial: string | null;
  copies: number;
  delivery: 'pickup' | 'post';
  postal_address: string | null;
  fee_per_copy_vnd: number;
  fee_postal_vnd: number;
  fee_total_vnd: number;
}

export interface RequestRow extends RequestValues {
  entry_id: string | null;
  delivery_status: string | null;
  delivery_note: string | null;
  created_at: Date;
}

export async function insertRequests(db: Executor, rows: readonly RequestValues[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .withTables<{ diploma_copy_requests: RequestValues }>()
    .insertInto('diploma_copy_requests')
    .values([...rows])
    .execute();
}

export async function findRequest(db: Executor, by: { dossierId?: string; code?: string }, lock = false) {
  const where = by.dossierId ? sql`dossier_id = ${by.dossierId}` : sql`dossier_code = ${by.code ?? ''}`;
  const { rows } = await sql<RequestRow>`
    SELECT * FROM diploma_copy_requests WHERE ${where} ${lock ? sql`FOR UPDATE` : sql``}`.execute(db);
  return rows[0];
}

export async function setDelivery(db: Executor, dossierId: string, status: string, note: string | null) {
  await sql`UPDATE diploma_copy_requests SET delivery_status = ${status}, delivery_note = ${note},
    delivery_updated_at = now() WHERE dossier_id = ${dossierId}`.execute(db);
}

export async function setEntry(db: Executor, dossierId: string, entryId: string) {
  await sql`UPDATE diploma_copy_requests SET entry_id = ${entryId} WHERE dossier_id = ${dossierId}`.execute(db);
}

export interface CopyRow {
  id: string;
  dossier_id: string;
  entry_id: string;
  year: number;
  seq: number;
  copy_number: string;
  check_code: string;
  file_id: string;
  sha256: string;
  copies: number;
  public_fields: PublicFields;
  signer_name: string;
  issued_at: Date;
  storage_key: string;
}

/** What the public check shows of a copy (as printed). */
export interface PublicFields {
  holderName: string;
  typeName: string;
  year: number;
  serial: string;
  issuingUnitName: string;
  issuer: string;
  issuedOn: string;
  demo: boolean;
}

const copyColumns = sql`c.id, c.dossier_id, c.entry_id, c.year, c.seq, c.copy_number, c.check_code, c.file_id,
  c.sha256, c.copies, c.public_fields, c.signer_name, c.issued_at, f.storage_key`;

export async function findCopyOfDossier(db: Executor, dossierId: string): Promise<CopyRow | undefined> {
  const { rows } = await sql<CopyRow>`SELECT ${copyColumns} FROM diploma_copies c
    JOIN stored_files f ON f.id = c.file_id WHERE c.dossier_id = ${dossierId}`.execute(db);
  return rows[0];
}

/** By the printed number (unique index diploma_copies_number). */
export async function findCopyByNumber(db: Executor, copyNumber: string): Promise<CopyRow | undefined> {
  const { rows } = await sql<CopyRow>`SELECT ${copyColumns} FROM diploma_copies c
    JOIN stored_files f ON f.id = c.file_id WHERE c.copy_number = ${copyNumber}`.execute(db);
  return rows[0];
}

/**
 * The next copy number of `year`, for the caller's transaction: a transaction-scoped advisory
 * lock per year serialises issuers (held until commit or rollback, so a failed issue gives its
 * number back); the table's keys refuse a repeated or skipped number anyway.
 */
export async function nextCopySeq(trx: Executor, year: number): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('diploma_copies'), ${year}::int)`.execute(trx);
  const { rows } = await sql<{ next: number }>`
    SELECT coalesce(max(seq), 0) + 1 AS next FROM diploma_copies WHERE year = ${year}`.execute(trx);
  return rows[0]!.next;
}

export async function insertStoredFile(
  trx: Executor,
  f: { storageKey: string; filename: string; size: number; sha256: string; createdBy: string | null },
): Promise<string> {
  const row = await trx
    .insertInto('stored_files')
    .values({
      storage_key: f.storageKey,
      filename: f.filename,
      content_type: 'application/pdf',
      size_bytes: f.size,
      sha256: f.sha256,
      created_by: f.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertCopy(
  trx: Executor,
  c: {
    dossierId: string;
    entryId: string;
    year: number;
    seq: number;
    checkCode: string;
    fileId: string;
    sha256: string;
    copies: number;
    publicFields: PublicFields;
    signerName: string;
    issuedBy: string | null;
  },
): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO diploma_copies (dossier_id, entry_id, year, seq, check_code, file_id, sha256, copies, public_fields,
      signer_name, issued_by)
    VALUES (${c.dossierId}, ${c.entryId}, ${c.year}, ${c.seq}, ${c.checkCode}, ${c.fileId}, ${c.sha256}, ${c.copies},
      ${JSON.stringify(c.publicFields)}::jsonb, ${c.signerName}, ${c.issuedBy})
    RETURNING id`.execute(trx);
  return rows[0]!.id;
}

export interface QueueRow {
  dossier_id: string;
  dossier_code: string;
  state: string;
  received_at: Date | null;
  due_at: Date | null;
  holder_name: string;
  graduation_year: number;
  copies: number;
  delivery: 'pickup' | 'post';
  delivery_status: string | null;
  copy_number: string | null;
  total: number;
}

const STATE_GROUPS: Record<string, readonly string[]> = {
  open: ['submitted', 'in_review', 'resubmitted', 'supplement_requested'],
  approved: ['approved'],
  rejected: ['rejected', 'withdrawn'],
};

/**
 * The requests of the handling units in `unitIds`' subtrees (org_unit_closure), oldest deadline
 * first (dossiers_procedure_state narrows to the procedure's states).
 */
export async function listQueue(
  db: Executor,
  scope: Scope,
  q: { state: string; page: number; pageSize: number },
): Promise<QueueRow[]> {
  const states = STATE_GROUPS[q.state];
  const stateFilter = states ? sql`AND d.state = ANY(${[...states]}::text[])` : sql``;
  const scopeFilter = scope.all
    ? sql``
    : sql`AND d.unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = ANY(${scope.roots}::uuid[]))`;
  const { rows } = await sql<QueueRow>`
    SELECT r.dossier_id, r.dossier_code, d.state, d.received_at, d.due_at, r.holder_name, r.graduation_year, r.copies,
      r.delivery, r.delivery_status, c.copy_number, count(*) OVER ()::int AS total
    FROM diploma_copy_requests r
    JOIN dossiers d ON d.id = r.dossier_id
    LEFT JOIN diploma_copies c ON c.dossier_id = r.dossier_id
    WHERE d.procedure_code = 'BANSAO_VB' ${stateFilter} ${scopeFilter}
    ORDER BY d.due_at ASC NULLS LAST, d.received_at ASC
    LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(db);
  return rows;
}

export async function logVerification(
  db: Executor,
  v: { clientHash: string; matched: boolean; signatureValid: boolean | null; copyId: string | null },
): Promise<void> {
  await sql`INSERT INTO diploma_copy_verifications (client_hash, matched, signature_valid, copy_id)
    VALUES (${v.clientHash}, ${v.matched}, ${v.signatureValid}, ${v.copyId})`.execute(db);
}
