import { sql } from 'kysely';
import { insertOutbox, type OutboxInsert } from '../../platform/notify/outbox.repository.ts';
import type { Platform } from '../../platform/platform.ts';
import { todayInVietnam } from '../archive/archive-access.ts';
import { DX_LEVELS } from './dx.repository.ts';
import { dt } from './dx.tables.ts';
import { schoolRecipients } from './dx-notify.ts';

/** Days before the campaign's deadline from which schools that have not submitted are reminded. */
export const REMIND_DAYS_BEFORE = 7;

const dmy = (d: string) => d.split('-').reverse().join('/');

/**
 * The daily reminder of the DX index: every school taking part that has not submitted its
 * self-assessment (none, a draft, or returned for more evidence) while its deadline is at most
 * REMIND_DAYS_BEFORE days away and not passed, once per school, campaign and day (dx_reminders),
 * through the notify outbox, to the e-mail of each account that fills or submits it and to the
 * school's own address. Campaigns already published are left alone.
 */
export class DxRemindersService {
  readonly #p: Platform;

  constructor(p: Platform) {
    this.#p = p;
  }

  async run(day = todayInVietnam()): Promise<number> {
    const due = await sql<{
      campaign_id: string;
      year: number;
      school_id: string;
      school_name: string;
      state: string | null;
      deadline: string;
    }>`
      SELECT c.id AS campaign_id, c.year, u.id AS school_id, u.name AS school_name, a.state,
        GREATEST(c.submit_by, COALESCE(a.reopened_until, c.submit_by))::text AS deadline
      FROM dx_campaigns c
      CROSS JOIN schools s
      JOIN org_units u ON u.id = s.unit_id
      LEFT JOIN dx_assessments a ON a.campaign_id = c.id AND a.school_id = s.unit_id
      WHERE c.published_at IS NULL AND c.opens_on <= ${day}::date
        AND u.valid_to IS NULL AND s.levels && ${sql.val(DX_LEVELS)}::text[]
        AND (a.state IS NULL OR a.state IN ('draft', 'returned'))
        AND GREATEST(c.submit_by, COALESCE(a.reopened_until, c.submit_by)) >= ${day}::date
        AND GREATEST(c.submit_by, COALESCE(a.reopened_until, c.submit_by)) - ${REMIND_DAYS_BEFORE}::int <= ${day}::date
        AND NOT EXISTS (
          SELECT 1 FROM dx_reminders r WHERE r.campaign_id = c.id AND r.school_id = s.unit_id AND r.day = ${day}::date
        )
      ORDER BY c.year, u.id`.execute(this.#p.db);
    let reminded = 0;
    for (let i = 0; i < due.rows.length; i += 200) {
      const chunk = due.rows.slice(i, i + 200);
      const ids = [...new Set(chunk.map((c) => c.school_id))];
      await this.#p.db.transaction().execute(async (trx) => {
        const recipients = await schoolRecipients(trx, ids);
        for (const s of chunk) {
          const inserted = await dt(trx)
            .insertInto('dx_reminders')
            .values({ campaign_id: s.campaign_id, school_id: s.school_id, day, recipients: 0 })
            .onConflict((oc) => oc.doNothing())
            .returning('school_id')
            .executeTakeFirst();
          if (!inserted) continue;
          const returned = s.state === 'returned';
          const rows: OutboxInsert[] = recipients
            .filter((r) => r.unit_id === s.school_id)
            .map((r) => ({
              channel: 'email',
              recipient: r.email,
              template: 'dx.reminder',
              locale: r.locale === 'en' ? 'en' : 'vi',
              dossierId: null,
              unitId: s.school_id,
              subject:
                r.locale === 'en'
                  ? `Reminder: digital-transformation self-assessment ${s.year} due ${dmy(s.deadline)}`
                  : `Nhắc tự đánh giá mức độ chuyển đổi số năm ${s.year}: hạn ${dmy(s.deadline)}`,
              body:
                r.locale === 'en'
                  ? `${s.school_name} has not yet submitted its ${s.year} digital-transformation self-assessment (Decision 4725/QĐ-BGDĐT)${returned ? ', returned for more evidence' : ''}. Deadline: ${dmy(s.deadline)}. The principal approves and submits it at /chuyen-doi-so.\n\nThis message was sent automatically; please do not reply.`
                  : `${s.school_name} chưa gửi bản tự đánh giá mức độ chuyển đổi số năm ${s.year} (Quyết định 4725/QĐ-BGDĐT)${returned ? ', đã được đề nghị bổ sung minh chứng' : ''}. Hạn gửi: ${dmy(s.deadline)}. Hiệu trưởng phê duyệt và gửi tại /chuyen-doi-so.\n\nThư gửi tự động; vui lòng không trả lời.`,
            }));
          await insertOutbox(trx, rows);
          await dt(trx)
            .updateTable('dx_reminders')
            .set({ recipients: rows.length })
            .where('campaign_id', '=', s.campaign_id)
            .where('school_id', '=', s.school_id)
            .where('day', '=', day)
            .execute();
          reminded++;
        }
      });
    }
    return reminded;
  }
}
