import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { kt } from './kpis.tables.ts';

/**
 * SQL of the KPIs. Targets and manual actuals are read through org_unit_closure (its primary
 * key (ancestor_id, descendant_id) and the depth column) so that the nearest ancestor's target
 * applies; the tables' primary keys (indicator_id, year, unit_id) serve every other lookup.
 */

export type IndicatorRow = Awaited<ReturnType<typeof listIndicators>>[number];

export async function listIndicators(db: Executor, opts: { publicOnly?: boolean } = {}) {
  let q = kt(db).selectFrom('kpi_indicators').selectAll().where('active', '=', true);
  if (opts.publicOnly) q = q.where('is_public', '=', true);
  return q.orderBy('sort_order').orderBy('code').execute();
}

export async function findIndicator(db: Executor, code: string) {
  return kt(db).selectFrom('kpi_indicators').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findIndicatorForUpdate(db: Executor, code: string) {
  return kt(db).selectFrom('kpi_indicators').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

export type IndicatorValues = {
  name_vi: string;
  name_en: string;
  source_ref: string | null;
  unit: IndicatorRow['unit'];
  direction: IndicatorRow['direction'];
  kind: IndicatorRow['kind'];
  formula: string | null;
  report_period: string;
  level: IndicatorRow['level'];
  is_public: boolean;
  sort_order: number;
};

/** Inserts an indicator; null when the code is taken. */
export async function insertIndicator(db: Executor, code: string, v: IndicatorValues) {
  return kt(db)
    .insertInto('kpi_indicators')
    .values({ code, ...v })
    .onConflict((oc) => oc.column('code').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateIndicator(db: Executor, id: string, v: IndicatorValues) {
  return kt(db)
    .updateTable('kpi_indicators')
    .set({ ...v, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The applicable target of each indicator and year for a unit: its own, else its nearest ancestor's. */
export async function nearestTargets(
  db: Executor,
  indicatorIds: readonly string[],
  unitId: string,
  years: readonly number[],
) {
  if (indicatorIds.length === 0 || years.length === 0) return new Map<string, number>();
  const r = await sql<{ indicator_id: string; year: number; target: number }>`
    SELECT DISTINCT ON (t.indicator_id, t.year) t.indicator_id, t.year, t.target::float8 AS target
      FROM kpi_targets t
      JOIN org_unit_closure c ON c.ancestor_id = t.unit_id AND c.descendant_id = ${unitId}::uuid
     WHERE t.indicator_id = ANY(${sql.val([...indicatorIds])}::uuid[]) AND t.year = ANY(${sql.val([...years])}::int[])
     ORDER BY t.indicator_id, t.year, c.depth ASC`.execute(db);
  return new Map(r.rows.map((x) => [`${x.indicator_id}:${x.year}`, x.target]));
}

/** The applicable target of one indicator and year for each of several units. */
export async function nearestTargetsOfUnits(
  db: Executor,
  indicatorId: string,
  year: number,
  unitIds: readonly string[],
) {
  if (unitIds.length === 0) return new Map<string, number>();
  const r = await sql<{ unit_id: string; target: number }>`
    SELECT DISTINCT ON (c.descendant_id) c.descendant_id AS unit_id, t.target::float8 AS target
      FROM kpi_targets t
      JOIN org_unit_closure c ON c.ancestor_id = t.unit_id AND c.descendant_id = ANY(${sql.val([...unitIds])}::uuid[])
     WHERE t.indicator_id = ${indicatorId}::uuid AND t.year = ${year}
     ORDER BY c.descendant_id, c.depth ASC`.execute(db);
  return new Map(r.rows.map((x) => [x.unit_id, x.target]));
}

/** Targets set on units (not inherited) for an indicator, newest year first. */
export async function listTargets(db: Executor, indicatorId: string) {
  const r = await sql<{ year: number; unit_id: string; unit_name: string; target: number; note: string | null }>`
    SELECT t.year, t.unit_id, u.name AS unit_name, t.target::float8 AS target, t.note
      FROM kpi_targets t JOIN org_units u ON u.id = t.unit_id
     WHERE t.indicator_id = ${indicatorId}::uuid
     ORDER BY t.year DESC, (u.parent_id IS NULL) DESC, u.name COLLATE "vi"
     LIMIT 500`.execute(db);
  return r.rows;
}

export async function findTarget(db: Executor, indicatorId: string, year: number, unitId: string) {
  return kt(db)
    .selectFrom('kpi_targets')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .where('year', '=', year)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

export async function upsertTarget(
  db: Executor,
  v: { indicatorId: string; year: number; unitId: string; target: number; note: string | null; by: string | null },
) {
  await kt(db)
    .insertInto('kpi_targets')
    .values({
      indicator_id: v.indicatorId,
      year: v.year,
      unit_id: v.unitId,
      target: v.target,
      note: v.note,
      updated_by: v.by,
    })
    .onConflict((oc) =>
      oc
        .columns(['indicator_id', 'year', 'unit_id'])
        .doUpdateSet({ target: v.target, note: v.note, updated_by: v.by, updated_at: sql`now()` }),
    )
    .execute();
}

export async function deleteTarget(db: Executor, indicatorId: string, year: number, unitId: string) {
  await kt(db)
    .deleteFrom('kpi_targets')
    .where('indicator_id', '=', indicatorId)
    .where('year', '=', year)
    .where('unit_id', '=', unitId)
    .execute();
}

/** Manual actuals of an indicator for units and years, keyed `unitId:year`. */
export async function manualActuals(
  db: Executor,
  indicatorId: string,
  unitIds: readonly string[],
  years: readonly number[],
) {
  if (unitIds.length === 0 || years.length === 0) return new Map<string, { value: number; note: string }>();
  const r = await sql<{ unit_id: string; year: number; value: number; source_note: string }>`
    SELECT unit_id, year, value::float8 AS value, source_note FROM kpi_manual_actuals
     WHERE indicator_id = ${indicatorId}::uuid AND unit_id = ANY(${sql.val([...unitIds])}::uuid[])
       AND year = ANY(${sql.val([...years])}::int[])`.execute(db);
  return new Map(r.rows.map((x) => [`${x.unit_id}:${x.year}`, { value: x.value, note: x.source_note }]));
}

/** Every indicator's manual actuals of one unit for some years, by `indicatorId:year` (one read for all cards of a page). */
export async function manualActualsOfUnit(db: Executor, unitId: string, years: readonly number[]) {
  if (years.length === 0) return new Map<string, { value: number; note: string }>();
  const r = await sql<{ indicator_id: string; year: number; value: number; source_note: string }>`
    SELECT indicator_id, year, value::float8 AS value, source_note FROM kpi_manual_actuals
     WHERE unit_id = ${unitId}::uuid AND year = ANY(${sql.val([...years])}::int[])`.execute(db);
  return new Map(r.rows.map((x) => [`${x.indicator_id}:${x.year}`, { value: x.value, note: x.source_note }]));
}

export async function findManualActual(db: Executor, indicatorId: string, year: number, unitId: string) {
  return kt(db)
    .selectFrom('kpi_manual_actuals')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .where('year', '=', year)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

export async function upsertManualActual(
  db: Executor,
  v: { indicatorId: string; year: number; unitId: string; value: number; note: string; by: string | null },
) {
  await kt(db)
    .insertInto('kpi_manual_actuals')
    .values({
      indicator_id: v.indicatorId,
      year: v.year,
      unit_id: v.unitId,
      value: v.value,
      source_note: v.note,
      entered_by: v.by,
    })
    .onConflict((oc) =>
      oc
        .columns(['indicator_id', 'year', 'unit_id'])
        .doUpdateSet({ value: v.value, source_note: v.note, entered_by: v.by, entered_at: sql`now()` }),
    )
    .execute();
}
