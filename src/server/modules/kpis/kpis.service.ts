import type {
  Indicator,
  KpiCard,
  KpiChildRow,
  KpiDetail,
  KpiList,
  KpiStatus,
  Target,
} from '../../../shared/kpis.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { type Actual, KpiActuals } from './kpi-actuals.ts';
import type { ReadMemo } from './kpi-inputs.ts';
import { statusOf } from './kpi-status.ts';
import type { IndicatorRow } from './kpis.repository.ts';
import * as repo from './kpis.repository.ts';
import { publicUnit, type ReadUnit, resolveReadUnit } from './steering-read-scope.ts';
import { todayVn } from './steering-sources.ts';
import { childUnits, levelOfType } from './steering-units.ts';

/** Who may read KPIs: the dashboards' readers and the KPIs' managers. */
export const KPI_READ = ['dashboards.read', 'kpis.manage'] as const;
const TREND_YEARS = 5;

export function presentIndicator(r: IndicatorRow): Indicator {
  return {
    id: r.id,
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    sourceRef: r.source_ref,
    unit: r.unit,
    direction: r.direction,
    kind: r.kind,
    formula: r.formula,
    reportPeriod: r.report_period,
    level: r.level,
    isPublic: r.is_public,
    sortOrder: r.sort_order,
    version: r.version,
  };
}

const LEVEL_RANK = { province: 0, commune: 1, school: 2, other: 3 } as const;

/** Reading KPIs: actual against target with a trend, and a drill-down by child unit. */
export class KpisService {
  readonly #p: Platform;
  readonly actuals: KpiActuals;

  constructor(p: Platform) {
    this.#p = p;
    this.actuals = new KpiActuals(p.db);
  }

  /** Every active indicator's definition (signed-in readers). */
  async indicators(actor: Actor): Promise<Indicator[]> {
    await resolveReadUnit(this.#p.db, actor, KPI_READ, undefined);
    return (await repo.listIndicators(this.#p.db)).map(presentIndicator);
  }

  /** The KPI cards of a unit and year for a signed-in reader (the unit must be in their scope). */
  async list(actor: Actor, q: { year?: number | undefined; unitId?: string | undefined }): Promise<KpiList> {
    const { unit } = await resolveReadUnit(this.#p.db, actor, KPI_READ, q.unitId);
    return this.cards(unit, q.year ?? currentYear(), { publicOnly: false, trend: TREND_YEARS });
  }

  /** The public KPI cards: indicators marked public, for the province. */
  async listPublic(q: { year?: number | undefined }): Promise<KpiList> {
    return this.cards(await publicUnit(this.#p.db), q.year ?? currentYear(), { publicOnly: true, trend: TREND_YEARS });
  }

  /**
   * Cards for a unit (used by the dashboards too). `trend` = how many years, the asked one last.
   * The indicators share their read-model calls (`memo`: one per request, the dashboards pass
   * theirs so that a figure both a section and a KPI need is read once).
   */
  async cards(
    unit: ReadUnit,
    year: number,
    o: { publicOnly: boolean; trend: number; memo?: ReadMemo },
  ): Promise<KpiList> {
    const memo = o.memo ?? new Map();
    const inds = (await repo.listIndicators(this.#p.db, { publicOnly: o.publicOnly })).filter((i) => applies(i, unit));
    const years = Array.from({ length: Math.max(1, o.trend) }, (_, i) => year - Math.max(1, o.trend) + 1 + i);
    // Targets and actuals are independent: read together.
    const [targets, actuals] = await Promise.all([
      repo.nearestTargets(
        this.#p.db,
        inds.map((i) => i.id),
        unit.id,
        years,
      ),
      Promise.all(inds.map((ind) => this.actuals.ofYears(ind, unit, years, memo))),
    ]);
    const items = inds.map((ind, i) =>
      card(ind, unit.id, year, actuals[i]!, (y) => targets.get(`${ind.id}:${y}`) ?? null),
    );
    return { year, unitId: unit.id, unitName: unit.name, items };
  }

  /** One indicator for a unit: trend, targets set, and the unit's children with their actuals. */
  async detail(
    actor: Actor,
    code: string,
    q: { year?: number | undefined; unitId?: string | undefined; page: number; pageSize: number },
  ): Promise<KpiDetail> {
    const { unit } = await resolveReadUnit(this.#p.db, actor, KPI_READ, q.unitId);
    const ind = await repo.findIndicator(this.#p.db, code);
    if (!ind?.active) throw new AppError('resource.not_found');
    const year = q.year ?? currentYear();
    const years = Array.from({ length: TREND_YEARS }, (_, i) => year - TREND_YEARS + 1 + i);
    const [byYear, targets, set] = await Promise.all([
      this.actuals.ofYears(ind, unit, years, new Map()),
      repo.nearestTargets(this.#p.db, [ind.id], unit.id, years),
      repo.listTargets(this.#p.db, ind.id),
    ]);
    const base = card(ind, unit.id, year, byYear, (y) => targets.get(`${ind.id}:${y}`) ?? null);
    const children = LEVEL_RANK[ind.level] > LEVEL_RANK[unit.level] ? await childUnits(this.#p.db, unit) : [];
    const page = children.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    const units = page.map((c) => ({ id: c.id, isProvince: false }));
    const [actuals, childTargets] = await Promise.all([
      this.actuals.ofChildren(ind, unit, units, year),
      repo.nearestTargetsOfUnits(
        this.#p.db,
        ind.id,
        year,
        page.map((c) => c.id),
      ),
    ]);
    const rows: KpiChildRow[] = page.map((c) => {
      const a = actuals.get(c.id);
      const t = childTargets.get(c.id) ?? null;
      const lvl = levelOfType(c.type_code);
      return {
        unitId: c.id,
        unitName: c.name,
        unitType: c.type_code,
        actual: round(a?.value ?? null),
        target: t,
        status: statusOf(round(a?.value ?? null), t, ind.direction),
        sourceNote: a?.sourceNote ?? null,
        drillable: lvl === 'commune' && LEVEL_RANK[ind.level] > LEVEL_RANK.commune,
      };
    });
    const targetList: Target[] = set.map((t) => ({
      year: t.year,
      unitId: t.unit_id,
      unitName: t.unit_name,
      target: t.target,
      note: t.note,
    }));
    return {
      ...base,
      unitName: unit.name,
      targets: targetList,
      children: { items: rows, total: children.length, page: q.page, pageSize: q.pageSize },
    };
  }
}

/** An indicator applies to a unit at or above its level (a school-level one applies everywhere). */
function applies(ind: IndicatorRow, unit: ReadUnit): boolean {
  return LEVEL_RANK[unit.level] <= LEVEL_RANK[ind.level] || unit.level === 'other';
}

function round(v: number | null): number | null {
  return v === null ? null : Math.round(v * 100) / 100;
}

function card(
  ind: IndicatorRow,
  unitId: string,
  year: number,
  byYear: Map<number, Actual>,
  targetOf: (y: number) => number | null,
): KpiCard {
  const now = byYear.get(year);
  const actual = round(now?.value ?? null);
  const target = targetOf(year);
  const status: KpiStatus = statusOf(actual, target, ind.direction);
  return {
    indicator: presentIndicator(ind),
    year,
    unitId,
    actual,
    target,
    status,
    sourceNote: now?.sourceNote ?? null,
    missing: now?.missing ?? [],
    trend: [...byYear.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([y, a]) => ({ year: y, actual: round(a.value), target: targetOf(y) })),
  };
}

/** The current calendar year in Vietnam. */
export function currentYear(): number {
  return Number(todayVn().slice(0, 4));
}
