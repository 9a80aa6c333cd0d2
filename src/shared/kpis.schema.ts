import { z } from 'zod';
import { Paging, pageOf, Text, Uuid } from './common.schema.ts';

/**
 * KPIs (issue 6, item 4): indicators defined as data (a formula over report fields and platform
 * figures, or an actual entered by hand), a target per year and unit, actual against target with
 * a trend over the previous years and a drill-down by child unit.
 */

export const KPI_UNITS = ['percent', 'count', 'million_vnd', 'number'] as const;
export const KpiUnit = z.enum(KPI_UNITS);
export type KpiUnit = z.infer<typeof KpiUnit>;

export const KPI_DIRECTIONS = ['higher', 'lower'] as const;
export const KpiDirection = z.enum(KPI_DIRECTIONS);

export const KPI_KINDS = ['formula', 'manual'] as const;
export const KpiKind = z.enum(KPI_KINDS);

export const KPI_LEVELS = ['province', 'commune', 'school'] as const;
export const KpiLevel = z.enum(KPI_LEVELS);
export type KpiLevel = z.infer<typeof KpiLevel>;

/** met: target reached; near: within 10 % of it; behind; no_target; no_data (nothing to compute from). */
export const KPI_STATUSES = ['met', 'near', 'behind', 'no_target', 'no_data'] as const;
export const KpiStatus = z.enum(KPI_STATUSES);
export type KpiStatus = z.infer<typeof KpiStatus>;

export const KPI_CODE = /^[A-Z0-9][A-Z0-9._-]{1,39}$/;
const Year = z.coerce.number().int().min(2000).max(2100);
const Value = z.number().min(-1e12).max(1e12);

export const IndicatorInput = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(KPI_CODE, 'mã gồm chữ in hoa, số, . _ - (2–40 ký tự) / capitals, digits, . _ - (2–40)'),
  nameVi: Text(2, 500),
  nameEn: Text(2, 500),
  sourceRef: Text(0, 300).nullable().default(null),
  unit: KpiUnit,
  direction: KpiDirection.default('higher'),
  kind: KpiKind,
  formula: z.string().trim().max(500).nullable().default(null),
  reportPeriod: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9{}_-]{1,40}$/, 'dạng {year} hoặc {year}-{next} / like {year} or {year}-{next}')
    .default('{year}'),
  level: KpiLevel.default('province'),
  isPublic: z.boolean().default(false),
  sortOrder: z.number().int().min(0).max(10000).default(0),
});
export type IndicatorInput = z.output<typeof IndicatorInput>;

export const IndicatorPatch = IndicatorInput.omit({ code: true }).extend({ version: z.number().int() });
export type IndicatorPatch = z.output<typeof IndicatorPatch>;

export const Indicator = z.object({
  id: Uuid,
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  sourceRef: z.string().nullable(),
  unit: KpiUnit,
  direction: KpiDirection,
  kind: KpiKind,
  formula: z.string().nullable(),
  reportPeriod: z.string(),
  level: KpiLevel,
  isPublic: z.boolean(),
  sortOrder: z.number().int(),
  version: z.number().int(),
});
export type Indicator = z.infer<typeof Indicator>;

export const TargetInput = z.object({
  year: Year,
  unitId: Uuid,
  target: Value,
  note: Text(0, 500).nullable().default(null),
});
export type TargetInput = z.output<typeof TargetInput>;

export const Target = z.object({
  year: z.number().int(),
  unitId: Uuid,
  unitName: z.string(),
  target: z.number(),
  note: z.string().nullable(),
});
export type Target = z.infer<typeof Target>;

export const ManualActualInput = z.object({
  year: Year,
  unitId: Uuid,
  value: Value,
  sourceNote: Text(2, 500),
});
export type ManualActualInput = z.output<typeof ManualActualInput>;

export const TrendPoint = z.object({
  year: z.number().int(),
  actual: z.number().nullable(),
  target: z.number().nullable(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

/** One indicator for one unit and year. `missing` lists the inputs no module could give (shown as "not available"). */
export const KpiCard = z.object({
  indicator: Indicator,
  year: z.number().int(),
  unitId: Uuid,
  actual: z.number().nullable(),
  target: z.number().nullable(),
  status: KpiStatus,
  sourceNote: z.string().nullable(),
  missing: z.array(z.string()),
  trend: z.array(TrendPoint),
});
export type KpiCard = z.infer<typeof KpiCard>;

export const KpiChildRow = z.object({
  unitId: Uuid,
  unitName: z.string(),
  unitType: z.string(),
  actual: z.number().nullable(),
  target: z.number().nullable(),
  status: KpiStatus,
  sourceNote: z.string().nullable(),
  /** The child has children of its own the indicator is computed for. */
  drillable: z.boolean(),
});
export type KpiChildRow = z.infer<typeof KpiChildRow>;

export const KpiDetail = KpiCard.extend({
  unitName: z.string(),
  targets: z.array(Target),
  children: pageOf(KpiChildRow),
});
export type KpiDetail = z.infer<typeof KpiDetail>;

export const KpiQuery = z.object({ year: Year.optional(), unitId: Uuid.optional() });
export const KpiDetailQuery = KpiQuery.extend(Paging.shape);
export const KpiCodeParams = z.object({ code: z.string().regex(KPI_CODE) });
export const KpiList = z.object({
  year: z.number().int(),
  unitId: Uuid,
  unitName: z.string(),
  items: z.array(KpiCard),
});
export type KpiList = z.infer<typeof KpiList>;
export const IndicatorList = z.object({ items: z.array(Indicator) });

/** The named inputs a formula may use (kpis/kpi-inputs.ts), for the definition form's help. */
export const KPI_PLATFORM_INPUTS = [
  'platform:schools.all',
  'platform:schools.general',
  'platform:admissions.online',
  'platform:admissions.filed',
  'platform:admissions.online_share',
  'platform:reports.on_time_share',
  'platform:dx.level3_share',
  'platform:dx.assessed_share',
  'platform:plans.late_tasks',
  'platform:directives.answered_share',
] as const;
