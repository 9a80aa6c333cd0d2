import { sql } from 'kysely';
import { periodLabel } from '../../../shared/reports.schema.ts';
import type { Scope } from '../../platform/access/access.ts';
import { inScope, scopeCovers, steeringScope } from '../../platform/access/steering-scope.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, found } from '../../platform/errors.ts';
import { insertOutbox, type OutboxInsert } from '../../platform/notify/outbox.repository.ts';
import type { Platform } from '../../platform/platform.ts';
import { findForm } from './forms.repository.ts';
import { today } from './periods.service.ts';
import { rt } from './reports.tables.ts';

type DueRow = {
  id: string;
  unit_id: string;
  unit_name: string;
  form_title: string;
  period_type: string;
  period_key: string;
  closes_on: string;
  status: string;
};

const dmy = (d: string) => d.split('-').reverse().join('/');

/**
 * The daily reminder: units that have not completed a period whose closing date is within the
 * form's `remind_days_before` days or passed (up to 30 days after, or the reopen's deadline),
 * once per unit per period per day (report_reminders' key), through the notify outbox, to the
 * e-mail of each account that fills the unit's reports and to the school's own address.
 */
export class RemindersService {
  readonly #p: Platform;

  constructor(p: Platform) {
    this.#p = p;
  }

  async run(day = today()): Promise<number> {
    const due = await sql<DueRow>`
      SELECT s.id, s.unit_id, u.name AS unit_name, f.title AS form_title, f.period_type, s.period_key,
        COALESCE(s.deadline_override, p.closes_on)::text AS closes_on, s.status
      FROM report_submissions s
      JOIN report_periods p ON p.id = s.period_id
      JOIN report_forms f ON f.id = s.form_id AND f.status = 'published'
      JOIN org_units u ON u.id = s.unit_id
      WHERE s.status IN ('not_started', 'draft', 'returned')
        AND p.opens_on <= ${day}::date
        AND COALESCE(s.deadline_override, p.closes_on) - f.remind_days_before <= ${day}::date
        AND COALESCE(s.deadline_override, p.closes_on) >= ${day}::date - 30
        AND NOT EXISTS (SELECT 1 FROM report_reminders r WHERE r.submission_id = s.id AND r.day = ${day}::date)
      ORDER BY s.id`.execute(this.#p.db);
    return this.#send(due.rows, day);
  }

  /**
   * "Nhắc đơn vị chưa báo cáo": reminds now the units of a period that have not completed it
   * (not started, draft, sent back), inside `rootUnitId`'s subtree if given, among those the
   * caller approves for or designs for (reports.approve / reports.design, steering scope). A unit
   * reminded today already (by this action or the daily job) is skipped. Audited on the period.
   */
  async remindPeriod(
    actor: Actor,
    periodId: string,
    input: { rootUnitId?: string | undefined },
    day = today(),
  ): Promise<{ reminded: number; skipped: number }> {
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    const period = found(
      await rt(this.#p.db).selectFrom('report_periods').selectAll().where('id', '=', periodId).executeTakeFirst(),
    );
    const form = found(await findForm(this.#p.db, period.form_id));
    const scopes: Scope[] = [];
    for (const perm of ['reports.approve', 'reports.design'] as const) {
      try {
        scopes.push(await steeringScope(this.#p.db, actor, perm));
      } catch {
        // not held
      }
    }
    if (scopes.length === 0) throw new AppError('access.denied');
    if (input.rootUnitId) {
      let covered = false;
      for (const sc of scopes) if (!covered && (await scopeCovers(this.#p.db, sc, input.rootUnitId))) covered = true;
      if (!covered) throw new AppError('access.denied');
    }
    if (form.status !== 'published' || day < period.opens_on) throw new AppError('reports.invalid_transition');
    const within = sql.join(
      scopes.map((sc) => inScope(sc, sql.ref('s.unit_id'))),
      sql` OR `,
    );
    const subtree = input.rootUnitId
      ? sql`AND EXISTS (SELECT 1 FROM org_unit_closure c WHERE c.descendant_id = s.unit_id AND c.ancestor_id = ${input.rootUnitId}::uuid)`
      : sql``;
    const due = await sql<DueRow>`
      SELECT s.id, s.unit_id, u.name AS unit_name, f.title AS form_title, f.period_type, s.period_key,
        COALESCE(s.deadline_override, p.closes_on)::text AS closes_on, s.status
      FROM report_submissions s
      JOIN report_periods p ON p.id = s.period_id
      JOIN report_forms f ON f.id = s.form_id
      JOIN org_units u ON u.id = s.unit_id
      WHERE s.period_id = ${periodId}::uuid AND s.status IN ('not_started', 'draft', 'returned')
        AND (${within}) ${subtree}
      ORDER BY s.id`.execute(this.#p.db);
    const reminded = await this.#send(due.rows, day, async (trx, ids) => {
      if (ids.length === 0) return;
      const units = due.rows.filter((r) => ids.includes(r.id)).map((r) => r.unit_id);
      await this.#p.audit.record(trx, actor, {
        action: 'reports.period.remind',
        entityType: 'report_period',
        entityId: periodId,
        unitId: input.rootUnitId ?? form.owner_unit_id,
        after: { periodKey: period.period_key, day, reminded: ids.length, units },
      });
    });
    return { reminded, skipped: due.rows.length - reminded };
  }

  /**
   * Reminds the units of the given submissions (one outbox message per address), at most once per
   * submission per day: a submission already in report_reminders for `day` is skipped. Returns
   * the submissions reminded now.
   */
  async #send(
    due: DueRow[],
    day: string,
    onInserted?: (trx: Executor, ids: string[]) => Promise<void>,
  ): Promise<number> {
    let reminded = 0;
    for (let i = 0; i < due.length; i += 200) {
      const chunk = due.slice(i, i + 200);
      await this.#p.db.transaction().execute(async (trx) => {
        const done: string[] = [];
        const recipients = await sql<{ unit_id: string; email: string; locale: string }>`
          SELECT DISTINCT x.unit_id, x.email, x.locale FROM (
            SELECT g.unit_id, us.email, us.locale FROM role_grants g
            JOIN roles r ON r.code = g.role_code AND 'reports.submit' = ANY(r.permissions)
            JOIN users us ON us.id = g.user_id AND NOT us.disabled AND us.email IS NOT NULL
            WHERE g.unit_id = ANY(${chunk.map((c) => c.unit_id)}::uuid[])
            UNION ALL
            SELECT sc.unit_id, sc.email, 'vi' FROM schools sc
            WHERE sc.unit_id = ANY(${chunk.map((c) => c.unit_id)}::uuid[]) AND sc.email IS NOT NULL
          ) x`.execute(trx);
        for (const s of chunk) {
          const inserted = await rt(trx)
            .insertInto('report_reminders')
            .values({ submission_id: s.id, day, recipients: 0 })
            .onConflict((oc) => oc.doNothing())
            .returning('submission_id')
            .executeTakeFirst();
          if (!inserted) continue;
          const to = recipients.rows.filter((r) => r.unit_id === s.unit_id);
          const late = s.closes_on < day;
          const period = periodLabel(s.period_type, s.period_key);
          const rows: OutboxInsert[] = to.map((r) => ({
            channel: 'email',
            recipient: r.email,
            template: 'reports.reminder',
            locale: r.locale === 'en' ? 'en' : 'vi',
            dossierId: null,
            unitId: s.unit_id,
            subject:
              r.locale === 'en'
                ? `Reminder: report “${s.form_title}” (${s.period_key}) ${late ? 'is overdue' : `due ${dmy(s.closes_on)}`}`
                : `Nhắc báo cáo: “${s.form_title}” – ${period} ${late ? 'đã quá hạn' : `hạn ${dmy(s.closes_on)}`}`,
            body:
              r.locale === 'en'
                ? `${s.unit_name} has not yet completed the report “${s.form_title}” for ${s.period_key}. Deadline: ${dmy(s.closes_on)}.${late ? ' The period is locked: ask the level above to reopen it.' : ''}\n\nThis message was sent automatically; please do not reply.`
                : `${s.unit_name} chưa hoàn thành báo cáo “${s.form_title}” – ${period}. Hạn: ${dmy(s.closes_on)}.${late ? ' Kỳ báo cáo đã khóa: đề nghị cấp trên mở lại.' : ''}\n\nThư gửi tự động; vui lòng không trả lời.`,
          }));
          await insertOutbox(trx, rows);
          await rt(trx)
            .updateTable('report_reminders')
            .set({ recipients: rows.length })
            .where('submission_id', '=', s.id)
            .where('day', '=', day)
            .execute();
          reminded++;
          done.push(s.id);
        }
        if (onInserted) await onInserted(trx, done);
      });
    }
    return reminded;
  }
}
