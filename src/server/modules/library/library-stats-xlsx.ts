import ExcelJS from 'exceljs';
import { RESOURCE_STATUSES, type ResourceStatus } from '../../../shared/library.schema.ts';
import type { Overview } from '../../../shared/library-reports.schema.ts';
import { LEVEL_NAMES } from './library-reference.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface StatsWorkbook {
  body: Buffer;
  filename: string;
}

const STATUS_VI: Record<ResourceStatus, string> = {
  draft: 'Bản nháp',
  submitted: 'Đã gửi duyệt',
  in_review: 'Đang duyệt',
  returned: 'Bị trả lại',
  published: 'Đã xuất bản',
  taken_down: 'Đã gỡ',
};

/** dd/mm/yyyy of an ISO date (yyyy-mm-dd). */
const dayVn = (d: string | null) => (d ? d.split('-').reverse().join('/') : '');
/** dd/mm/yyyy hh:mm in Vietnam time. */
const timeVn = (iso: string | null) =>
  iso
    ? new Intl.DateTimeFormat('vi-VN', {
        timeZone: 'Asia/Ho_Chi_Minh',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      }).format(new Date(iso))
    : '';
const yesNo = (b: boolean) => (b ? 'Có' : 'Không');

function sheet(wb: ExcelJS.Workbook, name: string, headers: string[], rows: (string | number)[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    c.width = Math.min(48, Math.max(10, (headers[i]?.length ?? 8) + 2));
  });
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  return ws;
}

/**
 * The library report as a workbook (Vietnamese headers, one row per school, schools that
 * neither contribute nor use marked): "Theo trường", "Theo môn học" and "Tổng hợp" (the filters,
 * the scope and the totals).
 */
export async function statsWorkbook(r: Overview): Promise<StatsWorkbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'giaoducso';
  wb.created = new Date(r.generatedAt);
  const schools = sheet(
    wb,
    'Theo trường',
    [
      'STT',
      'Mã trường',
      'Tên trường',
      'Xã/phường',
      ...RESOURCE_STATUSES.map((s) => `Đóng góp: ${STATUS_VI[s]}`),
      'Tổng đóng góp',
      'Xuất bản trong kỳ',
      'Lượt xem',
      'Lượt tải',
      'Có đóng góp',
      'Có sử dụng',
      'Hoạt động gần nhất',
    ],
    r.schools.map((s, i) => [
      i + 1,
      s.code,
      s.active ? s.name : `${s.name} (đã giải thể/sáp nhập)`,
      s.communeName,
      ...RESOURCE_STATUSES.map((st) => s.contributed[st]),
      s.contributedTotal,
      s.published,
      s.views,
      s.downloads,
      yesNo(s.contributes),
      yesNo(s.uses),
      timeVn(s.lastActivityAt),
    ]),
  );
  // Schools that neither contribute nor use: highlighted, as on the page.
  r.schools.forEach((s, i) => {
    if (s.contributes || s.uses) return;
    schools.getRow(i + 2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  });
  sheet(
    wb,
    'Theo môn học',
    ['Mã môn', 'Môn học', 'Đóng góp', 'Xuất bản trong kỳ', 'Lượt xem', 'Lượt tải'],
    r.subjects.map((s) => [s.code, s.name, s.contributed, s.published, s.views, s.downloads]),
  );
  const t = r.totals;
  sheet(
    wb,
    'Tổng hợp',
    ['Mục', 'Giá trị'],
    [
      ['Phạm vi', r.scope.map((u) => u.name).join('; ') || 'Toàn tỉnh'],
      ['Từ ngày', dayVn(r.from) || 'Từ đầu'],
      ['Đến ngày', dayVn(r.to) || 'Đến nay'],
      ['Cấp học', r.level ? LEVEL_NAMES[r.level] : 'Tất cả'],
      ['Môn học', r.subject ? (r.subjects.find((s) => s.code === r.subject)?.name ?? r.subject) : 'Tất cả'],
      ['Số trường', t.schools],
      ['Trường có đóng góp', t.contributing],
      ['Trường có sử dụng', t.using],
      ['Trường không đóng góp, không sử dụng', t.neither],
      ['Học liệu đóng góp', t.contributed],
      ['Học liệu xuất bản trong kỳ', t.published],
      ['Lượt xem', t.views],
      ['Lượt tải', t.downloads],
      ...(r.otherReaders
        ? [
            ['Lượt xem của người dùng ngoài trường học', r.otherReaders.views],
            ['Lượt tải của người dùng ngoài trường học', r.otherReaders.downloads],
          ]
        : []),
      ['Lập lúc', timeVn(r.generatedAt)],
    ],
  );
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  const stamp = new Date(r.generatedAt).toISOString().slice(0, 10);
  return { body, filename: `Báo cáo học liệu số ${stamp}.xlsx` };
}
