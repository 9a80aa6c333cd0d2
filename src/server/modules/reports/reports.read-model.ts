import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { provinceRoot, steeringChildSql } from './unit-levels.ts';

/**
 * The reports module's published read model (steering-design.md): pure functions on a Db for the
 * KPI and dashboard modules. "root" = a unit id whose subtree is covered; null = the province.
 * byChild rows are the steering children of the root (under the province: communes and the Sở;
 * under a commune: its schools); see steeringChildSql. Under the whole province a school counts
 * for its level above as fixed when the period opened (report_submissions.approver_unit_id), the
 * fast path behind bench/reports.bench.ts; for today's tree both give the same children.
 *
 * Counting rules: a report is *expected* when its unit has a row for the period (materialised
 * when the period opened); *submitted* when completed or approved (a returned report is not);
 * *on time* when submitted and completed on or before its closing date (a reopen's later deadline
 * does not make a late report on time); *approved* when approved by the level above.
 */

export interface CompletenessFigures {
  expected: number;
  submitted: number;
  onTime: number;
  approved: number;
}
export interface CompletenessResult extends CompletenessFigures {
  byChild: ({ unitId: string; unitCode: string; unitName: string } & CompletenessFigures)[];
}

async function rootOf(db: Executor, rootUnitId: string | null): Promise<string | null> {
  return rootUnitId ?? (await provinceRoot(db));
}

const SUBMITTED = sql`s.status IN ('completed', 'approved')`;

async function isTop(db: Executor, unitId: string): Promise<boolean> {
  const r = await db.selectFrom('org_units').select('parent_id').where('id', '=', unitId).executeTakeFirst();
  return r !== undefined && r.parent_id === null;
}

export async function completeness(
  db: Executor,
  opts: { formId?: string; periodKey?: string; rootUnitId: string | null; asOf?: string },
): Promise<CompletenessResult> {
  const root = await rootOf(db, opts.rootUnitId);
  const empty: CompletenessResult = { expected: 0, submitted: 0, onTime: 0, approved: 0, byChild: [] };
  if (!root) return empty;
  const conds = [sql`true`];
  if (opts.formId) conds.push(sql`s.form_id = ${opts.formId}::uuid`);
  if (opts.periodKey) conds.push(sql`s.period_key = ${opts.periodKey}`);
  // The top of the tree (the merged province): every unit is below it; no closure join needed.
  const top = await isTop(db, root);
  const submitted = opts.asOf
    ? sql`(${SUBMITTED} AND s.completed_at < ((${opts.asOf}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'))`
    : SUBMITTED;
  const rows = await sql<{
    child_id: string;
    code: string;
    name: string;
    expected: number;
    submitted: number;
    on_time: number;
    approved: number;
  }>`
    WITH s AS (
      -- per unit first (a unit has one report per form and period), then per steering child
      SELECT s.unit_id, s.approver_unit_id,
        count(*)::int AS expected,
        count(*) FILTER (WHERE ${submitted})::int AS submitted,
        count(*) FILTER (WHERE ${submitted} AND s.on_time)::int AS on_time,
        count(*) FILTER (WHERE s.status = 'approved')::int AS approved
      FROM report_submissions s
      ${top ? sql`` : sql`JOIN org_unit_closure c ON c.descendant_id = s.unit_id AND c.ancestor_id = ${root}::uuid`}
      WHERE ${sql.join(conds, sql` AND `)}
      GROUP BY s.unit_id, s.approver_unit_id
    ),
    ${
      top
        ? // Under the whole province a school's child is its level above when the period opened
          // (its commune, or the Sở), which is what steeringChildSql gives for today's tree.
          sql`g AS (
      SELECT CASE WHEN su.type_code IN ('school', 'gdtx_centre') AND s.approver_unit_id IS NOT NULL
          THEN s.approver_unit_id ELSE s.unit_id END AS child_id,
        sum(s.expected)::int AS expected, sum(s.submitted)::int AS submitted,
        sum(s.on_time)::int AS on_time, sum(s.approved)::int AS approved
      FROM s JOIN org_units su ON su.id = s.unit_id
      GROUP BY 1
    )`
        : sql`ch AS (${steeringChildSql(root)}),
    g AS (
      SELECT COALESCE(ch.child_id, s.unit_id) AS child_id,
        sum(s.expected)::int AS expected, sum(s.submitted)::int AS submitted,
        sum(s.on_time)::int AS on_time, sum(s.approved)::int AS approved
      FROM s LEFT JOIN ch ON ch.unit_id = s.unit_id
      GROUP BY 1
    )`
    }
    SELECT g.*, u.code, u.name FROM g JOIN org_units u ON u.id = g.child_id
    ORDER BY u.name COLLATE "vi", u.code`.execute(db);
  const byChild = rows.rows.map((r) => ({
    unitId: r.child_id,
    unitCode: r.code,
    unitName: r.name,
    expected: r.expected,
    submitted: r.submitted,
    onTime: r.on_time,
    approved: r.approved,
  }));
  const sum = (k: keyof CompletenessFigures) => byChild.reduce((a, r) => a + r[k], 0);
  return {
    expected: sum('expected'),
    submitted: sum('submitted'),
    onTime: sum('onTime'),
    approved: sum('approved'),
    byChild,
  };
}

export interface AggregateResult {
  value: number | null;
  count: number;
  byChild: { unitId: string; unitCode: string; unitName: string; value: number | null; count: number }[];
}

/**
 * The `v` rows (unit_id, child_id, plus `cols`) of one field of one period below the root:
 * under the whole province the child is the school's level above fixed when the period opened
 * (as in completeness), elsewhere the steering child of today's tree.
 */
async function valueRows(
  db: Executor,
  root: string,
  opts: { fieldId: string; periodId: string; approvedOnly?: boolean | undefined },
  cols: ReturnType<typeof sql>,
  notNull: ReturnType<typeof sql>,
) {
  const statuses = opts.approvedOnly ? sql`('approved')` : sql`('completed', 'approved')`;
  if (await isTop(db, root))
    return sql`
      SELECT v.unit_id, ${cols},
        CASE WHEN su.type_code IN ('school', 'gdtx_centre') AND s.approver_unit_id IS NOT NULL
          THEN s.approver_unit_id ELSE v.unit_id END AS child_id
      FROM report_values v
      JOIN report_submissions s ON s.id = v.submission_id AND s.status IN ${statuses}
      JOIN org_units su ON su.id = v.unit_id
      WHERE v.field_id = ${opts.fieldId}::uuid AND v.period_id = ${opts.periodId}::uuid AND ${notNull}`;
  return sql`
    WITH v AS (
      SELECT v.unit_id, ${cols} FROM report_values v
      JOIN report_submissions s ON s.id = v.submission_id AND s.status IN ${statuses}
      JOIN org_unit_closure c ON c.descendant_id = v.unit_id AND c.ancestor_id = ${root}::uuid
      WHERE v.field_id = ${opts.fieldId}::uuid AND v.period_id = ${opts.periodId}::uuid AND ${notNull}
    ), ch AS (${steeringChildSql(root)})
    SELECT v.*, COALESCE(ch.child_id, v.unit_id) AS child_id FROM v LEFT JOIN ch ON ch.unit_id = v.unit_id`;
}

const AGG_SQL: Record<string, ReturnType<typeof sql>> = {
  sum: sql`sum(v.num)::float8`,
  avg: sql`avg(v.num)::float8`,
  min: sql`min(v.num)::float8`,
  max: sql`max(v.num)::float8`,
  count: sql`count(v.num)::float8`,
};

/** A numeric field of one period rolled up below the root, by the field's aggregation (sum by default). */
export async function aggregateByIds(
  db: Executor,
  opts: { fieldId: string; aggregation: string; periodId: string; rootUnitId: string | null; approvedOnly?: boolean },
): Promise<AggregateResult> {
  const root = await rootOf(db, opts.rootUnitId);
  if (!root) return { value: null, count: 0, byChild: [] };
  const agg = AGG_SQL[opts.aggregation] ?? AGG_SQL.sum!;
  const r = await sql<{
    child_id: string | null;
    code: string | null;
    name: string | null;
    value: number | null;
    count: number;
  }>`
    WITH v AS (${await valueRows(db, root, opts, sql`v.num`, sql`v.num IS NOT NULL`)}),
    g AS (
      SELECT v.child_id, ${agg} AS value, count(v.num)::int AS count
      FROM v GROUP BY GROUPING SETS ((v.child_id), ())
    )
    SELECT g.*, u.code, u.name FROM g LEFT JOIN org_units u ON u.id = g.child_id
    ORDER BY g.child_id IS NULL, u.name COLLATE "vi", u.code`.execute(db);
  const total = r.rows.find((x) => x.child_id === null);
  return {
    value: total?.value ?? null,
    count: total?.count ?? 0,
    byChild: r.rows
      .filter((x) => x.child_id !== null)
      .map((x) => ({ unitId: x.child_id!, unitCode: x.code!, unitName: x.name!, value: x.value, count: x.count })),
  };
}

/** A numeric field of a form's period, by codes (the KPI module's entry point). */
export async function aggregate(
  db: Executor,
  opts: { formCode: string; fieldCode: string; periodKey: string; rootUnitId: string | null; approvedOnly?: boolean },
): Promise<AggregateResult> {
  const ref = await sql<{ field_id: string; aggregation: string; type: string; period_id: string | null }>`
    SELECT fl.id AS field_id, fl.aggregation, fl.type, p.id AS period_id
    FROM report_forms f JOIN report_fields fl ON fl.form_id = f.id AND fl.code = ${opts.fieldCode}
    LEFT JOIN report_periods p ON p.form_id = f.id AND p.period_key = ${opts.periodKey}
    WHERE f.code = ${opts.formCode}`.execute(db);
  const row = ref.rows[0];
  if (!row?.period_id) return { value: null, count: 0, byChild: [] };
  // yes/no fields count the units answering yes (a share's numerator); other kinds are numbers.
  if (row.type === 'yes_no') return yesCount(db, { ...opts, fieldId: row.field_id, periodId: row.period_id });
  return aggregateByIds(db, {
    fieldId: row.field_id,
    aggregation: row.aggregation,
    periodId: row.period_id,
    rootUnitId: opts.rootUnitId,
    ...(opts.approvedOnly === undefined ? {} : { approvedOnly: opts.approvedOnly }),
  });
}

/** A yes/no field: value = units answering yes, count = units answering. */
async function yesCount(
  db: Executor,
  opts: { fieldId: string; periodId: string; rootUnitId: string | null; approvedOnly?: boolean },
): Promise<AggregateResult> {
  const root = await rootOf(db, opts.rootUnitId);
  if (!root) return { value: null, count: 0, byChild: [] };
  const r = await sql<{
    child_id: string | null;
    code: string | null;
    name: string | null;
    value: number;
    count: number;
  }>`
    WITH v AS (${await valueRows(db, root, opts, sql`v.bool`, sql`v.bool IS NOT NULL`)}),
    g AS (
      SELECT v.child_id, count(*) FILTER (WHERE v.bool)::float8 AS value, count(*)::int AS count
      FROM v GROUP BY GROUPING SETS ((v.child_id), ())
    )
    SELECT g.*, u.code, u.name FROM g LEFT JOIN org_units u ON u.id = g.child_id
    ORDER BY g.child_id IS NULL, u.name COLLATE "vi", u.code`.execute(db);
  const total = r.rows.find((x) => x.child_id === null);
  return {
    value: total?.value ?? null,
    count: total?.count ?? 0,
    byChild: r.rows
      .filter((x) => x.child_id !== null)
      .map((x) => ({ unitId: x.child_id!, unitCode: x.code!, unitName: x.name!, value: x.value, count: x.count })),
  };
}

/** Reports due in a year (closing date in the year and passed) and how many were sent on time. */
export async function onTimeShare(
  db: Executor,
  opts: { year: number; rootUnitId: string | null },
): Promise<{ expected: number; onTime: number }> {
  const root = await rootOf(db, opts.rootUnitId);
  if (!root) return { expected: 0, onTime: 0 };
  const r = await sql<{ expected: number; on_time: number }>`
    SELECT count(*)::int AS expected,
      count(*) FILTER (WHERE ${SUBMITTED} AND s.on_time)::int AS on_time
    FROM report_submissions s
    JOIN report_periods p ON p.id = s.period_id
    JOIN org_unit_closure c ON c.descendant_id = s.unit_id AND c.ancestor_id = ${root}::uuid
    WHERE p.closes_on >= make_date(${opts.year}, 1, 1) AND p.closes_on <= make_date(${opts.year}, 12, 31)
      AND p.closes_on < current_date`.execute(db);
  return { expected: r.rows[0]?.expected ?? 0, onTime: r.rows[0]?.on_time ?? 0 };
}
