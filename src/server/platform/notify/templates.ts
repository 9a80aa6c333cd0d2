import type { Localized } from '../../../shared/common.schema.ts';
import { type DossierAction, type DossierState, STATE_LABELS } from '../../../shared/dossiers.schema.ts';

export type Locale = 'vi' | 'en';

/** One template per dossier step: `dossier.submit`, `dossier.request_supplement`, … */
export type TemplateName = `dossier.${DossierAction}`;

export interface DossierMessageData {
  code: string | null;
  procedureName: Localized;
  state: DossierState;
  reason?: string | null;
  /** Documents to supplement, by name. */
  documents?: Localized[];
  note?: string | null;
  /** ISO instant; shown as the due day dd/mm/yyyy. */
  dueAt?: string | null;
  /** Where the applicant follows the dossier. */
  link: string;
}

export interface Rendered {
  subject: string;
  body: string;
  /** Short, without diacritics: an SMS in Vietnamese with accents costs two or three messages. */
  sms: string;
}

const UNIT = { vi: 'Trường/Đơn vị xử lý', en: 'The processing school/unit' };

const INTRO: Record<DossierAction, Localized> = {
  submit: { vi: 'Hồ sơ {ref} đã được tiếp nhận.', en: 'Dossier {ref} has been received.' },
  start_review: { vi: `Hồ sơ {ref} đang được ${UNIT.vi} xem xét.`, en: `${UNIT.en} is reviewing dossier {ref}.` },
  request_supplement: {
    vi: `${UNIT.vi} đề nghị bổ sung hồ sơ {ref}.`,
    en: `${UNIT.en} asks you to supplement dossier {ref}.`,
  },
  resubmit: {
    vi: `Hồ sơ {ref} đã được bổ sung và chuyển lại cho ${UNIT.vi}.`,
    en: `Dossier {ref} has been supplemented and sent back to the processing school/unit.`,
  },
  approve: { vi: 'Hồ sơ {ref} đã được duyệt.', en: 'Dossier {ref} has been approved.' },
  reject: { vi: 'Hồ sơ {ref} không được chấp thuận.', en: 'Dossier {ref} has been refused.' },
  withdraw: { vi: 'Hồ sơ {ref} đã được rút.', en: 'Dossier {ref} has been withdrawn.' },
};

const WORDS = {
  vi: {
    dear: 'Kính gửi Quý ông/bà,',
    state: 'Trạng thái mới',
    due: 'Thời hạn giải quyết',
    reason: 'Lý do',
    documents: 'Giấy tờ cần bổ sung',
    note: 'Ghi chú',
    link: 'Tra cứu hồ sơ',
    footer:
      'Thư này được gửi tự động từ hệ thống dịch vụ công trực tuyến ngành Giáo dục và Đào tạo; vui lòng không trả lời thư.',
    subject: 'Hồ sơ',
  },
  en: {
    dear: 'Dear applicant,',
    state: 'New status',
    due: 'Processing deadline',
    reason: 'Reason',
    documents: 'Documents to supplement',
    note: 'Note',
    link: 'Follow your dossier',
    footer:
      'This message was sent automatically by the online public services of the education sector; please do not reply.',
    subject: 'Dossier',
  },
} as const;

/** dd/mm/yyyy of an instant in Vietnam. */
export function formatDay(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  return d.split('-').reverse().join('/');
}

/** Strips Vietnamese diacritics, folding "đ" to "d" (NFD does not decompose it). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

export function renderTemplate(name: TemplateName, d: DossierMessageData, locale: Locale): Rendered {
  const action = name.slice('dossier.'.length) as DossierAction;
  const w = WORDS[locale];
  const label = STATE_LABELS[d.state][locale];
  const code = d.code ?? '';
  const ref = `${code} (${d.procedureName[locale]})`.trim();
  const lines = [w.dear, '', INTRO[action][locale].replace('{ref}', ref), `${w.state}: ${label}.`];
  if (d.dueAt && (action === 'submit' || action === 'resubmit')) lines.push(`${w.due}: ${formatDay(d.dueAt)}.`);
  if (d.reason) lines.push(`${w.reason}: ${d.reason}`);
  if (d.documents?.length) lines.push(`${w.documents}: ${d.documents.map((x) => x[locale]).join('; ')}.`);
  if (d.note) lines.push(`${w.note}: ${d.note}`);
  lines.push(`${w.link}: ${d.link}`, '', w.footer);
  // What to supplement goes in the SMS too: most parents give a phone, not an e-mail.
  const docs = d.documents?.length ? ` ${w.documents}: ${d.documents.map((x) => x[locale]).join('; ')}.` : '';
  const sms = fold(
    `${w.subject} ${code}: ${label}.${d.reason ? ` ${w.reason}: ${d.reason}.` : ''}${docs} ${w.link}: ${d.link}`,
  );
  return {
    subject: `${w.subject} ${code}: ${label}`,
    body: lines.join('\n'),
    sms: sms.length > 320 ? `${sms.slice(0, 300)}… ${d.link}` : sms,
  };
}
