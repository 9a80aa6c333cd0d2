import { z } from 'zod';
import { IsoDate, Paging, pageOf, Text, Uuid } from './common.schema.ts';

/**
 * Periodic reports and quick surveys (issue 6, item 3; the DHIS2 model): report forms with
 * typed fields, a period type, an assignment to units, opening/closing windows per period, a
 * "complete" action, auto-lock after closing with a reopen by the level above, bottom-up
 * approval, completeness and timeliness rolled up the tree, numeric aggregates, Excel export.
 *
 * Values of a submission are keyed by the field's stable `code`:
 *   integer, decimal → number · text, long_text → string · single_choice → option code (string)
 *   multiple_choice → option codes (string[]) · yes_no → boolean · date → 'yyyy-mm-dd'
 *   file → a stored file id (uuid) of a finished tus upload with purpose 'reports'.
 */

// ── Vocabularies ────────────────────────────────────────────────────────────────────────────

export const FIELD_TYPES = [
  'integer',
  'decimal',
  'text',
  'long_text',
  'single_choice',
  'multiple_choice',
  'yes_no',
  'date',
  'file',
] as const;
export const FieldType = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof FieldType>;
export const NUMERIC_FIELD_TYPES: readonly FieldType[] = ['integer', 'decimal'];

/** How a numeric field is rolled up the tree (sum by default). */
export const AGGREGATIONS = ['sum', 'avg', 'min', 'max', 'count'] as const;
export const Aggregation = z.enum(AGGREGATIONS);
export type Aggregation = z.infer<typeof Aggregation>;

export const PERIOD_TYPES = ['monthly', 'quarterly', 'six_monthly', 'school_year', 'yearly', 'campaign'] as const;
export const PeriodType = z.enum(PERIOD_TYPES);
export type PeriodType = z.infer<typeof PeriodType>;

export const FORM_STATUSES = ['draft', 'published', 'archived'] as const;
export const FormStatus = z.enum(FORM_STATUSES);
export type FormStatus = z.infer<typeof FormStatus>;

/** scheduled: not yet open; open: accepting data; closed: past its closing date (locked). */
export const PERIOD_STATUSES = ['scheduled', 'open', 'closed'] as const;
export const PeriodStatus = z.enum(PERIOD_STATUSES);
export type PeriodStatus = z.infer<typeof PeriodStatus>;

/**
 * A unit's report for one period: not_started (expected, nothing saved) → draft (saved) →
 * completed (validated, sent) → approved; or completed → returned (sent back with a reason) →
 * draft/completed again. Forms without approval stop at completed.
 */
export const SUBMISSION_STATUSES = ['not_started', 'draft', 'completed', 'returned', 'approved'] as const;
export const SubmissionStatus = z.enum(SUBMISSION_STATUSES);
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;

/** Unit types a form may be assigned to. */
export const ASSIGNABLE_UNIT_TYPES = ['school', 'gdtx_centre', 'commune', 'ward', 'special_zone'] as const;
export const AssignableUnitType = z.enum(ASSIGNABLE_UNIT_TYPES);
export const SCHOOL_LEVELS = ['mam_non', 'tieu_hoc', 'thcs', 'thpt', 'lien_cap', 'gdtx'] as const;
export const SchoolLevel = z.enum(SCHOOL_LEVELS);

const CODE = /^[a-z][a-z0-9_]{0,39}$/;
const codeMsg = 'mã gồm chữ thường, số, gạch dưới, bắt đầu bằng chữ / lower-case letters, digits, underscores';
export const FieldCode = z.string().trim().regex(CODE, codeMsg);
const FORM_CODE = /^[A-Z0-9][A-Z0-9_.-]{1,39}$/;
export const FormCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(FORM_CODE, 'mã biểu mẫu gồm chữ in hoa, số, . _ - / form code of capitals, digits, . _ -');

// ── Period keys ─────────────────────────────────────────────────────────────────────────────

/** Period keys by type: 2026-05, 2026-Q2, 2026-H1, 2025-2026 (school year), 2026, campaign: any code. */
export const PERIOD_KEY_PATTERNS: Record<Exclude<PeriodType, 'campaign'>, RegExp> = {
  monthly: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarterly: /^(\d{4})-Q([1-4])$/,
  six_monthly: /^(\d{4})-H([12])$/,
  school_year: /^(\d{4})-(\d{4})$/,
  yearly: /^(\d{4})$/,
};
export const CAMPAIGN_KEY = /^[A-Z0-9][A-Z0-9_.-]{1,39}$/;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * The calendar bounds of a period key (school year: 1 September – 31 August), or null when the
 * key does not fit the type. Campaign periods have no bounds from their key (given explicitly).
 */
export function periodBounds(type: PeriodType, key: string): { startsOn: string; endsOn: string } | null {
  if (type === 'campaign') return null;
  const m = PERIOD_KEY_PATTERNS[type].exec(key);
  if (!m) return null;
  const y = Number(m[1]);
  switch (type) {
    case 'monthly': {
      const mo = Number(m[2]);
      return { startsOn: `${y}-${pad(mo)}-01`, endsOn: `${y}-${pad(mo)}-${pad(lastDay(y, mo))}` };
    }
    case 'quarterly': {
      const q = Number(m[2]);
      const first = (q - 1) * 3 + 1;
      return { startsOn: `${y}-${pad(first)}-01`, endsOn: `${y}-${pad(first + 2)}-${pad(lastDay(y, first + 2))}` };
    }
    case 'six_monthly':
      return m[2] === '1'
        ? { startsOn: `${y}-01-01`, endsOn: `${y}-06-30` }
        : { startsOn: `${y}-07-01`, endsOn: `${y}-12-31` };
    case 'school_year': {
      if (Number(m[2]) !== y + 1) return null;
      return { startsOn: `${y}-09-01`, endsOn: `${y + 1}-08-31` };
    }
    case 'yearly':
      return { startsOn: `${y}-01-01`, endsOn: `${y}-12-31` };
  }
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The human label of a period key, in Vietnamese (default) or English: 2026-H1 → "6 tháng đầu
 * năm 2026" / "First half of 2026", 2026-Q2 → "Quý II/2026" / "Q2 2026", 2026-05 → "Tháng 5/2026" /
 * "May 2026", 2025-2026 → "Năm học 2025–2026" / "School year 2025–2026", 2026 → "Năm 2026" /
 * "Year 2026". A key that does not fit its type (and a campaign's code) is shown as it is.
 */
export function periodLabel(type: string, key: string, locale: 'vi' | 'en' | string = 'vi'): string {
  const en = locale === 'en' || locale.startsWith('en-');
  if (type === 'campaign' || !(type in PERIOD_KEY_PATTERNS)) return key;
  const m = PERIOD_KEY_PATTERNS[type as Exclude<PeriodType, 'campaign'>].exec(key);
  if (!m) return key;
  const y = m[1]!;
  const n = Number(m[2]);
  switch (type) {
    case 'monthly':
      return en ? `${MONTHS_EN[n - 1]} ${y}` : `Tháng ${n}/${y}`;
    case 'quarterly':
      return en ? `Q${n} ${y}` : `Quý ${ROMAN[n - 1]}/${y}`;
    case 'six_monthly':
      return en ? `${n === 1 ? 'First' : 'Second'} half of ${y}` : `6 tháng ${n === 1 ? 'đầu' : 'cuối'} năm ${y}`;
    case 'school_year':
      return en ? `School year ${y}–${m[2]}` : `Năm học ${y}–${m[2]}`;
    default:
      return en ? `Year ${y}` : `Năm ${y}`;
  }
}

/** Adds days to a calendar day 'yyyy-mm-dd'. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// ── Form definition ─────────────────────────────────────────────────────────────────────────

const Bilingual = z.object({ vi: Text(1, 500), en: Text(0, 500).default('') });

export const ChoiceOption = z.object({ code: FieldCode, label: Text(1, 300) });
export type ChoiceOption = z.infer<typeof ChoiceOption>;

export const Section = z.object({ code: FieldCode, title: Text(1, 300), help: Text(0, 2000).nullable().default(null) });
export type Section = z.output<typeof Section>;

export const FieldInput = z.object({
  code: FieldCode,
  label: Text(1, 500),
  help: Text(0, 2000).nullable().default(null),
  type: FieldType,
  /** The section's code, or null for a form without sections. */
  section: FieldCode.nullable().default(null),
  required: z.boolean().default(false),
  /** integer/decimal: bounds of the value; text/long_text: bounds of the length (minLength/maxLength). */
  min: z.number().nullable().default(null),
  max: z.number().nullable().default(null),
  minLength: z.number().int().min(0).nullable().default(null),
  maxLength: z.number().int().min(1).max(20000).nullable().default(null),
  /** text: a regular expression the whole value must match (e.g. `^[0-9]{10}$`). */
  pattern: z.string().max(200).nullable().default(null),
  /** single_choice / multiple_choice: the options. */
  options: z.array(ChoiceOption).max(100).default([]),
  /** Numeric fields: how the value is rolled up the tree. */
  aggregation: Aggregation.default('sum'),
  /** A unit of measure shown beside numbers (e.g. "lớp", "Mbps"). */
  unitLabel: Text(0, 40).nullable().default(null),
});
export type FieldInput = z.output<typeof FieldInput>;

export const RULE_OPS = ['lt', 'le', 'eq', 'ge', 'gt'] as const;
export const RuleOp = z.enum(RULE_OPS);
export type RuleOp = z.infer<typeof RuleOp>;

/**
 * Cross-field validation rules, as data:
 *   compare: `left op right` (e.g. girls ≤ pupils; right may be a field code or a constant);
 *   sum: sum of `terms` op `total` (e.g. pupils_kinh + pupils_dtts = pupils, op eq).
 * A rule is checked only when all the fields it names have a value.
 */
export const ValidationRule = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('compare'),
    code: FieldCode,
    left: FieldCode,
    op: RuleOp,
    right: z.union([FieldCode, z.number()]),
    message: Bilingual.nullable().default(null),
  }),
  z.object({
    kind: z.literal('sum'),
    code: FieldCode,
    terms: z.array(FieldCode).min(1).max(50),
    op: RuleOp.default('eq'),
    total: FieldCode,
    message: Bilingual.nullable().default(null),
  }),
]);
export type ValidationRule = z.output<typeof ValidationRule>;

/** Which units are expected to report: all conditions given must hold; all inside `rootUnitId`'s subtree. */
export const Assignment = z.object({
  /** The subtree (must be within the designer's scope); null = the designer's whole scope (the province for the Sở). */
  rootUnitId: Uuid.nullable().default(null),
  /** Unit types (school, gdtx_centre, commune, ward, special_zone); empty = schools and centres. */
  unitTypes: z.array(AssignableUnitType).max(5).default([]),
  /** Schools having at least one of these levels (e.g. thcs); empty = any. */
  schoolLevels: z.array(SchoolLevel).max(6).default([]),
  /** An explicit list of units; when non-empty, only these (still filtered by the subtree). */
  unitIds: z.array(Uuid).max(5000).default([]),
});
export type Assignment = z.output<typeof Assignment>;

/**
 * How each period's window is generated (editable per period afterwards):
 * opens `opensDaysBeforeEnd` days before the period's last day (negative: after it), closes
 * `closesDaysAfterEnd` days after it (negative: before it). Seed 003 VI.5: a six-monthly report
 * for H1 due before 1 June → closesDaysAfterEnd = -30 (31 May); annual before 6 December →
 * closesDaysAfterEnd = -26 (5 December). Campaign periods give their dates explicitly.
 */
export const WindowRule = z.object({
  opensDaysBeforeEnd: z.number().int().min(-366).max(366).default(30),
  closesDaysAfterEnd: z.number().int().min(-366).max(366).default(10),
});
export type WindowRule = z.output<typeof WindowRule>;

export const FormInput = z.object({
  code: FormCode,
  title: Text(2, 500),
  description: Text(0, 4000).nullable().default(null),
  /** quick survey (khảo sát nhanh) vs periodic report: only a label; both work the same way. */
  kind: z.enum(['report', 'survey']).default('report'),
  /** The designing unit (the caller holds reports.design on it). */
  ownerUnitId: Uuid,
  periodType: PeriodType,
  needsApproval: z.boolean().default(true),
  window: WindowRule.default({ opensDaysBeforeEnd: 30, closesDaysAfterEnd: 10 }),
  assignment: Assignment,
  sections: z.array(Section).max(50).default([]),
  fields: z.array(FieldInput).min(1).max(500),
  rules: z.array(ValidationRule).max(200).default([]),
  /** Days before closing when the daily reminder starts (and it goes on after closing while locked-out units have not reported). */
  remindDaysBefore: z.number().int().min(0).max(60).default(3),
});
export type FormInput = z.output<typeof FormInput>;

/** Replace a draft form's definition (optimistic concurrency on `version`). */
export const FormUpdate = FormInput.extend({ version: z.number().int() });
export type FormUpdate = z.output<typeof FormUpdate>;

/** A new draft from a form; with `ownerUnitId` another designer (e.g. a commune) adapts it for its own subtree. */
export const FormCopy = z.object({ code: FormCode, title: Text(2, 500).optional(), ownerUnitId: Uuid.optional() });
export type FormCopy = z.output<typeof FormCopy>;

export const VersionBody = z.object({ version: z.number().int() });

// ── Views (no transforms) ───────────────────────────────────────────────────────────────────

const ViewBilingual = z.object({ vi: z.string(), en: z.string() });

export const FieldView = z.object({
  id: Uuid,
  code: z.string(),
  label: z.string(),
  help: z.string().nullable(),
  type: FieldType,
  section: z.string().nullable(),
  required: z.boolean(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  minLength: z.number().int().nullable(),
  maxLength: z.number().int().nullable(),
  pattern: z.string().nullable(),
  options: z.array(z.object({ code: z.string(), label: z.string() })),
  aggregation: Aggregation,
  unitLabel: z.string().nullable(),
  seq: z.number().int(),
});
export type FieldView = z.infer<typeof FieldView>;

export const RuleView = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('compare'),
    code: z.string(),
    left: z.string(),
    op: RuleOp,
    right: z.union([z.string(), z.number()]),
    message: ViewBilingual.nullable(),
  }),
  z.object({
    kind: z.literal('sum'),
    code: z.string(),
    terms: z.array(z.string()),
    op: RuleOp,
    total: z.string(),
    message: ViewBilingual.nullable(),
  }),
]);

export const FormSummary = z.object({
  id: Uuid,
  code: z.string(),
  title: z.string(),
  kind: z.enum(['report', 'survey']),
  status: FormStatus,
  periodType: PeriodType,
  needsApproval: z.boolean(),
  ownerUnitId: Uuid,
  ownerUnitName: z.string(),
  fieldCount: z.number().int(),
  periodCount: z.number().int(),
  /** The most recent period's key, or null. */
  latestPeriodKey: z.string().nullable(),
  /** Its human label in Vietnamese (periodLabel()), or null. */
  latestPeriodLabel: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type FormSummary = z.infer<typeof FormSummary>;
export const FormPage = pageOf(FormSummary);
export type FormPage = z.infer<typeof FormPage>;
export const FormQuery = Paging.extend({
  status: FormStatus.optional(),
  periodType: PeriodType.optional(),
  q: z.string().trim().max(200).optional(),
});
export type FormQuery = z.output<typeof FormQuery>;

export const PeriodView = z.object({
  id: Uuid,
  formId: Uuid,
  periodKey: z.string(),
  periodType: PeriodType,
  /** The human label of the period key in Vietnamese (periodLabel(); the web localises from type + key). */
  periodLabel: z.string(),
  /** The same as periodLabel (kept for existing clients). */
  label: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: PeriodStatus,
  /** Whether the expected units were fixed (when the period opened). */
  materialised: z.boolean(),
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  approved: z.number().int(),
});
export type PeriodView = z.infer<typeof PeriodView>;
export const PeriodList = z.object({ items: z.array(PeriodView) });

export const FormDetail = FormSummary.extend({
  description: z.string().nullable(),
  window: z.object({ opensDaysBeforeEnd: z.number().int(), closesDaysAfterEnd: z.number().int() }),
  assignment: z.object({
    rootUnitId: Uuid.nullable(),
    unitTypes: z.array(z.string()),
    schoolLevels: z.array(z.string()),
    unitIds: z.array(Uuid),
  }),
  remindDaysBefore: z.number().int(),
  sections: z.array(z.object({ code: z.string(), title: z.string(), help: z.string().nullable() })),
  fields: z.array(FieldView),
  rules: z.array(RuleView),
  version: z.number().int(),
  /** What the caller may do with the form. */
  can: z.object({ edit: z.boolean(), publish: z.boolean(), archive: z.boolean(), managePeriods: z.boolean() }),
});
export type FormDetail = z.infer<typeof FormDetail>;

export const PeriodCreate = z.object({
  /** 2026-05, 2026-Q2, 2026-H1, 2025-2026, 2026, or a campaign code (e.g. KS-CDS-2026). */
  periodKey: z.string().trim().min(1).max(40),
  /** Campaign periods: their bounds (other types take them from the key). */
  startsOn: IsoDate.optional(),
  endsOn: IsoDate.optional(),
  /** Override the window generated from the form's rule. */
  opensOn: IsoDate.optional(),
  closesOn: IsoDate.optional(),
});
export type PeriodCreate = z.output<typeof PeriodCreate>;

export const PeriodPatch = z.object({ opensOn: IsoDate.optional(), closesOn: IsoDate.optional() });
export type PeriodPatch = z.output<typeof PeriodPatch>;

export const FieldValue = z.union([z.number(), z.string(), z.boolean(), z.array(z.string()), z.null()]);
export type FieldValue = z.infer<typeof FieldValue>;
export const Values = z.record(z.string(), FieldValue);
export type Values = z.infer<typeof Values>;

export const FieldError = z.object({
  /** The field's code (or the first field a cross-field rule names). */
  field: z.string(),
  /** The rule's code for a cross-field rule, else the check: required, type, min, max, length, pattern, option. */
  rule: z.string(),
  vi: z.string(),
  en: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;
export const ValidationResult = z.object({ ok: z.boolean(), errors: z.array(FieldError) });

export const SubmissionEvent = z.object({
  action: z.enum(['saved', 'completed', 'approved', 'returned', 'reopened', 'locked']),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const SubmissionSummary = z.object({
  id: Uuid,
  formId: Uuid,
  formCode: z.string(),
  formTitle: z.string(),
  periodId: Uuid,
  periodKey: z.string(),
  periodType: PeriodType,
  /** The human label of the period key in Vietnamese (periodLabel(); the web localises from type + key). */
  periodLabel: z.string(),
  unitId: Uuid,
  unitCode: z.string(),
  unitName: z.string(),
  status: SubmissionStatus,
  opensOn: z.string(),
  /** The unit's own deadline: the period's closing date, or the later one a reopen gave. */
  closesOn: z.string(),
  /** Whether the unit may write now (window open and not locked, or reopened). */
  open: z.boolean(),
  completedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  approvedAt: z.string().nullable(),
  returnedReason: z.string().nullable(),
  updatedAt: z.string(),
});
export type SubmissionSummary = z.infer<typeof SubmissionSummary>;
export const SubmissionPage = pageOf(SubmissionSummary);
export type SubmissionPage = z.infer<typeof SubmissionPage>;

export const SubmissionDetail = SubmissionSummary.extend({
  form: FormDetail,
  values: Values,
  /** Stored files of file fields: id → name, for links (GET /api/reports/submissions/:id/files/:fileId). */
  files: z.array(z.object({ id: Uuid, filename: z.string(), sizeBytes: z.number() })),
  approverUnitId: Uuid.nullable(),
  approverUnitName: z.string().nullable(),
  reopenReason: z.string().nullable(),
  history: z.array(SubmissionEvent),
  version: z.number().int(),
  can: z.object({
    edit: z.boolean(),
    complete: z.boolean(),
    approve: z.boolean(),
    sendBack: z.boolean(),
    reopen: z.boolean(),
  }),
});
export type SubmissionDetail = z.infer<typeof SubmissionDetail>;

/** My reports to fill (units where the caller holds reports.submit), open ones first. */
export const InboxQuery = Paging.extend({
  unitId: Uuid.optional(),
  status: SubmissionStatus.optional(),
  /** Only periods open now (default) or all. */
  openOnly: z.stringbool().default(false),
});
export type InboxQuery = z.output<typeof InboxQuery>;

/** Reports to review (completed reports of units whose level above the caller approves for). */
export const ReviewQuery = Paging.extend({
  status: SubmissionStatus.default('completed'),
  formId: Uuid.optional(),
  periodId: Uuid.optional(),
});
export type ReviewQuery = z.output<typeof ReviewQuery>;

export const PeriodSubmissionsQuery = Paging.extend({
  status: SubmissionStatus.optional(),
  /** Only units that have not submitted (not_started, draft, returned). */
  missing: z.stringbool().default(false),
  rootUnitId: Uuid.optional(),
});
export type PeriodSubmissionsQuery = z.output<typeof PeriodSubmissionsQuery>;

export const SaveValues = z.object({ values: Values, version: z.number().int() });
export type SaveValues = z.output<typeof SaveValues>;

export const SendBack = z.object({ reason: Text(3, 2000), version: z.number().int() });
export type SendBack = z.output<typeof SendBack>;

export const Reopen = z.object({ reason: Text(3, 2000), newDeadline: IsoDate, version: z.number().int() });
export type Reopen = z.output<typeof Reopen>;

// ── Figures ─────────────────────────────────────────────────────────────────────────────────

export const CompletenessRow = z.object({
  unitId: Uuid,
  unitCode: z.string(),
  unitName: z.string(),
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  approved: z.number().int(),
});
export const CompletenessView = z.object({
  rootUnitId: Uuid.nullable(),
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  approved: z.number().int(),
  /** submitted / expected, 0–1 (null when nothing expected). */
  rate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  byChild: z.array(CompletenessRow),
});
export type CompletenessView = z.infer<typeof CompletenessView>;
export const FiguresQuery = z.object({
  rootUnitId: Uuid.optional(),
  approvedOnly: z.stringbool().default(false),
});
export type FiguresQuery = z.output<typeof FiguresQuery>;

export const AggregateField = z.object({
  fieldCode: z.string(),
  label: z.string(),
  aggregation: Aggregation,
  value: z.number().nullable(),
  count: z.number().int(),
  byChild: z.array(
    z.object({
      unitId: Uuid,
      unitCode: z.string(),
      unitName: z.string(),
      value: z.number().nullable(),
      count: z.number().int(),
    }),
  ),
});
export const AggregateView = z.object({
  rootUnitId: Uuid.nullable(),
  approvedOnly: z.boolean(),
  fields: z.array(AggregateField),
});
export type AggregateView = z.infer<typeof AggregateView>;
export const AggregateQuery = FiguresQuery.extend({
  /** One field, or all numeric fields when absent. */
  fieldCode: z.string().optional(),
});
export type AggregateQuery = z.output<typeof AggregateQuery>;

export const ExportQuery = z.object({
  kind: z.enum(['raw', 'aggregate']).default('raw'),
  rootUnitId: Uuid.optional(),
  approvedOnly: z.stringbool().default(false),
});
export type ExportQuery = z.output<typeof ExportQuery>;

/** POST /api/reports/periods/:id/remind: optionally only inside a subtree. */
export const RemindBody = z.object({ rootUnitId: Uuid.optional() });
export type RemindBody = z.output<typeof RemindBody>;
/** Units reminded now, and units skipped because they were already reminded today. */
export const RemindResult = z.object({ reminded: z.number().int(), skipped: z.number().int() });
export type RemindResult = z.infer<typeof RemindResult>;

export const ReminderRun = z.object({ reminded: z.number().int(), opened: z.number().int(), locked: z.number().int() });
