import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

/**
 * What the plans module publishes for KPIs and dashboards (design contract of issue 6): pure
 * reads on a database handle. Only tasks of issued plans count; a task counts for its lead
 * unit (tasks led by a body outside the tree count for the province only).
 */

export interface LateTasks {
  total: number;
  open: number;
  late: number;
  byUnit: { unitId: string; late: number; open: number }[];
}

/**
 * Tasks, open tasks (not done, not cancelled) and late ones (end date before `today` and
 * open), under `rootUnitId`'s subtree (null = the province), with the count per lead unit.
 */
export async function lateTasks(db: Executor, opts: { rootUnitId: string | null; today: string }): Promise<LateTasks> {
  const under = opts.rootUnitId
    ? sql`AND t.lead_unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = ${opts.rootUnitId}::uuid)`
    : sql``;
  const { rows } = await sql<{ unit_id: string | null; total: string; open: string; late: string }>`
    SELECT t.lead_unit_id AS unit_id,
      count(*) AS total,
      count(*) FILTER (WHERE t.status IN ('not_started', 'in_progress')) AS open,
      count(*) FILTER (WHERE t.status IN ('not_started', 'in_progress') AND t.end_on < ${opts.today}::date) AS late
    FROM plan_tasks t JOIN plans p ON p.id = t.plan_id
    WHERE p.status = 'issued' ${under}
    GROUP BY t.lead_unit_id
  `.execute(db);
  const out: LateTasks = { total: 0, open: 0, late: 0, byUnit: [] };
  for (const r of rows) {
    out.total += Number(r.total);
    out.open += Number(r.open);
    out.late += Number(r.late);
    if (r.unit_id) out.byUnit.push({ unitId: r.unit_id, late: Number(r.late), open: Number(r.open) });
  }
  out.byUnit.sort((a, b) => b.late - a.late || b.open - a.open);
  return out;
}
