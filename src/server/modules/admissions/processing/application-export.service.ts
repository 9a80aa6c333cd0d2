import ExcelJS from 'exceljs';
import type { ExportQuery } from '../../../../shared/admission-processing.schema.ts';
import { type DossierState, STATE_LABELS } from '../../../../shared/dossiers.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { Platform } from '../../../platform/platform.ts';
import { isOverdue } from '../../dossiers/dossier-state.ts';
import { unitNames } from '../applications/application.repository.ts';
import { priorityGroupOf } from './application-detail.service.ts';
import { exportRows } from './processing.repository.ts';
import { formatDateTimeVn, formatDayVn, formatIsoDate } from './processing-format.ts';
import { reviewRoots, roundOf } from './review-scope.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Row = Awaited<ReturnType<typeof exportRows>>[number];

export interface ExportTable {
  headers: string[];
  rows: (string | number)[][];
}

const yesNo = (b: boolean) => (b ? 'Có' : 'Không');
const GENDER = { male: 'Nam', female: 'Nữ' } as const;
const RESIDENCE = {
  confirmed: 'Khớp CSDL',
  correction: 'Đề nghị điều chỉnh',
  unregistered: 'Chưa có trên CSDL',
} as const;

/**
 * The sheet of an export, pure: one row per application, Vietnamese headers, one column per
 * wish (NV1, NV2, … as many as the longest list), dates dd/mm/yyyy in Vietnam time. Never the
 * personal ID (the table has none) nor the parent's contact.
 */
export function buildExportTable(
  rows: readonly Row[],
  schoolName: (id: string) => string,
  priorityName: (code: string | null) => string,
  now: Date,
): ExportTable {
  const wishCount = Math.max(1, ...rows.map((r) => r.wishes.length));
  const headers = [
    'STT',
    'Mã hồ sơ',
    'Họ và tên',
    'Ngày sinh',
    'Giới tính',
    'Xã/phường cư trú',
    'Thôn/tổ dân phố',
    'Khớp CSDL dân cư',
    'Tình trạng cư trú',
    'Đối tượng ưu tiên',
    ...Array.from({ length: wishCount }, (_, i) => `Nguyện vọng ${i + 1}`),
    'Trạng thái',
    'Thời điểm nộp',
    'Hạn giải quyết',
    'Quá hạn',
  ];
  const body = rows.map((r, i) => [
    i + 1,
    r.dossier_code,
    r.child_name,
    formatIsoDate(r.date_of_birth),
    GENDER[r.gender],
    r.commune_name ?? '',
    r.residence_village ?? '',
    yesNo(r.registry_match),
    RESIDENCE[r.residence_status],
    priorityName(r.priority_group),
    ...Array.from({ length: wishCount }, (_, w) => (r.wishes[w] ? schoolName(r.wishes[w]) : '')),
    STATE_LABELS[r.state as DossierState].vi,
    formatDateTimeVn(r.received_at),
    formatDayVn(r.due_at),
    yesNo(isOverdue(r.state as DossierState, r.due_at ? new Date(r.due_at) : null, now)),
  ]);
  return { headers, rows: body };
}

export interface ExportFile {
  body: Buffer;
  filename: string;
  rows: number;
}

/**
 * The queue as an .xlsx workbook with the queue's filters and scope (issue 3, item 3). Who
 * exported which filter and how many rows is audited ('admissions.application.export').
 */
export class ApplicationExportService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  async export(actor: Actor, roundId: string, query: ExportQuery): Promise<ExportFile> {
    const round = await roundOf(this.#p, roundId);
    const roots = await reviewRoots(this.#p, actor, round);
    const rows = await exportRows(this.#p.db, {
      roundId,
      schoolRoots: roots,
      schoolId: query.schoolId,
      state: query.state,
      q: query.q?.replace(/[%_\\]/g, ' '),
    });
    const names = await unitNames(this.#p.db, [...new Set(rows.flatMap((r) => r.wishes))]);
    const table = buildExportTable(
      rows,
      (id) => names.get(id) ?? '',
      (code) => priorityGroupOf(round.priority_groups, code)?.name ?? '',
      new Date(),
    );
    const wb = new ExcelJS.Workbook();
    wb.creator = 'giaoducso';
    wb.created = new Date();
    const ws = wb.addWorksheet('Hồ sơ tuyển sinh', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(table.headers);
    // Codes and dates as text: Excel keeps them as shown (no 1900-date or number conversion).
    for (const r of table.rows) ws.addRow(r.map((v) => (typeof v === 'number' ? v : String(v))));
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 6 : Math.min(40, Math.max(12, (table.headers[i]?.length ?? 10) + 2));
    });
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    await this.#p.audit.record(this.#p.db, actor, {
      action: 'admissions.application.export',
      entityType: 'admission_round',
      entityId: roundId,
      unitId: round.running_unit_id,
      after: {
        format: 'xlsx',
        filter: { schoolId: query.schoolId ?? null, state: query.state ?? null, q: query.q ?? null },
        scope: roots === null ? 'round' : 'schools',
        rows: rows.length,
      },
    });
    return { body, filename: `Hồ sơ tuyển sinh ${round.code}.xlsx`, rows: rows.length };
  }
}
