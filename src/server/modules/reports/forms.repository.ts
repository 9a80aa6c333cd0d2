import { sql } from 'kysely';
import type { FieldInput, FormQuery } from '../../../shared/reports.schema.ts';
import type { Scope } from '../../platform/access/access.ts';
import { inScope } from '../../platform/access/steering-scope.ts';
import type { Executor } from '../../platform/db/database.ts';
import { rt } from './reports.tables.ts';

export async function findForm(db: Executor, id: string) {
  return rt(db).selectFrom('report_forms').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFormForUpdate(db: Executor, id: string) {
  return rt(db).selectFrom('report_forms').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export type FormRow = NonNullable<Awaited<ReturnType<typeof findForm>>>;

export async function findFields(db: Executor, formId: string) {
  return rt(db).selectFrom('report_fields').selectAll().where('form_id', '=', formId).orderBy('seq').execute();
}
export type FieldRow = Awaited<ReturnType<typeof findFields>>[number];

export async function replaceFields(db: Executor, formId: string, fields: readonly FieldInput[]): Promise<void> {
  await rt(db).deleteFrom('report_fields').where('form_id', '=', formId).execute();
  if (fields.length === 0) return;
  await rt(db)
    .insertInto('report_fields')
    .values(
      fields.map((f, i) => ({
        form_id: formId,
        code: f.code,
        seq: i + 1,
        label: f.label,
        help: f.help,
        type: f.type,
        section: f.section,
        required: f.required,
        min_value: f.min,
        max_value: f.max,
        min_length: f.minLength,
        max_length: f.maxLength,
        pattern: f.pattern,
        options: JSON.stringify(f.options),
        aggregation: f.aggregation,
        unit_label: f.unitLabel,
      })),
    )
    .execute();
}

export async function unitName(db: Executor, id: string): Promise<string> {
  const r = await db.selectFrom('org_units').select('name').where('id', '=', id).executeTakeFirst();
  return r?.name ?? '';
}

/** Forms: published/archived ones in `readScope` (owner or assignment root inside it), drafts in `designScope`. */
export async function listForms(db: Executor, readScope: Scope | null, designScope: Scope | null, q: FormQuery) {
  const visible = sql<boolean>`(
    ${designScope ? inScope(designScope, sql.ref('f.owner_unit_id')) : sql`false`}
    OR (f.status <> 'draft' AND ${
      readScope
        ? sql`(${inScope(readScope, sql.ref('f.owner_unit_id'))} OR EXISTS (
            SELECT 1 FROM report_submissions s WHERE s.form_id = f.id AND ${inScope(readScope, sql.ref('s.unit_id'))}))`
        : sql`false`
    }))`;
  let base = rt(db)
    .selectFrom('report_forms as f')
    .innerJoin('org_units as o', 'o.id', 'f.owner_unit_id')
    .where(visible);
  if (q.status) base = base.where('f.status', '=', q.status);
  if (q.periodType) base = base.where('f.period_type', '=', q.periodType);
  if (q.q) base = base.where(sql<boolean>`f.search_key LIKE '%' || gds_search_key(${q.q}) || '%'`);
  const total = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'f.id',
      'f.code',
      'f.title',
      'f.kind',
      'f.status',
      'f.period_type',
      'f.needs_approval',
      'f.owner_unit_id',
      'o.name as owner_unit_name',
      'f.published_at',
      'f.updated_at',
      sql<number>`(SELECT count(*)::int FROM report_fields x WHERE x.form_id = f.id)`.as('field_count'),
      sql<number>`(SELECT count(*)::int FROM report_periods p WHERE p.form_id = f.id)`.as('period_count'),
      sql<
        string | null
      >`(SELECT p.period_key FROM report_periods p WHERE p.form_id = f.id ORDER BY p.ends_on DESC LIMIT 1)`.as(
        'latest_period_key',
      ),
    ])
    .orderBy('f.updated_at', 'desc')
    .orderBy('f.code')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: total.n };
}

export async function formCounts(db: Executor, formId: string) {
  return sql<{ period_count: number; latest_period_key: string | null }>`
    SELECT (SELECT count(*)::int FROM report_periods p WHERE p.form_id = ${formId}::uuid) AS period_count,
      (SELECT p.period_key FROM report_periods p WHERE p.form_id = ${formId}::uuid ORDER BY p.ends_on DESC LIMIT 1) AS latest_period_key`
    .execute(db)
    .then((r) => r.rows[0]!);
}
