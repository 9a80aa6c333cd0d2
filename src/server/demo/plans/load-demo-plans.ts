import { plansServices } from '../../modules/plans/plans.module.ts';
import { pt } from '../../modules/plans/plans.tables.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Platform } from '../../platform/platform.ts';
import type { DemoPlan } from './demo-plan-types.ts';
import { PLAN_002 } from './plan-002-quang-ngai.ts';
import { PLAN_003 } from './plan-003-kon-tum.ts';

export const DEMO_PLANS: readonly DemoPlan[] = [PLAN_002, PLAN_003];

/**
 * Loads the two 2023 plans of the seeds (real public content: titles, legal bases, tasks, units,
 * periods, budgets), issued, with SYNTHETIC progress reports. Idempotent: a plan already there
 * (same issuing unit and title) is skipped. Returns the ids by key ('qng-2023', 'ktm-2023').
 */
export async function loadDemoPlans(p: Platform): Promise<Record<string, string>> {
  const s = plansServices(p);
  const actor = systemActor('demo');
  const ids: Record<string, string> = {};
  const codes = [
    ...new Set(DEMO_PLANS.flatMap((d) => [d.unitCode, ...d.tasks.flatMap((t) => [t.lead, ...(t.coordinators ?? [])])])),
  ];
  const units = new Map(
    (await p.db.selectFrom('org_units').select(['id', 'code']).where('code', 'in', codes).execute()).map((u) => [
      u.code,
      u.id,
    ]),
  );
  const users = new Map(
    (await p.db.selectFrom('users').select(['id', 'username', 'full_name']).execute()).map((u) => [u.username, u]),
  );
  for (const d of DEMO_PLANS) {
    const unitId = units.get(d.unitCode);
    if (!unitId) continue;
    const existing = await pt(p.db)
      .selectFrom('plans')
      .select('id')
      .where('issuing_unit_id', '=', unitId)
      .where('title', '=', d.title)
      .executeTakeFirst();
    if (existing) {
      ids[d.key] = existing.id;
      continue;
    }
    const plan = await s.plans.create(actor, {
      number: d.number,
      issuedOn: d.issuedOn,
      issuingUnitId: unitId,
      title: d.title,
      yearFrom: d.yearFrom,
      yearTo: d.yearTo,
      status: 'issued',
      legalBases: d.legalBases,
      summary: d.summary,
      sections: d.sections,
    });
    ids[d.key] = plan.id;
    const row = (await pt(p.db).selectFrom('plans').selectAll().where('id', '=', plan.id).executeTakeFirst())!;
    const ref = (x: string) => (units.has(x) ? { unitId: units.get(x)!, name: null } : { unitId: null, name: x });
    await p.db.transaction().execute(async (trx) => {
      for (const t of d.tasks) {
        const lead = ref(t.lead);
        const resolved = await s.tasks.resolve(
          trx,
          row,
          {
            code: t.code,
            sectionCode: t.section,
            parentCode: t.parent ?? null,
            content: t.content,
            description: null,
            leadUnitId: lead.unitId,
            leadName: lead.name,
            coordinators: (t.coordinators ?? []).map(ref),
            startOn: t.start,
            endOn: t.end,
            periodText: t.period,
            outputs: t.outputs ?? null,
            counted: t.counted ?? true,
            budgetNote: t.budgetNote ?? null,
            budgets: (t.budgets ?? []).map(([year, sourceCode, amount]) => ({ year, sourceCode, amount })),
          },
          null,
        );
        const taskId = await s.tasks.write(trx, actor, row, resolved, null);
        const reports = t.reports ?? [];
        for (const r of reports) {
          const by = r.by ? users.get(r.by) : undefined;
          await pt(trx)
            .insertInto('plan_task_reports')
            .values({
              task_id: taskId,
              unit_id: resolved.columns.lead_unit_id,
              unit_name: resolved.columns.lead_name,
              status: r.status,
              progress: r.progress,
              note: r.note,
              reported_by: by?.id ?? null,
              reporter_name: by?.full_name ?? null,
              reported_at: new Date(`${r.on}T16:00:00+07:00`),
            })
            .execute();
        }
        const last = reports.at(-1);
        if (last)
          await pt(trx)
            .updateTable('plan_tasks')
            .set({
              status: last.status,
              progress: last.progress,
              last_report_at: new Date(`${last.on}T16:00:00+07:00`),
            })
            .where('id', '=', taskId)
            .execute();
      }
    });
  }
  return ids;
}
