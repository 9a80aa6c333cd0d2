import { sql } from 'kysely';
import { addDays, FormInput, periodBounds } from '../../../shared/reports.schema.ts';
import { today } from '../../modules/reports/periods.service.ts';
import { reportsServices } from '../../modules/reports/reports.module.ts';
import { rt } from '../../modules/reports/reports.tables.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Platform } from '../../platform/platform.ts';

/**
 * Demo data of periodic reports and surveys. The forms are modelled on real reporting duties
 * (seed 003 VI.5: six-monthly and annual reports to the Sở); every submitted figure is SYNTHETIC
 * (derived from a hash of the unit's id) and says so in the forms' description.
 *
 * - BC-SKHK1-2526 "Báo cáo sơ kết học kỳ I năm học 2025-2026", six-monthly, lower-secondary
 *   schools, approved by the level above: the previous half-year closed with every state (approved,
 *   on time awaiting approval, late, returned, draft, missing) and the current one open (±7 days).
 * - KS-CDS "Khảo sát hiện trạng chuyển đổi số", a yearly survey of all schools and centres whose
 *   yes/no and numeric fields feed KPIs: last year closed, this year open.
 * Dates are relative to the day it is loaded. Idempotent: nothing when KS-CDS exists. Fast: the
 * values are written with a few INSERT … SELECT statements.
 */
const SYNTHETIC = 'Dữ liệu minh họa (tổng hợp, không phải số liệu thật).';

const HK1: Omit<FormInput, 'ownerUnitId'> = FormInput.omit({ ownerUnitId: true }).parse({
  code: 'BC-SKHK1-2526',
  title: 'Báo cáo sơ kết học kỳ I năm học 2025-2026',
  description: `Báo cáo số liệu sơ kết học kỳ I của các trường THCS. ${SYNTHETIC}`,
  kind: 'report',
  periodType: 'six_monthly',
  needsApproval: true,
  window: { opensDaysBeforeEnd: 60, closesDaysAfterEnd: -30 },
  assignment: { unitTypes: ['school'], schoolLevels: ['thcs'] },
  remindDaysBefore: 5,
  sections: [
    { code: 'lop_hoc_sinh', title: 'Lớp và học sinh' },
    { code: 'doi_ngu', title: 'Đội ngũ' },
    { code: 'thiet_bi', title: 'Thiết bị dạy học số' },
  ],
  fields: [
    {
      code: 'classes',
      label: 'Số lớp',
      type: 'integer',
      section: 'lop_hoc_sinh',
      required: true,
      min: 0,
      max: 200,
      unitLabel: 'lớp',
    },
    {
      code: 'pupils',
      label: 'Tổng số học sinh',
      type: 'integer',
      section: 'lop_hoc_sinh',
      required: true,
      min: 0,
      unitLabel: 'học sinh',
    },
    {
      code: 'pupils_girls',
      label: 'Trong đó: học sinh nữ',
      type: 'integer',
      section: 'lop_hoc_sinh',
      required: true,
      min: 0,
    },
    {
      code: 'pupils_ethnic',
      label: 'Trong đó: học sinh dân tộc thiểu số',
      type: 'integer',
      section: 'lop_hoc_sinh',
      required: true,
      min: 0,
      help: 'Học sinh người dân tộc thiểu số (Xơ Đăng, Ba Na, Giẻ-Triêng, Hrê, Cor, Ca Dong…).',
    },
    { code: 'teachers', label: 'Số giáo viên', type: 'integer', section: 'doi_ngu', required: true, min: 0 },
    {
      code: 'devices',
      label: 'Số máy tính phục vụ dạy học',
      type: 'integer',
      section: 'thiet_bi',
      required: true,
      min: 0,
    },
    { code: 'smart_boards', label: 'Số màn hình/bảng tương tác', type: 'integer', section: 'thiet_bi', min: 0 },
    { code: 'notes', label: 'Khó khăn, kiến nghị', type: 'long_text', section: 'doi_ngu', maxLength: 4000 },
  ],
  rules: [
    { kind: 'compare', code: 'girls_le_pupils', left: 'pupils_girls', op: 'le', right: 'pupils' },
    { kind: 'compare', code: 'ethnic_le_pupils', left: 'pupils_ethnic', op: 'le', right: 'pupils' },
    { kind: 'compare', code: 'classes_le_pupils', left: 'classes', op: 'le', right: 'pupils' },
  ],
});

const CDS: Omit<FormInput, 'ownerUnitId'> = FormInput.omit({ ownerUnitId: true }).parse({
  code: 'KS-CDS',
  title: 'Khảo sát hiện trạng chuyển đổi số',
  description: `Khảo sát nhanh hằng năm về hạ tầng và ứng dụng công nghệ thông tin của các trường. ${SYNTHETIC}`,
  kind: 'survey',
  periodType: 'yearly',
  needsApproval: true,
  window: { opensDaysBeforeEnd: 56, closesDaysAfterEnd: -26 },
  assignment: { unitTypes: ['school', 'gdtx_centre'] },
  remindDaysBefore: 3,
  fields: [
    {
      code: 'uses_school_software',
      label: 'Trường sử dụng phần mềm quản lý nhà trường',
      type: 'yes_no',
      required: true,
    },
    { code: 'uses_e_gradebook', label: 'Sử dụng sổ điểm điện tử, học bạ số', type: 'yes_no', required: true },
    { code: 'elearning', label: 'Tổ chức dạy học trực tuyến (e-learning)', type: 'yes_no', required: true },
    {
      code: 'software',
      label: 'Phần mềm quản lý đang dùng',
      type: 'single_choice',
      options: [
        { code: 'vnedu', label: 'VnEdu' },
        { code: 'smas', label: 'SMAS' },
        { code: 'csdl_nganh', label: 'CSDL ngành (Bộ GDĐT)' },
        { code: 'other', label: 'Khác' },
      ],
    },
    {
      code: 'internet_mbps',
      label: 'Băng thông Internet',
      type: 'decimal',
      required: true,
      min: 0,
      max: 10000,
      aggregation: 'avg',
      unitLabel: 'Mbps',
    },
    { code: 'computers', label: 'Số máy tính của trường', type: 'integer', required: true, min: 0, unitLabel: 'máy' },
    {
      code: 'computers_pupils',
      label: 'Trong đó: máy tính dành cho học sinh',
      type: 'integer',
      min: 0,
      unitLabel: 'máy',
    },
    { code: 'staff_dx_trained', label: 'Số cán bộ, giáo viên được bồi dưỡng kỹ năng số', type: 'integer', min: 0 },
  ],
  rules: [{ kind: 'compare', code: 'pupil_pcs_le_pcs', left: 'computers_pupils', op: 'le', right: 'computers' }],
});

/**
 * The previous half-year's window by the form's rule (H1 closes on 31 May, H2 on 1 December:
 * "before 1 June / before 6 December", seed 003 VI.5) when that day has passed; otherwise one
 * that closed 25 days ago, so that the demo always has a closed, locked period.
 */
function prevHalfWindow(key: string, day: string): { key: string; opensOn: string; closesOn: string } {
  const b = periodBounds('six_monthly', key)!;
  const closesOn = addDays(b.endsOn, HK1.window.closesDaysAfterEnd);
  const opensOn = addDays(b.endsOn, -HK1.window.opensDaysBeforeEnd);
  return closesOn < day && opensOn <= closesOn
    ? { key, opensOn, closesOn }
    : { key, opensOn: addDays(day, -60), closesOn: addDays(day, -25) };
}

/** Which state a unit's demo report is in: by a stable hash of its id (0–99). */
const BUCKET = sql`(abs(hashtext(s.unit_id::text || s.period_key)) % 100)`;

export async function loadDemoReports(p: Platform): Promise<void> {
  const exists = await rt(p.db).selectFrom('report_forms').select('id').where('code', '=', 'KS-CDS').executeTakeFirst();
  if (exists) return;
  const sgd = await p.db.selectFrom('org_units').select('id').where('code', '=', 'QNG.SGD').executeTakeFirst();
  if (!sgd) return;
  const sys = systemActor('demo');
  const s = reportsServices(p);
  const day = today();
  const year = Number(day.slice(0, 4));
  const half = Number(day.slice(5, 7)) <= 6 ? 1 : 2;
  const prevHalf = half === 1 ? `${year - 1}-H2` : `${year}-H1`;
  const currentHalf = `${year}-H${half}`;

  const periods: { id: string; closed: boolean; closesOn: string }[] = [];
  for (const def of [HK1, CDS]) {
    const created = await s.forms.create(sys, { ...def, ownerUnitId: sgd.id });
    await s.forms.setStatus(sys, created.id, 'published', created.version);
    const keys =
      def.periodType === 'yearly'
        ? [
            { key: String(year - 1), opensOn: `${year - 1}-11-06`, closesOn: `${year - 1}-12-05` },
            { key: String(year), opensOn: addDays(day, -14), closesOn: addDays(day, 12) },
          ]
        : [prevHalfWindow(prevHalf, day), { key: currentHalf, opensOn: addDays(day, -7), closesOn: addDays(day, 7) }];
    for (const k of keys) {
      const per = await s.periods.create(sys, created.id, {
        periodKey: k.key,
        opensOn: k.opensOn,
        closesOn: k.closesOn,
      });
      periods.push({ id: per.id, closed: k.closesOn < day, closesOn: k.closesOn });
    }
  }

  await p.db.transaction().execute(async (trx) => {
    for (const per of periods) {
      // States: closed periods 0–54 approved, 55–69 completed on time, 70–79 completed late
      // (after a reopen), 80–84 returned, 85–89 draft, 90–99 missing; open periods 0–29
      // completed, 30–39 draft, the rest not started.
      const state = per.closed
        ? sql`CASE WHEN b < 55 THEN 'approved' WHEN b < 80 THEN 'completed' WHEN b < 85 THEN 'returned'
            WHEN b < 90 THEN 'draft' ELSE 'not_started' END`
        : sql`CASE WHEN b < 30 THEN 'completed' WHEN b < 40 THEN 'draft' ELSE 'not_started' END`;
      const close = sql`(${per.closesOn}::date + time '16:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'`;
      await sql`
        UPDATE report_submissions s SET status = x.state,
          completed_at = CASE WHEN x.state IN ('approved', 'completed') THEN
            CASE WHEN x.b BETWEEN 70 AND 79 THEN ${close} + interval '3 days' ELSE ${close} - (x.b % 9 || ' days')::interval END END,
          on_time = CASE WHEN x.state IN ('approved', 'completed') THEN NOT (x.b BETWEEN 70 AND 79) END,
          approved_at = CASE WHEN x.state = 'approved' THEN ${close} + interval '5 days' END,
          returned_reason = CASE WHEN x.state = 'returned' THEN 'Số liệu chưa khớp với báo cáo kỳ trước, đề nghị rà soát lại.' END,
          deadline_override = CASE WHEN x.b BETWEEN 70 AND 79 AND ${per.closed} THEN ${per.closesOn}::date + 5 END,
          reopen_reason = CASE WHEN x.b BETWEEN 70 AND 79 AND ${per.closed} THEN 'Đơn vị đề nghị gia hạn do sự cố đường truyền.' END
        FROM (SELECT y.id, y.b, ${state} AS state FROM (
          SELECT s.id, ${BUCKET} AS b FROM report_submissions s WHERE s.period_id = ${per.id}::uuid) y) x
        WHERE s.id = x.id`.execute(trx);
      // Values of every report that was saved: numbers from the unit's hash, consistent with the rules.
      await sql`
        INSERT INTO report_values (submission_id, field_id, period_id, unit_id, num, txt, bool)
        SELECT s.id, f.id, s.period_id, s.unit_id,
          CASE f.code
            WHEN 'pupils' THEN h.pupils
            WHEN 'classes' THEN greatest(1, h.pupils / 35)
            WHEN 'pupils_girls' THEN h.pupils * 48 / 100
            WHEN 'pupils_ethnic' THEN h.pupils * (h.k % 60) / 100
            WHEN 'teachers' THEN greatest(5, h.pupils / 20)
            WHEN 'devices' THEN 10 + h.k % 40
            WHEN 'smart_boards' THEN h.k % 8
            WHEN 'internet_mbps' THEN (ARRAY[30, 50, 80, 100, 150, 200])[1 + h.k % 6]
            WHEN 'computers' THEN 12 + h.k % 50
            WHEN 'computers_pupils' THEN 10 + h.k % 30
            WHEN 'staff_dx_trained' THEN 5 + h.k % 25
          END,
          CASE f.code WHEN 'software' THEN (ARRAY['vnedu', 'smas', 'csdl_nganh'])[1 + h.k % 3] END,
          CASE f.code
            WHEN 'uses_school_software' THEN h.k % 10 < 9
            WHEN 'uses_e_gradebook' THEN h.k % 10 < 7
            WHEN 'elearning' THEN h.k % 10 < 5
          END
        FROM report_submissions s
        JOIN report_fields f ON f.form_id = s.form_id AND f.type <> 'long_text'
        CROSS JOIN LATERAL (SELECT 150 + abs(hashtext(s.unit_id::text)) % 700 AS pupils,
          abs(hashtext(s.unit_id::text || 'k')) AS k) h
        WHERE s.period_id = ${per.id}::uuid AND s.status <> 'not_started'`.execute(trx);
      await sql`
        INSERT INTO report_submission_events (submission_id, action, reason, actor_name, at)
        SELECT s.id, e.action, e.reason, 'Dữ liệu minh họa', e.at FROM report_submissions s
        CROSS JOIN LATERAL (VALUES
          ('saved', NULL::text, COALESCE(s.completed_at, now()) - interval '1 day', s.status <> 'not_started'),
          ('reopened', s.reopen_reason, s.completed_at - interval '1 day', s.reopen_reason IS NOT NULL),
          ('completed', NULL, s.completed_at, s.completed_at IS NOT NULL),
          ('returned', s.returned_reason, now() - interval '2 days', s.status = 'returned'),
          ('approved', NULL, s.approved_at, s.status = 'approved')
        ) AS e(action, reason, at, keep)
        WHERE s.period_id = ${per.id}::uuid AND e.keep`.execute(trx);
    }
    await p.audit.record(trx, sys, {
      action: 'demo.load',
      entityType: 'report_form',
      after: { forms: ['BC-SKHK1-2526', 'KS-CDS'], periods: periods.length, synthetic: true },
    });
  });
}
