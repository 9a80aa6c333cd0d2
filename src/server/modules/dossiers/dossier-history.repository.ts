import type { Executor } from '../../platform/db/database.ts';

export interface TransitionInsert {
  dossierId: string;
  action: string;
  fromState: string | null;
  toState: string;
  actorKind: 'user' | 'applicant' | 'system';
  actorId: string | null;
  actorName: string | null;
  reason: string | null;
  details: unknown;
}

export async function insertTransition(db: Executor, t: TransitionInsert): Promise<void> {
  await db
    .insertInto('dossier_transitions')
    .values({
      dossier_id: t.dossierId,
      action: t.action,
      from_state: t.fromState,
      to_state: t.toState,
      actor_kind: t.actorKind,
      actor_id: t.actorId,
      actor_name: t.actorName,
      reason: t.reason,
      details: t.details === undefined || t.details === null ? null : JSON.stringify(t.details),
    })
    .execute();
}

export function listTransitions(db: Executor, dossierId: string) {
  return db.selectFrom('dossier_transitions').selectAll().where('dossier_id', '=', dossierId).orderBy('id').execute();
}

export async function insertStoredFile(
  db: Executor,
  f: {
    storageKey: string;
    filename: string;
    contentType: string;
    size: number;
    sha256: string;
    createdBy: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('stored_files')
    .values({
      storage_key: f.storageKey,
      filename: f.filename,
      content_type: f.contentType,
      size_bytes: f.size,
      sha256: f.sha256,
      created_by: f.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertAttachment(
  db: Executor,
  a: {
    dossierId: string;
    documentCode: string;
    fileId: string;
    byKind: 'user' | 'applicant' | 'system';
    by: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('dossier_attachments')
    .values({
      dossier_id: a.dossierId,
      document_code: a.documentCode,
      file_id: a.fileId,
      uploaded_by_kind: a.byKind,
      uploaded_by: a.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const attachmentColumns = [
  'a.id',
  'a.dossier_id',
  'a.document_code',
  'a.uploaded_by_kind',
  'a.created_at',
  'f.storage_key',
  'f.filename',
  'f.content_type',
  'f.size_bytes',
  'f.sha256',
] as const;

export type AttachmentRow = Awaited<ReturnType<typeof listAttachments>>[number];

export function listAttachments(db: Executor, dossierId: string) {
  return db
    .selectFrom('dossier_attachments as a')
    .innerJoin('stored_files as f', 'f.id', 'a.file_id')
    .select(attachmentColumns)
    .where('a.dossier_id', '=', dossierId)
    .orderBy('a.created_at')
    .execute();
}

export function findAttachment(db: Executor, dossierId: string, attachmentId: string) {
  return db
    .selectFrom('dossier_attachments as a')
    .innerJoin('stored_files as f', 'f.id', 'a.file_id')
    .select(attachmentColumns)
    .where('a.dossier_id', '=', dossierId)
    .where('a.id', '=', attachmentId)
    .executeTakeFirst();
}
