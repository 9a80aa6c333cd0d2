import type { TaskSummary, Totals } from '../../../shared/plans.schema.ts';
import type { TaskRow } from './plans.repository.ts';

/** Money in million VND, one decimal (numeric(14,1) sums read as text). */
export const money = (v: string | number): number => Math.round(Number(v) * 10) / 10;

export function presentTask(t: TaskRow): TaskSummary {
  const budgets = t.budgets.map((b) => ({ year: b.year, sourceCode: b.sourceCode, amount: money(b.amount) }));
  return {
    id: t.id,
    planId: t.plan_id,
    code: t.code,
    parentId: t.parent_id,
    sectionCode: t.section_code,
    content: t.content,
    leadUnitId: t.lead_unit_id,
    leadName: t.lead_name,
    coordinators: t.coordinators,
    startOn: t.start_on,
    endOn: t.end_on,
    periodText: t.period_text,
    outputs: t.outputs,
    status: t.status,
    progress: t.progress,
    late: t.late,
    counted: t.counted,
    budgetNote: t.budget_note,
    budgets,
    budgetTotal: money(budgets.reduce((s, b) => s + b.amount * 10, 0) / 10),
  };
}

/** Sums by year, source and lead unit from the grouped rows of repo.totals (exact: summed in tenths). */
export function presentTotals(
  rows: { year: number; source_code: string; unit_id: string | null; lead_name: string; amount: string }[],
  sources: { code: string; short_label: string }[],
): Totals {
  const tenths = (v: string) => Math.round(Number(v) * 10);
  const add = <K>(m: Map<K, number>, k: K, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const byYear = new Map<number, number>();
  const bySource = new Map<string, number>();
  const byUnit = new Map<string, { unitId: string | null; name: string; t: number }>();
  const byYearSource = new Map<string, number>();
  let grand = 0;
  for (const r of rows) {
    const v = tenths(r.amount);
    grand += v;
    add(byYear, r.year, v);
    add(bySource, r.source_code, v);
    add(byYearSource, `${r.year}|${r.source_code}`, v);
    const key = r.unit_id ?? `name:${r.lead_name}`;
    const u = byUnit.get(key) ?? { unitId: r.unit_id, name: r.lead_name, t: 0 };
    u.t += v;
    byUnit.set(key, u);
  }
  const label = (code: string) => sources.find((s) => s.code === code)?.short_label ?? code;
  return {
    grand: grand / 10,
    byYear: [...byYear].sort((a, b) => a[0] - b[0]).map(([year, t]) => ({ year, amount: t / 10 })),
    bySource: [...bySource]
      .sort((a, b) => b[1] - a[1])
      .map(([sourceCode, t]) => ({ sourceCode, label: label(sourceCode), amount: t / 10 })),
    byUnit: [...byUnit.values()]
      .sort((a, b) => b.t - a.t)
      .map((u) => ({ unitId: u.unitId, name: u.name, amount: u.t / 10 })),
    byYearSource: [...byYearSource]
      .map(([k, t]) => ({ year: Number(k.split('|')[0]), sourceCode: k.split('|')[1]!, amount: t / 10 }))
      .sort((a, b) => a.year - b.year || a.sourceCode.localeCompare(b.sourceCode)),
  };
}
