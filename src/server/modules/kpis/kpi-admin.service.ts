import type {
  Indicator,
  IndicatorInput,
  IndicatorPatch,
  ManualActualInput,
  TargetInput,
} from '../../../shared/kpis.schema.ts';
import { canSteer, requireSteer } from '../../platform/access/steering-scope.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { FormulaError, inputsOf, parseFormula } from './formula.ts';
import type { KpiActuals } from './kpi-actuals.ts';
import { isKnownInput } from './kpi-inputs.ts';
import type { IndicatorValues } from './kpis.repository.ts';
import * as repo from './kpis.repository.ts';
import { presentIndicator } from './kpis.service.ts';
import { findProvinceRoot, findUnit } from './steering-units.ts';

/**
 * Defining KPIs (kpis.manage on the province: the Sở's leaders and staff), setting targets
 * (kpis.manage on the target's unit) and entering manual actuals (kpis.manage, or
 * reports.submit on the unit itself: a school reports its own figure with its source).
 */
export class KpiAdminService {
  readonly #p: Platform;
  readonly #actuals: KpiActuals;

  constructor(p: Platform, actuals: KpiActuals) {
    this.#p = p;
    this.#actuals = actuals;
  }

  async create(actor: Actor, input: IndicatorInput): Promise<Indicator> {
    if (actor.kind !== 'user') throw new AppError('auth.required');
    const province = await findProvinceRoot(this.#p.db);
    await requireSteer(this.#p.db, actor, 'kpis.manage', province.id);
    const values = checked(input);
    return this.#p.db.transaction().execute(async (trx) => {
      const row = await repo.insertIndicator(trx, input.code, values);
      if (!row)
        throw new AppError('resource.conflict', {
          details: [{ path: 'body.code', message: 'mã đã dùng / code already in use' }],
        });
      const after = presentIndicator(row);
      await this.#p.audit.record(trx, actor, {
        action: 'kpis.indicator.create',
        entityType: 'kpi_indicator',
        entityId: row.id,
        unitId: province.id,
        after,
      });
      return after;
    });
  }

  async update(actor: Actor, code: string, patch: IndicatorPatch): Promise<Indicator> {
    if (actor.kind !== 'user') throw new AppError('auth.required');
    const province = await findProvinceRoot(this.#p.db);
    await requireSteer(this.#p.db, actor, 'kpis.manage', province.id);
    const values = checked(patch);
    const out = await this.#p.db.transaction().execute(async (trx) => {
      const before = await repo.findIndicatorForUpdate(trx, code);
      if (!before) throw new AppError('resource.not_found');
      if (before.version !== patch.version) throw new AppError('resource.stale');
      const row = await repo.updateIndicator(trx, before.id, values);
      const after = presentIndicator(row);
      await this.#p.audit.record(trx, actor, {
        action: 'kpis.indicator.update',
        entityType: 'kpi_indicator',
        entityId: row.id,
        unitId: province.id,
        before: presentIndicator(before),
        after,
      });
      return after;
    });
    this.#actuals.clear();
    return out;
  }

  async setTarget(actor: Actor, code: string, input: TargetInput): Promise<void> {
    if (actor.kind !== 'user') throw new AppError('auth.required');
    const ind = await repo.findIndicator(this.#p.db, code);
    if (!ind) throw new AppError('resource.not_found');
    await this.#unitExists(input.unitId);
    await requireSteer(this.#p.db, actor, 'kpis.manage', input.unitId);
    await this.#p.db.transaction().execute(async (trx) => {
      const before = await repo.findTarget(trx, ind.id, input.year, input.unitId);
      await repo.upsertTarget(trx, { indicatorId: ind.id, ...input, by: actor.userId });
      await this.#p.audit.record(trx, actor, {
        action: 'kpis.target.set',
        entityType: 'kpi_target',
        entityId: ind.id,
        unitId: input.unitId,
        before: before ? { target: Number(before.target), note: before.note } : null,
        after: { code, year: input.year, target: input.target, note: input.note },
      });
    });
  }

  async deleteTarget(actor: Actor, code: string, year: number, unitId: string): Promise<void> {
    if (actor.kind !== 'user') throw new AppError('auth.required');
    const ind = await repo.findIndicator(this.#p.db, code);
    if (!ind) throw new AppError('resource.not_found');
    await requireSteer(this.#p.db, actor, 'kpis.manage', unitId);
    await this.#p.db.transaction().execute(async (trx) => {
      const before = await repo.findTarget(trx, ind.id, year, unitId);
      if (!before) throw new AppError('resource.not_found');
      await repo.deleteTarget(trx, ind.id, year, unitId);
      await this.#p.audit.record(trx, actor, {
        action: 'kpis.target.delete',
        entityType: 'kpi_target',
        entityId: ind.id,
        unitId,
        before: { code, year, target: Number(before.target), note: before.note },
      });
    });
  }

  async enterActual(actor: Actor, code: string, input: ManualActualInput): Promise<void> {
    if (actor.kind !== 'user') throw new AppError('auth.required');
    const ind = await repo.findIndicator(this.#p.db, code);
    if (!ind) throw new AppError('resource.not_found');
    await this.#unitExists(input.unitId);
    const may =
      (await canSteer(this.#p.db, actor, 'kpis.manage', input.unitId)) ||
      (await canSteer(this.#p.db, actor, 'reports.submit', input.unitId));
    if (!may) throw new AppError('access.denied');
    if (ind.kind !== 'manual')
      throw new AppError('request.invalid', {
        details: [
          {
            path: 'body.value',
            message: 'chỉ số này được tính tự động / this indicator is computed, not entered',
          },
        ],
      });
    await this.#p.db.transaction().execute(async (trx) => {
      const before = await repo.findManualActual(trx, ind.id, input.year, input.unitId);
      await repo.upsertManualActual(trx, {
        indicatorId: ind.id,
        year: input.year,
        unitId: input.unitId,
        value: input.value,
        note: input.sourceNote,
        by: actor.userId,
      });
      await this.#p.audit.record(trx, actor, {
        action: 'kpis.actual.set',
        entityType: 'kpi_actual',
        entityId: ind.id,
        unitId: input.unitId,
        before: before ? { value: Number(before.value), sourceNote: before.source_note } : null,
        after: { code, year: input.year, value: input.value, sourceNote: input.sourceNote },
      });
    });
  }

  async #unitExists(unitId: string): Promise<void> {
    if (!(await findUnit(this.#p.db, unitId)))
      throw new AppError('request.invalid', {
        details: [{ path: 'body.unitId', message: 'không có đơn vị này / no such unit' }],
      });
  }
}

/** The stored values of an indicator, its formula checked (parses; every input is known). */
function checked(input: Omit<IndicatorInput, 'code'>): IndicatorValues {
  let formula: string | null = null;
  if (input.kind === 'formula') {
    const src = input.formula?.normalize('NFC').trim() ?? '';
    try {
      const unknown = inputsOf(parseFormula(src)).filter((n) => !isKnownInput(n));
      if (unknown.length > 0)
        throw new AppError('request.invalid', {
          details: [
            {
              path: 'body.formula',
              message: `không có dữ liệu đầu vào ${unknown.join(', ')} / unknown input ${unknown.join(', ')}`,
            },
          ],
        });
    } catch (e) {
      if (e instanceof FormulaError)
        throw new AppError('request.invalid', {
          details: [{ path: 'body.formula', message: `${e.vi} / ${e.message}` }],
        });
      throw e;
    }
    formula = src;
  }
  return {
    name_vi: input.nameVi,
    name_en: input.nameEn,
    source_ref: input.sourceRef || null,
    unit: input.unit,
    direction: input.direction,
    kind: input.kind,
    formula,
    report_period: input.reportPeriod,
    level: input.level,
    is_public: input.isPublic,
    sort_order: input.sortOrder,
  };
}
