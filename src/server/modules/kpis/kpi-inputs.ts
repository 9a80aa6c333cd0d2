import type { Db } from '../../platform/db/database.ts';
import { admissionsOnline } from './admissions-figures.ts';
import { type SteeringSources, todayVn } from './steering-sources.ts';
import { countSchools } from './steering-units.ts';

/**
 * The named inputs of KPI formulas, each a figure for a unit's subtree and a year:
 *
 * - `report:FORM.FIELD` — the reports module's aggregate of a numeric field over the subtree
 *   for the period (the indicator's `report_period` with {year}/{next} filled in); a yes/no
 *   question stored as 1/0 sums to the number of units answering yes.
 * - `report_count:FORM.FIELD` — how many units answered that field.
 * - `platform:schools.all|general` — living schools in the subtree (general = tiểu học, THCS,
 *   THPT, liên cấp).
 * - `platform:admissions.online|filed|online_share` — admission applications of the rounds
 *   whose registration opened in the year, filed online by families / all filed / the online
 *   share in % (an assisted entry by a clerk is not online).
 * - `platform:reports.on_time_share` — periodic reports sent on time in the year, %.
 * - `platform:dx.level3_share` — schools whose recognised governance result is Mức 3, % of
 *   the schools (QĐ 4725/QĐ-BGDĐT); `platform:dx.assessed_share` — schools assessed, %.
 * - `platform:plans.late_tasks` — plan tasks of the subtree's units that are late today.
 * - `platform:directives.answered_share` — directives' recipients that answered, %.
 *
 * A figure whose module is absent (or fails) is "unavailable": the formula gets no value and
 * the card names the input, rather than showing a made-up number.
 */

export interface InputContext {
  db: Db;
  year: number;
  /** The unit; null for the province (the read models' convention). */
  rootUnitId: string | null;
  /** The unit id to count schools under (the province's id when rootUnitId is null). */
  unitId: string;
  reportPeriod: string;
  sources: SteeringSources;
  /**
   * Reads shared within one request (see `ReadMemo`): two KPIs, or a KPI and a dashboard
   * section, that need the same read-model figure get one call.
   */
  memo?: ReadMemo | undefined;
}

/**
 * The read-model calls of one request, by what they ask (function and arguments): the first
 * caller starts the read, the others await the same promise. Lives for one request only (the
 * KPI cache of 60 s is per indicator, in KpiActuals), so nothing here outlives its figures.
 */
export type ReadMemo = Map<string, Promise<unknown>>;

/** `f()` once per `key` in `memo` (no memo: every call reads); a failed read is not kept. */
export function shared<T>(memo: ReadMemo | undefined, key: string, f: () => Promise<T>): Promise<T> {
  if (!memo) return f();
  const hit = memo.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const value = f();
  memo.set(key, value);
  value.catch(() => memo.delete(key));
  return value;
}

/** The keys of the shared reads (the dashboards use the same ones for their own sections). */
export const readKey = {
  schools: (unitId: string) => `schools|${unitId}`,
  admissionsOnline: (year: number, root: string | null) => `admissions.online|${year}|${root}`,
  onTimeShare: (year: number, root: string | null) => `reports.onTime|${year}|${root}`,
  dxLevels: (year: number, root: string | null, publishedOnly: boolean) => `dx|${year}|${root}|${publishedOnly}`,
  lateTasks: (root: string | null, today: string) => `plans.late|${root}|${today}`,
  directives: (root: string | null, today: string) => `directives|${root}|${today}`,
  aggregate: (form: string, field: string, period: string, root: string | null) =>
    `reports.aggregate|${form}|${field}|${period}|${root}`,
};

export type InputValue = { value: number | null; available: boolean };

/** `report:FORM.field` / `report_count:FORM.field`: the form code (may hold '.' or '-') and the field code (last). */
const REPORT_INPUT = /^(report|report_count):([A-Z0-9][A-Z0-9_.-]*)\.([a-z][a-z0-9_]*)$/;

const pct = (a: number, b: number) => (b === 0 ? null : (a / b) * 100);
const NA: InputValue = { value: null, available: false };

/** '{year}-{next}' for 2025 → '2025-2026'. */
export function periodKeyOf(template: string, year: number): string {
  return template.replaceAll('{year}', String(year)).replaceAll('{next}', String(year + 1));
}

/** Whether a name is one the engine knows (for validating formulas when they are saved). */
export function isKnownInput(name: string): boolean {
  if (REPORT_INPUT.test(name)) return true;
  return name in PLATFORM;
}

const schoolsOf = (c: InputContext) => shared(c.memo, readKey.schools(c.unitId), () => countSchools(c.db, c.unitId));
const admissionsOf = (c: InputContext) =>
  shared(c.memo, readKey.admissionsOnline(c.year, c.rootUnitId), () => admissionsOnline(c.db, c));
/**
 * DX levels for a KPI: a level share counts only results the Sở has published (recognised ones of a
 * published year), so that an indicator shown to the public never reveals an unpublished year and
 * every reader sees the same official figure; the assessed share counts the year's work in progress.
 */
const dxOf = (c: InputContext, dx: NonNullable<SteeringSources['dx']>, publishedOnly: boolean) =>
  shared(c.memo, readKey.dxLevels(c.year, c.rootUnitId, publishedOnly), () =>
    dx.dxLevels(c.db, { year: c.year, rootUnitId: c.rootUnitId, ...(publishedOnly ? { publishedOnly: true } : {}) }),
  );

const PLATFORM: Record<string, (c: InputContext) => Promise<InputValue>> = {
  'platform:schools.all': async (c) => ({ value: (await schoolsOf(c)).all, available: true }),
  'platform:schools.general': async (c) => ({ value: (await schoolsOf(c)).general, available: true }),
  'platform:admissions.online': async (c) => ({ value: (await admissionsOf(c)).online, available: true }),
  'platform:admissions.filed': async (c) => ({ value: (await admissionsOf(c)).filed, available: true }),
  'platform:admissions.online_share': async (c) => {
    const a = await admissionsOf(c);
    return { value: pct(a.online, a.filed), available: true };
  },
  'platform:reports.on_time_share': async (c) => {
    const reports = c.sources.reports;
    if (!reports) return NA;
    const r = await shared(c.memo, readKey.onTimeShare(c.year, c.rootUnitId), () =>
      reports.onTimeShare(c.db, { year: c.year, rootUnitId: c.rootUnitId }),
    );
    return { value: pct(r.onTime, r.expected), available: true };
  },
  'platform:dx.level3_share': async (c) => {
    if (!c.sources.dx) return NA;
    const d = await dxOf(c, c.sources.dx, true);
    return { value: pct(d.byLevel.governance[3] ?? 0, d.schools), available: true };
  },
  'platform:dx.assessed_share': async (c) => {
    if (!c.sources.dx) return NA;
    const d = await dxOf(c, c.sources.dx, false);
    return { value: pct(d.assessed, d.schools), available: true };
  },
  'platform:plans.late_tasks': async (c) => {
    const plans = c.sources.plans;
    if (!plans) return NA;
    const today = todayVn();
    const p = await shared(c.memo, readKey.lateTasks(c.rootUnitId, today), () =>
      plans.lateTasks(c.db, { rootUnitId: c.rootUnitId, today }),
    );
    return { value: p.late, available: true };
  },
  'platform:directives.answered_share': async (c) => {
    const directives = c.sources.directives;
    if (!directives) return NA;
    const today = todayVn();
    const d = await shared(c.memo, readKey.directives(c.rootUnitId, today), () =>
      directives.directiveResponses(c.db, { rootUnitId: c.rootUnitId, today }),
    );
    return { value: pct(d.answered, d.expected), available: true };
  },
};

/** A report input's aggregate (shared between `report:` and `report_count:` of the same field). */
function reportAggregate(
  c: InputContext,
  reports: NonNullable<SteeringSources['reports']>,
  form: string,
  field: string,
) {
  const periodKey = periodKeyOf(c.reportPeriod, c.year);
  return shared(c.memo, readKey.aggregate(form, field, periodKey, c.rootUnitId), () =>
    reports.aggregate(c.db, { formCode: form, fieldCode: field, periodKey, rootUnitId: c.rootUnitId }),
  );
}

/**
 * A report input for every steering child of the context's unit at once (the reports read
 * model's byChild: communes and the Sở under the province, schools under a commune), for the
 * drill-down; null when the name is not a report input. A child without data gets what a call
 * for it alone would give (no value; a count of 0).
 */
export async function resolveReportByChild(name: string, c: InputContext): Promise<Map<string, InputValue> | null> {
  const report = REPORT_INPUT.exec(name);
  if (!report) return null;
  const out = new Map<string, InputValue>();
  if (!c.sources.reports) return out;
  try {
    const a = await reportAggregate(c, c.sources.reports, report[2]!, report[3]!);
    for (const ch of a.byChild)
      out.set(ch.unitId, { value: report[1] === 'report' ? ch.value : ch.count, available: true });
    out.set(MISSING_CHILD, { value: report[1] === 'report' ? null : 0, available: true });
  } catch {
    // every child unavailable: the empty map (no MISSING_CHILD entry) says so
  }
  return out;
}

/** The key of resolveReportByChild's value for a child the read model did not list. */
export const MISSING_CHILD = '*';

/** One input's value for the context; failures of another module's read model count as unavailable. */
export async function resolveInput(name: string, c: InputContext): Promise<InputValue> {
  try {
    const report = REPORT_INPUT.exec(name);
    if (report) {
      if (!c.sources.reports) return NA;
      const a = await reportAggregate(c, c.sources.reports, report[2]!, report[3]!);
      return { value: report[1] === 'report' ? a.value : a.count, available: true };
    }
    const f = PLATFORM[name];
    return f ? await f(c) : NA;
  } catch {
    return NA;
  }
}
