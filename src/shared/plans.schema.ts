import { z } from 'zod';
import { IsoDate, Paging, pageOf, Text, Uuid } from './common.schema.ts';

/**
 * Plans and tasks (issue 6, item 1): a plan of a unit cites its legal bases, holds ordered
 * sections ("II", "II.1") and tasks with a lead unit, coordinating units, a period, a budget per
 * year and funding source (million VND), outputs, a status and progress reported by the units.
 */

export const PLAN_STATUSES = ['draft', 'issued', 'closed'] as const;
export const PlanStatus = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof PlanStatus>;

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** A section or task code: "II", "II.1", "II.3.7", "1", "A.2". */
export const PLAN_CODE = /^[0-9A-Za-z]{1,6}(\.[0-9A-Za-z]{1,6}){0,5}$/;
const Code = z.string().trim().regex(PLAN_CODE, 'mã dạng II.1.2 / a code like II.1.2');

/** The parent code of a dotted code ("II.1" → "II"), or null at the top. */
export function parentCode(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}

export const LegalBasis = z.object({
  number: Text(1, 100),
  date: IsoDate.nullable().default(null),
  issuer: Text(0, 200).default(''),
  title: Text(1, 1000),
});
export type LegalBasis = z.output<typeof LegalBasis>;

export const SectionInput = z.object({ code: Code, title: Text(1, 500) });

const planFields = {
  number: Text(1, 100).nullable(),
  issuedOn: IsoDate.nullable(),
  issuingUnitId: Uuid,
  title: Text(3, 1000),
  yearFrom: z.number().int().min(1975).max(2100),
  yearTo: z.number().int().min(1975).max(2100),
  status: PlanStatus,
  legalBases: z.array(LegalBasis).max(100),
  summary: Text(0, 8000).nullable(),
  sections: z.array(SectionInput).max(300),
};

export const PlanInput = z.object({
  ...planFields,
  number: planFields.number.default(null),
  issuedOn: planFields.issuedOn.default(null),
  status: planFields.status.default('draft'),
  legalBases: planFields.legalBases.default([]),
  summary: planFields.summary.default(null),
  sections: planFields.sections.default([]),
});
export type PlanInput = z.output<typeof PlanInput>;

/** Only the fields sent change (no defaults here: a missing field keeps its value). */
export const PlanPatch = z.object(planFields).partial().extend({ expectedVersion: z.number().int() });
export type PlanPatch = z.output<typeof PlanPatch>;

export const PlanQuery = Paging.extend({
  q: z.string().trim().max(200).optional(),
  year: z.coerce.number().int().min(1975).max(2100).optional(),
  unitId: Uuid.optional(),
  status: PlanStatus.optional(),
});
export type PlanQuery = z.output<typeof PlanQuery>;

export const FundingSource = z.object({
  code: z.string(),
  shortLabel: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
});
export type FundingSource = z.infer<typeof FundingSource>;
export const FundingSourceList = z.object({ items: z.array(FundingSource) });

export const BudgetLine = z.object({
  year: z.number().int().min(1975).max(2100),
  sourceCode: z.string().trim().min(1).max(20),
  amount: z.number().min(0).max(1e12),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

export const CoordinatorInput = z.object({
  unitId: Uuid.nullable().default(null),
  name: Text(0, 300).nullable().default(null),
});

const taskFields = {
  code: Code,
  sectionCode: Code.nullable(),
  parentCode: Code.nullable(),
  content: Text(3, 2000),
  description: Text(0, 8000).nullable(),
  leadUnitId: Uuid.nullable(),
  /** The lead's name when it is not a unit of the tree (e.g. "Sở Nội vụ"). */
  leadName: Text(0, 300).nullable(),
  coordinators: z.array(CoordinatorInput).max(50),
  startOn: IsoDate.nullable(),
  endOn: IsoDate.nullable(),
  periodText: Text(0, 200).nullable(),
  outputs: Text(0, 4000).nullable(),
  counted: z.boolean(),
  budgetNote: Text(0, 1000).nullable(),
  budgets: z.array(BudgetLine).max(200),
};

export const TaskInput = z.object({
  ...taskFields,
  sectionCode: taskFields.sectionCode.default(null),
  parentCode: taskFields.parentCode.default(null),
  description: taskFields.description.default(null),
  leadUnitId: taskFields.leadUnitId.default(null),
  leadName: taskFields.leadName.default(null),
  coordinators: taskFields.coordinators.default([]),
  startOn: taskFields.startOn.default(null),
  endOn: taskFields.endOn.default(null),
  periodText: taskFields.periodText.default(null),
  outputs: taskFields.outputs.default(null),
  counted: taskFields.counted.default(true),
  budgetNote: taskFields.budgetNote.default(null),
  budgets: taskFields.budgets.default([]),
});
export type TaskInput = z.output<typeof TaskInput>;

/** Only the fields sent change (no defaults here: a missing field keeps its value). */
export const TaskPatch = z.object(taskFields).partial().extend({ expectedVersion: z.number().int() });
export type TaskPatch = z.output<typeof TaskPatch>;

export const Coordinator = z.object({ unitId: Uuid.nullable(), name: z.string() });

export const TaskSummary = z.object({
  id: Uuid,
  planId: Uuid,
  code: z.string(),
  parentId: Uuid.nullable(),
  sectionCode: z.string().nullable(),
  content: z.string(),
  leadUnitId: Uuid.nullable(),
  leadName: z.string(),
  coordinators: z.array(Coordinator),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  periodText: z.string().nullable(),
  outputs: z.string().nullable(),
  status: TaskStatus,
  progress: z.number().int(),
  late: z.boolean(),
  counted: z.boolean(),
  budgetNote: z.string().nullable(),
  budgets: z.array(BudgetLine),
  budgetTotal: z.number(),
});
export type TaskSummary = z.infer<typeof TaskSummary>;

export const Section = z.object({ id: Uuid, parentId: Uuid.nullable(), code: z.string(), title: z.string() });
export type Section = z.infer<typeof Section>;

export const Totals = z.object({
  grand: z.number(),
  byYear: z.array(z.object({ year: z.number().int(), amount: z.number() })),
  bySource: z.array(z.object({ sourceCode: z.string(), label: z.string(), amount: z.number() })),
  byUnit: z.array(z.object({ unitId: Uuid.nullable(), name: z.string(), amount: z.number() })),
  byYearSource: z.array(z.object({ year: z.number().int(), sourceCode: z.string(), amount: z.number() })),
});
export type Totals = z.infer<typeof Totals>;

export const PlanSummary = z.object({
  id: Uuid,
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  issuingUnitId: Uuid,
  issuingUnitName: z.string(),
  title: z.string(),
  yearFrom: z.number().int(),
  yearTo: z.number().int(),
  status: PlanStatus,
  taskCount: z.number().int(),
  lateCount: z.number().int(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;
export const PlanPage = pageOf(PlanSummary);
export type PlanPage = z.infer<typeof PlanPage>;

export const PlanDetail = PlanSummary.extend({
  legalBases: z.array(
    z.object({ number: z.string(), date: z.string().nullable(), issuer: z.string(), title: z.string() }),
  ),
  summary: z.string().nullable(),
  sections: z.array(Section),
  tasks: z.array(TaskSummary),
  totals: Totals,
  canManage: z.boolean(),
  version: z.number().int(),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

export const EvidenceFile = z.object({
  id: Uuid,
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});

export const ProgressReport = z.object({
  id: Uuid,
  unitId: Uuid.nullable(),
  unitName: z.string(),
  status: TaskStatus,
  progress: z.number().int(),
  note: z.string(),
  reporterName: z.string().nullable(),
  reportedAt: z.string(),
  files: z.array(EvidenceFile),
});
export type ProgressReport = z.infer<typeof ProgressReport>;

export const TaskDetail = TaskSummary.extend({
  planTitle: z.string(),
  planNumber: z.string().nullable(),
  planStatus: PlanStatus,
  description: z.string().nullable(),
  parentCode: z.string().nullable(),
  children: z.array(TaskSummary),
  reports: z.array(ProgressReport),
  canManage: z.boolean(),
  /** The assigned units the caller may report for (empty: may not report). */
  reportUnits: z.array(z.object({ unitId: Uuid.nullable(), name: z.string() })),
  version: z.number().int(),
});
export type TaskDetail = z.infer<typeof TaskDetail>;

export const ReportInput = z.object({
  status: TaskStatus,
  progress: z.number().int().min(0).max(100),
  note: Text(1, 4000),
  /** Which assigned unit reports; by default the first one the caller covers. */
  unitId: Uuid.nullable().default(null),
  storedFileIds: z.array(Uuid).max(10).default([]),
});
export type ReportInput = z.output<typeof ReportInput>;

export const MyTask = TaskSummary.extend({ planTitle: z.string(), role: z.enum(['lead', 'coordinating']) });
export type MyTask = z.infer<typeof MyTask>;
export const MyTaskPage = pageOf(MyTask);
export type MyTaskPage = z.infer<typeof MyTaskPage>;
export const MyTaskQuery = Paging.extend({ lateOnly: z.enum(['true', 'false']).optional() });

export const ImportProblem = z.object({
  row: z.number().int(),
  column: z.string(),
  vi: z.string(),
  en: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;
export const PlanImportReport = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  written: z.boolean(),
  problems: z.array(ImportProblem),
});
export type PlanImportReport = z.infer<typeof PlanImportReport>;
