import { sql } from 'kysely';
import type { ErrorDetail } from '../../../shared/errors.ts';
import type { MyTaskPage, ReportInput, TaskDetail, TaskInput, TaskPatch } from '../../../shared/plans.schema.ts';
import { canSteer } from '../../platform/access/steering-scope.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { ServedFile } from '../../platform/files/send-stored-file.ts';
import { presentTask } from './plans.presenter.ts';
import * as repo from './plans.repository.ts';
import { invalid, msg, notFound, type PlansService, pick, todayVn } from './plans.service.ts';
import * as progress from './progress.repository.ts';

type Plan = NonNullable<Awaited<ReturnType<typeof repo.findPlan>>>;

/** What a task row is written from, resolved and checked. */
export interface ResolvedTask {
  columns: Omit<repo.TaskColumns, 'position'>;
  coordinators: { unitId: string | null; name: string }[];
  budgets: { year: number; sourceCode: string; amount: number }[];
}

/**
 * Tasks of a plan (plans.manage on the issuing unit) and their progress, reported by the units
 * assigned (plans.report covering the lead or a coordinating unit); every report is kept.
 */
export class TasksService {
  readonly #plans: PlansService;

  constructor(plans: PlansService) {
    this.#plans = plans;
  }

  get #db() {
    return this.#plans.platform.db;
  }

  async #plan(id: string): Promise<Plan> {
    const plan = await repo.findPlan(this.#db, id);
    if (!plan) throw notFound();
    return plan;
  }

  /** Resolves unit names (as on the plan's date), sections, parent and sources; throws plans.invalid with the fields. */
  async resolve(
    exec: Executor,
    plan: Plan,
    input: TaskInput,
    selfId: string | null,
    prefix = 'body',
  ): Promise<ResolvedTask> {
    const details: ErrorDetail[] = [];
    const day = plan.issued_on ?? `${plan.year_from}-01-01`;
    const name = async (unitId: string, path: string) => {
      try {
        return await this.#plans.nameAt(unitId, day, path);
      } catch {
        details.push({ path, message: msg('không có đơn vị này', 'no such unit') });
        return '';
      }
    };
    let leadName = input.leadName ?? '';
    if (input.leadUnitId) leadName = await name(input.leadUnitId, `${prefix}.leadUnitId`);
    else if (!leadName)
      details.push({ path: `${prefix}.leadName`, message: msg('cần đơn vị chủ trì', 'a lead unit is required') });
    const coordinators: ResolvedTask['coordinators'] = [];
    for (const [i, c] of input.coordinators.entries()) {
      if (c.unitId)
        coordinators.push({ unitId: c.unitId, name: await name(c.unitId, `${prefix}.coordinators.${i}.unitId`) });
      else if (c.name) coordinators.push({ unitId: null, name: c.name });
      else
        details.push({
          path: `${prefix}.coordinators.${i}.name`,
          message: msg('cần tên đơn vị', 'a unit name is required'),
        });
    }
    if (input.startOn && input.endOn && input.endOn < input.startOn)
      details.push({
        path: `${prefix}.endOn`,
        message: msg('ngày kết thúc trước ngày bắt đầu', 'the end date precedes the start date'),
      });
    let sectionId: string | null = null;
    const sections = await repo.listSections(exec, plan.id);
    if (input.sectionCode) {
      sectionId = sections.find((s) => s.code === input.sectionCode)?.id ?? null;
      if (!sectionId)
        details.push({
          path: `${prefix}.sectionCode`,
          message: msg('kế hoạch không có mục này', 'the plan has no such section'),
        });
    }
    let parentId: string | null = null;
    if (input.parentCode) {
      const parent = await repo.findTaskByCode(exec, plan.id, input.parentCode);
      if (!parent || parent.id === selfId || input.parentCode === input.code)
        details.push({
          path: `${prefix}.parentCode`,
          message: msg('không có nhiệm vụ cha này', 'no such parent task'),
        });
      else parentId = parent.id;
    }
    const sources = new Set((await repo.listSources(exec)).map((s) => s.code));
    const seen = new Set<string>();
    input.budgets.forEach((b, i) => {
      if (!sources.has(b.sourceCode))
        details.push({
          path: `${prefix}.budgets.${i}.sourceCode`,
          message: msg('nguồn vốn không có trong danh mục', 'unknown funding source'),
        });
      const k = `${b.year}|${b.sourceCode}`;
      if (seen.has(k))
        details.push({
          path: `${prefix}.budgets.${i}.year`,
          message: msg('trùng năm và nguồn vốn', 'duplicate year and source'),
        });
      seen.add(k);
      if (Math.round(b.amount * 10) !== b.amount * 10)
        details.push({
          path: `${prefix}.budgets.${i}.amount`,
          message: msg('tối đa một chữ số thập phân', 'at most one decimal'),
        });
    });
    if (details.length) throw invalid(details);
    return {
      columns: {
        section_id: sectionId,
        parent_id: parentId,
        code: input.code,
        content: input.content,
        description: input.description,
        lead_unit_id: input.leadUnitId,
        lead_name: leadName,
        start_on: input.startOn,
        end_on: input.endOn,
        period_text: input.periodText,
        outputs: input.outputs,
        counted: input.counted,
        budget_note: input.budgetNote,
      },
      coordinators,
      budgets: input.budgets,
    };
  }

  /** Inserts or updates (by id) a resolved task with its coordinators and budgets, audited. */
  async write(
    trx: Executor,
    actor: Actor,
    plan: Plan,
    t: ResolvedTask,
    existing: { id: string; version: number } | null,
    position?: number,
  ) {
    let id: string;
    if (existing) {
      if (!(await repo.updateTask(trx, existing.id, existing.version, t.columns))) throw new AppError('resource.stale');
      id = existing.id;
    } else {
      const at = position ?? (await repo.maxTaskPosition(trx, plan.id)) + 1;
      try {
        id = (await repo.insertTask(trx, plan.id, { ...t.columns, position: at })).id;
      } catch (err) {
        if ((err as { code?: string }).code === '23505') throw new AppError('plans.code_taken');
        throw err;
      }
    }
    await repo.replaceCoordinators(trx, id, t.coordinators);
    await repo.replaceBudgets(trx, id, t.budgets);
    await this.#plans.platform.audit.record(trx, actor, {
      action: existing ? 'plans.task.update' : 'plans.task.create',
      entityType: 'plan_task',
      entityId: id,
      unitId: plan.issuing_unit_id,
      after: { planId: plan.id, ...t.columns, coordinators: t.coordinators, budgets: t.budgets },
    });
    return id;
  }

  async create(actor: Actor, planId: string, input: TaskInput): Promise<TaskDetail> {
    const plan = await this.#plan(planId);
    await this.#plans.requireManage(actor, plan.issuing_unit_id);
    if (await repo.findTaskByCode(this.#db, planId, input.code)) throw new AppError('plans.code_taken');
    const resolved = await this.resolve(this.#db, plan, input, null);
    const id = await this.#db.transaction().execute((trx) => this.write(trx, actor, plan, resolved, null));
    return this.get(actor, id);
  }

  async update(actor: Actor, taskId: string, patch: TaskPatch): Promise<TaskDetail> {
    const row = await repo.findTask(this.#db, taskId, todayVn());
    if (!row) throw notFound();
    const plan = await this.#plan(row.plan_id);
    await this.#plans.requireManage(actor, plan.issuing_unit_id);
    const { expectedVersion, ...f } = patch;
    const merged: TaskInput = {
      code: f.code ?? row.code,
      sectionCode: f.sectionCode === undefined ? row.section_code : f.sectionCode,
      parentCode: f.parentCode === undefined ? row.parent_code : f.parentCode,
      content: f.content ?? row.content,
      description: f.description === undefined ? row.description : f.description,
      leadUnitId: f.leadUnitId === undefined ? row.lead_unit_id : f.leadUnitId,
      leadName: f.leadName === undefined ? (f.leadUnitId ? null : row.lead_name) : f.leadName,
      coordinators:
        f.coordinators ?? row.coordinators.map((c) => ({ unitId: c.unitId, name: c.unitId ? null : c.name })),
      startOn: f.startOn === undefined ? row.start_on : f.startOn,
      endOn: f.endOn === undefined ? row.end_on : f.endOn,
      periodText: f.periodText === undefined ? row.period_text : f.periodText,
      outputs: f.outputs === undefined ? row.outputs : f.outputs,
      counted: f.counted ?? row.counted,
      budgetNote: f.budgetNote === undefined ? row.budget_note : f.budgetNote,
      budgets:
        f.budgets ?? row.budgets.map((b) => ({ year: b.year, sourceCode: b.sourceCode, amount: Number(b.amount) })),
    };
    if (merged.code !== row.code && (await repo.findTaskByCode(this.#db, plan.id, merged.code)))
      throw new AppError('plans.code_taken');
    const resolved = await this.resolve(this.#db, plan, merged, taskId);
    await this.#db
      .transaction()
      .execute((trx) => this.write(trx, actor, plan, resolved, { id: taskId, version: expectedVersion }));
    return this.get(actor, taskId);
  }

  async remove(actor: Actor, taskId: string): Promise<void> {
    const row = await repo.findTask(this.#db, taskId, todayVn());
    if (!row) throw notFound();
    const plan = await this.#plan(row.plan_id);
    await this.#plans.requireManage(actor, plan.issuing_unit_id);
    await this.#db.transaction().execute(async (trx) => {
      await repo.deleteTask(trx, taskId);
      await this.#plans.platform.audit.record(trx, actor, {
        action: 'plans.task.delete',
        entityType: 'plan_task',
        entityId: taskId,
        unitId: plan.issuing_unit_id,
        before: pick(row, ['code', 'content', 'lead_name', 'status', 'progress']),
      });
    });
  }

  /** The assigned units (lead first) the actor may report for; managers of the plan report for any of them. */
  async reportUnits(actor: Actor, plan: Plan, row: repo.TaskRow, canManage: boolean) {
    const assigned = [
      { unitId: row.lead_unit_id, name: row.lead_name },
      ...row.coordinators.map((c) => ({ unitId: c.unitId, name: c.name })),
    ];
    if (actor.kind !== 'user' && actor.kind !== 'system') return [];
    const out: { unitId: string | null; name: string }[] = [];
    for (const a of assigned) {
      const ok = a.unitId ? await canSteer(this.#db, actor, 'plans.report', a.unitId) : canManage;
      if (ok && !out.some((o) => o.unitId === a.unitId && o.name === a.name)) out.push(a);
    }
    if (plan.status !== 'issued') return [];
    return out;
  }

  async get(actor: Actor, taskId: string): Promise<TaskDetail> {
    this.#plans.requireReader(actor);
    const today = todayVn();
    const row = await repo.findTask(this.#db, taskId, today);
    if (!row) throw notFound();
    const plan = await this.#plan(row.plan_id);
    const canManage = await this.#plans.canManage(actor, plan.issuing_unit_id);
    const [children, reports, reportUnits] = await Promise.all([
      repo.taskRows(this.#db, repoParent(taskId), today),
      progress.listReports(this.#db, taskId),
      this.reportUnits(actor, plan, row, canManage),
    ]);
    return {
      ...presentTask(row),
      planTitle: plan.title,
      planNumber: plan.number,
      planStatus: plan.status,
      description: row.description,
      parentCode: row.parent_code,
      children: children.map(presentTask),
      reports: reports.map((r) => ({
        id: r.id,
        unitId: r.unit_id,
        unitName: r.unit_name,
        status: r.status,
        progress: r.progress,
        note: r.note,
        reporterName: r.reporter_name,
        reportedAt: new Date(r.reported_at).toISOString(),
        files: r.files.map((f) => ({ ...f, size: Number(f.size) })),
      })),
      canManage,
      reportUnits,
      version: row.version,
    };
  }

  /** A progress report of an assigned unit: kept in the history; the task takes its status and progress. */
  async report(actor: Actor, taskId: string, input: ReportInput): Promise<TaskDetail> {
    this.#plans.requireReader(actor);
    const row = await repo.findTask(this.#db, taskId, todayVn());
    if (!row) throw notFound();
    const plan = await this.#plan(row.plan_id);
    const canManage = await this.#plans.canManage(actor, plan.issuing_unit_id);
    const units = await this.reportUnits(actor, plan, row, canManage);
    if (plan.status !== 'issued')
      throw invalid([
        {
          path: 'body.status',
          message: msg('kế hoạch chưa ban hành hoặc đã đóng', 'the plan is not issued or is closed'),
        },
      ]);
    if (units.length === 0) throw new AppError('access.denied');
    const unit = input.unitId ? units.find((u) => u.unitId === input.unitId) : units[0];
    if (!unit) throw new AppError('access.denied');
    const details: ErrorDetail[] = [];
    if (input.status === 'done' && input.progress !== 100)
      details.push({ path: 'body.progress', message: msg('hoàn thành thì tiến độ là 100%', 'a done task is at 100%') });
    if (input.status === 'not_started' && input.progress !== 0)
      details.push({
        path: 'body.progress',
        message: msg('chưa bắt đầu thì tiến độ là 0%', 'a task not started is at 0%'),
      });
    const files = await progress.storedFiles(this.#db, input.storedFileIds);
    if (files.length !== new Set(input.storedFileIds).size)
      details.push({ path: 'body.storedFileIds', message: msg('không có tệp này', 'no such stored file') });
    if (details.length) throw invalid(details);
    await this.#db.transaction().execute(async (trx) => {
      const { id } = await progress.insertReport(trx, {
        task_id: taskId,
        unit_id: unit.unitId,
        unit_name: unit.name,
        status: input.status,
        progress: input.progress,
        note: input.note,
        reported_by: actor.kind === 'user' ? actor.userId : null,
        reporter_name: actor.kind === 'user' ? actor.fullName : null,
      });
      await progress.insertReportFiles(trx, id, [...new Set(input.storedFileIds)]);
      await progress.setTaskProgress(trx, taskId, input.status, input.progress);
      await this.#plans.platform.audit.record(trx, actor, {
        action: 'plans.task.report',
        entityType: 'plan_task',
        entityId: taskId,
        unitId: unit.unitId ?? plan.issuing_unit_id,
        before: { status: row.status, progress: row.progress },
        after: { reportId: id, ...input, unitName: unit.name },
      });
    });
    return this.get(actor, taskId);
  }

  /** An evidence file of a report, for anyone who may read the plan. */
  async evidence(actor: Actor, taskId: string, reportId: string, fileId: string): Promise<ServedFile> {
    this.#plans.requireReader(actor);
    const f = await progress.reportFile(this.#db, taskId, reportId, fileId);
    if (!f) throw notFound();
    return {
      storageKey: f.storage_key,
      filename: f.filename ?? 'minh-chung',
      contentType: f.content_type ?? 'application/octet-stream',
      size: Number(f.size_bytes),
      sha256: f.sha256 ?? '',
    };
  }

  /** Tasks led or coordinated by the units under the actor's plans.report grants (not lifted), late first. */
  async mine(
    actor: Actor,
    q: { page: number; pageSize: number; lateOnly?: 'true' | 'false' | undefined },
  ): Promise<MyTaskPage> {
    this.#plans.requireReader(actor);
    const units =
      actor.kind === 'user'
        ? actor.grants.filter((g) => g.permissions.includes('plans.report')).map((g) => g.unitId)
        : [];
    const { rows, total } = await progress.myTasks(this.#db, [...new Set(units)], todayVn(), {
      page: q.page,
      pageSize: q.pageSize,
      lateOnly: q.lateOnly === 'true',
    });
    return {
      items: rows.map((r) => ({ ...presentTask(r), planTitle: r.plan_title, role: r.role })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}

const repoParent = (taskId: string) => sql`t.parent_id = ${taskId}::uuid`;
