import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { ImportReport } from '../../../shared/org.schema.ts';
import { type Actor, actorLabel } from '../../platform/actor.ts';
import type { Trx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import * as repo from './org.repository.ts';
import { dayBefore } from './org-history.service.ts';
import * as xrepo from './org-xlsx.repository.ts';
import { fold, headerOf, readRows, SCHOOL_COLUMNS, SCHOOL_SHEET, todayInVietnam } from './org-xlsx.ts';
import { accessTargets, type Lookups, type Planned, planSchoolRows, type RowError } from './org-xlsx-plan.ts';
import * as schools from './school.repository.ts';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;
/** Every .xlsx is a ZIP archive: local file header `PK\x03\x04` (APPNOTE.TXT 4.3.7). */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const REQUIRED = ['code', 'name', 'levels', 'ownership', 'commune', 'parent'] as const;

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
 * Imports the "Trường học" sheet (the format of GET /api/org/export.xlsx). All or nothing:
 * when any row has an error nothing is written and the report lists every error; otherwise
 * new codes create a school (unit + profile + "created" event), known codes update it (a new
 * name is a rename effective today, kept in the name history; a new managing unit is a move;
 * other fields are a profile update), identical rows count as unchanged. One transaction,
 * one audit entry per change, the closure rebuilt once. A row needs `org.manage` on its
 * managing unit (and on the school it changes); rows that change nothing need no permission.
 * `dryRun` returns the same report and writes nothing. Used by the route and the CLI.
 */
export async function importSchools(
  p: Platform,
  actor: Actor,
  file: Buffer,
  opts: { dryRun: boolean },
): Promise<ImportReport> {
  await p.access.require(actor, 'org.manage');
  const wb = await openWorkbook(file);
  const ws =
    wb.worksheets.find((w) => fold(w.name) === fold(SCHOOL_SHEET)) ??
    (wb.worksheets.length === 1 ? wb.worksheets[0] : undefined);
  if (!ws) throw invalidFile(`Không có trang "${SCHOOL_SHEET}".`, `The workbook has no "${SCHOOL_SHEET}" sheet.`);
  if (ws.actualRowCount > MAX_IMPORT_ROWS + 1)
    throw invalidFile(`Tối đa ${MAX_IMPORT_ROWS} dòng.`, `At most ${MAX_IMPORT_ROWS} rows.`);
  const { rows, missing } = readRows(ws, SCHOOL_COLUMNS);
  const missingRequired = REQUIRED.map(headerOf).filter((h) => missing.includes(h));
  if (missingRequired.length) {
    throw invalidFile(`Thiếu cột: ${missingRequired.join(', ')}.`, `Missing columns: ${missingRequired.join(', ')}.`);
  }

  // Plan and write in one transaction, one import at a time, so the plan is not stale when written.
  return p.db.transaction().execute(async (trx) => {
    await xrepo.lockImports(trx);
    const lookups = await loadLookups(trx);
    const { planned, errors } = planSchoolRows(rows, lookups);
    errors.push(...(await checkAccess(p, actor, planned, lookups)));
    errors.sort((a, b) => a.row - b.row);
    if (errors.length > 0) return { created: 0, updated: 0, unchanged: 0, errors };
    const count = (k: Planned['kind']) => planned.filter((x) => x.kind === k).length;
    const report: ImportReport = {
      created: count('create'),
      updated: count('update'),
      unchanged: count('unchanged'),
      errors,
    };
    if (!opts.dryRun && report.created + report.updated > 0)
      await writePlan(p, trx, actor, planned, lookups.today, report);
    return report;
  });
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

/** A row error for each row that touches a unit outside the actor's `org.manage` subtrees. */
async function checkAccess(p: Platform, actor: Actor, planned: Planned[], lk: Lookups): Promise<RowError[]> {
  const cache = new Map<string, boolean>();
  const names = new Map([...lk.units.values()].map((u) => [u.id, u.name]));
  const errors: RowError[] = [];
  for (const row of planned) {
    for (const unitId of accessTargets(row)) {
      if (!cache.has(unitId)) cache.set(unitId, await p.access.can(actor, 'org.manage', { unitId }));
      if (cache.get(unitId)) continue;
      const name = names.get(unitId) ?? unitId;
      const own = row.kind === 'update' && row.unit.id === unitId;
      errors.push({
        row: row.row,
        column: headerOf(own ? 'code' : 'parent'),
        message: own
          ? `Bạn không có quyền cập nhật trường "${name}" / You may not update the school "${name}"`
          : `Bạn không có quyền quản lý trường thuộc "${name}" / You may not manage schools under "${name}"`,
      });
      break;
    }
  }
  return errors;
}

async function writePlan(p: Platform, trx: Trx, actor: Actor, planned: Planned[], today: string, report: ImportReport) {
  const by = actorLabel(actor).id;
  const audit = (action: string, entityType: string, unitId: string, before: unknown, after: unknown) =>
    p.audit.record(trx, actor, { action, entityType, entityId: unitId, unitId, before, after });
  const events: xrepo.EventRow[] = [];
  const event = (kind: xrepo.EventRow['kind'], unitId: string, date: string) =>
    events.push({ id: randomUUID(), kind, effective_date: date, created_by: by, unit_id: unitId });

  const creates = planned.filter((x) => x.kind === 'create');
  const ids = creates.map(() => randomUUID());
  await xrepo.insertUnits(
    trx,
    creates.map((c, i) => ({
      id: ids[i]!,
      code: c.code,
      name: c.name,
      type_code: c.typeCode,
      parent_id: c.parentId,
      valid_from: c.validFrom,
      valid_to: c.validTo,
    })),
  );
  await xrepo.insertSchools(
    trx,
    creates.map((c, i) => ({ unit_id: ids[i]!, ...c.profile })),
  );
  for (const [i, c] of creates.entries()) {
    event('created', ids[i]!, c.validFrom);
    const after = {
      code: c.code,
      name: c.name,
      typeCode: c.typeCode,
      parentId: c.parentId,
      validFrom: c.validFrom,
      validTo: c.validTo,
      school: c.profile,
    };
    await audit('org.unit.create', 'org_unit', ids[i]!, null, after);
  }

  const updates = planned.flatMap((x) => (x.kind === 'update' ? [x] : []));
  const nameStarts = await xrepo.findNameStarts(
    trx,
    updates.filter((u) => u.name).map((u) => u.unit.id),
  );
  for (const u of updates) {
    const id = u.unit.id;
    if (u.name) {
      // As OrgHistoryService.rename, effective today. A name given today (a new school, or a
      // rename earlier today) is corrected in place rather than recorded as a one-day name.
      const since = nameStarts.get(id) ?? u.unit.valid_from;
      if (!since || since < today) await repo.insertFormerName(trx, id, u.unit.name, since, dayBefore(today));
      await repo.updateUnit(trx, id, { name: u.name });
      event('renamed', id, today);
      await audit('org.unit.rename', 'org_unit', id, { name: u.unit.name }, { name: u.name, effectiveDate: today });
    }
    if (u.parentId) {
      await repo.updateUnit(trx, id, { parent_id: u.parentId });
      event('moved', id, today);
      await audit(
        'org.unit.move',
        'org_unit',
        id,
        { parentId: u.unit.parent_id },
        { parentId: u.parentId, effectiveDate: today },
      );
    }
    const keys = Object.keys(u.profile) as (keyof typeof u.profile)[];
    if (keys.length) {
      await schools.updateSchool(trx, id, u.profile);
      await audit('org.school.update', 'school', id, Object.fromEntries(keys.map((k) => [k, u.before[k]])), u.profile);
    }
  }
  await xrepo.insertEvents(trx, events);
  if (creates.length || updates.some((u) => u.parentId)) await repo.rebuildClosure(trx);
  await p.audit.record(trx, actor, {
    action: 'org.school.import',
    entityType: 'school',
    after: { ...report, errors: 0 },
  });
}
