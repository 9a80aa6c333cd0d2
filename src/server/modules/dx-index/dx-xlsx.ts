import ExcelJS from 'exceljs';
import type { DxRanking, DxResultRow } from '../../../shared/dx-index.schema.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const STATE_VI: Record<string, string> = {
  draft: 'Đang tự đánh giá',
  submitted: 'Đã gửi, chờ đánh giá',
  returned: 'Cần bổ sung minh chứng',
  recognised: 'Đã công nhận',
};
const LEVEL_VI = { 1: 'Mức 1', 2: 'Mức 2', 3: 'Mức 3' } as const;

function sheet(wb: ExcelJS.Workbook, name: string, headers: string[], rows: (string | number | null)[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    c.width = Math.min(48, Math.max(10, (headers[i]?.length ?? 8) + 2));
  });
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
}

/**
 * The year's results as a workbook (Vietnamese headers): "Theo trường" (every school of the
 * scope with its state, totals, levels and rank in the province) and "Theo xã, phường".
 */
export async function resultsWorkbook(
  year: number,
  schools: DxResultRow[],
  ranking: DxRanking,
): Promise<{ body: Buffer; filename: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'giaoducso';
  sheet(
    wb,
    'Theo trường',
    ['Hạng', 'Trường', 'Xã, phường', 'Trạng thái', 'Điểm dạy, học', 'Mức dạy, học', 'Điểm quản trị', 'Mức quản trị'],
    schools.map((r) => [
      r.rank,
      r.schoolName,
      r.communeName,
      r.state ? STATE_VI[r.state]! : 'Chưa bắt đầu',
      r.teaching,
      r.levelTeaching ? LEVEL_VI[r.levelTeaching] : null,
      r.governance,
      r.levelGovernance ? LEVEL_VI[r.levelGovernance] : null,
    ]),
  );
  sheet(
    wb,
    'Theo xã, phường',
    [
      'Hạng',
      'Xã, phường',
      'Số trường',
      'Đã gửi',
      'Đã công nhận',
      'Điểm TB dạy, học',
      'Điểm TB quản trị',
      'Dạy, học Mức 1',
      'Dạy, học Mức 2',
      'Dạy, học Mức 3',
      'Quản trị Mức 1',
      'Quản trị Mức 2',
      'Quản trị Mức 3',
    ],
    ranking.communes.map((c) => [
      c.rank,
      c.name,
      c.schools,
      c.assessed,
      c.recognised,
      c.avgTeaching,
      c.avgGovernance,
      c.teaching[1],
      c.teaching[2],
      c.teaching[3],
      c.governance[1],
      c.governance[2],
      c.governance[3],
    ]),
  );
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { body, filename: `Kết quả chuyển đổi số ${year}.xlsx` };
}
