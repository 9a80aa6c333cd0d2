import type { Executor } from '../../platform/db/database.ts';
import { at } from './archive.tables.ts';

/** The caller's approved request for the file that is still current on `today`, if any. */
export function findCurrentApproval(db: Executor, fileId: string, userId: string, today: string) {
  return at(db)
    .selectFrom('archive_read_requests')
    .select(['id', 'valid_until'])
    .where('file_id', '=', fileId)
    .where('requester_id', '=', userId)
    .where('state', '=', 'approved')
    .where('valid_until', '>=', today)
    .orderBy('valid_until', 'desc')
    .executeTakeFirst();
}

export function insertRequest(db: Executor, fileId: string, userId: string, purpose: string) {
  return at(db)
    .insertInto('archive_read_requests')
    .values({ file_id: fileId, requester_id: userId, purpose })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function lockRequest(db: Executor, id: string) {
  return at(db)
    .selectFrom('archive_read_requests as r')
    .innerJoin('archive_files as x', 'x.id', 'r.file_id')
    .innerJoin('archive_fonds as f', 'f.id', 'x.fonds_id')
    .selectAll('r')
    .select(['f.unit_id as fonds_unit_id'])
    .where('r.id', '=', id)
    .forUpdate('r')
    .executeTakeFirst();
}

export async function decideRequest(
  db: Executor,
  id: string,
  d: { state: 'approved' | 'rejected'; by: string; reason: string; validUntil: string | null },
) {
  await at(db)
    .updateTable('archive_read_requests')
    .set({
      state: d.state,
      decided_by: d.by,
      decided_at: new Date(),
      decision_reason: d.reason,
      valid_until: d.validUntil,
    })
    .where('id', '=', id)
    .execute();
}

function requestList(db: Executor) {
  return at(db)
    .selectFrom('archive_read_requests as r')
    .innerJoin('archive_files as x', 'x.id', 'r.file_id')
    .innerJoin('archive_fonds as f', 'f.id', 'x.fonds_id')
    .innerJoin('users as u', 'u.id', 'r.requester_id')
    .select([
      'r.id',
      'r.file_id',
      'x.code as file_code',
      'x.title as file_title',
      'u.full_name as requester_name',
      'r.purpose',
      'r.state',
      'r.decision_reason',
      'r.valid_until',
      'r.created_at',
    ])
    .orderBy('r.created_at', 'desc')
    .limit(200);
}

export function listMine(db: Executor, userId: string) {
  return requestList(db).where('r.requester_id', '=', userId).execute();
}

/** Pending requests for files of fonds in the subtrees (null: everywhere). */
export function listPending(db: Executor, roots: string[] | null) {
  let q = requestList(db).where('r.state', '=', 'pending');
  if (roots)
    q = q.where('f.unit_id', 'in', (eb) =>
      eb.selectFrom('org_unit_closure').select('descendant_id').where('ancestor_id', 'in', roots),
    );
  return q.execute();
}
export type RequestListRow = Awaited<ReturnType<typeof listMine>>[number];

export async function insertAccess(
  db: Executor,
  row: {
    fileId: string;
    documentId: string | null;
    action: 'view_file' | 'read_document';
    userId: string | null;
    actorName: string | null;
    ip: string | null;
    ground: 'public' | 'internal' | 'archivist' | 'request';
    requestId: string | null;
  },
) {
  await at(db)
    .insertInto('archive_access_log')
    .values({
      file_id: row.fileId,
      document_id: row.documentId,
      action: row.action,
      user_id: row.userId,
      actor_name: row.actorName,
      ip: row.ip,
      ground: row.ground,
      request_id: row.requestId,
    })
    .execute();
}

export function listAccess(db: Executor, fileId: string) {
  return at(db)
    .selectFrom('archive_access_log')
    .select(['at', 'action', 'document_id', 'actor_name', 'ground'])
    .where('file_id', '=', fileId)
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
}
