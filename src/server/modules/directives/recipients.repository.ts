import { sql } from 'kysely';
import type { RecipientFilter, RecipientStatus } from '../../../shared/directives.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { compliedSql, lateSql, statusSql, todaySql } from './directive-rules.ts';
import { dt } from './directives.tables.ts';

/** A recipient row with the names of who read and answered and its current answer. */
export interface RecipientView {
  unit_id: string;
  unit_name: string;
  status: RecipientStatus;
  late: boolean;
  first_read_at: Date | null;
  first_read_by_name: string | null;
  first_answered_at: Date | null;
  answered_at: Date | null;
  answered_by_name: string | null;
  response_version: number;
  response_text: string | null;
  response_file_ids: string[] | null;
  last_reminded_on: string | null;
}

const recipientColumns = (today: string) => sql`
  r.unit_id, r.unit_name, ${statusSql(today)} AS status, ${lateSql(today)} AS late,
  r.first_read_at, ur.full_name AS first_read_by_name, r.first_answered_at, r.answered_at,
  ua.full_name AS answered_by_name, r.response_version, x.text AS response_text, x.file_ids AS response_file_ids,
  (SELECT max(m.day)::text FROM directive_reminders m WHERE m.directive_id = r.directive_id AND m.unit_id = r.unit_id)
    AS last_reminded_on`;

const recipientFrom = sql`
  FROM directive_recipients r JOIN directives d ON d.id = r.directive_id
  LEFT JOIN users ur ON ur.id = r.first_read_by
  LEFT JOIN users ua ON ua.id = r.answered_by
  LEFT JOIN directive_responses x ON x.directive_id = r.directive_id AND x.unit_id = r.unit_id
    AND x.version = r.response_version`;

/** The recipient rows of a directive for the given units (the caller's own). */
export async function recipientsOfUnits(db: Executor, directiveId: string, unitIds: readonly string[], today: string) {
  if (unitIds.length === 0) return [];
  const { rows } = await sql<RecipientView>`
    SELECT ${recipientColumns(today)} ${recipientFrom}
    WHERE r.directive_id = ${directiveId}::uuid AND r.unit_id = ANY (${sql.val(unitIds)}::uuid[])
    ORDER BY r.unit_name COLLATE "vi"
  `.execute(db);
  return rows;
}

const FILTERS: Record<RecipientFilter, (today: string) => ReturnType<typeof sql>> = {
  all: () => sql`true`,
  not_read: () => sql`r.first_read_at IS NULL`,
  not_answered: () => sql`NOT ${compliedSql}`,
  late: (today) => lateSql(today),
};

/** The issuer's per-unit table: late first, then not read, then by name. */
export async function recipientPage(
  db: Executor,
  directiveId: string,
  f: { filter: RecipientFilter; page: number; pageSize: number | null },
  today: string,
) {
  const where = sql`r.directive_id = ${directiveId}::uuid AND ${FILTERS[f.filter](today)}`;
  const { rows: n } = await sql<{ n: string }>`
    SELECT count(*) AS n FROM directive_recipients r JOIN directives d ON d.id = r.directive_id WHERE ${where}
  `.execute(db);
  const { rows } = await sql<RecipientView>`
    SELECT ${recipientColumns(today)} ${recipientFrom} WHERE ${where}
    ORDER BY r.unit_name COLLATE "vi", r.unit_id
    ${f.pageSize === null ? sql`` : sql`LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`}
  `.execute(db);
  return { total: Number(n[0]!.n), rows };
}

/** Directives addressed to the units (issued or closed), unread first, then nearest deadline. */
export async function inbox(
  db: Executor,
  unitIds: readonly string[],
  f: { status?: RecipientStatus | undefined; q?: string | undefined; page: number; pageSize: number },
  today: string,
) {
  if (unitIds.length === 0) return { total: 0, rows: [] };
  const where = sql`d.state <> 'draft' AND r.unit_id = ANY (${sql.val(unitIds)}::uuid[])
    ${f.status ? sql`AND ${statusSql(today)} = ${f.status}` : sql``}
    ${f.q?.trim() ? sql`AND d.search_key LIKE '%' || gds_search_key(${f.q.trim()}) || '%'` : sql``}`;
  const { rows: n } = await sql<{ n: string }>`
    SELECT count(*) AS n FROM directive_recipients r JOIN directives d ON d.id = r.directive_id WHERE ${where}
  `.execute(db);
  const { rows } = await sql<{
    id: string;
    number: string | null;
    doc_date: string | null;
    title: string;
    issuer_unit_name: string;
    response_kind: 'none' | 'confirm' | 'text' | 'report';
    deadline: string | null;
    state: 'issued' | 'closed';
    unit_id: string;
    unit_name: string;
    status: RecipientStatus;
    late: boolean;
  }>`
    SELECT d.id, d.number, d.doc_date::text AS doc_date, d.title, d.issuer_unit_name, d.response_kind,
      d.deadline::text AS deadline, d.state, r.unit_id, r.unit_name,
      ${statusSql(today)} AS status, ${lateSql(today)} AS late
    FROM directive_recipients r JOIN directives d ON d.id = r.directive_id
    WHERE ${where}
    ORDER BY (r.first_read_at IS NULL) DESC, (d.state = 'issued') DESC, d.deadline NULLS LAST, d.issued_at DESC, r.unit_id
    LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}
  `.execute(db);
  return { total: Number(n[0]!.n), rows };
}

/** Marks the units' first read (only where none yet); returns the units newly marked. */
export async function markRead(db: Executor, directiveId: string, unitIds: readonly string[], userId: string) {
  if (unitIds.length === 0) return [];
  const rows = await dt(db)
    .updateTable('directive_recipients')
    .set({
      first_read_at: new Date(),
      first_read_by: userId,
      // Reading complies with a read-only directive.
      complied_on: sql`CASE WHEN response_kind = 'none' THEN ${todaySql} ELSE complied_on END`,
    })
    .where('directive_id', '=', directiveId)
    .where('unit_id', 'in', unitIds)
    .where('first_read_at', 'is', null)
    .returning('unit_id')
    .execute();
  return rows.map((r) => r.unit_id);
}

export function lockRecipient(db: Executor, directiveId: string, unitId: string) {
  return dt(db)
    .selectFrom('directive_recipients')
    .selectAll()
    .where('directive_id', '=', directiveId)
    .where('unit_id', '=', unitId)
    .forUpdate()
    .executeTakeFirst();
}

/** Records a new version of the unit's answer (history kept) and points the recipient at it. */
export async function insertAnswer(
  db: Executor,
  a: { directiveId: string; unitId: string; version: number; text: string; fileIds: string[]; userId: string },
) {
  const at = new Date();
  await dt(db)
    .insertInto('directive_responses')
    .values({
      directive_id: a.directiveId,
      unit_id: a.unitId,
      version: a.version,
      text: a.text,
      file_ids: a.fileIds,
      answered_by: a.userId,
      answered_at: at,
    })
    .execute();
  await dt(db)
    .updateTable('directive_recipients')
    .set({
      answered_at: at,
      answered_by: a.userId,
      response_version: a.version,
      first_answered_at: sql`coalesce(first_answered_at, ${at})`,
      complied_on: sql`coalesce(complied_on, (${at}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)`,
      // Answering is reading.
      first_read_at: sql`coalesce(first_read_at, ${at})`,
      first_read_by: sql`coalesce(first_read_by, ${a.userId}::uuid)`,
    })
    .where('directive_id', '=', a.directiveId)
    .where('unit_id', '=', a.unitId)
    .execute();
  return at;
}

export function responseHistory(db: Executor, directiveId: string, unitId: string) {
  return dt(db)
    .selectFrom('directive_responses as x')
    .innerJoin('users as u', 'u.id', 'x.answered_by')
    .select(['x.version', 'x.text', 'x.file_ids', 'x.answered_at', 'u.full_name'])
    .where('x.directive_id', '=', directiveId)
    .where('x.unit_id', '=', unitId)
    .orderBy('x.version', 'desc')
    .execute();
}

/** Whether `fileId` belongs to an answer of the directive, and of which unit. */
export async function responseFileUnit(db: Executor, directiveId: string, fileId: string) {
  const r = await dt(db)
    .selectFrom('directive_responses')
    .select('unit_id')
    .where('directive_id', '=', directiveId)
    .where(sql<boolean>`${fileId}::uuid = ANY (file_ids)`)
    .executeTakeFirst();
  return r?.unit_id;
}

// ── Reminders ───────────────────────────────────────────────────────────────────────────────

/**
 * Recipients to remind: of issued directives needing an answer (or a read, for read-only ones),
 * not complied yet; with `dueWithinDays`, only where the deadline is within that many days or
 * passed (the daily job); `directiveId` limits to one directive (the issuer's action).
 */
export async function toRemind(
  db: Executor,
  opts: { directiveId: string | null; today: string; dueWithinDays: number | null },
) {
  const { rows } = await sql<{
    directive_id: string;
    unit_id: string;
    title: string;
    number: string | null;
    deadline: string | null;
    issuer_unit_name: string;
  }>`
    SELECT r.directive_id, r.unit_id, d.title, d.number, d.deadline::text AS deadline, d.issuer_unit_name
    FROM directive_recipients r JOIN directives d ON d.id = r.directive_id
    WHERE d.state = 'issued' AND NOT ${compliedSql}
      ${opts.directiveId ? sql`AND d.id = ${opts.directiveId}::uuid` : sql``}
      ${
        opts.dueWithinDays === null
          ? sql``
          : sql`AND d.deadline IS NOT NULL AND d.deadline <= ${opts.today}::date + ${opts.dueWithinDays}::int`
      }
    ORDER BY r.directive_id, r.unit_id
  `.execute(db);
  return rows;
}

/** Records today's reminders; returns the (directive, unit) pairs not reminded yet today. */
export async function claimReminders(
  db: Executor,
  rows: readonly { directive_id: string; unit_id: string }[],
  day: string,
  source: 'manual' | 'scheduled',
) {
  if (rows.length === 0) return [];
  const out: { directive_id: string; unit_id: string }[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const claimed = await dt(db)
      .insertInto('directive_reminders')
      .values(chunk.map((r) => ({ directive_id: r.directive_id, unit_id: r.unit_id, day, source })))
      .onConflict((oc) => oc.columns(['directive_id', 'unit_id', 'day']).doNothing())
      .returning(['directive_id', 'unit_id'])
      .execute();
    out.push(...claimed);
  }
  return out;
}

export async function setNotified(db: Executor, directiveId: string, unitId: string, day: string, n: number) {
  await dt(db)
    .updateTable('directive_reminders')
    .set({ notified: n })
    .where('directive_id', '=', directiveId)
    .where('unit_id', '=', unitId)
    .where('day', '=', day)
    .execute();
}
