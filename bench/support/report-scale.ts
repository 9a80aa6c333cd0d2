import { sql } from 'kysely';
import { reportsServices } from '../../src/server/modules/reports/reports.module.ts';
import { systemActor } from '../../src/server/platform/actor.ts';
import type { Platform } from '../../src/server/platform/platform.ts';
import { FormInput } from '../../src/shared/reports.schema.ts';

/**
 * Report data of the size issue 6 measures, for bench/reports and bench/dashboards: the demo's
 * schools topped up to `units` with synthetic lower-secondary schools (under the communes'
 * Culture–Society divisions), a quarterly form `BENCH-BIG` of `fields` numeric fields (every tenth
 * a decimal averaged, the others integers summed) with the given periods, 5 small forms
 * `BENCH-S1..5` of 10 fields on the last period, a value for every unit, field and period, and
 * statuses spread over not started, draft, returned, completed and approved (10 % late).
 */
export async function fillReportScale(
  p: Platform,
  opts: { units: number; fields: number; periods: readonly string[] },
): Promise<void> {
  const { db } = p;
  const sys = systemActor('bench');
  const have = Number(
    (
      await sql<{
        n: string;
      }>`SELECT count(*) AS n FROM org_units WHERE type_code = 'school' AND valid_to IS NULL`.execute(db)
    ).rows[0]!.n,
  );
  const divisions = await sql<{ id: string; commune: string }>`
    SELECT d.id, c.ancestor_id AS commune FROM org_units d
    JOIN org_unit_closure c ON c.descendant_id = d.id JOIN org_units cu ON cu.id = c.ancestor_id
      AND cu.type_code IN ('commune', 'ward', 'special_zone')
    WHERE d.type_code = 'culture_society_division' AND d.valid_to IS NULL ORDER BY d.code`.execute(db);
  const extra = Math.max(0, opts.units - have);
  if (extra > 0) {
    const parents = Array.from({ length: extra }, (_, i) => divisions.rows[i % divisions.rows.length]!);
    await sql`
      WITH ins AS (
        INSERT INTO org_units (code, name, type_code, parent_id, valid_from)
        SELECT 'BENCH.S' || lpad(n::text, 5, '0'), 'Trường THCS thử nghiệm số ' || n || ' (tổng hợp)', 'school', p, '2020-01-01'
        FROM unnest(${parents.map((x) => x.id)}::uuid[]) WITH ORDINALITY AS x(p, n)
        RETURNING id, parent_id
      )
      INSERT INTO schools (unit_id, levels, ownership, commune_id)
      SELECT ins.id, ARRAY['thcs'], 'public', x.c FROM ins
      JOIN unnest(${parents.map((x) => x.id)}::uuid[], ${parents.map((x) => x.commune)}::uuid[]) AS x(p, c) ON x.p = ins.parent_id
      GROUP BY ins.id, x.c`.execute(db);
    await sql`SELECT gds_rebuild_org_closure()`.execute(db);
  }
  const sgd = (await db.selectFrom('org_units').select('id').where('code', '=', 'QNG.SGD').executeTakeFirstOrThrow())
    .id;
  const s = reportsServices(p);
  const makeForm = async (code: string, nFields: number) => {
    const input = FormInput.parse({
      code,
      title: `Biểu mẫu thử tải ${code}`,
      ownerUnitId: sgd,
      periodType: 'quarterly',
      assignment: { unitTypes: ['school'] },
      fields: Array.from({ length: nFields }, (_, i) => ({
        code: `f${String(i + 1).padStart(3, '0')}`,
        label: `Chỉ tiêu ${i + 1}`,
        type: i % 10 === 9 ? 'decimal' : 'integer',
        aggregation: i % 10 === 9 ? 'avg' : 'sum',
      })),
    });
    const f = await s.forms.create(sys, input);
    return s.forms.setStatus(sys, f.id, 'published', f.version);
  };
  const big = await makeForm('BENCH-BIG', opts.fields);
  const small = [];
  for (let i = 1; i <= 5; i++) small.push(await makeForm(`BENCH-S${i}`, 10));
  for (const form of [big, ...small])
    for (const key of form.code === 'BENCH-BIG' ? opts.periods : opts.periods.slice(-1))
      await s.periods.create(sys, form.id, { periodKey: key, opensOn: '2025-01-01', closesOn: '2026-07-10' });
  for (const form of [big, ...small])
    await sql`
      INSERT INTO report_values (submission_id, field_id, period_id, unit_id, num)
      SELECT s.id, f.id, s.period_id, s.unit_id, floor(random() * 500)::int
      FROM report_submissions s JOIN report_fields f ON f.form_id = s.form_id
      WHERE s.form_id = ${form.id}::uuid`.execute(db);
  await sql`
    UPDATE report_submissions SET
      status = CASE WHEN r < 0.1 THEN 'not_started' WHEN r < 0.15 THEN 'draft' WHEN r < 0.2 THEN 'returned'
        WHEN r < 0.6 THEN 'completed' ELSE 'approved' END,
      completed_at = CASE WHEN r >= 0.2 THEN now() - interval '10 days' END,
      on_time = CASE WHEN r >= 0.2 THEN r < 0.9 END
    FROM (SELECT id, random() AS r FROM report_submissions) x WHERE x.id = report_submissions.id`.execute(db);
}
