import type { Actor } from '../../platform/actor.ts';
import type { Platform } from '../../platform/platform.ts';
import { DC_NS, element, textElement } from '../library/oai/oai-xml.ts';
import { visibleLevels } from './archive-access.ts';
import { listForExport } from './files.repository.ts';

type Row = Awaited<ReturnType<typeof listForExport>>[number];

const CSV_COLUMNS: [string, (r: Row) => string | number | null][] = [
  ['ma_ho_so', (r) => r.code],
  ['tieu_de', (r) => r.title],
  ['phong', (r) => r.fonds_name],
  ['don_vi_hinh_thanh', (r) => r.creator_unit_name],
  ['thoi_han_bao_quan', (r) => (r.retention_years === null ? 'Vĩnh viễn' : `${r.retention_years} năm`)],
  ['che_do_su_dung', (r) => r.access_level],
  ['ngon_ngu', (r) => r.language],
  ['ngay_bat_dau', (r) => r.start_date],
  ['ngay_ket_thuc', (r) => r.end_date],
  ['tu_khoa', (r) => r.keywords.join('; ')],
  ['so_luong_van_ban', (r) => r.document_count],
  ['so_luong_to', (r) => r.sheet_count],
  ['so_luong_trang', (r) => r.page_count],
  ['tinh_trang_vat_ly', (r) => r.physical_condition],
  ['ky_hieu_ho_so_giay', (r) => r.paper_code],
  ['muc_do_tin_cay', (r) => r.reliability],
];

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formulas defused. */
function csvField(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Exports of the file descriptions the caller may find: CSV (UTF-8 with BOM for Excel) and Dublin Core XML. */
export class ArchiveExportService {
  readonly #p: Platform;

  constructor(p: Platform) {
    this.#p = p;
  }

  async csv(actor: Actor, fondsId?: string): Promise<string> {
    const rows = await listForExport(this.#p.db, visibleLevels(actor), fondsId);
    const lines = [CSV_COLUMNS.map(([h]) => h).join(',')];
    for (const r of rows) lines.push(CSV_COLUMNS.map(([, f]) => csvField(f(r))).join(','));
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  }

  /** Simple Dublin Core (DCMI, dc: elements) per file, in one `records` document. */
  async dublinCore(actor: Actor, fondsId?: string): Promise<string> {
    const rows = await listForExport(this.#p.db, visibleLevels(actor), fondsId);
    const records = rows.map((r) => element('record', {}, dcElements(r))).join('');
    return `<?xml version="1.0" encoding="UTF-8"?>\n${element('records', { 'xmlns:dc': DC_NS }, records)}`;
  }
}

/** The 15-element set's elements an archive file fills. */
export function dcElements(r: Row): string {
  const items: [string, string][] = [
    ['dc:title', r.title],
    ['dc:creator', r.creator_unit_name],
    ...r.keywords.map((k): [string, string] => ['dc:subject', k]),
    ['dc:publisher', r.fonds_name],
    ['dc:date', `${r.start_date}/${r.end_date}`],
    ['dc:type', 'Collection'],
    ['dc:identifier', r.code],
    ['dc:language', r.language],
    ['dc:rights', r.access_level],
  ];
  return items.map(([k, v]) => textElement(k, v)).join('');
}
