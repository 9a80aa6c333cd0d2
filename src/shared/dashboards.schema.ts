import { z } from 'zod';
import { Uuid } from './common.schema.ts';
import { KpiCard } from './kpis.schema.ts';

/**
 * Operations dashboards (issue 6, item 6): every figure of a unit in one answer — admissions
 * under way, report completeness, KPIs against targets, DX levels, late plan tasks, directives
 * unanswered — and the same figures per child unit for the drill-down and the tile view.
 * A section whose module is not installed comes back with `available: false` (shown as "not
 * available", never as zero).
 */

export const DashboardQuery = z.object({
  unitId: Uuid.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const DashboardUnit = z.object({
  id: Uuid,
  name: z.string(),
  typeCode: z.string(),
  level: z.enum(['province', 'commune', 'school', 'other']),
});

const Count = z.number().int();
const MaybeCount = z.number().int().nullable();

export const AdmissionRoundFigure = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  status: z.string(),
  registerTo: z.string(),
  total: Count,
  byState: z.array(z.object({ state: z.string(), n: Count })),
});

export const LevelCounts = z.object({ l1: Count, l2: Count, l3: Count });

export const DashboardChild = z.object({
  unitId: Uuid,
  name: z.string(),
  typeCode: z.string(),
  /** The child has children of its own (a commune's schools). */
  drillable: z.boolean(),
  applications: MaybeCount,
  reportsExpected: MaybeCount,
  reportsSubmitted: MaybeCount,
  reportsOnTime: MaybeCount,
  lateTasks: MaybeCount,
  dxSchools: MaybeCount,
  dxAssessed: MaybeCount,
  dxAvgTeaching: z.number().nullable(),
  dxAvgGovernance: z.number().nullable(),
});
export type DashboardChild = z.infer<typeof DashboardChild>;

export const Overview = z.object({
  unit: DashboardUnit,
  /** The units above it up to the reader's own top unit (breadcrumb of a drill-down). */
  path: z.array(z.object({ id: Uuid, name: z.string() })),
  asOf: z.string(),
  year: z.number().int(),
  public: z.boolean(),
  admissions: z.object({ available: z.boolean(), rounds: z.array(AdmissionRoundFigure) }),
  reports: z.object({
    available: z.boolean(),
    expected: Count,
    submitted: Count,
    onTime: Count,
    approved: Count,
  }),
  kpis: z.object({ items: z.array(KpiCard) }),
  dx: z.object({
    available: z.boolean(),
    /** The public variant: whether the Sở has published the year's results (nothing is shown before). */
    published: z.boolean(),
    schools: Count,
    assessed: Count,
    recognised: Count,
    teaching: LevelCounts,
    governance: LevelCounts,
  }),
  plans: z.object({ available: z.boolean(), total: Count, open: Count, late: Count }),
  directives: z.object({
    available: z.boolean(),
    directives: Count,
    expected: Count,
    read: Count,
    answered: Count,
    late: Count,
  }),
  children: z.array(DashboardChild),
  /** Server time spent building the answer, in milliseconds. */
  tookMs: z.number(),
  /** Time per section (read model), in milliseconds: where a slow answer spends it. */
  sectionsMs: z.record(z.string(), z.number()),
});
export type Overview = z.infer<typeof Overview>;
