import type { Db } from '../../platform/db/database.ts';
import { type Expr, evaluate, inputsOf, parseFormula } from './formula.ts';
import {
  type InputContext,
  type InputValue,
  MISSING_CHILD,
  type ReadMemo,
  resolveInput,
  resolveReportByChild,
  shared,
} from './kpi-inputs.ts';
import type { IndicatorRow } from './kpis.repository.ts';
import { manualActuals, manualActualsOfUnit } from './kpis.repository.ts';
import { steeringSources } from './steering-sources.ts';

/**
 * Actuals of indicators, computed on demand. Why not a yearly snapshot: the figures behind a
 * KPI (reports of the current period, admissions, DX results) move all year, and a leader
 * looks at "where we are now"; the read models answer in milliseconds, so a computed actual
 * cached for CACHE_MS per node is both fresh and cheap. Past years are computed the same way
 * from the data kept for them (reports and DX results are per period/year). Manual actuals are
 * stored rows and read directly (no cache), so an entered value shows at once.
 */

export interface Actual {
  value: number | null;
  /** Inputs no module could give ("not available"). */
  missing: string[];
  sourceNote: string | null;
}

export interface ActualUnit {
  id: string;
  /** The province root: read models take null for it. */
  isProvince: boolean;
}

const CACHE_MS = 60_000;
const CONCURRENCY = 4;

/** Runs `fn` over `items` with at most `limit` at a time, keeping the order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export class KpiActuals {
  readonly #db: Db;
  readonly #cache = new Map<string, { at: number; value: Promise<Actual> }>();
  readonly #parsed = new Map<string, Expr>();

  constructor(db: Db) {
    this.#db = db;
  }

  /** Drops every cached actual (after an indicator's definition changes). */
  clear(): void {
    this.#cache.clear();
  }

  #expr(ind: IndicatorRow): Expr {
    const key = `${ind.id}:${ind.version}`;
    let e = this.#parsed.get(key);
    if (!e) {
      e = parseFormula(ind.formula ?? '0');
      this.#parsed.set(key, e);
    }
    return e;
  }

  /** Actuals of one indicator for several units, one year. */
  async ofUnits(
    ind: IndicatorRow,
    units: readonly ActualUnit[],
    year: number,
    memo?: ReadMemo,
  ): Promise<Map<string, Actual>> {
    const out = new Map<string, Actual>();
    if (ind.kind === 'manual') {
      const rows = await manualActuals(
        this.#db,
        ind.id,
        units.map((u) => u.id),
        [year],
      );
      for (const u of units) {
        const m = rows.get(`${u.id}:${year}`);
        out.set(u.id, { value: m?.value ?? null, missing: [], sourceNote: m?.note ?? null });
      }
      return out;
    }
    const values = await mapLimit(units, CONCURRENCY, (u) => this.#formulaActual(ind, u, year, memo));
    for (const [i, u] of units.entries()) out.set(u.id, values[i]!);
    return out;
  }

  /**
   * Actuals of one indicator for the children of a unit (the drill-down): report inputs are read
   * once for all children from the reports read model's per-child figures, other inputs per child.
   */
  async ofChildren(
    ind: IndicatorRow,
    parent: ActualUnit,
    children: readonly ActualUnit[],
    year: number,
    memo: ReadMemo = new Map(),
  ): Promise<Map<string, Actual>> {
    if (ind.kind === 'manual' || children.length === 0) return this.ofUnits(ind, children, year, memo);
    const expr = this.#expr(ind);
    const names = inputsOf(expr);
    const sources = await steeringSources();
    const ctx = (u: ActualUnit): InputContext => ({
      db: this.#db,
      year,
      rootUnitId: u.isProvince ? null : u.id,
      unitId: u.id,
      reportPeriod: ind.report_period,
      sources,
      memo,
    });
    const batched = new Map<string, Map<string, InputValue>>();
    await Promise.all(
      names.map(async (n) => {
        const m = await resolveReportByChild(n, ctx(parent));
        if (m) batched.set(n, m);
      }),
    );
    const perChild = names.filter((n) => !batched.has(n));
    const values = await mapLimit(children, CONCURRENCY, async (child) => {
      const own = await Promise.all(perChild.map((n) => resolveInput(n, ctx(child))));
      const got = new Map<string, InputValue>(perChild.map((n, i) => [n, own[i]!]));
      for (const [n, m] of batched)
        got.set(n, m.get(child.id) ?? m.get(MISSING_CHILD) ?? { value: null, available: false });
      const inputs = new Map(names.map((n) => [n, got.get(n)!.value]));
      const missing = names.filter((n) => !got.get(n)!.available);
      const actual: Actual = { value: evaluate(expr, inputs), missing, sourceNote: null };
      this.#cache.set(`${ind.id}:${ind.version}:${child.id}:${year}`, {
        at: Date.now(),
        value: Promise.resolve(actual),
      });
      return actual;
    });
    const out = new Map<string, Actual>();
    for (const [i, c] of children.entries()) out.set(c.id, values[i]!);
    return out;
  }

  /**
   * Actuals of one indicator for one unit over several years (the trend). `memo` shares the
   * read-model calls of one request between indicators (KpisService.cards, the dashboards).
   */
  async ofYears(
    ind: IndicatorRow,
    unit: ActualUnit,
    years: readonly number[],
    memo?: ReadMemo,
  ): Promise<Map<number, Actual>> {
    const out = new Map<number, Actual>();
    if (ind.kind === 'manual') {
      // Read fresh on every request (no cache), once per request for all the unit's indicators.
      const rows = await shared(memo, `manual|${unit.id}|${years.join(',')}`, () =>
        manualActualsOfUnit(this.#db, unit.id, years),
      );
      for (const y of years) {
        const m = rows.get(`${ind.id}:${y}`);
        out.set(y, { value: m?.value ?? null, missing: [], sourceNote: m?.note ?? null });
      }
      return out;
    }
    const values = await mapLimit(years, CONCURRENCY, (y) => this.#formulaActual(ind, unit, y, memo));
    for (const [i, y] of years.entries()) out.set(y, values[i]!);
    return out;
  }

  #formulaActual(ind: IndicatorRow, unit: ActualUnit, year: number, memo: ReadMemo | undefined): Promise<Actual> {
    const key = `${ind.id}:${ind.version}:${unit.id}:${year}`;
    const hit = this.#cache.get(key);
    const now = Date.now();
    if (hit && now - hit.at < CACHE_MS) return hit.value;
    const value = this.#compute(ind, unit, year, memo);
    this.#cache.set(key, { at: now, value });
    value.catch(() => this.#cache.delete(key));
    if (this.#cache.size > 20_000) this.#cache.clear();
    return value;
  }

  async #compute(ind: IndicatorRow, unit: ActualUnit, year: number, memo: ReadMemo | undefined): Promise<Actual> {
    const expr = this.#expr(ind);
    const ctx: InputContext = {
      db: this.#db,
      year,
      rootUnitId: unit.isProvince ? null : unit.id,
      unitId: unit.id,
      reportPeriod: ind.report_period,
      sources: await steeringSources(),
      memo,
    };
    const names = inputsOf(expr);
    const values: InputValue[] = await Promise.all(names.map((n) => resolveInput(n, ctx)));
    const inputs = new Map(names.map((n, i) => [n, values[i]!.value]));
    const missing = names.filter((_, i) => !values[i]!.available);
    return { value: evaluate(expr, inputs), missing, sourceNote: null };
  }
}
