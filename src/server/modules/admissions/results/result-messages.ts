import type { OutboxInsert } from '../../../platform/notify/outbox.repository.ts';
import { fold, formatDay } from '../../../platform/notify/templates.ts';

/**
 * The messages of published results, written to the notification outbox in the transaction of
 * the change (platform/notify: the outbox driver delivers them). The dossier templates of
 * platform/notify speak of dossier states, not of admission results, hence these three.
 */
export type ResultTemplate =
  | 'admissions.result.published'
  | 'admissions.result.confirmed'
  | 'admissions.result.released';

export interface ResultMessage {
  template: ResultTemplate;
  code: string;
  roundName: string;
  /** The school admitted to (published, confirmed) or the seat released. */
  schoolName: string | null;
  admitted: boolean;
  /** ISO instant of the confirmation deadline. */
  confirmTo: string;
  link: string;
}

const TEXT = {
  vi: {
    dear: 'Kính gửi Quý phụ huynh,',
    subject: 'Kết quả tuyển sinh',
    published: (m: ResultMessage) =>
      m.admitted
        ? `Hồ sơ ${m.code} (${m.roundName}) đã trúng tuyển vào ${m.schoolName}. Vui lòng xác nhận nhập học trước ngày ${formatDay(m.confirmTo)}; quá hạn, chỗ học sẽ được chuyển cho học sinh khác.`
        : `Hồ sơ ${m.code} (${m.roundName}) không trúng tuyển. Xem giải thích chi tiết và thông tin tuyển bổ sung tại đường dẫn dưới đây.`,
    confirmed: (m: ResultMessage) => `Đã ghi nhận xác nhận nhập học của hồ sơ ${m.code} vào ${m.schoolName}.`,
    released: (m: ResultMessage) =>
      `Hồ sơ ${m.code} không xác nhận nhập học trước ngày ${formatDay(m.confirmTo)}, nên chỗ học tại ${m.schoolName} đã được giải phóng. Gia đình có thể đăng ký tuyển bổ sung nếu có.`,
    link: 'Tra cứu kết quả',
    footer:
      'Thư này được gửi tự động từ hệ thống dịch vụ công trực tuyến ngành Giáo dục và Đào tạo; vui lòng không trả lời thư.',
  },
  en: {
    dear: 'Dear parent,',
    subject: 'Admission result',
    published: (m: ResultMessage) =>
      m.admitted
        ? `Application ${m.code} (${m.roundName}) has been admitted to ${m.schoolName}. Please confirm enrolment by ${formatDay(m.confirmTo)}; after that date the seat goes to another child.`
        : `Application ${m.code} (${m.roundName}) has not been admitted. The link below explains why and tells you about any supplementary round.`,
    confirmed: (m: ResultMessage) => `The enrolment of application ${m.code} at ${m.schoolName} is confirmed.`,
    released: (m: ResultMessage) =>
      `Application ${m.code} was not confirmed by ${formatDay(m.confirmTo)}, so its seat at ${m.schoolName} has been released. You may apply to a supplementary round if one is held.`,
    link: 'See the result',
    footer:
      'This message was sent automatically by the online public services of the education sector; please do not reply.',
  },
} as const;

const KIND = {
  'admissions.result.published': 'published',
  'admissions.result.confirmed': 'confirmed',
  'admissions.result.released': 'released',
} as const;

export function renderResultMessage(
  m: ResultMessage,
  locale: 'vi' | 'en',
): { subject: string; body: string; sms: string } {
  const t = TEXT[locale];
  const text = t[KIND[m.template]](m);
  const sms = fold(`${t.subject} ${m.code}: ${text} ${t.link}: ${m.link}`);
  return {
    subject: `${t.subject} ${m.code}`,
    body: [t.dear, '', text, `${t.link}: ${m.link}`, '', t.footer].join('\n'),
    sms: sms.length > 320 ? `${sms.slice(0, 300)}… ${m.link}` : sms,
  };
}

/** One outbox row for the family's verified contact (the one the application was filed with). */
export function outboxRow(
  m: ResultMessage,
  to: { channel: 'sms' | 'email'; address: string; locale: string; dossierId: string; unitId: string | null },
): OutboxInsert {
  const locale = to.locale === 'en' ? 'en' : 'vi';
  const r = renderResultMessage(m, locale);
  return {
    channel: to.channel,
    recipient: to.address,
    subject: to.channel === 'email' ? r.subject : null,
    body: to.channel === 'email' ? r.body : r.sms,
    template: m.template,
    locale,
    dossierId: to.dossierId,
    unitId: to.unitId,
  };
}

/** Where the family follows the application (the public page /tuyen-sinh/ho-so/:code). */
export const resultLink = (publicUrl: string | undefined, code: string) =>
  `${(publicUrl ?? 'http://localhost:3000').replace(/\/$/, '')}/tuyen-sinh/ho-so/${encodeURIComponent(code)}`;
