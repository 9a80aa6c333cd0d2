import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { ImportReport } from '../../../shared/org.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Trx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import * as repo from './org.repository.ts';
import { checkAccess, schoolNeeds, unitNeeds } from './org-import-access.ts';
import { ImportWriter } from './org-import-write.ts';
import * as xrepo from './org-xlsx.repository.ts';
import {
  type Column,
  fold,
  readRows,
  SCHOOL_COLUMNS,
  SCHOOL_SHEET,
  todayInVietnam,
  UNIT_COLUMNS,
  UNIT_SHEET,
} from './org-xlsx.ts';
import { type Lookups, planSchoolRows, type RawRow } from './org-xlsx-plan.ts';
import { planUnitRows, type UnitRawRow } from './org-xlsx-units-plan.ts';
import { applyUnitPlan, findBlockedExpiries } from './org-xlsx-units-tree.ts';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;
/** Every .xlsx is a ZIP archive: local file header `PK\x03\x04` (APPNOTE.TXT 4.3.7). */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const SCHOOL_REQUIRED = ['code', 'name', 'levels', 'ownership', 'commune', 'parent'];
/** All six: an empty "Hiệu lực đến" on a closed unit must mean "reopen" (refused), not "column left out". */
const UNIT_REQUIRED = UNIT_COLUMNS.map((c) => c.key);

const invalidFile = (vi: string, en: string) => new AppError('file.invalid', { hint: { vi, en } });

/** Opens an .xlsx upload; anything else (PNG, text, a corrupt archive, > 10 MB) is `file.invalid`. */
export async function openWorkbook(file: Buffer): Promise<ExcelJS.Workbook> {
  if (file.length > MAX_IMPORT_BYTES) throw invalidFile('Tệp lớn hơn 10 MB.', 'The file is larger than 10 MB.');
  if (file.length < 4 || !file.subarray(0, 4).equals(ZIP_MAGIC))
    throw invalidFile('Chỉ nhận tệp Excel .xlsx.', 'Only Excel .xlsx files are accepted.');
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its input as an ArrayBuffer; a copy gives it one of exactly the file's length.
    await wb.xlsx.load(new Uint8Array(file).buffer);
  } catch (cause) {
    throw new AppError('file.invalid', {
      hint: { vi: 'Không đọc được tệp Excel.', en: 'The Excel file cannot be read.' },
      cause,
    });
  }
  return wb;
}

/**
 * Imports an organisation workbook (the format of GET /api/org/export.xlsx): the "Đơn vị" sheet,
 * when it has data rows, then the "Trường học" sheet (or a workbook's only sheet), so that a
 * school may sit under a unit created by the same file. All or nothing across both sheets: when
 * any row has an error nothing is written and the report lists every error (units-sheet columns
 * are named "Đơn vị: …"); otherwise new codes create units and schools (with a "created" event),
 * known codes are renamed (effective today, the former name kept), moved, closed (units; a
 * "dissolved" event) or updated (school profiles), identical rows count as unchanged; the counts
 * add up both sheets. One transaction, one audit entry per change, the closure rebuilt once. A
 * row needs `org.manage` where it changes something (see org-import-access.ts); rows that change
 * nothing need none. `dryRun` returns the same report and writes nothing. Used by the route and
 * the CLI.
 */
export async function importSchools(
  p: Platform,
  actor: Actor,
  file: Buffer,
  opts: { dryRun: boolean },
): Promise<ImportReport> {
  await p.access.require(actor, 'org.manage');
  const sheets = readSheets(await openWorkbook(file));

  // Plan and write in one transaction, one import at a time, so the plan is not stale when written.
  return p.db.transaction().execute(async (trx) => {
    await xrepo.lockImports(trx);
    const before = await loadLookups(trx);
    const units = planUnitRows(sheets.units, before, randomUUID);
    const after = applyUnitPlan(before, units.planned);
    const schools = planSchoolRows(sheets.schools, after);
    const created = new Map(units.planned.flatMap((x) => (x.kind === 'create' ? [[x.id, x.parentId] as const] : [])));
    const tree = { before, after, created };
    const unitErrors = [
      ...units.errors,
      ...findBlockedExpiries(after, units.planned, schools.planned),
      ...(await checkAccess(p, actor, unitNeeds(units.planned), tree)),
    ];
    const schoolErrors = [...schools.errors, ...(await checkAccess(p, actor, schoolNeeds(schools.planned), tree))];
    const byRow = (a: { row: number }, b: { row: number }) => a.row - b.row;
    const errors = [...unitErrors.sort(byRow), ...schoolErrors.sort(byRow)];
    if (errors.length > 0) return { created: 0, updated: 0, unchanged: 0, errors };
    const all = [...units.planned, ...schools.planned];
    const count = (k: (typeof all)[number]['kind']) => all.filter((x) => x.kind === k).length;
    const report: ImportReport = {
      created: count('create'),
      updated: count('update'),
      unchanged: count('unchanged'),
      errors,
    };
    if (opts.dryRun || report.created + report.updated === 0) return report;
    const writer = new ImportWriter(p, trx, actor, before.today);
    await writer.writeUnits(units.planned);
    await writer.writeSchools(schools.planned);
    // A workbook without units keeps the audit action it always had.
    const withUnits = sheets.units.length > 0;
    await writer.finish(withUnits ? 'org.import' : 'org.school.import', withUnits ? 'org_unit' : 'school', {
      ...report,
      errors: 0,
    });
    return report;
  });
}

/** The same import under the name that says what it reads. */
export const importOrgWorkbook = importSchools;

/**
 * The data rows of both sheets. A units sheet without data rows counts as absent; a schools
 * sheet (or the only sheet of a workbook without units sheet) must have its columns even if empty.
 */
function readSheets(wb: ExcelJS.Workbook): { units: UnitRawRow[]; schools: RawRow[] } {
  const named = (name: string) => wb.worksheets.find((w) => fold(w.name) === fold(name));
  const unitWs = named(UNIT_SHEET);
  const schoolWs = named(SCHOOL_SHEET) ?? (wb.worksheets.length === 1 && !unitWs ? wb.worksheets[0] : undefined);
  const units = unitWs ? readSheet(unitWs, UNIT_COLUMNS, UNIT_REQUIRED, { skipIfEmpty: true }) : [];
  if (!schoolWs && units.length === 0)
    throw invalidFile(
      `Không có trang "${SCHOOL_SHEET}" hoặc "${UNIT_SHEET}" có dữ liệu.`,
      `The workbook has no "${SCHOOL_SHEET}" sheet and no "${UNIT_SHEET}" sheet with data.`,
    );
  return {
    units,
    schools: schoolWs ? readSheet(schoolWs, SCHOOL_COLUMNS, SCHOOL_REQUIRED, { skipIfEmpty: false }) : [],
  };
}

function readSheet<K extends string>(
  ws: ExcelJS.Worksheet,
  columns: readonly Column<K>[],
  required: readonly string[],
  opts: { skipIfEmpty: boolean },
) {
  if (ws.actualRowCount > MAX_IMPORT_ROWS + 1)
    throw invalidFile(`Tối đa ${MAX_IMPORT_ROWS} dòng.`, `At most ${MAX_IMPORT_ROWS} rows.`);
  const { rows, missing } = readRows(ws, columns);
  if (opts.skipIfEmpty && rows.length === 0) return rows;
  const absent = columns.filter((c) => required.includes(c.key) && missing.includes(c.header)).map((c) => c.header);
  if (absent.length) {
    const list = absent.join(', ');
    throw invalidFile(`Trang "${ws.name}" thiếu cột: ${list}.`, `The sheet "${ws.name}" lacks the columns: ${list}.`);
  }
  return rows;
}

async function loadLookups(trx: Trx): Promise<Lookups> {
  const units = await xrepo.listUnitRefs(trx);
  const schoolRows = await xrepo.listSchoolRows(trx);
  const types = await repo.listUnitTypes(trx);
  return {
    units: new Map(units.map((u) => [u.code, u])),
    schools: new Map(schoolRows.map((s) => [s.unit_id, s])),
    parentTypes: new Map(types.map((t) => [t.code, t.parent_types])),
    today: todayInVietnam(),
  };
}
