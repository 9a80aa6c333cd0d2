import ExcelJS from 'exceljs';
import type { Platform } from '../../platform/platform.ts';
import * as xrepo from './org-xlsx.repository.ts';
import {
  type Column,
  formatDate,
  formatLevels,
  OWNERSHIP_LABELS,
  SCHOOL_COLUMNS,
  SCHOOL_SHEET,
  todayInVietnam,
  UNIT_COLUMNS,
  UNIT_SHEET,
} from './org-xlsx.ts';
import * as schools from './school.repository.ts';

export interface ExportFile {
  body: Buffer;
  /** ASCII, for the `filename=` fallback. */
  asciiName: string;
  /** Vietnamese, for `filename*=`. */
  name: string;
}

function addSheet<K extends string>(
  wb: ExcelJS.Workbook,
  title: string,
  columns: readonly Column<K>[],
  rows: Record<K, string>[],
) {
  const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    key: c.key,
    header: c.header,
    width: c.width,
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  ws.addRows(rows);
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/**
 * The unit tree and the school directory as an .xlsx workbook: sheet "Đơn vị" (every unit that
 * is not a school, expired ones included with their dates) and sheet "Trường học" (every
 * school), the format importSchools reads back. Public facts, so no permission is needed.
 * Dates are dd/mm/yyyy text; codes and phones are text cells so Excel keeps them as typed.
 */
export async function exportWorkbook(p: Platform): Promise<ExportFile> {
  const [units, allSchools, refs] = await Promise.all([
    xrepo.listUnitsForExport(p.db),
    schools.listAllSchools(p.db),
    xrepo.listUnitRefs(p.db),
  ]);
  // Usually a division or the Sở; for a school merged into another, the successor school.
  const codeOf = new Map(refs.map((u) => [u.id, u.code]));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'giaoducso';
  wb.created = new Date();
  addSheet(
    wb,
    UNIT_SHEET,
    UNIT_COLUMNS,
    units.map((u) => ({
      code: u.code,
      name: u.name,
      type: u.type_code,
      parent: u.parent_code ?? '',
      validFrom: formatDate(u.valid_from),
      validTo: formatDate(u.valid_to),
    })),
  );
  addSheet(
    wb,
    SCHOOL_SHEET,
    SCHOOL_COLUMNS,
    allSchools.map((s) => ({
      code: s.code,
      name: s.name,
      levels: formatLevels(s.levels),
      ownership: OWNERSHIP_LABELS[s.ownership],
      commune: s.commune_code,
      parent: s.parent_id ? (codeOf.get(s.parent_id) ?? '') : '',
      address: s.address ?? '',
      phone: s.phone ?? '',
      email: s.email ?? '',
      validFrom: formatDate(s.valid_from),
      validTo: formatDate(s.valid_to),
    })),
  );
  const day = todayInVietnam();
  return {
    body: Buffer.from(await wb.xlsx.writeBuffer()),
    asciiName: `don-vi-truong-hoc-${day}.xlsx`,
    name: `Đơn vị và trường học ${formatDate(day).replaceAll('/', '-')}.xlsx`,
  };
}
