import { sql } from 'kysely';
import * as repo from '../../modules/kpis/kpis.repository.ts';
import { findProvinceRoot } from '../../modules/kpis/steering-units.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Platform } from '../../platform/platform.ts';

/**
 * Demo KPIs. The indicators marked `seed` are the targets of section I.2 ("Mục tiêu cụ thể") of
 * the Kon Tum department's 2023 digital-transformation plan (seed 003), with their wording and
 * target values; each is wired to what the platform measures where it can (the reports module's
 * yearly DX survey, the DX index, online admissions), otherwise it is a manual indicator whose
 * actuals a unit enters. Three operational indicators (reports on time, late plan tasks,
 * directives answered) are the platform's own, not from the seed. Targets are set on the
 * province for 2023 (the plan's year) and carried to every year since. The manual actuals are
 * SYNTHETIC ("số liệu minh họa") and say so in their source note. Idempotent: nothing when an
 * indicator exists.
 */

const PLAN = 'KH CĐS ngành GDĐT tỉnh Kon Tum năm 2023, mục I.2';
/** The reports module's yearly DX survey (its demo form KS-CDS) and its yes/no question on school software. */
export const DX_SURVEY = { form: 'KS-CDS', field: 'uses_school_software' } as const;

interface DemoIndicator {
  code: string;
  nameVi: string;
  nameEn: string;
  seed: boolean;
  unit: 'percent' | 'count';
  direction?: 'higher' | 'lower';
  formula: string | null;
  level: 'province' | 'commune' | 'school';
  isPublic: boolean;
  target: number;
  /** How the platform measures it, where that is narrower than the wording (shown with the source). */
  measure?: string;
  /** Synthetic province actuals of a manual indicator, oldest year first (the last is this year). */
  manual?: number[];
}

const INDICATORS: DemoIndicator[] = [
  {
    code: 'CDS.VB_DIEN_TU',
    nameVi:
      'Duy trì 100% báo cáo định kỳ và văn bản hành chính (trừ văn bản mật theo quy định của pháp luật) được gửi nhận bằng văn bản điện tử',
    nameEn:
      'Keep 100% of periodic reports and administrative documents (except classified ones) sent and received electronically',
    seed: true,
    unit: 'percent',
    formula: null,
    level: 'province',
    isPublic: true,
    target: 100,
    manual: [97.5, 99.2, 100],
  },
  {
    code: 'CDS.PM_QLNT',
    nameVi:
      'Triển khai đồng bộ phần mềm quản lí nhà trường, sổ điểm và học bạ điện tử đến 100% các cơ sở giáo dục phổ thông',
    nameEn: 'School-management software, electronic mark books and school records in 100% of general-education schools',
    seed: true,
    unit: 'percent',
    // The survey goes to every school and centre: a school that has not answered counts as not using it.
    formula: `share(report:${DX_SURVEY.form}.${DX_SURVEY.field}, platform:schools.all)`,
    level: 'school',
    isPublic: true,
    target: 100,
  },
  {
    code: 'CDS.QUAN_TRI_SO',
    nameVi:
      'Tỷ lệ các cơ sở giáo dục phổ thông hoàn thiện được mô hình quản trị số, hoạt động số, chuẩn hóa dữ liệu số, kho học liệu số mở đạt tối thiểu 30%',
    nameEn:
      'At least 30% of general-education schools complete digital governance, digital operations, standard data and open content',
    seed: true,
    unit: 'percent',
    formula: 'platform:dx.level3_share',
    level: 'commune',
    isPublic: true,
    target: 30,
  },
  {
    code: 'CDS.HOC_PHI_KDTM',
    nameVi: 'Tỷ trọng thanh toán học phí không dùng tiền mặt của các cơ sở giáo dục đạt tối thiểu 50%',
    nameEn: 'At least 50% of tuition fees paid without cash',
    seed: true,
    unit: 'percent',
    formula: null,
    level: 'school',
    isPublic: false,
    target: 50,
    manual: [31, 42.5, 56],
  },
  {
    code: 'CDS.HO_SO_TRUC_TUYEN',
    nameVi: 'Ứng dụng CNTT phục vụ người dân và doanh nghiệp: trên 90% tỉ lệ phát sinh hồ sơ trực tuyến',
    nameEn: 'Services to citizens and businesses: over 90% of dossiers filed online',
    measure: 'đo trên hồ sơ tuyển sinh đầu cấp nộp trên nền tảng',
    seed: true,
    unit: 'percent',
    formula: 'platform:admissions.online_share',
    level: 'school',
    isPublic: true,
    target: 90,
  },
  {
    code: 'CDS.ATTT_TUYEN_TRUYEN',
    nameVi:
      '100% CB, CC, VC và người lao động của ngành Giáo dục được tuyên truyền, phổ biến về thói quen, trách nhiệm và kĩ năng cơ bản bảo đảm an toàn thông tin',
    nameEn: 'All staff of the education sector informed on the habits, duties and basic skills of information security',
    seed: true,
    unit: 'percent',
    formula: null,
    level: 'school',
    isPublic: false,
    target: 100,
    manual: [88, 95, 100],
  },
  {
    code: 'CDS.ATTT_BOI_DUONG',
    nameVi: 'Tối thiểu 20% CB, CC, VC và người lao động của ngành Giáo dục được bồi dưỡng về an toàn thông tin',
    nameEn: 'At least 20% of the sector’s staff trained in information security',
    seed: true,
    unit: 'percent',
    formula: null,
    level: 'school',
    isPublic: false,
    target: 20,
    manual: [12, 17.5, 21.3],
  },
  {
    code: 'CDS.ATTT_CB_CNTT',
    nameVi:
      '100% cán bộ phụ trách nhiệm vụ CNTT của cơ quan, các đơn vị được bồi dưỡng, tập huấn nâng cao kĩ năng bảo vệ an toàn thông tin',
    nameEn: 'All staff in charge of IT trained to protect information security',
    seed: true,
    unit: 'percent',
    formula: null,
    level: 'province',
    isPublic: false,
    target: 100,
    manual: [70, 85, 92],
  },
  {
    code: 'CDS.ATTT_HOC_SINH',
    nameVi:
      '100% trường phổ thông được tuyên truyền, giáo dục kiến thức, kĩ năng cần thiết cho học sinh để tham gia môi trường mạng an toàn',
    nameEn: 'All general-education schools teach pupils the knowledge and skills to be safe online',
    seed: true,
    unit: 'percent',
    formula: null,
    level: 'school',
    isPublic: false,
    target: 100,
    manual: [80, 93, 98],
  },
  {
    code: 'VH.BAO_CAO_DUNG_HAN',
    nameVi: 'Tỷ lệ báo cáo định kỳ gửi đúng hạn',
    nameEn: 'Periodic reports sent on time',
    seed: false,
    unit: 'percent',
    formula: 'platform:reports.on_time_share',
    level: 'commune',
    isPublic: false,
    target: 95,
  },
  {
    code: 'VH.NHIEM_VU_TRE_HAN',
    nameVi: 'Số nhiệm vụ kế hoạch trễ hạn',
    nameEn: 'Plan tasks late',
    seed: false,
    unit: 'count',
    direction: 'lower',
    formula: 'platform:plans.late_tasks',
    level: 'commune',
    isPublic: false,
    target: 0,
  },
  {
    code: 'VH.CHI_DAO_PHAN_HOI',
    nameVi: 'Tỷ lệ văn bản chỉ đạo được đơn vị phản hồi',
    nameEn: 'Directives answered by their units',
    seed: false,
    unit: 'percent',
    formula: 'platform:directives.answered_share',
    level: 'province',
    isPublic: false,
    target: 100,
  },
];

export async function loadDemoKpis(p: Platform, now = new Date()): Promise<{ indicators: number }> {
  const existing = await sql<{ n: number }>`SELECT count(*)::int AS n FROM kpi_indicators`.execute(p.db);
  if ((existing.rows[0]?.n ?? 0) > 0) return { indicators: 0 };
  const province = await findProvinceRoot(p.db);
  const thisYear = Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(now),
  );
  const years = Array.from({ length: thisYear - 2023 + 1 }, (_, i) => 2023 + i);
  await p.db.transaction().execute(async (trx) => {
    for (const [i, d] of INDICATORS.entries()) {
      const row = await repo.insertIndicator(trx, d.code, {
        name_vi: d.nameVi,
        name_en: d.nameEn,
        source_ref: d.seed ? (d.measure ? `${PLAN}; ${d.measure}` : PLAN) : null,
        unit: d.unit,
        direction: d.direction ?? 'higher',
        kind: d.formula ? 'formula' : 'manual',
        formula: d.formula,
        report_period: '{year}',
        level: d.level,
        is_public: d.isPublic,
        sort_order: (i + 1) * 10,
      });
      if (!row) continue;
      for (const year of years)
        await repo.upsertTarget(trx, {
          indicatorId: row.id,
          year,
          unitId: province.id,
          target: d.target,
          note: d.seed ? `Chỉ tiêu ${PLAN}` : null,
          by: null,
        });
      const manual = d.manual ?? [];
      for (const [k, value] of manual.entries()) {
        const year = thisYear - manual.length + 1 + k;
        await repo.upsertManualActual(trx, {
          indicatorId: row.id,
          year,
          unitId: province.id,
          value,
          note: 'Số liệu minh họa (dữ liệu demo, không phải số liệu thật)',
          by: null,
        });
      }
      await p.audit.record(trx, systemActor('demo'), {
        action: 'kpis.indicator.create',
        entityType: 'kpi_indicator',
        entityId: row.id,
        unitId: province.id,
        after: { code: d.code, demo: true },
      });
    }
  });
  return { indicators: INDICATORS.length };
}
