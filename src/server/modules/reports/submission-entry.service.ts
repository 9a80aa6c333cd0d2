import { sql } from 'kysely';
import type { FieldError, InboxQuery, SaveValues, SubmissionDetail, Values } from '../../../shared/reports.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, found } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import type { FormsService } from './forms.service.ts';
import { today } from './periods.service.ts';
import { validateForComplete, validateForSave } from './report-validation.ts';
import { rt } from './reports.tables.ts';
import {
  canRead,
  canSubmit,
  findSubmission,
  formDefs,
  invalidValues,
  isOpen,
  isWritable,
  pageOf,
  readValues,
  recordEvent,
  type SummaryRow,
  submissionDetail,
} from './submissions.shared.ts';

/**
 * A unit filling its reports: its inbox, one report (with its attached files), checking values,
 * saving a draft and completing it while the period is open. Review by the level above is in
 * SubmissionReviewService.
 */
export class SubmissionEntryService {
  readonly #p: Platform;
  readonly #forms: FormsService;

  constructor(p: Platform, forms: FormsService) {
    this.#p = p;
    this.#forms = forms;
  }

  #detail(actor: Actor, r: SummaryRow, exec: Executor): Promise<SubmissionDetail> {
    return submissionDetail(this.#p.db, this.#forms, actor, r, exec);
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
    return pageOf(
      this.#p.db,
      sql.join(conds, sql` AND `),
      q,
      sql`(s.status IN ('not_started', 'draft', 'returned') AND COALESCE(s.deadline_override, p.closes_on) >= ${today()}::date) DESC,
        COALESCE(s.deadline_override, p.closes_on) DESC`,
    );
  }

  async get(actor: Actor, id: string): Promise<SubmissionDetail> {
    const r = await findSubmission(this.#p.db, id);
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    if (!(await canRead(this.#p.db, actor, r))) throw new AppError('resource.not_found');
    return this.#detail(actor, r, this.#p.db);
  }

  async readFile(actor: Actor, id: string, fileId: string) {
    const r = await findSubmission(this.#p.db, id);
    if (!(await canRead(this.#p.db, actor, r))) throw new AppError('resource.not_found');
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

  async validate(actor: Actor, id: string, values: Values): Promise<{ ok: boolean; errors: FieldError[] }> {
    const r = await findSubmission(this.#p.db, id);
    if (!(await canRead(this.#p.db, actor, r))) throw new AppError('resource.not_found');
    const { defs, rules } = await formDefs(this.#p.db, r.form_id);
    const errors = validateForComplete(defs, rules, values);
    return { ok: errors.length === 0, errors };
  }

  /** Checks the actor may write and the window is open; returns the locked row. */
  async #writable(trx: Executor, actor: Actor, id: string, version: number): Promise<SummaryRow> {
    const r = await findSubmission(trx, id, true);
    if (!(await canSubmit(this.#p.db, actor, r.unit_id, r.approver_unit_id))) {
      throw new AppError((await canRead(this.#p.db, actor, r)) ? 'access.denied' : 'resource.not_found');
    }
    if (r.version !== version) throw new AppError('resource.stale');
    if (!isWritable(r.status)) throw new AppError('reports.invalid_transition');
    if (!isOpen(r))
      throw new AppError('reports.window_closed', {
        hint: { vi: `(mở ${r.opens_on} – đóng ${r.closes_on})`, en: `(opens ${r.opens_on}, closes ${r.closes_on})` },
      });
    return r;
  }

  async #writeValues(trx: Executor, r: SummaryRow, values: Values): Promise<void> {
    const { defs } = await formDefs(trx, r.form_id);
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
      const { defs } = await formDefs(trx, r.form_id);
      const errors = validateForSave(defs, input.values);
      if (errors.length === 0) errors.push(...(await this.#checkFiles(trx, input.values, defs)));
      if (errors.length) throw invalidValues(errors);
      const before = await readValues(trx, id);
      await this.#writeValues(trx, r, input.values);
      await rt(trx)
        .updateTable('report_submissions')
        .set({ status: 'draft', version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', id)
        .execute();
      await recordEvent(trx, actor, id, 'saved');
      await this.#p.audit.record(trx, actor, {
        action: 'reports.submission.save',
        entityType: 'report_submission',
        entityId: id,
        unitId: r.unit_id,
        before: { status: r.status, values: before },
        after: { status: 'draft', values: input.values },
      });
      return this.#detail(actor, await findSubmission(trx, id), trx);
    });
  }

  async complete(actor: Actor, id: string, version: number): Promise<SubmissionDetail> {
    return this.#p.db.transaction().execute(async (trx) => {
      const r = await this.#writable(trx, actor, id, version);
      const { defs, rules } = await formDefs(trx, r.form_id);
      const values = await readValues(trx, id);
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
      await recordEvent(trx, actor, id, 'completed');
      await this.#p.audit.record(trx, actor, {
        action: 'reports.submission.complete',
        entityType: 'report_submission',
        entityId: id,
        unitId: r.unit_id,
        before: { status: r.status },
        after: { status: 'completed', onTime },
      });
      return this.#detail(actor, await findSubmission(trx, id), trx);
    });
  }
}
