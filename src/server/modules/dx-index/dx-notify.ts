import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { insertOutbox, type OutboxInsert } from '../../platform/notify/outbox.repository.ts';

/** Accounts that fill in or submit a school's assessment (grants on the school itself), and the school's address. */
export async function schoolRecipients(
  db: Executor,
  schoolIds: readonly string[],
): Promise<{ unit_id: string; email: string; locale: string }[]> {
  if (schoolIds.length === 0) return [];
  const r = await sql<{ unit_id: string; email: string; locale: string }>`
    SELECT DISTINCT x.unit_id, x.email, x.locale FROM (
      SELECT g.unit_id, us.email, us.locale FROM role_grants g
      JOIN roles r ON r.code = g.role_code AND (r.permissions && ARRAY['dx.assess', 'dx.submit']::text[])
      JOIN users us ON us.id = g.user_id AND NOT us.disabled AND us.email IS NOT NULL
      WHERE g.unit_id = ANY(${schoolIds}::uuid[])
      UNION ALL
      SELECT sc.unit_id, sc.email, 'vi' FROM schools sc
      WHERE sc.unit_id = ANY(${schoolIds}::uuid[]) AND sc.email IS NOT NULL
    ) x`.execute(db);
  return r.rows;
}

export interface Message {
  vi: { subject: string; body: string };
  en: { subject: string; body: string };
}

/** Tells the school (through the notify outbox, in the caller's transaction). */
export async function notifySchool(db: Executor, schoolId: string, template: string, m: Message): Promise<number> {
  const to = await schoolRecipients(db, [schoolId]);
  const tail = {
    vi: '\n\nThư gửi tự động; vui lòng không trả lời.',
    en: '\n\nThis message was sent automatically; please do not reply.',
  };
  const rows: OutboxInsert[] = to.map((r) => {
    const lang = r.locale === 'en' ? 'en' : 'vi';
    return {
      channel: 'email',
      recipient: r.email,
      template,
      locale: lang,
      dossierId: null,
      unitId: schoolId,
      subject: m[lang].subject,
      body: m[lang].body + tail[lang],
    };
  });
  await insertOutbox(db, rows);
  return rows.length;
}

/** The school is asked for more evidence (the reason, the day to resubmit by). */
export function returnedMessage(year: number, reason: string, until: string): Message {
  const by = until.split('-').reverse().join('/');
  return {
    vi: {
      subject: `Đề nghị bổ sung minh chứng chuyển đổi số năm ${year}`,
      body: `Cấp đánh giá đề nghị nhà trường bổ sung minh chứng cho bản tự đánh giá mức độ chuyển đổi số năm ${year}: ${reason}\nHạn gửi lại: ${by}. Xem chi tiết từng tiêu chí tại /chuyen-doi-so.`,
    },
    en: {
      subject: `More evidence requested: digital-transformation self-assessment ${year}`,
      body: `The evaluator asks the school for more evidence on its ${year} digital-transformation self-assessment: ${reason}\nResubmit by ${by}. Details per criterion at /chuyen-doi-so.`,
    },
  };
}

/** The school's result is recognised, with its totals and levels. */
export function recognisedMessage(
  year: number,
  s: { teaching: { total: number; level: number }; governance: { total: number; level: number } },
): Message {
  return {
    vi: {
      subject: `Kết quả chuyển đổi số năm ${year} đã được công nhận`,
      body: `Kết quả tự đánh giá mức độ chuyển đổi số năm ${year} của nhà trường đã được công nhận: dạy, học ${s.teaching.total} điểm (Mức ${s.teaching.level}); quản trị ${s.governance.total} điểm (Mức ${s.governance.level}). Sở công bố kết quả chung của năm.`,
    },
    en: {
      subject: `Digital-transformation result ${year} recognised`,
      body: `The school's ${year} digital-transformation result is recognised: teaching ${s.teaching.total} points (level ${s.teaching.level}); governance ${s.governance.total} points (level ${s.governance.level}). The department publishes the year's results.`,
    },
  };
}
