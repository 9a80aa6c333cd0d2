/**
 * What the two submission services (entry: a unit fills its report; review: the level above
 * approves, returns, reopens) share: the summary query and its row, who may submit / approve /
 * read a report, the detail view, values as stored and the event history.
 */
import { sql } from 'kysely';
import type {
  FieldError,
  PeriodType,
  SubmissionDetail,
  SubmissionSummary,
  ValidationRule,
  Values,
} from '../../../shared/reports.schema.ts';
import { periodLabel } from '../../../shared/reports.schema.ts';
import { canSteer, steeringScope } from '../../platform/access/steering-scope.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { AppError, found } from '../../platform/errors.ts';
import { findFields, findForm } from './forms.repository.ts';
import type { FormsService } from './forms.service.ts';
import { fieldDefs } from './forms.service.ts';
import { today } from './periods.service.ts';
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

export type SummaryRow = {
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

/** The states in which a unit can still write its report. */
const WRITABLE: readonly string[] = ['not_started', 'draft', 'returned'];

export const isWritable = (status: string): boolean => WRITABLE.includes(status);

export function isOpen(r: SummaryRow, day = today()): boolean {
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
    open: isOpen(r) && isWritable(r.status),
    completedAt: iso(r.completed_at),
    onTime: r.on_time,
    approvedAt: iso(r.approved_at),
    returnedReason: r.returned_reason,
    updatedAt: iso(r.updated_at)!,
  };
}

export async function scopeOrNull(db: Db, actor: Actor, perm: 'reports.read' | 'reports.submit' | 'reports.approve') {
  try {
    return await steeringScope(db, actor, perm);
  } catch {
    return null;
  }
}

/** A submission's summary row (optionally locked for update in a transaction). */
export async function findSubmission(exec: Executor, id: string, lock = false): Promise<SummaryRow> {
  const r =
    await sql<SummaryRow>`${SUMMARY_SQL} WHERE s.id = ${id}::uuid ${lock ? sql`FOR UPDATE OF s` : sql``}`.execute(exec);
  return found(r.rows[0]);
}

/**
 * Whether the actor fills this unit's reports: reports.submit on the unit itself or below the
 * level above (a commune officer's grant on the commune covers the commune's own reports, not
 * its schools': those the commune approves).
 */
export async function canSubmit(db: Db, actor: Actor, unitId: string, approverUnitId: string | null): Promise<boolean> {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  const grants = actor.grants.filter((g) => g.permissions.includes('reports.submit')).map((g) => g.unitId);
  if (grants.length === 0) return false;
  const r = await sql<{ ok: number }>`
    SELECT 1 AS ok FROM org_unit_closure c
    WHERE c.descendant_id = ${unitId}::uuid AND c.ancestor_id IN (${sql.join(grants.map((g) => sql`${g}::uuid`))})
      AND (c.depth = 0 OR ${approverUnitId}::uuid IS NULL OR NOT EXISTS (
        SELECT 1 FROM org_unit_closure a WHERE a.descendant_id = ${approverUnitId}::uuid AND a.ancestor_id = c.ancestor_id))
    LIMIT 1`.execute(db);
  return r.rows.length > 0;
}

export async function canApprove(db: Db, actor: Actor, r: SummaryRow): Promise<boolean> {
  if (!r.approver_unit_id) return actor.kind === 'system';
  return canSteer(db, actor, 'reports.approve', r.approver_unit_id);
}

/** Readers: reports.read on the unit, its submitters, its approvers and the form's designers. */
export async function canRead(db: Db, actor: Actor, r: SummaryRow): Promise<boolean> {
  if (await canSteer(db, actor, 'reports.read', r.unit_id)) return true;
  if (await canSubmit(db, actor, r.unit_id, r.approver_unit_id)) return true;
  if (await canApprove(db, actor, r)) return true;
  const form = await findForm(db, r.form_id);
  return form !== undefined && (await canSteer(db, actor, 'reports.design', form.owner_unit_id));
}

/** A page of submission summaries matching `where`. */
export async function pageOf(
  db: Db,
  where: ReturnType<typeof sql>,
  q: { page: number; pageSize: number },
  order = sql`u.name COLLATE "vi", u.code`,
) {
  const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${SUMMARY_SQL} WHERE ${where}) x`.execute(db);
  const rows = await sql<SummaryRow>`${SUMMARY_SQL} WHERE ${where} ORDER BY ${order}, s.id
    LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(db);
  return { items: rows.rows.map(summary), total: total.rows[0]!.n, page: q.page, pageSize: q.pageSize };
}

/** The full view of a submission for this actor, with what the actor may do (`can`). */
export async function submissionDetail(
  db: Db,
  forms: FormsService,
  actor: Actor,
  r: SummaryRow,
  exec: Executor,
): Promise<SubmissionDetail> {
  const formRow = found(await findForm(exec, r.form_id));
  const designer = await canSteer(db, actor, 'reports.design', formRow.owner_unit_id);
  const form = await forms.present(formRow, designer, exec);
  const values = await readValues(exec, r.id);
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
  const submit = await canSubmit(db, actor, r.unit_id, r.approver_unit_id);
  const approve = await canApprove(db, actor, r);
  const open = isOpen(r);
  const writable = isWritable(r.status);
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

/** A submission's stored values by field code. */
export async function readValues(exec: Executor, submissionId: string): Promise<Values> {
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

/** The form's field definitions and validation rules. */
export async function formDefs(exec: Executor, formId: string) {
  const form = found(await findForm(exec, formId));
  return { defs: fieldDefs(await findFields(exec, formId)), rules: form.rules as ValidationRule[] };
}

/** Adds a line to the submission's history. */
export async function recordEvent(
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

export function invalidValues(errors: FieldError[]): AppError {
  return new AppError('reports.invalid_values', {
    details: errors.map((e) => ({ path: `values.${e.field}`, message: `${e.vi} / ${e.en}` })),
  });
}
