import { sql } from 'kysely';
import type {
  FormCopy,
  FormDetail,
  FormInput,
  FormPage,
  FormQuery,
  FormStatus,
  FormUpdate,
  ValidationRule,
} from '../../../shared/reports.schema.ts';
import { NUMERIC_FIELD_TYPES, periodLabel } from '../../../shared/reports.schema.ts';
import type { Scope } from '../../platform/access/access.ts';
import { canSteer, scopeCovers, steeringScope } from '../../platform/access/steering-scope.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, type ErrorDetail, found } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import type { FieldRow, FormRow } from './forms.repository.ts';
import * as repo from './forms.repository.ts';
import type { FieldDef } from './report-validation.ts';
import { patternCompiles } from './report-validation.ts';
import { rt } from './reports.tables.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const numOrNull = (v: number | string | null) => (v === null ? null : Number(v));

export function fieldDefs(rows: readonly FieldRow[]): (FieldDef & { row: FieldRow })[] {
  return rows.map((f) => ({
    id: f.id,
    code: f.code,
    label: f.label,
    type: f.type as FieldDef['type'],
    required: f.required,
    min: numOrNull(f.min_value),
    max: numOrNull(f.max_value),
    minLength: f.min_length,
    maxLength: f.max_length,
    pattern: f.pattern,
    options: f.options as { code: string; label: string }[],
    row: f,
  }));
}

/** The unit an assignment is rooted at when none is given: the owner, or the province for the Sở and its divisions. */
export async function defaultRoot(db: Executor, ownerUnitId: string): Promise<string> {
  const r = await sql<{ id: string }>`
    SELECT COALESCE((
      SELECT a.id FROM org_unit_closure c JOIN org_units a ON a.id = c.ancestor_id
      WHERE c.descendant_id = u.id AND a.type_code = 'province' AND u.type_code IN ('department', 'division')
      ORDER BY c.depth DESC LIMIT 1), u.id) AS id
    FROM org_units u WHERE u.id = ${ownerUnitId}::uuid`.execute(db);
  return found(r.rows[0]).id;
}

function invalid(details: ErrorDetail[]): never {
  throw new AppError('reports.invalid_form', { details });
}

/** Structural checks of a definition the schema cannot express. */
function checkDefinition(input: FormInput): void {
  const details: ErrorDetail[] = [];
  const codes = new Map<string, number>();
  const sections = new Set(input.sections.map((s) => s.code));
  if (sections.size !== input.sections.length)
    details.push({ path: 'body.sections', message: 'mã phần bị trùng / duplicate section code' });
  input.fields.forEach((f, i) => {
    const at = `body.fields.${i}`;
    if (codes.has(f.code))
      details.push({ path: `${at}.code`, message: `mã trường “${f.code}” bị trùng / duplicate field code` });
    codes.set(f.code, i);
    if (f.section !== null && !sections.has(f.section))
      details.push({ path: `${at}.section`, message: 'phần không tồn tại / no such section' });
    if ((f.type === 'single_choice' || f.type === 'multiple_choice') && f.options.length < 2)
      details.push({ path: `${at}.options`, message: 'cần ít nhất 2 phương án / at least 2 options' });
    if (new Set(f.options.map((o) => o.code)).size !== f.options.length)
      details.push({ path: `${at}.options`, message: 'mã phương án bị trùng / duplicate option code' });
    if (f.min !== null && f.max !== null && f.min > f.max)
      details.push({ path: `${at}.max`, message: 'giá trị lớn nhất nhỏ hơn nhỏ nhất / max below min' });
    if (f.minLength !== null && f.maxLength !== null && f.minLength > f.maxLength)
      details.push({
        path: `${at}.maxLength`,
        message: 'độ dài tối đa nhỏ hơn tối thiểu / max length below min length',
      });
    if (f.pattern !== null && !patternCompiles(f.pattern))
      details.push({ path: `${at}.pattern`, message: 'biểu thức không hợp lệ / invalid pattern' });
  });
  const numeric = (code: string) => {
    const i = codes.get(code);
    return i !== undefined && NUMERIC_FIELD_TYPES.includes(input.fields[i]!.type);
  };
  const ruleCodes = new Set<string>();
  input.rules.forEach((r: ValidationRule, i) => {
    const at = `body.rules.${i}`;
    if (ruleCodes.has(r.code))
      details.push({ path: `${at}.code`, message: 'mã quy tắc bị trùng / duplicate rule code' });
    ruleCodes.add(r.code);
    const refs =
      r.kind === 'compare' ? [r.left, ...(typeof r.right === 'string' ? [r.right] : [])] : [...r.terms, r.total];
    for (const c of refs)
      if (!numeric(c))
        details.push({ path: at, message: `“${c}” không phải trường số / “${c}” is not a numeric field` });
  });
  if (details.length) invalid(details);
}

export class FormsService {
  readonly #p: Platform;

  constructor(p: Platform) {
    this.#p = p;
  }

  async #designScope(actor: Actor): Promise<Scope | null> {
    try {
      return await steeringScope(this.#p.db, actor, 'reports.design');
    } catch {
      return null;
    }
  }

  async #requireDesign(actor: Actor, ownerUnitId: string): Promise<void> {
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    if (!(await canSteer(this.#p.db, actor, 'reports.design', ownerUnitId))) throw new AppError('access.denied');
  }

  async #checkAssignment(actor: Actor, input: FormInput): Promise<string> {
    const root = input.assignment.rootUnitId ?? (await defaultRoot(this.#p.db, input.ownerUnitId));
    const scope = await steeringScope(this.#p.db, actor, 'reports.design');
    if (!(await scopeCovers(this.#p.db, scope, root)))
      invalid([{ path: 'body.assignment.rootUnitId', message: 'ngoài phạm vi của bạn / outside your scope' }]);
    return root;
  }

  async list(actor: Actor, q: FormQuery): Promise<FormPage> {
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    const design = await this.#designScope(actor);
    let read: Scope | null = null;
    for (const perm of ['reports.read', 'reports.submit', 'reports.approve'] as const) {
      try {
        const s = await steeringScope(this.#p.db, actor, perm);
        read = read === null || s.all ? s : read.all ? read : { all: false, roots: [...read.roots, ...s.roots] };
      } catch {
        /* not held */
      }
    }
    if (!design && !read) throw new AppError('access.denied');
    const { rows, total } = await repo.listForms(this.#p.db, read, design, q);
    return {
      items: rows.map((r) => ({
        id: r.id,
        code: r.code,
        title: r.title,
        kind: r.kind,
        status: r.status,
        periodType: r.period_type as FormDetail['periodType'],
        needsApproval: r.needs_approval,
        ownerUnitId: r.owner_unit_id,
        ownerUnitName: r.owner_unit_name,
        fieldCount: r.field_count,
        periodCount: r.period_count,
        latestPeriodKey: r.latest_period_key,
        latestPeriodLabel: r.latest_period_key === null ? null : periodLabel(r.period_type, r.latest_period_key),
        publishedAt: iso(r.published_at),
        updatedAt: iso(r.updated_at)!,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** The form for someone who designs it, reads reports in its scope, or has a report to fill on it. */
  async get(actor: Actor, id: string): Promise<FormDetail> {
    const form = found(await repo.findForm(this.#p.db, id));
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    const designer = await canSteer(this.#p.db, actor, 'reports.design', form.owner_unit_id);
    if (!designer) {
      if (form.status === 'draft') throw new AppError('resource.not_found');
      // Published forms are also templates: any designer may read them (and copy them).
      const ok =
        (await canSteer(this.#p.db, actor, 'reports.read', form.owner_unit_id)) ||
        (await this.#designScope(actor)) !== null ||
        (await this.#hasSubmissionInScope(actor, id));
      if (!ok) throw new AppError('access.denied');
    }
    return this.present(form, designer);
  }

  async #hasSubmissionInScope(actor: Actor, formId: string): Promise<boolean> {
    for (const perm of ['reports.read', 'reports.submit', 'reports.approve'] as const) {
      let scope: Scope;
      try {
        scope = await steeringScope(this.#p.db, actor, perm);
      } catch {
        continue;
      }
      if (scope.all) return true;
      const r = await sql<{ ok: number }>`
        SELECT 1 AS ok FROM report_submissions s JOIN org_unit_closure c ON c.descendant_id = s.unit_id
        WHERE s.form_id = ${formId}::uuid AND c.ancestor_id IN (${sql.join(scope.roots.map((x) => sql`${x}::uuid`))}) LIMIT 1`.execute(
        this.#p.db,
      );
      if (r.rows.length) return true;
    }
    return false;
  }

  async present(form: FormRow, designer: boolean, exec: Executor = this.#p.db): Promise<FormDetail> {
    const fields = await repo.findFields(exec, form.id);
    const counts = await repo.formCounts(exec, form.id);
    return {
      id: form.id,
      code: form.code,
      title: form.title,
      kind: form.kind,
      status: form.status,
      periodType: form.period_type as FormDetail['periodType'],
      needsApproval: form.needs_approval,
      ownerUnitId: form.owner_unit_id,
      ownerUnitName: await repo.unitName(exec, form.owner_unit_id),
      fieldCount: fields.length,
      periodCount: counts.period_count,
      latestPeriodKey: counts.latest_period_key,
      latestPeriodLabel:
        counts.latest_period_key === null ? null : periodLabel(form.period_type, counts.latest_period_key),
      publishedAt: iso(form.published_at),
      updatedAt: iso(form.updated_at)!,
      description: form.description,
      window: { opensDaysBeforeEnd: form.opens_days_before_end, closesDaysAfterEnd: form.closes_days_after_end },
      assignment: {
        rootUnitId: form.assign_root_id,
        unitTypes: form.assign_unit_types,
        schoolLevels: form.assign_school_levels,
        unitIds: form.assign_unit_ids,
      },
      remindDaysBefore: form.remind_days_before,
      sections: form.sections as FormDetail['sections'],
      fields: fields.map((f) => ({
        id: f.id,
        code: f.code,
        label: f.label,
        help: f.help,
        type: f.type as FormDetail['fields'][number]['type'],
        section: f.section,
        required: f.required,
        min: numOrNull(f.min_value),
        max: numOrNull(f.max_value),
        minLength: f.min_length,
        maxLength: f.max_length,
        pattern: f.pattern,
        options: f.options as { code: string; label: string }[],
        aggregation: f.aggregation as FormDetail['fields'][number]['aggregation'],
        unitLabel: f.unit_label,
        seq: f.seq,
      })),
      rules: form.rules as FormDetail['rules'],
      version: form.version,
      can: {
        edit: designer && form.status === 'draft',
        publish: designer && form.status === 'draft',
        archive: designer && form.status === 'published',
        managePeriods: designer && form.status === 'published',
      },
    };
  }

  #columns(input: FormInput, root: string) {
    return {
      code: input.code,
      title: input.title,
      description: input.description,
      kind: input.kind,
      owner_unit_id: input.ownerUnitId,
      period_type: input.periodType,
      needs_approval: input.needsApproval,
      opens_days_before_end: input.window.opensDaysBeforeEnd,
      closes_days_after_end: input.window.closesDaysAfterEnd,
      remind_days_before: input.remindDaysBefore,
      assign_root_id: root,
      assign_unit_types: input.assignment.unitTypes,
      assign_school_levels: input.assignment.schoolLevels,
      assign_unit_ids: input.assignment.unitIds,
      sections: JSON.stringify(input.sections),
      rules: JSON.stringify(input.rules),
    };
  }

  async create(actor: Actor, input: FormInput, copiedFrom: string | null = null): Promise<FormDetail> {
    await this.#requireDesign(actor, input.ownerUnitId);
    checkDefinition(input);
    const root = await this.#checkAssignment(actor, input);
    try {
      return await this.#p.db.transaction().execute(async (trx) => {
        const row = await rt(trx)
          .insertInto('report_forms')
          .values({
            ...this.#columns(input, root),
            copied_from: copiedFrom,
            created_by: actor.kind === 'user' ? actor.userId : null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await repo.replaceFields(trx, row.id, input.fields);
        const after = await this.present(row, true, trx);
        await this.#p.audit.record(trx, actor, {
          action: 'reports.form.create',
          entityType: 'report_form',
          entityId: row.id,
          unitId: input.ownerUnitId,
          after: { code: input.code, title: input.title, fields: input.fields.length, copiedFrom },
        });
        return after;
      });
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw new AppError('reports.code_taken');
      throw e;
    }
  }

  async update(actor: Actor, id: string, input: FormUpdate): Promise<FormDetail> {
    const current = found(await repo.findForm(this.#p.db, id));
    await this.#requireDesign(actor, current.owner_unit_id);
    await this.#requireDesign(actor, input.ownerUnitId);
    checkDefinition(input);
    const root = await this.#checkAssignment(actor, input);
    try {
      return await this.#p.db.transaction().execute(async (trx) => {
        const form = found(await repo.findFormForUpdate(trx, id));
        if (form.version !== input.version) throw new AppError('resource.stale');
        if (form.status !== 'draft') throw new AppError('reports.form_frozen');
        const row = await rt(trx)
          .updateTable('report_forms')
          .set({ ...this.#columns(input, root), version: sql`version + 1`, updated_at: sql`now()` })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await repo.replaceFields(trx, id, input.fields);
        await this.#p.audit.record(trx, actor, {
          action: 'reports.form.update',
          entityType: 'report_form',
          entityId: id,
          unitId: input.ownerUnitId,
          before: { code: form.code, title: form.title },
          after: { code: input.code, title: input.title, fields: input.fields.length },
        });
        return this.present(row, true, trx);
      });
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw new AppError('reports.code_taken');
      throw e;
    }
  }

  async setStatus(
    actor: Actor,
    id: string,
    status: Exclude<FormStatus, 'draft'>,
    version: number,
  ): Promise<FormDetail> {
    const current = found(await repo.findForm(this.#p.db, id));
    await this.#requireDesign(actor, current.owner_unit_id);
    return this.#p.db.transaction().execute(async (trx) => {
      const form = found(await repo.findFormForUpdate(trx, id));
      if (form.version !== version) throw new AppError('resource.stale');
      const from = status === 'published' ? 'draft' : 'published';
      if (form.status !== from) throw new AppError('reports.invalid_transition');
      const row = await rt(trx)
        .updateTable('report_forms')
        .set({
          status,
          version: sql`version + 1`,
          updated_at: sql`now()`,
          ...(status === 'published' ? { published_at: sql`now()` } : {}),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (status === 'published')
        await this.#p.audit.record(trx, actor, {
          action: 'reports.form.publish',
          entityType: 'report_form',
          entityId: id,
          unitId: form.owner_unit_id,
          before: { status: form.status },
          after: { status },
        });
      else
        await this.#p.audit.record(trx, actor, {
          action: 'reports.form.archive',
          entityType: 'report_form',
          entityId: id,
          unitId: form.owner_unit_id,
          before: { status: form.status },
          after: { status },
        });
      return this.present(row, true, trx);
    });
  }

  async copy(actor: Actor, id: string, input: FormCopy): Promise<FormDetail> {
    const detail = await this.get(actor, id);
    const def: FormInput = {
      code: input.code,
      title: input.title ?? detail.title,
      description: detail.description,
      kind: detail.kind,
      ownerUnitId: input.ownerUnitId ?? detail.ownerUnitId,
      periodType: detail.periodType,
      needsApproval: detail.needsApproval,
      window: detail.window,
      assignment: {
        // A copy for another owner is assigned inside that owner's subtree (its default root).
        rootUnitId: input.ownerUnitId && input.ownerUnitId !== detail.ownerUnitId ? null : detail.assignment.rootUnitId,
        unitTypes: detail.assignment.unitTypes as FormInput['assignment']['unitTypes'],
        schoolLevels: detail.assignment.schoolLevels as FormInput['assignment']['schoolLevels'],
        unitIds: detail.assignment.unitIds,
      },
      sections: detail.sections,
      fields: detail.fields.map((f) => ({
        code: f.code,
        label: f.label,
        help: f.help,
        type: f.type,
        section: f.section,
        required: f.required,
        min: f.min,
        max: f.max,
        minLength: f.minLength,
        maxLength: f.maxLength,
        pattern: f.pattern,
        options: f.options,
        aggregation: f.aggregation,
        unitLabel: f.unitLabel,
      })),
      rules: detail.rules as FormInput['rules'],
      remindDaysBefore: detail.remindDaysBefore,
    };
    return this.create(actor, def, id);
  }
}
