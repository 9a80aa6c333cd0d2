import type { ErrorDetail } from '../../../shared/errors.ts';
import type {
  FundingSource,
  PlanDetail,
  PlanInput,
  PlanPage,
  PlanPatch,
  PlanQuery,
  PlanSummary,
} from '../../../shared/plans.schema.ts';
import { PLAN_CODE } from '../../../shared/plans.schema.ts';
import { canSteer } from '../../platform/access/steering-scope.ts';
import type { Actor } from '../../platform/actor.ts';
import { dayOf } from '../../platform/calendar/calendar.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { OrgService } from '../org/org.service.ts';
import { presentTask, presentTotals } from './plans.presenter.ts';
import * as repo from './plans.repository.ts';

export const notFound = () => new AppError('resource.not_found');
export const invalid = (details: ErrorDetail[]) => new AppError('plans.invalid', { details });
/** "vi / en" message of a field-level problem. */
export const msg = (vi: string, en: string) => `${vi} / ${en}`;

/** Today in Vietnam (Asia/Ho_Chi_Minh). */
export function todayVn(): string {
  return dayOf(new Date());
}

/**
 * Plans (kế hoạch) of a unit: reading for anyone holding plans.report or plans.manage, writing
 * for plans.manage on the issuing unit (steering scope: a grant on the Sở or a division covers
 * the province). Every change audited in its transaction.
 */
export class PlansService {
  readonly #p: Platform;
  readonly #org: OrgService;

  constructor(p: Platform) {
    this.#p = p;
    this.#org = new OrgService(p);
  }

  get platform(): Platform {
    return this.#p;
  }

  /** Throws unless the actor takes part in steering plans (plans.report or plans.manage somewhere). */
  requireReader(actor: Actor): void {
    if (actor.kind === 'system') return;
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    const ok = actor.grants.some(
      (g) => g.permissions.includes('plans.report') || g.permissions.includes('plans.manage'),
    );
    if (!ok) throw new AppError('access.denied');
  }

  /** Drafts are shown to those who write plans (plans.manage somewhere), not to the units reporting. */
  #writesSomewhere(actor: Actor): boolean {
    return (
      actor.kind === 'system' ||
      (actor.kind === 'user' && actor.grants.some((g) => g.permissions.includes('plans.manage')))
    );
  }

  canManage(actor: Actor, issuingUnitId: string): Promise<boolean> {
    return canSteer(this.#p.db, actor, 'plans.manage', issuingUnitId);
  }

  async requireManage(actor: Actor, issuingUnitId: string): Promise<void> {
    if (!(await this.canManage(actor, issuingUnitId)))
      throw new AppError(actor.kind === 'anonymous' ? 'auth.required' : 'access.denied');
  }

  async sources(actor: Actor): Promise<FundingSource[]> {
    this.requireReader(actor);
    return (await repo.listSources(this.#p.db)).map((s) => ({
      code: s.code,
      shortLabel: s.short_label,
      nameVi: s.name_vi,
      nameEn: s.name_en,
    }));
  }

  /** Units for the lead/coordinating pickers of the task form. */
  async units(actor: Actor, q: string) {
    this.requireReader(actor);
    return q.trim().length < 2 ? [] : repo.findUnits(this.#p.db, q.trim());
  }

  async search(actor: Actor, q: PlanQuery): Promise<PlanPage> {
    this.requireReader(actor);
    const { rows, total } = await repo.searchPlans(this.#p.db, q, todayVn(), this.#writesSomewhere(actor));
    return {
      items: rows.map((r) => presentPlan(r, Number(r.task_count), Number(r.late_count))),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async get(actor: Actor, id: string): Promise<PlanDetail> {
    this.requireReader(actor);
    const plan = await repo.findPlan(this.#p.db, id);
    if (!plan) throw notFound();
    const today = todayVn();
    const [sections, tasks, totals, sources, canManage] = await Promise.all([
      repo.listSections(this.#p.db, id),
      repo.planTasks(this.#p.db, id, today),
      repo.totals(this.#p.db, id),
      repo.listSources(this.#p.db),
      this.canManage(actor, plan.issuing_unit_id),
    ]);
    if (plan.status === 'draft' && !canManage) throw notFound();
    return {
      ...presentPlan(plan, tasks.length, tasks.filter((t) => t.late).length),
      legalBases: (plan.legal_bases as PlanDetail['legalBases']) ?? [],
      summary: plan.summary,
      sections: sections.map((s) => ({ id: s.id, parentId: s.parent_id, code: s.code, title: s.title })),
      tasks: tasks.map(presentTask),
      totals: presentTotals(totals, sources),
      canManage,
      version: plan.version,
    };
  }

  async create(actor: Actor, input: PlanInput): Promise<PlanDetail> {
    await this.requireManage(actor, input.issuingUnitId);
    checkPlan(input);
    const unitName = await this.#nameAt(
      input.issuingUnitId,
      input.issuedOn ?? `${input.yearFrom}-01-01`,
      'body.issuingUnitId',
    );
    const id = await this.#p.db.transaction().execute(async (trx) => {
      const { id } = await repo.insertPlan(trx, {
        number: input.number,
        issued_on: input.issuedOn,
        issuing_unit_id: input.issuingUnitId,
        issuing_unit_name: unitName,
        title: input.title,
        year_from: input.yearFrom,
        year_to: input.yearTo,
        status: input.status,
        legal_bases: JSON.stringify(input.legalBases),
        summary: input.summary,
        created_by: actor.kind === 'user' ? actor.userId : null,
      });
      await repo.replaceSections(trx, id, input.sections);
      await this.#p.audit.record(trx, actor, {
        action: 'plans.plan.create',
        entityType: 'plan',
        entityId: id,
        unitId: input.issuingUnitId,
        after: { ...input },
      });
      return id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, patch: PlanPatch): Promise<PlanDetail> {
    const plan = await repo.findPlan(this.#p.db, id);
    if (!plan) throw notFound();
    await this.requireManage(actor, plan.issuing_unit_id);
    const { expectedVersion, sections, ...f } = patch;
    const merged = {
      yearFrom: f.yearFrom ?? plan.year_from,
      yearTo: f.yearTo ?? plan.year_to,
      sections: sections ?? [],
    };
    checkPlan(merged);
    if (f.issuingUnitId) await this.requireManage(actor, f.issuingUnitId);
    const set: Partial<repo.PlanInsert> = {};
    if (f.number !== undefined) set.number = f.number;
    if (f.issuedOn !== undefined) set.issued_on = f.issuedOn;
    if (f.title !== undefined) set.title = f.title;
    if (f.yearFrom !== undefined) set.year_from = f.yearFrom;
    if (f.yearTo !== undefined) set.year_to = f.yearTo;
    if (f.status !== undefined) set.status = f.status;
    if (f.legalBases !== undefined) set.legal_bases = JSON.stringify(f.legalBases);
    if (f.summary !== undefined) set.summary = f.summary;
    if (f.issuingUnitId !== undefined || f.issuedOn !== undefined) {
      const unitId = f.issuingUnitId ?? plan.issuing_unit_id;
      set.issuing_unit_id = unitId;
      set.issuing_unit_name = await this.#nameAt(
        unitId,
        (f.issuedOn === undefined ? plan.issued_on : f.issuedOn) ?? `${merged.yearFrom}-01-01`,
        'body.issuingUnitId',
      );
    }
    await this.#p.db.transaction().execute(async (trx) => {
      if (!(await repo.updatePlan(trx, id, expectedVersion, set))) throw new AppError('resource.stale');
      if (sections) await repo.replaceSections(trx, id, sections);
      await this.#p.audit.record(trx, actor, {
        action: 'plans.plan.update',
        entityType: 'plan',
        entityId: id,
        unitId: plan.issuing_unit_id,
        before: pick(plan, Object.keys(set)),
        after: { ...set, ...(sections ? { sections } : {}) },
      });
    });
    return this.get(actor, id);
  }

  async #nameAt(unitId: string, day: string, path: string): Promise<string> {
    try {
      return await this.#org.nameAt(unitId, day);
    } catch {
      throw invalid([{ path, message: msg('không có đơn vị này', 'no such unit') }]);
    }
  }

  /** A unit's name on a day (its former name when it was renamed since). */
  nameAt(unitId: string, day: string, path: string): Promise<string> {
    return this.#nameAt(unitId, day, path);
  }
}

function checkPlan(p: { yearFrom: number; yearTo: number; sections: { code: string }[] }): void {
  const details: ErrorDetail[] = [];
  if (p.yearTo < p.yearFrom)
    details.push({
      path: 'body.yearTo',
      message: msg('năm kết thúc trước năm bắt đầu', 'the end year precedes the start year'),
    });
  const seen = new Set<string>();
  p.sections.forEach((s, i) => {
    if (!PLAN_CODE.test(s.code))
      details.push({ path: `body.sections.${i}.code`, message: msg('mã mục không hợp lệ', 'invalid section code') });
    if (seen.has(s.code))
      details.push({ path: `body.sections.${i}.code`, message: msg('mã mục bị trùng', 'duplicate section code') });
    seen.add(s.code);
  });
  if (details.length) throw invalid(details);
}

function presentPlan(r: repo.PlanRow, taskCount: number, lateCount: number): PlanSummary {
  return {
    id: r.id,
    number: r.number,
    issuedOn: r.issued_on,
    issuingUnitId: r.issuing_unit_id,
    issuingUnitName: r.issuing_unit_name,
    title: r.title,
    yearFrom: r.year_from,
    yearTo: r.year_to,
    status: r.status,
    taskCount,
    lateCount,
  };
}

export function pick(row: object, keys: string[]): Record<string, unknown> {
  const r = row as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, r[k]]));
}
