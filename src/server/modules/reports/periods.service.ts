import { sql } from 'kysely';
import type { PeriodCreate, PeriodPatch, PeriodType, PeriodView } from '../../../shared/reports.schema.ts';
import { addDays, CAMPAIGN_KEY, periodBounds, periodLabel } from '../../../shared/reports.schema.ts';
import type { Scope } from '../../platform/access/access.ts';
import { canSteer, inScope, steeringScope } from '../../platform/access/steering-scope.ts';
import type { Actor } from '../../platform/actor.ts';
import { systemActor } from '../../platform/actor.ts';
import { dayOf } from '../../platform/calendar/calendar.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, found } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { findForm } from './forms.repository.ts';
import { rt } from './reports.tables.ts';
import { levelsAbove, SCHOOL_TYPES } from './unit-levels.ts';

/** Today in Vietnam ('yyyy-mm-dd'). */
export const today = (): string => dayOf(new Date());

export function periodStatus(p: { opens_on: string; closes_on: string }, day = today()): PeriodView['status'] {
  if (day < p.opens_on) return 'scheduled';
  if (day > p.closes_on) return 'closed';
  return 'open';
}

type PeriodRow = {
  id: string;
  form_id: string;
  period_key: string;
  starts_on: string;
  ends_on: string;
  opens_on: string;
  closes_on: string;
  materialised_at: Date | null;
};

export class PeriodsService {
  readonly #p: Platform;

  constructor(p: Platform) {
    this.#p = p;
  }

  async #requireDesign(actor: Actor, ownerUnitId: string): Promise<void> {
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    if (!(await canSteer(this.#p.db, actor, 'reports.design', ownerUnitId))) throw new AppError('access.denied');
  }

  /** A period with its counts: all units' (scope undefined), those inside `scope`, or none (null). */
  async present(exec: Executor, p: PeriodRow, periodType: string, scope?: Scope | null): Promise<PeriodView> {
    const within =
      scope === undefined
        ? sql<boolean>`true`
        : scope === null
          ? sql<boolean>`false`
          : inScope(scope, sql.ref('unit_id'));
    const c = await sql<{ expected: number; submitted: number; on_time: number; approved: number }>`
      SELECT count(*)::int AS expected,
        count(*) FILTER (WHERE status IN ('completed', 'approved'))::int AS submitted,
        count(*) FILTER (WHERE status IN ('completed', 'approved') AND on_time)::int AS on_time,
        count(*) FILTER (WHERE status = 'approved')::int AS approved
      FROM report_submissions WHERE period_id = ${p.id}::uuid AND ${within}`.execute(exec);
    const n = c.rows[0]!;
    return {
      id: p.id,
      formId: p.form_id,
      periodKey: p.period_key,
      label: periodLabel(periodType, p.period_key),
      periodLabel: periodLabel(periodType, p.period_key),
      periodType: periodType as PeriodType,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      opensOn: p.opens_on,
      closesOn: p.closes_on,
      status: periodStatus(p),
      materialised: p.materialised_at !== null,
      expected: n.expected,
      submitted: n.submitted,
      onTime: n.on_time,
      approved: n.approved,
    };
  }

  async list(actor: Actor, formId: string): Promise<{ items: PeriodView[] }> {
    const form = found(await findForm(this.#p.db, formId));
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    const ok =
      (await canSteer(this.#p.db, actor, 'reports.design', form.owner_unit_id)) ||
      (await canSteer(this.#p.db, actor, 'reports.read', form.owner_unit_id)) ||
      (await canSteer(this.#p.db, actor, 'reports.read', form.assign_root_id ?? form.owner_unit_id));
    const rows = await rt(this.#p.db)
      .selectFrom('report_periods')
      .selectAll()
      .where('form_id', '=', formId)
      .orderBy('ends_on', 'desc')
      .execute();
    if (!ok) {
      // Others who read or fill reports of the form inside their scope see its periods with the
      // counts of their scope only (a commune its schools', a school its own).
      let scope: Scope | null = null;
      try {
        scope = await steeringScope(this.#p.db, actor, 'reports.read');
      } catch {
        scope = null;
      }
      const grants = actor.kind === 'user' ? actor.grants.filter((g) => g.permissions.includes('reports.submit')) : [];
      const reach: Scope | null = scope ?? (grants.length ? { all: false, roots: grants.map((g) => g.unitId) } : null);
      const mine =
        reach !== null &&
        (
          await sql<{ ok: number }>`
          SELECT 1 AS ok FROM report_submissions s
          WHERE s.form_id = ${formId}::uuid AND ${inScope(reach, sql.ref('s.unit_id'))} LIMIT 1`.execute(this.#p.db)
        ).rows.length > 0;
      if (!mine) throw new AppError('access.denied');
      return { items: await Promise.all(rows.map((r) => this.present(this.#p.db, r, form.period_type, scope))) };
    }
    return { items: await Promise.all(rows.map((r) => this.present(this.#p.db, r, form.period_type))) };
  }

  async create(actor: Actor, formId: string, input: PeriodCreate): Promise<PeriodView> {
    const form = found(await findForm(this.#p.db, formId));
    await this.#requireDesign(actor, form.owner_unit_id);
    if (form.status !== 'published') throw new AppError('reports.invalid_transition');
    const type = form.period_type as PeriodType;
    let bounds = periodBounds(type, input.periodKey);
    if (type === 'campaign') {
      if (!CAMPAIGN_KEY.test(input.periodKey) || !input.startsOn || !input.endsOn)
        throw new AppError('reports.invalid_period', {
          details: [
            {
              path: 'body.periodKey',
              message: 'đợt khảo sát cần mã, ngày bắt đầu và kết thúc / a campaign needs a code, start and end',
            },
          ],
        });
      bounds = { startsOn: input.startsOn, endsOn: input.endsOn };
    }
    if (!bounds || bounds.endsOn < bounds.startsOn)
      throw new AppError('reports.invalid_period', {
        details: [
          {
            path: 'body.periodKey',
            message: `mã kỳ không đúng loại kỳ ${type} / the key does not fit the period type`,
          },
        ],
      });
    const opensOn = input.opensOn ?? addDays(bounds.endsOn, -form.opens_days_before_end);
    const closesOn = input.closesOn ?? addDays(bounds.endsOn, form.closes_days_after_end);
    if (closesOn < opensOn)
      throw new AppError('reports.invalid_period', {
        details: [{ path: 'body.closesOn', message: 'ngày đóng trước ngày mở / closes before it opens' }],
      });
    try {
      return await this.#p.db.transaction().execute(async (trx) => {
        const row = await rt(trx)
          .insertInto('report_periods')
          .values({
            form_id: formId,
            period_key: input.periodKey,
            starts_on: bounds.startsOn,
            ends_on: bounds.endsOn,
            opens_on: opensOn,
            closes_on: closesOn,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await this.#p.audit.record(trx, actor, {
          action: 'reports.period.create',
          entityType: 'report_period',
          entityId: row.id,
          unitId: form.owner_unit_id,
          after: { form: form.code, periodKey: input.periodKey, opensOn, closesOn },
        });
        const done = opensOn <= today() ? await this.materialise(trx, row.id) : row;
        return this.present(trx, done, form.period_type);
      });
    } catch (e) {
      if ((e as { code?: string }).code === '23505')
        throw new AppError('reports.invalid_period', {
          details: [{ path: 'body.periodKey', message: 'kỳ này đã có / this period already exists' }],
        });
      throw e;
    }
  }

  async update(actor: Actor, periodId: string, input: PeriodPatch): Promise<PeriodView> {
    const period = found(
      await rt(this.#p.db).selectFrom('report_periods').selectAll().where('id', '=', periodId).executeTakeFirst(),
    );
    const form = found(await findForm(this.#p.db, period.form_id));
    await this.#requireDesign(actor, form.owner_unit_id);
    const opensOn = input.opensOn ?? period.opens_on;
    const closesOn = input.closesOn ?? period.closes_on;
    if (closesOn < opensOn)
      throw new AppError('reports.invalid_period', {
        details: [{ path: 'body.closesOn', message: 'ngày đóng trước ngày mở / closes before it opens' }],
      });
    if (
      period.materialised_at !== null &&
      input.opensOn &&
      input.opensOn !== period.opens_on &&
      input.opensOn > today()
    )
      throw new AppError('reports.invalid_period', {
        details: [{ path: 'body.opensOn', message: 'kỳ đã mở / the period is already open' }],
      });
    return this.#p.db.transaction().execute(async (trx) => {
      const row = await rt(trx)
        .updateTable('report_periods')
        .set({ opens_on: opensOn, closes_on: closesOn })
        .where('id', '=', periodId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.#p.audit.record(trx, actor, {
        action: 'reports.period.update',
        entityType: 'report_period',
        entityId: periodId,
        unitId: form.owner_unit_id,
        before: { opensOn: period.opens_on, closesOn: period.closes_on },
        after: { opensOn, closesOn },
      });
      const done = opensOn <= today() && row.materialised_at === null ? await this.materialise(trx, periodId) : row;
      return this.present(trx, done, form.period_type);
    });
  }

  /**
   * Fixes the expected units of a period (those that exist on the day it opens and match the
   * assignment), one submission row each with its level above. Idempotent.
   */
  async materialise(trx: Executor, periodId: string): Promise<PeriodRow> {
    const period = found(
      await rt(trx).selectFrom('report_periods').selectAll().where('id', '=', periodId).forUpdate().executeTakeFirst(),
    );
    if (period.materialised_at !== null) return period;
    const form = found(await findForm(trx, period.form_id));
    const types = form.assign_unit_types.length ? form.assign_unit_types : [...SCHOOL_TYPES];
    const day = period.opens_on;
    const units = await sql<{ id: string }>`
      SELECT u.id FROM org_units u
      JOIN org_unit_closure c ON c.descendant_id = u.id AND c.ancestor_id = ${form.assign_root_id ?? form.owner_unit_id}::uuid
      LEFT JOIN schools s ON s.unit_id = u.id
      WHERE u.type_code = ANY(${types}::text[])
        AND (u.valid_from IS NULL OR u.valid_from <= ${day}::date)
        AND (u.valid_to IS NULL OR u.valid_to >= ${day}::date)
        AND (cardinality(${form.assign_school_levels}::text[]) = 0 OR s.levels && ${form.assign_school_levels}::text[])
        AND (cardinality(${form.assign_unit_ids}::uuid[]) = 0 OR u.id = ANY(${form.assign_unit_ids}::uuid[]))`.execute(
      trx,
    );
    const ids = units.rows.map((r) => r.id);
    const above = await levelsAbove(trx, ids);
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      await rt(trx)
        .insertInto('report_submissions')
        .values(
          chunk.map((id) => ({
            period_id: periodId,
            form_id: form.id,
            period_key: period.period_key,
            unit_id: id,
            approver_unit_id: above.get(id) ?? null,
          })),
        )
        .onConflict((oc) => oc.columns(['period_id', 'unit_id']).doNothing())
        .execute();
    }
    const row = await rt(trx)
      .updateTable('report_periods')
      .set({ materialised_at: sql`now()` })
      .where('id', '=', periodId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.#p.audit.record(trx, systemActor('reports.open'), {
      action: 'reports.period.open',
      entityType: 'report_period',
      entityId: periodId,
      unitId: form.owner_unit_id,
      after: { form: form.code, periodKey: period.period_key, expected: ids.length },
    });
    return row;
  }

  /** The daily job's first half: periods of published forms whose opening day has come. */
  async openDue(day = today()): Promise<number> {
    const due = await sql<{ id: string }>`
      SELECT p.id FROM report_periods p JOIN report_forms f ON f.id = p.form_id
      WHERE p.materialised_at IS NULL AND p.opens_on <= ${day}::date AND f.status = 'published'`.execute(this.#p.db);
    for (const { id } of due.rows)
      await this.#p.db.transaction().execute((trx) => this.materialise(trx, id).then(() => undefined));
    return due.rows.length;
  }

  /** Marks periods past their closing day as locked (writes are refused by date on every write anyway). */
  async lockDue(day = today()): Promise<number> {
    return this.#p.db.transaction().execute(async (trx) => {
      const rows = await rt(trx)
        .updateTable('report_periods')
        .set({ locked_at: sql`now()` })
        .where('locked_at', 'is', null)
        .where('closes_on', '<', day)
        .returning(['id', 'period_key', 'form_id'])
        .execute();
      for (const r of rows)
        await this.#p.audit.record(trx, systemActor('reports.lock'), {
          action: 'reports.period.lock',
          entityType: 'report_period',
          entityId: r.id,
          after: { periodKey: r.period_key },
        });
      return rows.length;
    });
  }
}
