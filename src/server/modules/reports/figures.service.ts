import type { AggregateQuery, AggregateView, CompletenessView, FiguresQuery } from '../../../shared/reports.schema.ts';
import { NUMERIC_FIELD_TYPES } from '../../../shared/reports.schema.ts';
import type { Scope } from '../../platform/access/access.ts';
import { canSteer, scopeCovers, steeringScope } from '../../platform/access/steering-scope.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, found } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { findFields, findForm } from './forms.repository.ts';
import { aggregateByIds, completeness } from './reports.read-model.ts';
import { rt } from './reports.tables.ts';

/** Completeness and aggregates of one period for readers (reports.read; the form's designers). */
export class FiguresService {
  readonly #p: Platform;

  constructor(p: Platform) {
    this.#p = p;
  }

  /** The root to show: the one asked for (inside the caller's scope) or the caller's own. */
  async root(actor: Actor, ownerUnitId: string, asked: string | undefined): Promise<string | null> {
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    let scope: Scope | null = null;
    try {
      scope = await steeringScope(this.#p.db, actor, 'reports.read');
    } catch {
      if (await canSteer(this.#p.db, actor, 'reports.design', ownerUnitId))
        scope = await steeringScope(this.#p.db, actor, 'reports.design');
    }
    if (!scope) throw new AppError('access.denied');
    if (asked) {
      if (!(await scopeCovers(this.#p.db, scope, asked))) throw new AppError('access.denied');
      return asked;
    }
    return scope.all ? null : (scope.roots[0] ?? null);
  }

  async #period(periodId: string) {
    const period = found(
      await rt(this.#p.db).selectFrom('report_periods').selectAll().where('id', '=', periodId).executeTakeFirst(),
    );
    const form = found(await findForm(this.#p.db, period.form_id));
    return { period, form };
  }

  async completeness(actor: Actor, periodId: string, q: FiguresQuery): Promise<CompletenessView> {
    const { period, form } = await this.#period(periodId);
    const root = await this.root(actor, form.owner_unit_id, q.rootUnitId);
    const c = await completeness(this.#p.db, { formId: form.id, periodKey: period.period_key, rootUnitId: root });
    return {
      rootUnitId: root,
      ...c,
      rate: c.expected ? c.submitted / c.expected : null,
      onTimeRate: c.expected ? c.onTime / c.expected : null,
    };
  }

  async aggregate(actor: Actor, periodId: string, q: AggregateQuery): Promise<AggregateView> {
    const { period, form } = await this.#period(periodId);
    const root = await this.root(actor, form.owner_unit_id, q.rootUnitId);
    const fields = (await findFields(this.#p.db, form.id)).filter(
      (f) => NUMERIC_FIELD_TYPES.includes(f.type as never) && (!q.fieldCode || f.code === q.fieldCode),
    );
    if (q.fieldCode && fields.length === 0) throw new AppError('resource.not_found');
    const out: AggregateView['fields'] = [];
    for (const f of fields) {
      const a = await aggregateByIds(this.#p.db, {
        fieldId: f.id,
        aggregation: f.aggregation,
        periodId: period.id,
        rootUnitId: root,
        approvedOnly: q.approvedOnly,
      });
      out.push({ fieldCode: f.code, label: f.label, aggregation: f.aggregation as never, ...a });
    }
    return { rootUnitId: root, approvedOnly: q.approvedOnly, fields: out };
  }
}
