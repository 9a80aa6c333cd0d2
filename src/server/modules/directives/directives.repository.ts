import { type Insertable, sql } from 'kysely';
import type { Scope } from '../../platform/access/access.ts';
import { inScope } from '../../platform/access/steering-scope.ts';
import type { Executor } from '../../platform/db/database.ts';
import { compliedSql, lateSql } from './directive-rules.ts';
import { type DirectivesTable, dt } from './directives.tables.ts';

export type DirectiveInsert = Insertable<DirectivesTable>;

export function insertDirective(db: Executor, row: DirectiveInsert) {
  return dt(db).insertInto('directives').values(row).returning('id').executeTakeFirstOrThrow();
}

export function findDirective(db: Executor, id: string) {
  return dt(db).selectFrom('directives').selectAll().where('id', '=', id).executeTakeFirst();
}
export type DirectiveRow = NonNullable<Awaited<ReturnType<typeof findDirective>>>;

export function lockDirective(db: Executor, id: string) {
  return dt(db).selectFrom('directives').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Replaces a draft when its version matches; false when someone changed it meanwhile. */
export async function updateDraft(
  db: Executor,
  id: string,
  version: number,
  set: Partial<Omit<DirectiveInsert, 'id'>>,
): Promise<boolean> {
  const r = await dt(db)
    .updateTable('directives')
    .set({ ...set, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export async function setState(
  db: Executor,
  id: string,
  set: { state: 'issued' | 'closed'; userId: string | null },
): Promise<void> {
  const at = new Date();
  await dt(db)
    .updateTable('directives')
    .set(
      set.state === 'issued'
        ? { state: 'issued', issued_at: at, issued_by: set.userId }
        : { state: 'closed', closed_at: at, closed_by: set.userId },
    )
    .set({ version: sql`version + 1`, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function numberTaken(
  db: Executor,
  d: { id: string; issuerUnitId: string; number: string; docDate: string },
) {
  const r = await dt(db)
    .selectFrom('directives')
    .select('id')
    .where('issuer_unit_id', '=', d.issuerUnitId)
    .where('number', '=', d.number)
    .where('state', '<>', 'draft')
    .where('id', '<>', d.id)
    .where(sql<boolean>`extract(year FROM doc_date) = extract(year FROM ${d.docDate}::date)`)
    .executeTakeFirst();
  return r !== undefined;
}

// ── Attachments ─────────────────────────────────────────────────────────────────────────────

export async function replaceAttachments(db: Executor, directiveId: string, fileIds: readonly string[]) {
  await dt(db).deleteFrom('directive_attachments').where('directive_id', '=', directiveId).execute();
  if (fileIds.length)
    await dt(db)
      .insertInto('directive_attachments')
      .values(fileIds.map((f, i) => ({ directive_id: directiveId, stored_file_id: f, seq: i + 1 })))
      .execute();
}

export function listAttachments(db: Executor, directiveId: string) {
  return dt(db)
    .selectFrom('directive_attachments as a')
    .innerJoin('stored_files as f', 'f.id', 'a.stored_file_id')
    .select(['f.id', 'f.filename', 'f.content_type', 'f.size_bytes'])
    .where('a.directive_id', '=', directiveId)
    .orderBy('a.seq')
    .execute();
}

export function findStoredFiles(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('stored_files')
    .select(['id', 'filename', 'content_type', 'size_bytes', 'sha256', 'storage_key'])
    .where('id', 'in', ids)
    .execute();
}

/** File ids among `ids` that `userId` uploaded for `purpose` (0016: the upload row says who may attach a file). */
export async function ownUploads(db: Executor, userId: string, ids: readonly string[], purpose: string) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('uploads')
    .select('file_id')
    .where('owner_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('state', '=', 'complete')
    .where('file_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.file_id!));
}

// ── Recipients ──────────────────────────────────────────────────────────────────────────────

/** Materialises the recipients with their names of today and the directive's kind and deadline. */
export async function insertRecipients(db: Executor, directiveId: string, unitIds: readonly string[]) {
  for (let i = 0; i < unitIds.length; i += 1000) {
    const chunk = unitIds.slice(i, i + 1000);
    await sql`
      INSERT INTO directive_recipients (directive_id, unit_id, unit_name, response_kind, deadline)
      SELECT d.id, u.id, u.name, d.response_kind, d.deadline FROM org_units u, directives d
      WHERE d.id = ${directiveId}::uuid AND u.id = ANY (${sql.val(chunk)}::uuid[])
    `.execute(db);
  }
}

/** The counts of one directive (or of many: grouped by directive id) on `today`. */
export async function countsOf(db: Executor, directiveIds: readonly string[], today: string) {
  if (directiveIds.length === 0) return new Map<string, Counts>();
  const { rows } = await sql<{ id: string; recipients: string; read: string; answered: string; late: string }>`
    SELECT r.directive_id AS id, count(*) AS recipients, count(r.first_read_at) AS read,
      count(*) FILTER (WHERE ${compliedSql}) AS answered,
      count(*) FILTER (WHERE ${lateSql(today)}) AS late
    FROM directive_recipients r
    WHERE r.directive_id = ANY (${sql.val(directiveIds)}::uuid[])
    GROUP BY r.directive_id
  `.execute(db);
  const m = new Map<string, Counts>();
  for (const id of directiveIds) m.set(id, toCounts({ recipients: 0, read: 0, answered: 0, late: 0 }));
  for (const r of rows)
    m.set(r.id, toCounts({ recipients: +r.recipients, read: +r.read, answered: +r.answered, late: +r.late }));
  return m;
}

export interface Counts {
  recipients: number;
  read: number;
  notRead: number;
  answered: number;
  notAnswered: number;
  late: number;
}
function toCounts(c: { recipients: number; read: number; answered: number; late: number }): Counts {
  return { ...c, notRead: c.recipients - c.read, notAnswered: c.recipients - c.answered };
}

/** Directives issued from units inside the scope, newest first (the "sent by my unit" tab). */
export async function listSent(
  db: Executor,
  scope: Scope,
  f: { state?: string | undefined; q?: string | undefined; page: number; pageSize: number },
) {
  let q = dt(db)
    .selectFrom('directives as d')
    .where(inScope(scope, sql.ref('d.issuer_unit_id')));
  if (f.state) q = q.where('d.state', '=', f.state as 'draft');
  if (f.q?.trim()) q = q.where('d.search_key', 'like', sql<string>`'%' || gds_search_key(${f.q.trim()}) || '%'`);
  const { n } = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll('d')
    .orderBy(sql`d.state = 'draft'`, 'desc')
    .orderBy(sql`coalesce(d.issued_at, d.created_at)`, 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { total: Number(n), rows };
}
