import { sql } from 'kysely';
import type {
  FieldError,
  InboxQuery,
  PeriodSubmissionsQuery,
  PeriodType,
  Reopen,
  ReviewQuery,
  SaveValues,
  SendBack,
  SubmissionDetail,
  SubmissionSummary,
  ValidationRule,
  Values,
} from '../../../shared/reports.schema.ts';
import { periodLabel } from '../../../shared/reports.schema.ts';
import type { Scope } from '../../platform/access/access.ts';
import { canSteer, inScope, steeringScope } from '../../platform/access/steering-scope.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { AppError, found } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { findFields, findForm } from './forms.repository.ts';
import type { FormsService } from './forms.service.ts';
import { fieldDefs } from './forms.service.ts';
import { today } from './periods.service.ts';
import { validateForComplete, validateForSave } from './report-validation.ts';
import { rt } from './reports.tables.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

const SUMMARY_SQL = sql`
  SELECT s.id, s.form_id, f.code AS form_code, f.title AS form_title, s.period_id, s.period_key, s.unit_id,
    u.code AS unit_code, u.name AS unit_name, s.status, p.opens_on::text AS opens_on,
    COALESCE(s.deadline_override, p.closes_on)::text AS closes_on, s.completed_at, s.on_time, s.approved_at,
    s.returned_reason, s.updated_at, s.approver_unit_id, s.reopen_reason, s.version, p.closes_on::text AS period_closes_on,
    f.needs_approval, f.period_type
  FROM report_submissions s
  JOIN report_periods p ON p.id = s.period_id
  JOIN report_forms f ON f.id = s.form_id
  JOIN org_units u ON u.id = s.unit_id`;

type SummaryRow = {
  id: string;
  form_id: string;
  form_code: string;
  form_title: string;
  period_id: string;
  period_key: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  status: SubmissionSummary['status'];
  opens_on: string;
  closes_on: string;
  completed_at: Date | null;
  on_time: boolean | null;
  approved_at: Date | null;
  returned_reason: string | null;
  updated_at: Date;
  approver_unit_id: string | null;
  reopen_reason: string | null;
  version: number;
  period_closes_on: string;
  needs_approval: boolean;
  period_type: string;
};

const WRITABLE = ['not_started', 'draft', 'returned'] as const;

function isOpen(r: SummaryRow, day = today()): boolean {
  return day >= r.opens_on && day <= r.closes_on;
}

function summary(r: SummaryRow): SubmissionSummary {
  return {
    id: r.id,
    formId: r.form_id,
    formCode: r.form_code,
    formTitle: r.form_title,
    periodId: r.period_id,
    periodKey: r.period_key,
    periodType: r.period_type as PeriodType,
    periodLabel: periodLabel(r.period_type, r.period_key),
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    status: r.status,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    open: isOpen(r) && (WRITABLE as readonly string[]).includes(r.status),
    completedAt: iso(r.completed_at),
    onTime: r.on_time,
    approvedAt: iso(r.approved_at),
    returnedReason: r.returned_reason,
    updatedAt: iso(r.updated_at)!,
  };
}

async function scopeOrNull(db: Db, actor: Actor, perm: 'reports.read' | 'reports.submit' | 'reports.approve') {
  try {
    return await steeringScope(db, actor, perm);
  } catch {
    return null;
  }
}

export class SubmissionsService {
  readonly #p: Platform;
  readonly #forms: FormsService;

  constructor(p: Platform, forms: FormsService) {
    this.#p = p;
    this.#forms = forms;
  }

  async #row(exec: Executor, id: string, lock = false): Promise<SummaryRow> {
    const r =
      await sql<SummaryRow>`${SUMMARY_SQL} WHERE s.id = ${id}::uuid ${lock ? sql`FOR UPDATE OF s` : sql``}`.execute(
        exec,
      );
    return found(r.rows[0]);
  }

  /**
   * Whether the actor fills this unit's reports: reports.submit on the unit itself or below the
   * level above (a commune officer's grant on the commune covers the commune's own reports, not
   * its schools': those the commune approves).
   */
  async canSubmit(actor: Actor, unitId: string, approverUnitId: string | null): Promise<boolean> {
    if (actor.kind === 'system') return true;
    if (actor.kind !== 'user') return false;
    const grants = actor.grants.filter((g) => g.permissions.includes('reports.submit')).map((g) => g.unitId);
    if (grants.length === 0) return false;
    const r = await sql<{ ok: number }>`
      SELECT 1 AS ok FROM org_unit_closure c
      WHERE c.descendant_id = ${unitId}::uuid AND c.ancestor_id IN (${sql.join(grants.map((g) => sql`${g}::uuid`))})
        AND (c.depth = 0 OR ${approverUnitId}::uuid IS NULL OR NOT EXISTS (
          SELECT 1 FROM org_unit_closure a WHERE a.descendant_id = ${approverUnitId}::uuid AND a.ancestor_id = c.ancestor_id))
      LIMIT 1`.execute(this.#p.db);
    return r.rows.length > 0;
  }

  async #canApprove(actor: Actor, r: SummaryRow): Promise<boolean> {
    if (!r.approver_unit_id) return actor.kind === 'system';
    return canSteer(this.#p.db, actor, 'reports.approve', r.approver_unit_id);
  }

  async #canRead(actor: Actor, r: SummaryRow): Promise<boolean> {
    if (await canSteer(this.#p.db, actor, 'reports.read', r.unit_id)) return true;
    if (await this.canSubmit(actor, r.unit_id, r.approver_unit_id)) return true;
    if (await this.#canApprove(actor, r)) return true;
    const form = await findForm(this.#p.db, r.form_id);
    return form !== undefined && (await canSteer(this.#p.db, actor, 'reports.design', form.owner_unit_id));
  }

  async #page(
    where: ReturnType<typeof sql>,
    q: { page: number; pageSize: number },
    order = sql`u.name COLLATE "vi", u.code`,
  ) {
    const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${SUMMARY_SQL} WHERE ${where}) x`.execute(
      this.#p.db,
    );
    const rows = await sql<SummaryRow>`${SUMMARY_SQL} WHERE ${where} ORDER BY ${order}, s.id
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(this.#p.db);
    return { items: rows.rows.map(summary), total: total.rows[0]!.n, page: q.page, pageSize: q.pageSize };
  }

  async inbox(actor: Actor, q: InboxQuery) {
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    if (actor.kind !== 'user') throw new AppError('access.denied');
    const grants = actor.grants.filter((g) => g.permissions.includes('reports.submit')).map((g) => g.unitId);
    if (grants.length === 0) throw new AppError('access.denied');
    const g = sql.join(grants.map((x) => sql`${x}::uuid`));
    const conds = [
      sql`EXISTS (SELECT 1 FROM org_unit_closure c WHERE c.descendant_id = s.unit_id AND c.ancestor_id IN (${g})
        AND (c.depth = 0 OR s.approver_unit_id IS NULL OR NOT EXISTS (
          SELECT 1 FROM org_unit_closure a WHERE a.descendant_id = s.approver_unit_id AND a.ancestor_id = c.ancestor_id)))`,
      sql`f.status <> 'draft'`,
    ];
    if (q.unitId) conds.push(sql`s.unit_id = ${q.unitId}::uuid`);
    if (q.status) conds.push(sql`s.status = ${q.status}`);
    if (q.openOnly)
      conds.push(
        sql`p.opens_on <= ${today()}::date AND COALESCE(s.deadline_override, p.closes_on) >= ${today()}::date`,
      );
    return this.#page(
      sql.join(conds, sql` AND `),
      q,
      sql`(s.status IN ('not_started', 'draft', 'returned') AND COALESCE(s.deadline_override, p.closes_on) >= ${today()}::date) DESC,
        COALESCE(s.deadline_override, p.closes_on) DESC`,
    );
  }

  async review(actor: Actor, q: ReviewQuery) {
    const scope = await steeringScope(this.#p.db, actor, 'reports.approve');
    const conds = [inScope(scope, sql.ref('s.approver_unit_id')), sql`s.status = ${q.status}`];
    if (q.formId) conds.push(sql`s.form_id = ${q.formId}::uuid`);
    if (q.periodId) conds.push(sql`s.period_id = ${q.periodId}::uuid`);
    return this.#page(sql.join(conds, sql` AND `), q, sql`s.completed_at NULLS LAST`);
  }

  async listForPeriod(actor: Actor, periodId: string, q: PeriodSubmissionsQuery) {
    const period = found(
      await rt(this.#p.db).selectFrom('report_periods').selectAll().where('id', '=', periodId).executeTakeFirst(),
    );
    const form = found(await findForm(this.#p.db, period.form_id));
    let scope: Scope | null = await scopeOrNull(this.#p.db, actor, 'reports.read');
    if (!scope && (await canSteer(this.#p.db, actor, 'reports.design', form.owner_unit_id))) scope = { all: true };
    if (!scope) throw new AppError(actor.kind === 'anonymous' ? 'auth.required' : 'access.denied');
    const conds = [sql`s.period_id = ${periodId}::uuid`, inScope(scope, sql.ref('s.unit_id'))];
    if (q.rootUnitId)
      conds.push(
        sql`s.unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = ${q.rootUnitId}::uuid)`,
      );
    if (q.status) conds.push(sql`s.status = ${q.status}`);
    if (q.missing) conds.push(sql`s.status IN ('not_started', 'draft', 'returned')`);
    return this.#page(sql.join(conds, sql` AND `), q);
  }

  async get(actor: Actor, id: string): Promise<SubmissionDetail> {
    const r = await this.#row(this.#p.db, id);
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    if (!(await this.#canRead(actor, r))) throw new AppError('resource.not_found');
    return this.#detail(actor, r, this.#p.db);
  }

  async #detail(actor: Actor, r: SummaryRow, exec: Executor): Promise<SubmissionDetail> {
    const formRow = found(await findForm(exec, r.form_id));
    const designer = await canSteer(this.#p.db, actor, 'reports.design', formRow.owner_unit_id);
    const form = await this.#forms.present(formRow, designer, exec);
    const values = await this.#values(exec, r.id);
    const files = await sql<{ id: string; filename: string; size_bytes: string }>`
      SELECT f.id, f.filename, f.size_bytes FROM report_values v JOIN stored_files f ON f.id = v.file_id
      WHERE v.submission_id = ${r.id}::uuid`.execute(exec);
    const history = await rt(exec)
      .selectFrom('report_submission_events')
      .select(['action', 'reason', 'actor_name', 'at'])
      .where('submission_id', '=', r.id)
      .orderBy('id')
      .execute();
    const approver = r.approver_unit_id
      ? await exec.selectFrom('org_units').select('name').where('id', '=', r.approver_unit_id).executeTakeFirst()
      : undefined;
    const submit = await this.canSubmit(actor, r.unit_id, r.approver_unit_id);
    const approve = await this.#canApprove(actor, r);
    const open = isOpen(r);
    const writable = (WRITABLE as readonly string[]).includes(r.status);
    return {
      ...summary(r),
      form,
      values,
      files: files.rows.map((f) => ({ id: f.id, filename: f.filename, sizeBytes: Number(f.size_bytes) })),
      approverUnitId: r.approver_unit_id,
      approverUnitName: approver?.name ?? null,
      reopenReason: r.reopen_reason,
      history: history.map((h) => ({ action: h.action, reason: h.reason, actorName: h.actor_name, at: iso(h.at)! })),
      version: r.version,
      can: {
        edit: submit && open && writable,
        complete: submit && open && writable,
        approve: approve && r.needs_approval && r.status === 'completed',
        sendBack: approve && (r.status === 'completed' || r.status === 'approved'),
        reopen: approve && today() > r.closes_on && r.status !== 'approved',
      },
    };
  }

  async #values(exec: Executor, submissionId: string): Promise<Values> {
    const rows = await sql<{
      code: string;
      type: string;
      num: string | null;
      txt: string | null;
      arr: string[] | null;
      bool: boolean | null;
      day: string | null;
      file_id: string | null;
    }>`SELECT fl.code, fl.type, v.num::text AS num, v.txt, v.arr, v.bool, v.day::text AS day, v.file_id
      FROM report_values v JOIN report_fields fl ON fl.id = v.field_id WHERE v.submission_id = ${submissionId}::uuid`.execute(
      exec,
    );
    const out: Values = {};
    for (const v of rows.rows) {
      out[v.code] =
        v.type === 'integer' || v.type === 'decimal'
          ? v.num === null
            ? null
            : Number(v.num)
          : v.type === 'multiple_choice'
            ? v.arr
            : v.type === 'yes_no'
              ? v.bool
              : v.type === 'date'
                ? v.day
                : v.type === 'file'
                  ? v.file_id
                  : v.txt;
    }
    return out;
  }

  async #defs(exec: Executor, formId: string) {
    const form = found(await findForm(exec, formId));
    return { defs: fieldDefs(await findFields(exec, formId)), rules: form.rules as ValidationRule[] };
  }

  async validate(actor: Actor, id: string, values: Values): Promise<{ ok: boolean; errors: FieldError[] }> {
    const r = await this.#row(this.#p.db, id);
    if (!(await this.#canRead(actor, r))) throw new AppError('resource.not_found');
    const { defs, rules } = await this.#defs(this.#p.db, r.form_id);
    const errors = validateForComplete(defs, rules, values);
    return { ok: errors.length === 0, errors };
  }

  /** Checks the actor may write and the window is open; returns the locked row. */
  async #writable(trx: Executor, actor: Actor, id: string, version: number): Promise<SummaryRow> {
    const r = await this.#row(trx, id, true);
    if (!(await this.canSubmit(actor, r.unit_id, r.approver_unit_id))) {
      throw new AppError((await this.#canRead(actor, r)) ? 'access.denied' : 'resource.not_found');
    }
    if (r.version !== version) throw new AppError('resource.stale');
    if (!(WRITABLE as readonly string[]).includes(r.status)) throw new AppError('reports.invalid_transition');
    if (!isOpen(r))
      throw new AppError('reports.window_closed', {
        hint: { vi: `(mở ${r.opens_on} – đóng ${r.closes_on})`, en: `(opens ${r.opens_on}, closes ${r.closes_on})` },
      });
    return r;
  }

  async #writeValues(trx: Executor, r: SummaryRow, values: Values): Promise<void> {
    const { defs } = await this.#defs(trx, r.form_id);
    const byCode = new Map(defs.map((d) => [d.code, d]));
    const rows = Object.entries(values).map(([code, v]) => {
      const d = byCode.get(code)!;
      const empty = v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
      return {
        submission_id: r.id,
        field_id: d.id,
        period_id: r.period_id,
        unit_id: r.unit_id,
        num: !empty && typeof v === 'number' ? v : null,
        txt:
          !empty && typeof v === 'string' && (d.type === 'text' || d.type === 'long_text' || d.type === 'single_choice')
            ? v.normalize('NFC').trim()
            : null,
        arr: !empty && Array.isArray(v) ? v : null,
        bool: !empty && typeof v === 'boolean' ? v : null,
        day: !empty && d.type === 'date' && typeof v === 'string' ? v : null,
        file_id: !empty && d.type === 'file' && typeof v === 'string' ? v : null,
      };
    });
    if (rows.length === 0) return;
    await rt(trx)
      .insertInto('report_values')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['submission_id', 'field_id']).doUpdateSet((eb) => ({
          num: eb.ref('excluded.num'),
          txt: eb.ref('excluded.txt'),
          arr: eb.ref('excluded.arr'),
          bool: eb.ref('excluded.bool'),
          day: eb.ref('excluded.day'),
          file_id: eb.ref('excluded.file_id'),
        })),
      )
      .execute();
  }

  async #event(
    trx: Executor,
    actor: Actor,
    id: string,
    action: SubmissionDetail['history'][number]['action'],
    reason: string | null = null,
  ) {
    await rt(trx)
      .insertInto('report_submission_events')
      .values({
        submission_id: id,
        action,
        reason,
        actor_id: actor.kind === 'user' ? actor.userId : null,
        actor_name: actor.kind === 'user' ? actor.fullName : actor.kind === 'system' ? `system:${actor.name}` : null,
      })
      .execute();
  }

  async #checkFiles(trx: Executor, values: Values, defs: { code: string; type: string }[]): Promise<FieldError[]> {
    const out: FieldError[] = [];
    for (const d of defs) {
      const v = values[d.code];
      if (d.type !== 'file' || typeof v !== 'string' || v === '') continue;
      const f = await trx.selectFrom('stored_files').select('id').where('id', '=', v).executeTakeFirst();
      if (!f)
        out.push({
          field: d.code,
          rule: 'type',
          vi: 'Tệp đính kèm không tồn tại',
          en: 'The attached file does not exist',
        });
    }
    return out;
  }

  async save(actor: Actor, id: string, input: SaveValues): Promise<SubmissionDetail> {
    return this.#p.db.transaction().execute(async (trx) => {
      const r = await this.#writable(trx, actor, id, input.version);
      const { defs } = await this.#defs(trx, r.form_id);
      const errors = validateForSave(defs, input.values);
      if (errors.length === 0) errors.push(...(await this.#checkFiles(trx, input.values, defs)));
      if (errors.length) throw invalidValues(errors);
      const before = await this.#values(trx, id);
      await this.#writeValues(trx, r, input.values);
      await rt(trx)
        .updateTable('report_submissions')
        .set({ status: 'draft', version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', id)
        .execute();
      await this.#event(trx, actor, id, 'saved');
      await this.#p.audit.record(trx, actor, {
        action: 'reports.submission.save',
        entityType: 'report_submission',
        entityId: id,
        unitId: r.unit_id,
        before: { status: r.status, values: before },
        after: { status: 'draft', values: input.values },
      });
      return this.#detail(actor, await this.#row(trx, id), trx);
    });
  }

  async complete(actor: Actor, id: string, version: number): Promise<SubmissionDetail> {
    return this.#p.db.transaction().execute(async (trx) => {
      const r = await this.#writable(trx, actor, id, version);
      const { defs, rules } = await this.#defs(trx, r.form_id);
      const values = await this.#values(trx, id);
      const errors = validateForComplete(defs, rules, values);
      if (errors.length === 0) errors.push(...(await this.#checkFiles(trx, values, defs)));
      if (errors.length) throw invalidValues(errors);
      const day = today();
      const onTime = day <= r.period_closes_on;
      await rt(trx)
        .updateTable('report_submissions')
        .set({
          status: 'completed',
          completed_at: sql`now()`,
          on_time: onTime,
          returned_reason: null,
          version: sql`version + 1`,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .execute();
      await this.#event(trx, actor, id, 'completed');
      await this.#p.audit.record(trx, actor, {
        action: 'reports.submission.complete',
        entityType: 'report_submission',
        entityId: id,
        unitId: r.unit_id,
        before: { status: r.status },
        after: { status: 'completed', onTime },
      });
      return this.#detail(actor, await this.#row(trx, id), trx);
    });
  }

  async #asApprover(trx: Executor, actor: Actor, id: string, version: number): Promise<SummaryRow> {
    const r = await this.#row(trx, id, true);
    if (!(await this.#canApprove(actor, r))) {
      throw new AppError((await this.#canRead(actor, r)) ? 'access.denied' : 'resource.not_found');
    }
    if (r.version !== version) throw new AppError('resource.stale');
    return r;
  }

  async approve(actor: Actor, id: string, version: number): Promise<SubmissionDetail> {
    return this.#p.db.transaction().execute(async (trx) => {
      const r = await this.#asApprover(trx, actor, id, version);
      if (r.status !== 'completed' || !r.needs_approval) throw new AppError('reports.invalid_transition');
      await rt(trx)
        .updateTable('report_submissions')
        .set({
          status: 'approved',
          approved_at: sql`now()`,
          approved_by: actor.kind === 'user' ? actor.userId : null,
          version: sql`version + 1`,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .execute();
      await this.#event(trx, actor, id, 'approved');
      await this.#p.audit.record(trx, actor, {
        action: 'reports.submission.approve',
        entityType: 'report_submission',
        entityId: id,
        unitId: r.unit_id,
        before: { status: r.status },
        after: { status: 'approved' },
      });
      return this.#detail(actor, await this.#row(trx, id), trx);
    });
  }

  async sendBack(actor: Actor, id: string, input: SendBack): Promise<SubmissionDetail> {
    return this.#p.db.transaction().execute(async (trx) => {
      const r = await this.#asApprover(trx, actor, id, input.version);
      if (r.status !== 'completed' && r.status !== 'approved') throw new AppError('reports.invalid_transition');
      await rt(trx)
        .updateTable('report_submissions')
        .set({
          status: 'returned',
          returned_reason: input.reason,
          completed_at: null,
          on_time: null,
          approved_at: null,
          approved_by: null,
          version: sql`version + 1`,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .execute();
      await this.#event(trx, actor, id, 'returned', input.reason);
      await this.#p.audit.record(trx, actor, {
        action: 'reports.submission.return',
        entityType: 'report_submission',
        entityId: id,
        unitId: r.unit_id,
        before: { status: r.status },
        after: { status: 'returned', reason: input.reason },
      });
      return this.#detail(actor, await this.#row(trx, id), trx);
    });
  }

  async reopen(actor: Actor, id: string, input: Reopen): Promise<SubmissionDetail> {
    return this.#p.db.transaction().execute(async (trx) => {
      const r = await this.#asApprover(trx, actor, id, input.version);
      if (r.status === 'approved') throw new AppError('reports.invalid_transition');
      if (input.newDeadline < today())
        throw new AppError('reports.invalid_period', {
          details: [{ path: 'body.newDeadline', message: 'hạn mới đã qua / the new deadline has passed' }],
        });
      const status = r.status === 'completed' ? 'returned' : r.status;
      await rt(trx)
        .updateTable('report_submissions')
        .set({
          status,
          deadline_override: input.newDeadline,
          reopen_reason: input.reason,
          ...(r.status === 'completed' ? { completed_at: null, on_time: null, returned_reason: input.reason } : {}),
          version: sql`version + 1`,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .execute();
      await this.#event(trx, actor, id, 'reopened', input.reason);
      await this.#p.audit.record(trx, actor, {
        action: 'reports.submission.reopen',
        entityType: 'report_submission',
        entityId: id,
        unitId: r.unit_id,
        before: { status: r.status, closesOn: r.closes_on },
        after: { status, closesOn: input.newDeadline, reason: input.reason },
      });
      return this.#detail(actor, await this.#row(trx, id), trx);
    });
  }

  async readFile(actor: Actor, id: string, fileId: string) {
    const r = await this.#row(this.#p.db, id);
    if (!(await this.#canRead(actor, r))) throw new AppError('resource.not_found');
    const v = await rt(this.#p.db)
      .selectFrom('report_values')
      .select('file_id')
      .where('submission_id', '=', id)
      .where('file_id', '=', fileId)
      .executeTakeFirst();
    if (!v) throw new AppError('resource.not_found');
    const f = found(
      await this.#p.db.selectFrom('stored_files').selectAll().where('id', '=', fileId).executeTakeFirst(),
    );
    return {
      storageKey: f.storage_key,
      filename: f.filename,
      contentType: f.content_type,
      size: Number(f.size_bytes),
      sha256: f.sha256,
    };
  }
}

function invalidValues(errors: FieldError[]): AppError {
  return new AppError('reports.invalid_values', {
    details: errors.map((e) => ({ path: `values.${e.field}`, message: `${e.vi} / ${e.en}` })),
  });
}
