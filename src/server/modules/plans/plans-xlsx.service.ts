import type { CellValue } from 'exceljs';
import ExcelJS from 'exceljs';
import type { PlanImportReport, TaskInput } from '../../../shared/plans.schema.ts';
import { PLAN_CODE } from '../../../shared/plans.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { openWorkbook } from '../org/org-import.service.ts';
import { formatDate } from '../org/org-xlsx.ts';
import * as repo from './plans.repository.ts';
import { notFound, type PlansService, todayVn } from './plans.service.ts';
import {
  budgetHeader,
  COLUMNS,
  type ColumnKey,
  cellText,
  fold,
  HEADER_ROW,
  parseAmount,
  parseBudgetHeader,
  parseDate,
  parseUnitRef,
  parseYesNo,
  SHEET,
  unitRef,
} from './plans-xlsx.ts';
import type { TasksService } from './tasks.service.ts';

const headerOf = (k: ColumnKey) => COLUMNS.find((c) => c.key === k)!.header;
/** Which column a field path of TasksService.resolve() names. */
const FIELD_COLUMN: Record<string, ColumnKey> = {
  leadUnitId: 'lead',
  leadName: 'lead',
  coordinators: 'coordinators',
  endOn: 'end',
  startOn: 'start',
  sectionCode: 'section',
  parentCode: 'parent',
};

class Rollback extends Error {}

/** Excel export and import of a plan's tasks (the plan's summary table). */
export class PlansXlsxService {
  readonly #plans: PlansService;
  readonly #tasks: TasksService;

  constructor(plans: PlansService, tasks: TasksService) {
    this.#plans = plans;
    this.#tasks = tasks;
  }

  /** The plan's tasks as an .xlsx: STT, code, section, content, units, period, outputs, budget per year and source. */
  async export(actor: Actor, planId: string): Promise<{ body: Buffer; filename: string }> {
    this.#plans.requireReader(actor);
    const db = this.#plans.platform.db;
    const plan = await repo.findPlan(db, planId);
    if (!plan) throw notFound();
    const [tasks, sources, sections] = await Promise.all([
      repo.planTasks(db, planId, todayVn()),
      repo.listSources(db),
      repo.listSections(db, planId),
    ]);
    const sectionTitles = new Map(sections.map((s) => [s.code, s.title]));
    const units = new Map(
      (
        await repo.unitNames(db, [
          ...new Set(
            tasks
              .flatMap((t) => [t.lead_unit_id, ...t.coordinators.map((c) => c.unitId)])
              .filter((x): x is string => !!x),
          ),
        ])
      ).map((u) => [u.id, u.code]),
    );
    const pairs = new Map<string, { year: number; source: string; label: string }>();
    for (const t of tasks)
      for (const b of t.budgets) {
        const label = sources.find((s) => s.code === b.sourceCode)?.short_label ?? b.sourceCode;
        pairs.set(`${b.year}|${b.sourceCode}`, { year: b.year, source: b.sourceCode, label });
      }
    if (pairs.size === 0) pairs.set(`${plan.year_from}|CTX`, { year: plan.year_from, source: 'CTX', label: 'CTX' });
    const budgetCols = [...pairs.values()].sort((a, b) => a.year - b.year || a.label.localeCompare(b.label));

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SHEET);
    ws.getCell(1, 1).value = `KẾ HOẠCH${plan.number ? ` SỐ ${plan.number}` : ''}: ${plan.title}`;
    ws.getCell(1, 1).font = { bold: true };
    ws.getCell(2, 1).value =
      `${plan.issuing_unit_name}${plan.issued_on ? ` — ${formatDate(plan.issued_on)}` : ''} — ĐVT: triệu đồng`;
    const headers = [...COLUMNS.map((c) => c.header), ...budgetCols.map((b) => budgetHeader(b.year, b.label))];
    const header = ws.getRow(HEADER_ROW);
    headers.forEach((h, i) => {
      header.getCell(i + 1).value = h;
    });
    header.font = { bold: true };
    COLUMNS.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width;
    });
    budgetCols.forEach((_, i) => {
      ws.getColumn(COLUMNS.length + i + 1).width = 14;
    });
    const sums = budgetCols.map(() => 0);
    let r = HEADER_ROW + 1;
    for (const t of tasks) {
      const values: Record<ColumnKey, CellValue> = {
        stt: t.code.split('.').pop() ?? t.code,
        code: t.code,
        section: t.section_code ?? '',
        sectionTitle: sectionTitles.get(t.section_code ?? '') ?? '',
        parent: t.parent_code ?? '',
        content: t.content,
        lead: unitRef(t.lead_name, t.lead_unit_id ? (units.get(t.lead_unit_id) ?? null) : null),
        coordinators: t.coordinators
          .map((c) => unitRef(c.name, c.unitId ? (units.get(c.unitId) ?? null) : null))
          .join('; '),
        period: t.period_text ?? '',
        start: formatDate(t.start_on),
        end: formatDate(t.end_on),
        outputs: t.outputs ?? '',
        counted: t.counted ? 'Có' : 'Không',
        budgetNote: t.budget_note ?? '',
      };
      const row = ws.getRow(r++);
      COLUMNS.forEach((c, i) => {
        row.getCell(i + 1).value = values[c.key];
      });
      budgetCols.forEach((b, i) => {
        const line = t.budgets.find((x) => x.year === b.year && x.sourceCode === b.source);
        if (!line) return;
        const v = Number(line.amount);
        row.getCell(COLUMNS.length + i + 1).value = v;
        if (t.counted) sums[i] = (sums[i] ?? 0) + Math.round(v * 10);
      });
    }
    const total = ws.getRow(r);
    total.getCell(1).value = 'Tổng cộng';
    total.font = { bold: true };
    sums.forEach((s, i) => {
      total.getCell(COLUMNS.length + i + 1).value = s / 10;
    });
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    return { body, filename: `ke-hoach-${(plan.number ?? plan.id).replace(/[^A-Za-z0-9-]/g, '-')}.xlsx` };
  }

  /**
   * Imports the layout of export(): rows keyed by "Mã nhiệm vụ" (or STT) create or update the
   * plan's tasks (idempotent: the same file twice changes nothing the second time). All or
   * nothing: any problem (row, column, Vietnamese and English message) and nothing is written.
   */
  async import(actor: Actor, planId: string, file: Buffer, dryRun: boolean): Promise<PlanImportReport> {
    const db = this.#plans.platform.db;
    const plan = await repo.findPlan(db, planId);
    if (!plan) throw notFound();
    await this.#plans.requireManage(actor, plan.issuing_unit_id);
    const wb = await openWorkbook(file);
    const ws = wb.getWorksheet(SHEET) ?? wb.worksheets[0];
    if (!ws)
      throw new AppError('file.invalid', { hint: { vi: 'Tệp không có trang tính.', en: 'The file has no sheet.' } });
    const report: PlanImportReport = { rows: 0, created: 0, updated: 0, written: false, problems: [] };
    const problem = (row: number, column: string, vi: string, en: string) =>
      report.problems.push({ row, column, vi, en });

    // Header: the first of the first 10 rows that names "Nội dung".
    let headerRow = 0;
    const cols = new Map<ColumnKey, number>();
    const budgetCols: { col: number; year: number; source: string; header: string }[] = [];
    const sources = await repo.listSources(db);
    for (let r = 1; r <= Math.min(10, ws.rowCount) && !headerRow; r++) {
      const row = ws.getRow(r);
      row.eachCell((cell) => {
        if (fold(cellText(cell.value)) === fold(headerOf('content'))) headerRow = r;
      });
      if (!headerRow) continue;
      row.eachCell((cell, c) => {
        const text = cellText(cell.value);
        const key = COLUMNS.find((x) => fold(x.header) === fold(text))?.key;
        if (key) cols.set(key, c);
        const b = parseBudgetHeader(text);
        if (!b) return;
        const src = sources.find((s) => fold(s.short_label) === b.source || fold(s.code) === b.source);
        if (!src)
          problem(r, text, `Nguồn vốn "${b.source}" không có trong danh mục.`, `Unknown funding source "${b.source}".`);
        else budgetCols.push({ col: c, year: b.year, source: src.code, header: text });
      });
    }
    if (!headerRow) {
      problem(
        1,
        headerOf('content'),
        'Không tìm thấy dòng tiêu đề có cột "Nội dung".',
        'No header row with a "Nội dung" column.',
      );
      return report;
    }
    for (const k of ['content', 'lead'] as const)
      if (!cols.has(k)) problem(headerRow, headerOf(k), 'Thiếu cột bắt buộc.', 'A required column is missing.');
    if (!cols.has('code') && !cols.has('stt'))
      problem(
        headerRow,
        headerOf('code'),
        'Thiếu cột "Mã nhiệm vụ" hoặc "STT".',
        'The "Mã nhiệm vụ" or "STT" column is missing.',
      );
    if (report.problems.length) return report;

    // Rows → task inputs, checked cell by cell.
    const parsed: { row: number; input: TaskInput }[] = [];
    // Sections named in the file that the plan lacks are added (with the "Tên mục" title).
    const existingSections = await repo.listSections(db, planId);
    const newSections = new Map<string, string>();
    const seen = new Map<string, number>();
    const get = (row: ExcelJS.Row, k: ColumnKey): CellValue => (cols.has(k) ? row.getCell(cols.get(k)!).value : null);
    const unitCodes = new Set<string>();
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const content = cellText(get(row, 'content'));
      const code = cellText(get(row, 'code')) || cellText(get(row, 'stt'));
      if (!content && (!code || /^tổng/.test(fold(code)))) continue;
      if (/^tổng/.test(fold(cellText(get(row, 'stt'))))) continue;
      report.rows++;
      const before = report.problems.length;
      const col = cols.has('code') ? headerOf('code') : headerOf('stt');
      if (!PLAN_CODE.test(code))
        problem(r, col, 'Mã nhiệm vụ không hợp lệ (dạng II.1.2).', 'Invalid task code (like II.1.2).');
      else if (seen.has(code))
        problem(
          r,
          col,
          `Mã nhiệm vụ trùng với dòng ${seen.get(code)}.`,
          `Duplicate task code (row ${seen.get(code)}).`,
        );
      seen.set(code, r);
      if (content.length < 3)
        problem(
          r,
          headerOf('content'),
          'Nội dung nhiệm vụ trống hoặc quá ngắn.',
          'The task content is empty or too short.',
        );
      const lead = parseUnitRef(cellText(get(row, 'lead')));
      if (!lead.name && !lead.code) problem(r, headerOf('lead'), 'Cần đơn vị chủ trì.', 'A lead unit is required.');
      if (lead.code) unitCodes.add(lead.code);
      const coordinators = cellText(get(row, 'coordinators'))
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
        .map(parseUnitRef);
      for (const c of coordinators) if (c.code) unitCodes.add(c.code);
      const start = parseDate(get(row, 'start'));
      const end = parseDate(get(row, 'end'));
      if (start === undefined)
        problem(r, headerOf('start'), 'Ngày không đúng dạng dd/mm/yyyy.', 'The date is not dd/mm/yyyy.');
      if (end === undefined)
        problem(r, headerOf('end'), 'Ngày không đúng dạng dd/mm/yyyy.', 'The date is not dd/mm/yyyy.');
      const counted = parseYesNo(get(row, 'counted'));
      if (counted === undefined)
        problem(r, headerOf('counted'), 'Ghi "Có" hoặc "Không".', 'Write "Có" (yes) or "Không" (no).');
      const budgets: TaskInput['budgets'] = [];
      for (const b of budgetCols) {
        const v = parseAmount(row.getCell(b.col).value);
        if (v === undefined)
          problem(
            r,
            b.header,
            'Kinh phí phải là số không âm (triệu đồng).',
            'The budget must be a non-negative number (million VND).',
          );
        else if (v !== null) budgets.push({ year: b.year, sourceCode: b.source, amount: Math.round(v * 10) / 10 });
      }
      const sectionCode = cellText(get(row, 'section'));
      const sectionTitle = cellText(get(row, 'sectionTitle'));
      if (sectionCode && !existingSections.some((x) => x.code === sectionCode)) {
        if (!PLAN_CODE.test(sectionCode))
          problem(r, headerOf('section'), 'Mã mục không hợp lệ (dạng II.1).', 'Invalid section code (like II.1).');
        else if (sectionTitle) newSections.set(sectionCode, sectionTitle);
        else if (!newSections.has(sectionCode))
          problem(
            r,
            headerOf('section'),
            'Kế hoạch không có mục này; ghi "Tên mục" để thêm.',
            'The plan has no such section; give its "Tên mục" to add it.',
          );
      }
      if (report.problems.length > before) continue;
      parsed.push({
        row: r,
        input: {
          code,
          sectionCode: cellText(get(row, 'section')) || null,
          parentCode: cellText(get(row, 'parent')) || null,
          content,
          description: null,
          leadUnitId: lead.code,
          leadName: lead.name || null,
          coordinators: coordinators.map((c) => ({ unitId: c.code, name: c.name || null })),
          startOn: start ?? null,
          endOn: end ?? null,
          periodText: cellText(get(row, 'period')) || null,
          outputs: cellText(get(row, 'outputs')) || null,
          counted: counted ?? true,
          budgetNote: cellText(get(row, 'budgetNote')) || null,
          budgets,
        },
      });
    }
    // Unit codes → ids (unknown codes are row problems).
    const found = new Map((await repo.unitsByCodeOrName(db, [...unitCodes])).map((u) => [u.code, u.id]));
    for (const p of parsed) {
      const lead = p.input.leadUnitId;
      if (lead) {
        const id = found.get(lead);
        if (!id) problem(p.row, headerOf('lead'), `Không có đơn vị mã ${lead}.`, `No unit with code ${lead}.`);
        p.input.leadUnitId = id ?? null;
        if (id) p.input.leadName = null;
      }
      p.input.coordinators = p.input.coordinators.map((c) => {
        if (!c.unitId) return c;
        const id = found.get(c.unitId);
        if (!id)
          problem(p.row, headerOf('coordinators'), `Không có đơn vị mã ${c.unitId}.`, `No unit with code ${c.unitId}.`);
        return { unitId: id ?? null, name: id ? null : c.name };
      });
    }
    if (report.problems.length) return report;

    // Write (parents before children), in one transaction; rolled back on any problem or a dry run.
    parsed.sort((a, b) => a.input.code.split('.').length - b.input.code.split('.').length || a.row - b.row);
    try {
      await db.transaction().execute(async (trx) => {
        if (newSections.size)
          await repo.replaceSections(trx, planId, [
            ...existingSections.map((x) => ({ code: x.code, title: x.title })),
            ...[...newSections].map(([code, title]) => ({ code, title })),
          ]);
        // New tasks keep the file's order after the plan's existing ones.
        const base = (await repo.maxTaskPosition(trx, planId)) + 1 - headerRow;
        for (const p of parsed) {
          const existing = await repo.findTaskByCode(trx, planId, p.input.code);
          let resolved: Awaited<ReturnType<TasksService['resolve']>>;
          try {
            resolved = await this.#tasks.resolve(trx, plan, p.input, existing?.id ?? null, 'row');
          } catch (err) {
            if (!(err instanceof AppError) || !err.details) throw err;
            for (const d of err.details) {
              const field = d.path.split('.')[1] ?? '';
              const column = FIELD_COLUMN[field]
                ? headerOf(FIELD_COLUMN[field])
                : field.startsWith('budgets')
                  ? 'Kinh phí'
                  : field;
              const [vi, en] = d.message.split(' / ');
              problem(p.row, column, vi ?? d.message, en ?? d.message);
            }
            continue;
          }
          if (existing && (await sameTask(trx, existing.id, resolved))) continue;
          await this.#tasks.write(trx, actor, plan, resolved, existing ?? null, base + p.row);
          if (existing) report.updated++;
          else report.created++;
        }
        if (report.problems.length || dryRun) throw new Rollback();
      });
      report.written = true;
    } catch (err) {
      if (!(err instanceof Rollback)) throw err;
      if (report.problems.length) {
        report.created = 0;
        report.updated = 0;
      }
    }
    report.problems.sort((a, b) => a.row - b.row);
    return report;
  }
}

/** Whether a task already holds exactly what a row says (a re-import then changes nothing). */
async function sameTask(
  trx: Parameters<typeof repo.findTaskByCode>[0],
  id: string,
  t: Awaited<ReturnType<TasksService['resolve']>>,
): Promise<boolean> {
  const cur = await repo.findTask(trx, id, todayVn());
  if (!cur) return false;
  const c = t.columns;
  const same =
    cur.content === c.content &&
    (cur.parent_id ?? null) === c.parent_id &&
    cur.lead_unit_id === c.lead_unit_id &&
    cur.lead_name === c.lead_name &&
    cur.start_on === c.start_on &&
    cur.end_on === c.end_on &&
    cur.period_text === c.period_text &&
    cur.outputs === c.outputs &&
    cur.counted === c.counted &&
    cur.budget_note === c.budget_note &&
    JSON.stringify(cur.coordinators) === JSON.stringify(t.coordinators) &&
    budgetKey(cur.budgets.map((b) => ({ ...b, amount: Number(b.amount) }))) === budgetKey(t.budgets);
  // The section is compared by id through the resolved column.
  const section = (await repo.listSections(trx, cur.plan_id)).find((s) => s.code === cur.section_code)?.id ?? null;
  return same && section === c.section_id;
}

const budgetKey = (lines: { year: number; sourceCode: string; amount: number }[]) =>
  lines
    .map((b) => `${b.year}|${b.sourceCode}|${b.amount}`)
    .sort()
    .join(';');
