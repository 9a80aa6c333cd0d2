import { sql } from 'kysely';
import { levelAbove } from '../../src/server/modules/reports/unit-levels.ts';
import type { TestContext } from '../support/test-app.ts';

/**
 * Report data written straight into the reports module's tables (0033), so that the KPI and
 * dashboard tests can hand-compute what the reports read model must give: a form, one period,
 * submissions with values. Not a substitute for the reports module's own tests.
 */
export interface ReportFixture {
  formCode: string;
  periodKey: string;
  closesOn: string;
  fields: { code: string; type: 'integer' | 'yes_no' }[];
  submissions: {
    unitId: string;
    status: 'not_started' | 'completed' | 'approved';
    onTime?: boolean;
    values?: Record<string, number | boolean>;
  }[];
}

export async function insertReport(ctx: TestContext, f: ReportFixture): Promise<void> {
  const db = ctx.platform.db;
  const owner = (
    await sql<{
      id: string;
    }>`SELECT id FROM org_units WHERE type_code = 'department' ORDER BY valid_to NULLS FIRST LIMIT 1`.execute(db)
  ).rows[0]!.id;
  let form = (await sql<{ id: string }>`SELECT id FROM report_forms WHERE code = ${f.formCode}`.execute(db)).rows[0];
  if (!form) {
    form = (
      await sql<{ id: string }>`
        INSERT INTO report_forms (code, title, owner_unit_id, period_type, status, published_at)
        VALUES (${f.formCode}, ${`Biểu mẫu ${f.formCode}`}, ${owner}::uuid, 'yearly', 'published', now()) RETURNING id`.execute(
        db,
      )
    ).rows[0]!;
  }
  const fieldIds = new Map<string, string>();
  for (const [i, fl] of f.fields.entries()) {
    const r = await sql<{ id: string }>`
      INSERT INTO report_fields (form_id, code, seq, label, type) VALUES (${form.id}::uuid, ${fl.code}, ${i + 1}, ${fl.code}, ${fl.type})
      ON CONFLICT (form_id, code) DO UPDATE SET label = EXCLUDED.label RETURNING id`.execute(db);
    fieldIds.set(fl.code, r.rows[0]!.id);
  }
  const year = Number(f.periodKey.slice(0, 4));
  const period = (
    await sql<{ id: string }>`
      INSERT INTO report_periods (form_id, period_key, starts_on, ends_on, opens_on, closes_on, materialised_at)
      VALUES (${form.id}::uuid, ${f.periodKey}, make_date(${year}, 1, 1), make_date(${year}, 12, 31),
              ${f.closesOn}::date - 30, ${f.closesOn}::date, now()) RETURNING id`.execute(db)
  ).rows[0]!;
  for (const s of f.submissions) {
    const done = s.status !== 'not_started';
    // As when a period opens: the unit's level above, fixed for the period (the province roll-up groups by it).
    const approver = await levelAbove(db, s.unitId);
    const sub = (
      await sql<{ id: string }>`
        INSERT INTO report_submissions (period_id, form_id, period_key, unit_id, approver_unit_id, status, completed_at, on_time)
        VALUES (${period.id}::uuid, ${form.id}::uuid, ${f.periodKey}, ${s.unitId}::uuid, ${approver}::uuid, ${s.status},
                ${done ? sql`${f.closesOn}::date::timestamptz` : sql`NULL`}, ${done ? (s.onTime ?? true) : null})
        RETURNING id`.execute(db)
    ).rows[0]!;
    for (const [code, v] of Object.entries(s.values ?? {})) {
      const num = typeof v === 'number' ? v : null;
      const bool = typeof v === 'boolean' ? v : null;
      await sql`
        INSERT INTO report_values (submission_id, field_id, period_id, unit_id, num, bool)
        VALUES (${sub.id}::uuid, ${fieldIds.get(code)!}::uuid, ${period.id}::uuid, ${s.unitId}::uuid, ${num}, ${bool})`.execute(
        db,
      );
    }
  }
}

/** Unit ids by exact name. */
export async function unitByName(ctx: TestContext, name: string): Promise<string> {
  const r = await sql<{ id: string }>`
    SELECT id FROM org_units WHERE name = ${name} AND (valid_to IS NULL OR valid_to >= current_date) LIMIT 1`.execute(
    ctx.platform.db,
  );
  if (!r.rows[0]) throw new Error(`no unit named ${name}`);
  return r.rows[0].id;
}

/** Living general-education schools of a commune (by the commune's id), ordered by name. */
export async function schoolsOf(ctx: TestContext, communeId: string): Promise<{ id: string; name: string }[]> {
  const r = await sql<{ id: string; name: string }>`
    SELECT u.id, u.name FROM schools s JOIN org_units u ON u.id = s.unit_id
      JOIN org_unit_closure c ON c.descendant_id = u.id AND c.ancestor_id = ${communeId}::uuid
     WHERE (u.valid_to IS NULL OR u.valid_to >= current_date)
       AND s.levels && ARRAY['tieu_hoc', 'thcs', 'thpt', 'lien_cap']::text[]
     ORDER BY u.name COLLATE "vi"`.execute(ctx.platform.db);
  return r.rows;
}

/** The unit a demo user's (first) grant is on. */
export async function grantUnitOf(ctx: TestContext, username: string): Promise<string> {
  const r = await sql<{ unit_id: string }>`
    SELECT g.unit_id FROM role_grants g JOIN users u ON u.id = g.user_id WHERE u.username = ${username} LIMIT 1`.execute(
    ctx.platform.db,
  );
  return r.rows[0]!.unit_id;
}
