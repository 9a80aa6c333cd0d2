import { sql } from 'kysely';
import type {
  PeriodSubmissionsQuery,
  Reopen,
  ReviewQuery,
  SendBack,
  SubmissionDetail,
} from '../../../shared/reports.schema.ts';
import type { Scope } from '../../platform/access/access.ts';
import { canSteer, inScope, steeringScope } from '../../platform/access/steering-scope.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, found } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { findForm } from './forms.repository.ts';
import type { FormsService } from './forms.service.ts';
import { today } from './periods.service.ts';
import { rt } from './reports.tables.ts';
import {
  canApprove,
  canRead,
  findSubmission,
  pageOf,
  recordEvent,
  type SummaryRow,
  scopeOrNull,
  submissionDetail,
} from './submissions.shared.ts';

/**
 * The level above and the readers: the approval queue, a period's reports by unit, and approving,
 * returning or reopening a unit's report. Filling a report is in SubmissionEntryService.
 */
export class SubmissionReviewService {
  readonly #p: Platform;
  readonly #forms: FormsService;

  constructor(p: Platform, forms: FormsService) {
    this.#p = p;
    this.#forms = forms;
  }

  #detail(actor: Actor, r: SummaryRow, exec: Executor): Promise<SubmissionDetail> {
    return submissionDetail(this.#p.db, this.#forms, actor, r, exec);
  }

  /** Reports waiting for (or past) the caller's approval. */
  async queue(actor: Actor, q: ReviewQuery) {
    const scope = await steeringScope(this.#p.db, actor, 'reports.approve');
    const conds = [inScope(scope, sql.ref('s.approver_unit_id')), sql`s.status = ${q.status}`];
    if (q.formId) conds.push(sql`s.form_id = ${q.formId}::uuid`);
    if (q.periodId) conds.push(sql`s.period_id = ${q.periodId}::uuid`);
    return pageOf(this.#p.db, sql.join(conds, sql` AND `), q, sql`s.completed_at NULLS LAST`);
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
    return pageOf(this.#p.db, sql.join(conds, sql` AND `), q);
  }

  async #asApprover(trx: Executor, actor: Actor, id: string, version: number): Promise<SummaryRow> {
    const r = await findSubmission(trx, id, true);
    if (!(await canApprove(this.#p.db, actor, r))) {
      throw new AppError((await canRead(this.#p.db, actor, r)) ? 'access.denied' : 'resource.not_found');
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
      await recordEvent(trx, actor, id, 'approved');
      await this.#p.audit.record(trx, actor, {
        action: 'reports.submission.approve',
        entityType: 'report_submission',
        entityId: id,
        unitId: r.unit_id,
        before: { status: r.status },
        after: { status: 'approved' },
      });
      return this.#detail(actor, await findSubmission(trx, id), trx);
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
      await recordEvent(trx, actor, id, 'returned', input.reason);
      await this.#p.audit.record(trx, actor, {
        action: 'reports.submission.return',
        entityType: 'report_submission',
        entityId: id,
        unitId: r.unit_id,
        before: { status: r.status },
        after: { status: 'returned', reason: input.reason },
      });
      return this.#detail(actor, await findSubmission(trx, id), trx);
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
      await recordEvent(trx, actor, id, 'reopened', input.reason);
      await this.#p.audit.record(trx, actor, {
        action: 'reports.submission.reopen',
        entityType: 'report_submission',
        entityId: id,
        unitId: r.unit_id,
        before: { status: r.status, closesOn: r.closes_on },
        after: { status, closesOn: input.newDeadline, reason: input.reason },
      });
      return this.#detail(actor, await findSubmission(trx, id), trx);
    });
  }
}
