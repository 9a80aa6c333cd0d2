import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { ExportQuery } from '../../../shared/reports.schema.ts';
import { NUMERIC_FIELD_TYPES } from '../../../shared/reports.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { found } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import type { FiguresService } from './figures.service.ts';
import { findFields, findForm } from './forms.repository.ts';
import { type AggregateResult, aggregateByIds } from './reports.read-model.ts';
import { rt } from './reports.tables.ts';

const STATUS_VI: Record<string, string> = {
  not_started: 'Chưa nhập',
  draft: 'Đang nhập',
  completed: 'Đã gửi',
  returned: 'Bị trả lại',
  approved: 'Đã duyệt',
};

/** Excel exports of a period, written as a stream (ExcelJS's streaming writer), 200 units at a time. */
export class ReportsExportService {
  readonly #p: Platform;
  readonly #figures: FiguresService;

  constructor(p: Platform, figures: FiguresService) {
    this.#p = p;
    this.#figures = figures;
  }

  async prepare(
    actor: Actor,
    periodId: string,
    q: ExportQuery,
  ): Promise<{ filename: string; write: (out: Writable) => Promise<void> }> {
    const period = found(
      await rt(this.#p.db).selectFrom('report_periods').selectAll().where('id', '=', periodId).executeTakeFirst(),
    );
    const form = found(await findForm(this.#p.db, period.form_id));
    const root = await this.#figures.root(actor, form.owner_unit_id, q.rootUnitId);
    const fields = await findFields(this.#p.db, form.id);
    const filename = `${form.code}_${period.period_key}_${q.kind === 'raw' ? 'du-lieu' : 'tong-hop'}.xlsx`.replace(
      /[^A-Za-z0-9_.-]/g,
      '_',
    );
    const db = this.#p.db;

    if (q.kind === 'aggregate') {
      const numeric = fields.filter((f) => NUMERIC_FIELD_TYPES.includes(f.type as never));
      const aggs: AggregateResult[] = [];
      for (const f of numeric)
        aggs.push(
          await aggregateByIds(db, {
            fieldId: f.id,
            aggregation: f.aggregation,
            periodId,
            rootUnitId: root,
            approvedOnly: q.approvedOnly,
          }),
        );
      return {
        filename,
        write: async (out) => {
          const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
          const ws = wb.addWorksheet('Tổng hợp');
          ws.addRow(['Mã đơn vị', 'Đơn vị', ...numeric.map((f) => `${f.label} (${f.code})`)]).commit();
          const children = new Map<string, { code: string; name: string }>();
          for (const a of aggs)
            for (const c of a.byChild) children.set(c.unitId, { code: c.unitCode, name: c.unitName });
          for (const [id, u] of children)
            ws.addRow([
              u.code,
              u.name,
              ...aggs.map((a) => a.byChild.find((c) => c.unitId === id)?.value ?? null),
            ]).commit();
          ws.addRow(['', 'Tổng cộng', ...aggs.map((a) => a.value)]).commit();
          ws.commit();
          await wb.commit();
        },
      };
    }

    return {
      filename,
      write: async (out) => {
        const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
        const ws = wb.addWorksheet('Dữ liệu');
        ws.addRow([
          'Mã đơn vị',
          'Đơn vị',
          'Trạng thái',
          'Thời điểm gửi',
          'Đúng hạn',
          ...fields.map((f) => `${f.label} (${f.code})`),
        ]).commit();
        const inRoot = root
          ? sql`s.unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = ${root}::uuid)`
          : sql`true`;
        let after = '';
        for (;;) {
          const subs = await sql<{
            id: string;
            code: string;
            name: string;
            status: string;
            completed_at: Date | null;
            on_time: boolean | null;
          }>`
            SELECT s.id, u.code, u.name, s.status, s.completed_at, s.on_time FROM report_submissions s
            JOIN org_units u ON u.id = s.unit_id
            WHERE s.period_id = ${periodId}::uuid AND ${inRoot} AND u.code > ${after}
            ORDER BY u.code LIMIT 200`.execute(db);
          if (subs.rows.length === 0) break;
          const vals = await sql<{ submission_id: string; field_id: string; v: string | null }>`
            SELECT submission_id, field_id, COALESCE(num::text, txt, array_to_string(arr, ', '),
              CASE WHEN bool IS NULL THEN NULL WHEN bool THEN 'Có' ELSE 'Không' END, day::text, file_id::text) AS v
            FROM report_values WHERE submission_id = ANY(${subs.rows.map((s) => s.id)}::uuid[])`.execute(db);
          const byKey = new Map(vals.rows.map((v) => [`${v.submission_id}:${v.field_id}`, v.v]));
          for (const s of subs.rows) {
            ws.addRow([
              s.code,
              s.name,
              STATUS_VI[s.status] ?? s.status,
              s.completed_at ? new Date(s.completed_at) : null,
              s.on_time === null ? null : s.on_time ? 'Có' : 'Không',
              ...fields.map((f) => {
                const v = byKey.get(`${s.id}:${f.id}`) ?? null;
                return v !== null && NUMERIC_FIELD_TYPES.includes(f.type as never) ? Number(v) : v;
              }),
            ]).commit();
          }
          after = subs.rows.at(-1)!.code;
        }
        ws.commit();
        await wb.commit();
      },
    };
  }
}
