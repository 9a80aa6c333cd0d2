import type { OutboxInsert } from '../../platform/notify/outbox.repository.ts';

/**
 * The e-mails of directives, written to the notification outbox in the transaction of the change
 * (platform/notify delivers them). The dossier templates of platform/notify speak of dossiers,
 * hence these two: a directive issued to the unit, and a reminder to answer it.
 */
export type DirectiveTemplate = 'directives.issued' | 'directives.reminder';

export interface DirectiveMessage {
  template: DirectiveTemplate;
  number: string | null;
  title: string;
  issuerUnitName: string;
  unitName: string;
  /** yyyy-mm-dd, or null without a deadline. */
  deadline: string | null;
  needsAnswer: boolean;
  link: string;
}

const day = (d: string) => d.split('-').reverse().join('/');

const TEXT = {
  vi: {
    dear: (m: DirectiveMessage) => `Kính gửi ${m.unitName},`,
    issued: (m: DirectiveMessage) =>
      `${m.issuerUnitName} đã gửi văn bản ${m.number ?? ''} "${m.title}" đến đơn vị.`.replace('  ', ' '),
    reminder: (m: DirectiveMessage) =>
      `Nhắc việc: đơn vị chưa ${m.needsAnswer ? 'trả lời' : 'xem'} văn bản ${m.number ?? ''} "${m.title}" của ${m.issuerUnitName}.`.replace(
        '  ',
        ' ',
      ),
    deadline: (m: DirectiveMessage) =>
      m.deadline ? `Thời hạn ${m.needsAnswer ? 'trả lời' : 'thực hiện'}: ${day(m.deadline)}.` : null,
    link: 'Xem văn bản',
    subjectIssued: 'Văn bản chỉ đạo mới',
    subjectReminder: 'Nhắc trả lời văn bản chỉ đạo',
    footer:
      'Thư này được gửi tự động từ hệ thống chỉ đạo điều hành ngành Giáo dục và Đào tạo; vui lòng không trả lời thư.',
  },
  en: {
    dear: (m: DirectiveMessage) => `To ${m.unitName},`,
    issued: (m: DirectiveMessage) =>
      `${m.issuerUnitName} has sent directive ${m.number ?? ''} "${m.title}" to your unit.`.replace('  ', ' '),
    reminder: (m: DirectiveMessage) =>
      `Reminder: your unit has not yet ${m.needsAnswer ? 'answered' : 'read'} directive ${m.number ?? ''} "${m.title}" from ${m.issuerUnitName}.`.replace(
        '  ',
        ' ',
      ),
    deadline: (m: DirectiveMessage) => (m.deadline ? `Deadline: ${day(m.deadline)}.` : null),
    link: 'Open the directive',
    subjectIssued: 'New directive',
    subjectReminder: 'Reminder to answer a directive',
    footer: 'This message was sent automatically by the education steering system; please do not reply.',
  },
} as const;

/** The outbox row of one message to one address, in the recipient's language. */
export function directiveEmail(
  m: DirectiveMessage,
  to: { email: string; locale: string },
  unitId: string,
): OutboxInsert {
  const locale = to.locale === 'en' ? 'en' : 'vi';
  const w = TEXT[locale];
  const intro = m.template === 'directives.issued' ? w.issued(m) : w.reminder(m);
  const lines = [w.dear(m), '', intro, w.deadline(m), `${w.link}: ${m.link}`, '', w.footer].filter(
    (l): l is string => l !== null,
  );
  const subject = `${m.template === 'directives.issued' ? w.subjectIssued : w.subjectReminder}: ${m.number ?? m.title}`;
  return {
    channel: 'email',
    recipient: to.email,
    subject,
    body: lines.join('\n'),
    template: m.template,
    locale,
    dossierId: null,
    unitId,
  };
}

/** Where a recipient opens the directive. */
export function directiveLink(publicUrl: string | undefined, id: string): string {
  return `${(publicUrl ?? '').replace(/\/$/, '')}/chi-dao/${id}`;
}
