import ExcelJS from 'exceljs';
import type { RecipientRow } from '../../../shared/directives.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Platform } from '../../platform/platform.ts';
import type { ResponsesService } from './responses.service.ts';

const HEADERS = {
  vi: [
    'Đơn vị',
    'Trạng thái',
    'Trễ hạn',
    'Xem lần đầu',
    'Người xem',
    'Trả lời lúc',
    'Người trả lời',
    'Lần sửa',
    'Nội dung trả lời',
    'Tệp',
    'Nhắc gần nhất',
  ],
  en: [
    'Unit',
    'Status',
    'Late',
    'First read',
    'Read by',
    'Answered at',
    'Answered by',
    'Version',
    'Answer',
    'Files',
    'Last reminded',
  ],
} as const;

const STATUS = {
  vi: { new: 'Chưa xem', read: 'Đã xem', answered: 'Đã trả lời', late: 'Trễ hạn' },
  en: { new: 'Not read', read: 'Read', answered: 'Answered', late: 'Late' },
} as const;

/** dd/mm/yyyy hh:mm in Vietnam. */
function when(iso: string | null): string {
  if (!iso) return '';
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return f.format(new Date(iso)).replace(',', '');
}

function cells(r: RecipientRow, locale: 'vi' | 'en'): (string | number)[] {
  return [
    r.unitName,
    STATUS[locale][r.status],
    r.late ? (locale === 'vi' ? 'Có' : 'Yes') : '',
    when(r.firstReadAt),
    r.firstReadByName ?? '',
    when(r.answeredAt),
    r.answeredByName ?? '',
    r.responseVersion,
    r.responseText ?? '',
    r.responseFiles.map((f) => f.filename).join('; '),
    r.lastRemindedOn ? r.lastRemindedOn.split('-').reverse().join('/') : '',
  ];
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // A leading = + - @ would be a formula in a spreadsheet (CSV injection).
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** The issuer's per-unit table as CSV (UTF-8 with BOM, for Excel) or .xlsx. */
export class DirectiveExportService {
  readonly #responses: ResponsesService;

  constructor(_p: Platform, responses: ResponsesService) {
    this.#responses = responses;
  }

  async rows(actor: Actor, id: string): Promise<RecipientRow[]> {
    return (await this.#responses.recipients(actor, id, { filter: 'all', page: 1, pageSize: null })).items;
  }

  async csv(actor: Actor, id: string): Promise<string> {
    const locale = actor.locale;
    const lines = [HEADERS[locale].map(csvCell).join(',')];
    for (const r of await this.rows(actor, id)) lines.push(cells(r, locale).map(csvCell).join(','));
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  }

  async xlsx(actor: Actor, id: string): Promise<Buffer> {
    const locale = actor.locale;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(locale === 'vi' ? 'Theo dõi' : 'Follow-up');
    ws.addRow([...HEADERS[locale]]).font = { bold: true };
    for (const r of await this.rows(actor, id)) ws.addRow(cells(r, locale));
    ws.columns.forEach((c, i) => {
      c.width = i === 0 || i === 8 ? 40 : 16;
    });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}
