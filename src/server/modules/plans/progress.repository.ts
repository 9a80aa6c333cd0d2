import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { TaskRow } from './plans.repository.ts';
import { pt } from './plans.tables.ts';

/** SQL of progress reports (with evidence files), "my tasks" and the daily reminders of late tasks. */

// ── Progress reports ────────────────────────────────────────────────────────────────────────

export async function listReports(db: Executor, taskId: string) {
  const { rows } = await sql<{
    id: string;
    unit_id: string | null;
    unit_name: string;
    status: TaskRow['status'];
    progress: number;
    note: string;
    reporter_name: string | null;
    reported_at: Date;
    files: { id: string; filename: string; contentType: string; size: number }[];
  }>`
    SELECT r.id, r.unit_id, r.unit_name, r.status, r.progress, r.note, r.reporter_name, r.reported_at,
      coalesce((SELECT json_agg(json_build_object('id', f.id, 'filename', f.filename, 'contentType', f.content_type,
        'size', f.size_bytes) ORDER BY rf.position)
        FROM plan_task_report_files rf JOIN stored_files f ON f.id = rf.stored_file_id WHERE rf.report_id = r.id),
        '[]'::json) AS files
    FROM plan_task_reports r WHERE r.task_id = ${taskId}::uuid
    ORDER BY r.reported_at DESC, r.id
  `.execute(db);
  return rows;
}

export function insertReport(
  db: Executor,
  row: {
    task_id: string;
    unit_id: string | null;
    unit_name: string;
    status: TaskRow['status'];
    progress: number;
    note: string;
    reported_by: string | null;
    reporter_name: string | null;
  },
) {
  return pt(db).insertInto('plan_task_reports').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertReportFiles(db: Executor, reportId: string, fileIds: string[]) {
  if (fileIds.length)
    await pt(db)
      .insertInto('plan_task_report_files')
      .values(fileIds.map((f, i) => ({ report_id: reportId, stored_file_id: f, position: i })))
      .execute();
}

export async function setTaskProgress(db: Executor, taskId: string, status: TaskRow['status'], progress: number) {
  await pt(db)
    .updateTable('plan_tasks')
    .set({ status, progress, last_report_at: new Date(), version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', taskId)
    .execute();
}

export function storedFiles(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('stored_files').select(['id']).where('id', 'in', ids).execute();
}

export function reportFile(db: Executor, taskId: string, reportId: string, fileId: string) {
  return db
    .selectFrom('stored_files as f')
    .innerJoin(
      sql<{ report_id: string; stored_file_id: string }>`plan_task_report_files`.as('rf'),
      'rf.stored_file_id',
      'f.id',
    )
    .innerJoin(sql<{ id: string; task_id: string }>`plan_task_reports`.as('r'), 'r.id', 'rf.report_id')
    .select(['f.storage_key', 'f.filename', 'f.content_type', 'f.size_bytes', 'f.sha256'])
    .where('f.id', '=', fileId)
    .where('r.id', '=', reportId)
    .where('r.task_id', '=', taskId)
    .executeTakeFirst();
}

// ── My tasks, late tasks ────────────────────────────────────────────────────────────────────

/** Tasks led or coordinated by a unit under `units` (their subtrees, not lifted), late first. */
export async function myTasks(
  db: Executor,
  units: string[],
  today: string,
  page: { page: number; pageSize: number; lateOnly: boolean },
) {
  if (units.length === 0) return { rows: [], total: 0 };
  const roots = sql.join(units.map((u) => sql`${u}::uuid`));
  const ids = sql`SELECT descendant_id FROM org_unit_closure WHERE ancestor_id IN (${roots})`;
  const mine = sql`(t.lead_unit_id IN (${ids}) OR EXISTS (SELECT 1 FROM plan_task_coordinators c
    WHERE c.task_id = t.id AND c.unit_id IN (${ids})))`;
  const late = sql`coalesce(t.status IN ('not_started', 'in_progress') AND t.end_on < ${today}::date, false)`;
  const where = sql`${mine} AND p.status <> 'draft' ${page.lateOnly ? sql`AND ${late}` : sql``}`;
  const { rows } = await sql<TaskRow & { plan_title: string; role: 'lead' | 'coordinating'; total: string }>`
    SELECT t.id, t.plan_id, t.code, t.parent_id, NULL::text AS parent_code, s.code AS section_code, t.position,
      t.content, t.description, t.lead_unit_id, t.lead_name, t.start_on, t.end_on, t.period_text, t.outputs,
      t.counted, t.budget_note, t.status, t.progress, t.version, ${late} AS late,
      coalesce((SELECT json_agg(json_build_object('unitId', c.unit_id, 'name', c.name) ORDER BY c.position)
        FROM plan_task_coordinators c WHERE c.task_id = t.id), '[]'::json) AS coordinators,
      coalesce((SELECT json_agg(json_build_object('year', b.year, 'sourceCode', b.source_code, 'amount', b.amount::text)
        ORDER BY b.year, b.source_code) FROM plan_task_budgets b WHERE b.task_id = t.id), '[]'::json) AS budgets,
      p.title AS plan_title,
      CASE WHEN t.lead_unit_id IN (${ids}) THEN 'lead' ELSE 'coordinating' END AS role,
      count(*) OVER () AS total
    FROM plan_tasks t JOIN plans p ON p.id = t.plan_id LEFT JOIN plan_sections s ON s.id = t.section_id
    WHERE ${where}
    ORDER BY ${late} DESC, (t.status IN ('done', 'cancelled')), t.end_on NULLS LAST, p.title, t.position
    LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}
  `.execute(db);
  return { rows, total: rows.length ? Number(rows[0]!.total) : 0 };
}

/**
 * Records today's reminder of every late task of an issued plan that has a lead unit and was
 * not reminded today (ON CONFLICT DO NOTHING on (task, day)): the rows returned are the tasks
 * to remind now, so running the job twice a day reminds once.
 */
export async function claimReminders(db: Executor, today: string) {
  const { rows } = await sql<{ task_id: string }>`
    INSERT INTO plan_task_reminders (task_id, day)
    SELECT t.id, ${today}::date FROM plan_tasks t JOIN plans p ON p.id = t.plan_id
    WHERE p.status = 'issued' AND t.lead_unit_id IS NOT NULL
      AND t.status IN ('not_started', 'in_progress') AND t.end_on < ${today}::date
    ON CONFLICT (task_id, day) DO NOTHING
    RETURNING task_id
  `.execute(db);
  return rows.map((r) => r.task_id);
}

/** The task, its plan and the e-mail addresses of the users holding plans.report on its lead unit itself. */
export async function reminderTargets(db: Executor, taskIds: string[]) {
  if (taskIds.length === 0) return [];
  const { rows } = await sql<{
    task_id: string;
    code: string;
    content: string;
    end_on: string;
    lead_unit_id: string;
    plan_id: string;
    plan_title: string;
    emails: string[];
  }>`
    SELECT t.id AS task_id, t.code, t.content, t.end_on, t.lead_unit_id, p.id AS plan_id, p.title AS plan_title,
      coalesce((SELECT array_agg(DISTINCT u.email) FROM role_grants g JOIN users u ON u.id = g.user_id
        JOIN roles r ON r.code = g.role_code
        WHERE g.unit_id = t.lead_unit_id AND 'plans.report' = ANY (r.permissions) AND u.email IS NOT NULL
          AND NOT u.disabled), '{}') AS emails
    FROM plan_tasks t JOIN plans p ON p.id = t.plan_id
    WHERE t.id IN (${sql.join(taskIds.map((id) => sql`${id}::uuid`))})
  `.execute(db);
  return rows;
}

export async function setReminderRecipients(db: Executor, taskId: string, day: string, n: number) {
  await pt(db)
    .updateTable('plan_task_reminders')
    .set({ recipients: n })
    .where('task_id', '=', taskId)
    .where('day', '=', day)
    .execute();
}
