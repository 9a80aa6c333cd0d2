import type { DashboardChild, Overview } from '../../../shared/dashboards.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Platform } from '../../platform/platform.ts';
import { DxCampaignsService } from '../dx-index/dx-campaigns.service.ts';
import { applicationsByUnit, roundsInProgress } from '../kpis/admissions-figures.ts';
import { type ReadMemo, readKey, shared } from '../kpis/kpi-inputs.ts';
import { kpiServices } from '../kpis/kpis.module.ts';
import { currentYear } from '../kpis/kpis.service.ts';
import { publicUnit, type ReadUnit, resolveReadUnit } from '../kpis/steering-read-scope.ts';
import { steeringSources, todayVn } from '../kpis/steering-sources.ts';
import { childUnits, levelOfType } from '../kpis/steering-units.ts';
import { childOf, pathFrom } from './dashboards.repository.ts';

const ZERO_LEVELS = { l1: 0, l2: 0, l3: 0 };
const ms = (since: number) => Math.round((performance.now() - since) * 10) / 10;

/**
 * The operations overview of a unit: every figure in one answer, each section from its
 * module's read model, all sections at once (Promise.all). The reader's scope decides the
 * unit (steering-scope: the Sở sees the province, a commune officer the commune, a principal
 * the school); the public variant shows the province with published figures only — KPIs
 * marked public, recognised DX results, rounds whose demand is published — and nothing that
 * names a person (every figure is a count over units).
 */
export class DashboardsService {
  readonly #p: Platform;

  constructor(p: Platform) {
    this.#p = p;
  }

  async overview(actor: Actor, q: { unitId?: string | undefined; year?: number | undefined }): Promise<Overview> {
    const started = performance.now();
    const { unit, scope } = await resolveReadUnit(this.#p.db, actor, ['dashboards.read'], q.unitId);
    const unitMs = ms(started);
    return this.#build(
      unit,
      pathFrom(this.#p.db, unit.id, scope.all ? null : scope.roots),
      q.year ?? currentYear(),
      false,
      started,
      unitMs,
    );
  }

  async publicOverview(q: { year?: number | undefined }): Promise<Overview> {
    const started = performance.now();
    const unit = await publicUnit(this.#p.db);
    return this.#build(unit, Promise.resolve([]), q.year ?? currentYear(), true, started, ms(started));
  }

  /** Runs one section; a missing or failing read model gives null ("not available"), logged. */
  async #attempt<T>(name: string, f: (() => Promise<T>) | null, timings?: Map<string, number>): Promise<T | null> {
    if (!f) return null;
    const started = performance.now();
    try {
      return await f();
    } catch (err) {
      this.#p.log.warn({ err, section: name }, 'dashboard section not available');
      return null;
    } finally {
      timings?.set(name, Math.round((performance.now() - started) * 10) / 10);
    }
  }

  async #build(
    unit: ReadUnit,
    pathP: Promise<{ id: string; name: string }[]>,
    year: number,
    isPublic: boolean,
    started: number,
    unitMs: number,
  ): Promise<Overview> {
    const db = this.#p.db;
    const src = await steeringSources();
    const today = todayVn();
    const root = unit.isProvince ? null : unit.id;
    // Per phase and section (the response's sectionsMs): 'unit' = resolving the reader's unit,
    // 'units' = the children and breadcrumb, 'rollUp' = the per-child figures.
    const timings = new Map<string, number>([['unit', unitMs]]);
    const attempt = <T>(name: string, f: (() => Promise<T>) | null) => this.#attempt(name, f, timings);
    // One request's read-model calls, shared between the sections and the KPIs (a KPI over the
    // late tasks or the DX levels reads what the section reads, once).
    const memo: ReadMemo = new Map();
    // Everything below runs at once (each read takes its own pool connection): the child units
    // and the breadcrumb, every section, and (public) whether the DX year is published; only the
    // per-child admissions wait for the child units.
    const unitsStarted = performance.now();
    const childrenP = childUnits(db, unit);
    const unitsP = Promise.all([childrenP, pathP]).then((r) => {
      timings.set('units', ms(unitsStarted));
      return r;
    });
    // Whether the Sở has published the year's DX results (the DX module's public service), read
    // with the sections: the public page says so rather than showing nothing unexplained.
    const publishedP = isPublic
      ? attempt('dx.published', () => new DxCampaignsService(this.#p).publicYears()).then((r) =>
          (r?.items ?? []).some((y) => y.year === year),
        )
      : Promise.resolve(true);
    const internal = <T>(f: () => Promise<T>) => (isPublic ? null : f);
    const [[children, path], rounds, apps, reports, kpis, dxRead, plans, directives, published] = await Promise.all([
      unitsP,
      attempt('admissions', () => roundsInProgress(db, { rootUnitId: root })),
      attempt(
        'admissions.byUnit',
        internal(async () =>
          applicationsByUnit(
            db,
            (await childrenP).map((c) => c.id),
          ),
        ),
      ),
      attempt(
        'reports',
        src.reports && !isPublic ? () => src.reports!.completeness(db, { rootUnitId: root, asOf: today }) : null,
      ),
      (async () => {
        const t0 = performance.now();
        const r = await kpiServices(this.#p).read.cards(unit, year, { publicOnly: isPublic, trend: 1, memo });
        timings.set('kpis', Math.round((performance.now() - t0) * 10) / 10);
        return r;
      })(),
      attempt(
        'dx',
        src.dx
          ? () =>
              isPublic
                ? // The read model's public rule (published year, recognised results only); not
                  // shared with the KPIs, whose actuals are cached for every reader.
                  src.dx!.dxLevels(db, { year, rootUnitId: root, publishedOnly: true })
                : shared(memo, readKey.dxLevels(year, root, false), () =>
                    src.dx!.dxLevels(db, { year, rootUnitId: root, recognisedOnly: false }),
                  )
          : null,
      ),
      attempt(
        'plans',
        src.plans && !isPublic
          ? () =>
              shared(memo, readKey.lateTasks(root, today), () => src.plans!.lateTasks(db, { rootUnitId: root, today }))
          : null,
      ),
      attempt(
        'directives',
        src.directives && !isPublic
          ? () =>
              shared(memo, readKey.directives(root, today), () =>
                src.directives!.directiveResponses(db, { rootUnitId: root, today }),
              )
          : null,
      ),
      publishedP,
    ]);
    // Before the Sở publishes a year, the public page shows no DX figure at all (not even counts).
    const dx = published ? dxRead : null;

    // Roll the read models' per-unit figures up to this unit's children.
    const childIds = children.map((c) => c.id);
    const rollUpStarted = performance.now();
    const [reportsByChild, lateByChild] = await Promise.all([
      this.#rollUp(childIds, reports?.byChild ?? [], ['expected', 'submitted', 'onTime']),
      this.#rollUp(childIds, plans?.byUnit ?? [], ['late']),
    ]);
    timings.set('rollUp', ms(rollUpStarted));
    const dxByChild = new Map((dx?.byCommune ?? []).map((c) => [c.unitId, c]));

    const rows: DashboardChild[] = children.map((c) => {
      const r = reportsByChild.get(c.id);
      const d = dxByChild.get(c.id);
      return {
        unitId: c.id,
        name: c.name,
        typeCode: c.type_code,
        drillable: levelOfType(c.type_code) === 'commune',
        applications: apps ? (apps.get(c.id) ?? 0) : null,
        reportsExpected: reports ? (r?.expected ?? 0) : null,
        reportsSubmitted: reports ? (r?.submitted ?? 0) : null,
        reportsOnTime: reports ? (r?.onTime ?? 0) : null,
        lateTasks: plans ? (lateByChild.get(c.id)?.late ?? 0) : null,
        dxSchools: d ? d.schools : null,
        dxAssessed: d ? d.assessed : null,
        dxAvgTeaching: d?.avgTeaching ?? null,
        dxAvgGovernance: d?.avgGovernance ?? null,
      };
    });

    const shownRounds = (rounds ?? []).filter((x) => !isPublic || x.published);
    const levels = (l: Record<1 | 2 | 3, number> | undefined) =>
      l ? { l1: l[1] ?? 0, l2: l[2] ?? 0, l3: l[3] ?? 0 } : ZERO_LEVELS;
    return {
      unit: { id: unit.id, name: unit.name, typeCode: unit.type_code, level: unit.level },
      path,
      asOf: today,
      year,
      public: isPublic,
      admissions: {
        available: rounds !== null,
        rounds: shownRounds.map((x) => ({
          id: x.id,
          code: x.code,
          name: x.name,
          level: x.level,
          status: x.status,
          registerTo: x.registerTo,
          total: x.total,
          byState: Object.entries(x.byState).map(([state, n]) => ({ state, n })),
        })),
      },
      reports: {
        available: reports !== null,
        expected: reports?.expected ?? 0,
        submitted: reports?.submitted ?? 0,
        onTime: reports?.onTime ?? 0,
        approved: reports?.approved ?? 0,
      },
      kpis: { items: kpis.items },
      dx: {
        available: dx !== null,
        published,
        schools: dx?.schools ?? 0,
        assessed: dx?.assessed ?? 0,
        recognised: dx?.recognised ?? 0,
        teaching: levels(dx?.byLevel.teaching),
        governance: levels(dx?.byLevel.governance),
      },
      plans: { available: plans !== null, total: plans?.total ?? 0, open: plans?.open ?? 0, late: plans?.late ?? 0 },
      directives: {
        available: directives !== null,
        directives: directives?.directives ?? 0,
        expected: directives?.expected ?? 0,
        read: directives?.read ?? 0,
        answered: directives?.answered ?? 0,
        late: directives?.late ?? 0,
      },
      children: isPublic ? rows.map(publicChild) : rows,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
      sectionsMs: Object.fromEntries(timings),
    };
  }

  /** Sums the named counts of rows keyed by unit into this unit's children (the rows' units lie at or under them). */
  async #rollUp<K extends string>(
    childIds: readonly string[],
    rows: readonly ({ unitId: string } & Record<K, number>)[],
    keys: readonly K[],
  ): Promise<Map<string, Record<K, number>>> {
    const out = new Map<string, Record<K, number>>();
    if (rows.length === 0) return out;
    const owner = await childOf(
      this.#p.db,
      childIds,
      rows.map((r) => r.unitId),
    );
    for (const row of rows) {
      const child = owner.get(row.unitId);
      if (!child) continue;
      const acc = out.get(child) ?? (Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>);
      for (const k of keys) acc[k] += row[k] ?? 0;
      out.set(child, acc);
    }
    return out;
  }
}

/** The public tile view keeps DX figures only (counts over schools; nothing internal). */
function publicChild(c: DashboardChild): DashboardChild {
  return {
    ...c,
    applications: null,
    reportsExpected: null,
    reportsSubmitted: null,
    reportsOnTime: null,
    lateTasks: null,
  };
}
