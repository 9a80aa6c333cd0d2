import { type RawBuilder, sql } from 'kysely';
import type { PlanQuery } from '../../../shared/plans.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { pt } from './plans.tables.ts';

/** SQL of plans, sections and tasks (0029). "Late" = end date before today and still open. */

export function listSources(db: Executor) {
  return pt(db).selectFrom('plan_funding_sources').selectAll().orderBy('position').orderBy('code').execute();
}

// ── Plans ───────────────────────────────────────────────────────────────────────────────────

/** Plans by words (trigram GIN plans_search), year inside the period, issuing unit subtree, status; drafts only for writers. */
export async function searchPlans(db: Executor, q: PlanQuery, today: string, withDrafts: boolean) {
  const conds: RawBuilder<unknown>[] = [withDrafts ? sql`true` : sql`p.status <> 'draft'`];
  if (q.q) conds.push(sql`p.search_key LIKE '%' || gds_search_key(${q.q}) || '%'`);
  if (q.year) conds.push(sql`${q.year}::int BETWEEN p.year_from AND p.year_to`);
  if (q.unitId)
    conds.push(
      sql`p.issuing_unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = ${q.unitId}::uuid)`,
    );
  if (q.status) conds.push(sql`p.status = ${q.status}`);
  const where = sql.join(conds, sql` AND `);
  const { rows } = await sql<PlanRow & { task_count: string; late_count: string; total: string }>`
    SELECT p.*, count(*) OVER () AS total,
      (SELECT count(*) FROM plan_tasks t WHERE t.plan_id = p.id) AS task_count,
      (SELECT count(*) FROM plan_tasks t WHERE t.plan_id = p.id AND t.status IN ('not_started', 'in_progress')
        AND t.end_on < ${today}::date) AS late_count
    FROM plans p WHERE ${where}
    ORDER BY p.year_from DESC, p.issued_on DESC NULLS LAST, p.title
    LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}
  `.execute(db);
  return { rows, total: rows.length ? Number(rows[0]!.total) : 0 };
}

export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export function findPlan(db: Executor, id: string) {
  return pt(db).selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertPlan(db: Executor, row: PlanInsert) {
  return pt(db).insertInto('plans').values(row).returning('id').executeTakeFirstOrThrow();
}
export interface PlanInsert {
  number: string | null;
  issued_on: string | null;
  issuing_unit_id: string;
  issuing_unit_name: string;
  title: string;
  year_from: number;
  year_to: number;
  status: 'draft' | 'issued' | 'closed';
  legal_bases: string;
  summary: string | null;
  created_by: string | null;
}

/** Updates when the version matches; false when someone changed the plan meanwhile. */
export async function updatePlan(db: Executor, id: string, version: number, set: Partial<PlanInsert>) {
  const r = await pt(db)
    .updateTable('plans')
    .set({ ...set, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export function countPlanTasks(db: Executor, planId: string) {
  return pt(db)
    .selectFrom('plan_tasks')
    .select((eb) => [
      eb.fn.countAll<string>().as('n'),
      sql<string>`count(*) FILTER (WHERE status IN ('not_started', 'in_progress') AND end_on < current_date)`.as(
        'late',
      ),
    ])
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
}

// ── Sections ────────────────────────────────────────────────────────────────────────────────

export function listSections(db: Executor, planId: string) {
  return pt(db)
    .selectFrom('plan_sections')
    .select(['id', 'parent_id', 'code', 'title', 'position'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
}

/**
 * Makes the plan's sections exactly `sections` (matched by code, in this order); a section's
 * parent is the section of its code's prefix ("II.1" under "II") when it exists.
 */
export async function replaceSections(db: Executor, planId: string, sections: { code: string; title: string }[]) {
  const codes = sections.map((s) => s.code);
  await pt(db)
    .deleteFrom('plan_sections')
    .where('plan_id', '=', planId)
    .$if(codes.length > 0, (q) => q.where('code', 'not in', codes))
    .execute();
  for (const [i, s] of sections.entries()) {
    await sql`
      INSERT INTO plan_sections (plan_id, code, title, position) VALUES (${planId}, ${s.code}, ${s.title}, ${i})
      ON CONFLICT (plan_id, code) DO UPDATE SET title = EXCLUDED.title, position = EXCLUDED.position
    `.execute(db);
  }
  await sql`
    UPDATE plan_sections s SET parent_id = (
      SELECT p.id FROM plan_sections p WHERE p.plan_id = s.plan_id
        AND s.code LIKE p.code || '.%' AND p.id <> s.id ORDER BY length(p.code) DESC LIMIT 1)
    WHERE s.plan_id = ${planId}
  `.execute(db);
}

// ── Tasks ───────────────────────────────────────────────────────────────────────────────────

export interface TaskRow {
  id: string;
  plan_id: string;
  code: string;
  parent_id: string | null;
  parent_code: string | null;
  section_code: string | null;
  position: number;
  content: string;
  description: string | null;
  lead_unit_id: string | null;
  lead_name: string;
  start_on: string | null;
  end_on: string | null;
  period_text: string | null;
  outputs: string | null;
  counted: boolean;
  budget_note: string | null;
  status: 'not_started' | 'in_progress' | 'done' | 'cancelled';
  progress: number;
  late: boolean;
  version: number;
  coordinators: { unitId: string | null; name: string }[];
  budgets: { year: number; sourceCode: string; amount: string }[];
}

/** Tasks with their coordinators and budget lines, in code order within the plan. */
export async function taskRows(db: Executor, where: RawBuilder<unknown>, today: string, extra = sql``) {
  const { rows } = await sql<TaskRow & Record<string, unknown>>`
    SELECT t.id, t.plan_id, t.code, t.parent_id, par.code AS parent_code, s.code AS section_code, t.position,
      t.content, t.description, t.lead_unit_id, t.lead_name, t.start_on, t.end_on, t.period_text, t.outputs,
      t.counted, t.budget_note, t.status, t.progress, t.version,
      coalesce(t.status IN ('not_started', 'in_progress') AND t.end_on < ${today}::date, false) AS late,
      coalesce((SELECT json_agg(json_build_object('unitId', c.unit_id, 'name', c.name) ORDER BY c.position)
        FROM plan_task_coordinators c WHERE c.task_id = t.id), '[]'::json) AS coordinators,
      coalesce((SELECT json_agg(json_build_object('year', b.year, 'sourceCode', b.source_code, 'amount', b.amount::text)
        ORDER BY b.year, b.source_code) FROM plan_task_budgets b WHERE b.task_id = t.id), '[]'::json) AS budgets
      ${extra}
    FROM plan_tasks t
    LEFT JOIN plan_sections s ON s.id = t.section_id
    LEFT JOIN plan_tasks par ON par.id = t.parent_id
    WHERE ${where}
    ORDER BY t.plan_id, t.position, t.code
  `.execute(db);
  return rows;
}

export function planTasks(db: Executor, planId: string, today: string) {
  return taskRows(db, sql`t.plan_id = ${planId}::uuid`, today);
}

export async function findTask(db: Executor, id: string, today: string) {
  return (await taskRows(db, sql`t.id = ${id}::uuid`, today))[0];
}

export function findTaskByCode(db: Executor, planId: string, code: string) {
  return pt(db)
    .selectFrom('plan_tasks')
    .select(['id', 'version'])
    .where('plan_id', '=', planId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export interface TaskColumns {
  section_id: string | null;
  parent_id: string | null;
  code: string;
  position: number;
  content: string;
  description: string | null;
  lead_unit_id: string | null;
  lead_name: string;
  start_on: string | null;
  end_on: string | null;
  period_text: string | null;
  outputs: string | null;
  counted: boolean;
  budget_note: string | null;
}

export function insertTask(db: Executor, planId: string, c: TaskColumns) {
  return pt(db)
    .insertInto('plan_tasks')
    .values({ ...c, plan_id: planId })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateTask(db: Executor, id: string, version: number, c: Partial<TaskColumns>) {
  const r = await pt(db)
    .updateTable('plan_tasks')
    .set({ ...c, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export function deleteTask(db: Executor, id: string) {
  return pt(db).deleteFrom('plan_tasks').where('id', '=', id).execute();
}

export async function replaceCoordinators(
  db: Executor,
  taskId: string,
  list: { unitId: string | null; name: string }[],
) {
  await pt(db).deleteFrom('plan_task_coordinators').where('task_id', '=', taskId).execute();
  if (list.length)
    await pt(db)
      .insertInto('plan_task_coordinators')
      .values(list.map((c, i) => ({ task_id: taskId, position: i, unit_id: c.unitId, name: c.name })))
      .execute();
}

export async function replaceBudgets(
  db: Executor,
  taskId: string,
  lines: { year: number; sourceCode: string; amount: number }[],
) {
  await pt(db).deleteFrom('plan_task_budgets').where('task_id', '=', taskId).execute();
  if (lines.length)
    await pt(db)
      .insertInto('plan_task_budgets')
      .values(lines.map((l) => ({ task_id: taskId, year: l.year, source_code: l.sourceCode, amount: l.amount })))
      .execute();
}

export async function maxTaskPosition(db: Executor, planId: string): Promise<number> {
  const r = await pt(db)
    .selectFrom('plan_tasks')
    .select(sql<number>`coalesce(max(position), -1)`.as('m'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return Number(r.m);
}

// ── Totals ──────────────────────────────────────────────────────────────────────────────────

/** Budget of the plan's counted tasks by year, source and lead unit (million VND, numeric sums). */
export async function totals(db: Executor, planId: string) {
  const { rows } = await sql<{
    year: number;
    source_code: string;
    unit_id: string | null;
    lead_name: string;
    amount: string;
  }>`
    SELECT b.year, b.source_code, t.lead_unit_id AS unit_id, t.lead_name, sum(b.amount)::text AS amount
    FROM plan_task_budgets b JOIN plan_tasks t ON t.id = b.task_id
    WHERE t.plan_id = ${planId}::uuid AND t.counted
    GROUP BY b.year, b.source_code, t.lead_unit_id, t.lead_name
  `.execute(db);
  return rows;
}

/** Units by code or by name (diacritics-insensitive), for the Excel import. */
export async function unitsByCodeOrName(db: Executor, keys: string[]) {
  if (keys.length === 0) return [];
  const { rows } = await sql<{ id: string; code: string; name: string; key: string }>`
    SELECT u.id, u.code, u.name, gds_search_key(u.name) AS key FROM org_units u
    WHERE u.code = ANY (${keys}::text[]) OR gds_search_key(u.name) = ANY (
      SELECT gds_search_key(k) FROM unnest(${keys}::text[]) k)
  `.execute(db);
  return rows;
}

export function unitNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_units').select(['id', 'name', 'code']).where('id', 'in', ids).execute();
}

/** Living units whose code starts with, or whose name contains, the words (for the task form's unit picker). */
export async function findUnits(db: Executor, q: string) {
  const { rows } = await sql<{ id: string; code: string; name: string }>`
    SELECT u.id, u.code, u.name FROM org_units u
    WHERE (u.valid_to IS NULL OR u.valid_to >= current_date)
      AND (u.code ILIKE ${`${q}%`} OR gds_search_key(u.name) LIKE '%' || gds_search_key(${q}) || '%')
    ORDER BY (u.code ILIKE ${`${q}%`}) DESC, length(u.name), u.name
    LIMIT 20
  `.execute(db);
  return rows;
}
