import { z } from 'zod';
import { IsoDate, Localized, Paging, pageOf, Text, Uuid } from './common.schema.ts';

/** The one state machine of every dossier (transitions: src/server/modules/dossiers/dossier-state.ts). */
export const DOSSIER_STATES = [
  'draft',
  'submitted',
  'in_review',
  'supplement_requested',
  'resubmitted',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export const DossierState = z.enum(DOSSIER_STATES);
export type DossierState = z.infer<typeof DossierState>;

/** Steps the applicant takes (or staff for them, in assisted entry). */
export const APPLICANT_ACTIONS = ['submit', 'resubmit', 'withdraw'] as const;
/** Steps the handling unit takes. */
export const STAFF_ACTIONS = ['start_review', 'request_supplement', 'approve', 'reject'] as const;
export const DossierAction = z.enum([...APPLICANT_ACTIONS, ...STAFF_ACTIONS]);
export type DossierAction = z.infer<typeof DossierAction>;
export const StaffAction = z.enum(STAFF_ACTIONS);
export type StaffAction = z.infer<typeof StaffAction>;

export const STATE_LABELS: Record<DossierState, Localized> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Đã tiếp nhận', en: 'Received' },
  in_review: { vi: 'Đang xử lý', en: 'In review' },
  supplement_requested: { vi: 'Yêu cầu bổ sung', en: 'Supplement requested' },
  resubmitted: { vi: 'Đã bổ sung', en: 'Supplemented' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  rejected: { vi: 'Từ chối', en: 'Rejected' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
};

export const FileKind = z.enum(['pdf', 'jpeg', 'png']);
export type FileKind = z.infer<typeof FileKind>;
const Code = z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'A–Z, 0–9, _ (e.g. TS_LOP1)');

/** A document a procedure asks for (as the API returns it). */
export const DocumentRule = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  required: z.boolean(),
  accepted: z.array(FileKind),
  maxSizeMb: z.number(),
});
export type DocumentRule = z.infer<typeof DocumentRule>;

/** A document rule as staff enter it. At most 20 MB: the multipart limit of the server. */
export const DocumentRuleInput = z.object({
  code: Code,
  nameVi: Text(2, 300),
  nameEn: Text(2, 300),
  required: z.boolean(),
  accepted: z.array(FileKind).min(1).max(3),
  maxSizeMb: z.number().positive().max(20),
});

const Documents = z
  .array(DocumentRuleInput)
  .max(40)
  .refine((d) => new Set(d.map((x) => x.code)).size === d.length, 'Document codes must be unique');

/** Nghị định 42/2022/NĐ-CP: wholly online ("toàn trình") or partly online ("một phần"). */
export const ProcedureMode = z.enum(['toan_trinh', 'mot_phan']);
const CutoffTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const Procedure = z.object({
  code: z.string(),
  name: Localized,
  mode: ProcedureMode,
  /** The unit type that handles its dossiers (a `unit_types` code, e.g. 'school'). */
  unitType: z.string(),
  processingDays: z.number().int(),
  cutoffTime: z.string(),
  documents: z.array(DocumentRule),
  feeVnd: z.number().int(),
  codePrefix: z.string(),
  active: z.boolean(),
  ownerModule: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Procedure = z.infer<typeof Procedure>;

export const ProcedureCreate = z.object({
  code: Code,
  nameVi: Text(2, 300),
  nameEn: Text(2, 300),
  mode: ProcedureMode,
  unitType: z.string().min(1).max(60),
  processingDays: z.number().int().min(0).max(365),
  cutoffTime: CutoffTime.default('17:00'),
  documents: Documents.default([]),
  feeVnd: z.number().int().min(0).max(2_000_000_000).default(0),
  codePrefix: z.string().regex(/^[A-Z][A-Z0-9]{0,7}$/, 'A–Z, 0–9, at most 8 (e.g. TS1)'),
  active: z.boolean().default(true),
  ownerModule: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{1,39}$/)
    .nullish(),
});
/** The code and the dossier-code prefix never change: issued codes must stay unique. */
export const ProcedureUpdate = z.object({
  nameVi: Text(2, 300).optional(),
  nameEn: Text(2, 300).optional(),
  mode: ProcedureMode.optional(),
  unitType: z.string().min(1).max(60).optional(),
  processingDays: z.number().int().min(0).max(365).optional(),
  cutoffTime: CutoffTime.optional(),
  documents: Documents.optional(),
  feeVnd: z.number().int().min(0).max(2_000_000_000).optional(),
  active: z.boolean().optional(),
  ownerModule: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{1,39}$/)
    .nullish(),
  expectedVersion: z.number().int().min(1),
});
export const ProcedureParams = z.object({ code: Code });

/** What to supplement, shown to the applicant with the reason. */
export const TransitionDetails = z.object({
  documents: z.array(z.string()).optional(),
  note: z.string().optional(),
});
export type TransitionDetails = z.infer<typeof TransitionDetails>;
export const TransitionDetailsInput = z.object({
  documents: z.array(Code).max(40).optional(),
  note: Text(1, 2000).optional(),
});

export const Transition = z.object({
  id: z.string(),
  action: z.string(),
  fromState: DossierState.nullable(),
  toState: DossierState,
  at: z.string(),
  actorKind: z.enum(['user', 'applicant', 'system']),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
  details: TransitionDetails.nullable(),
});

export const Attachment = z.object({
  id: Uuid,
  documentCode: z.string(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedByKind: z.enum(['user', 'applicant', 'system']),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

export const DossierSummary = z.object({
  id: Uuid,
  code: z.string().nullable(),
  procedureCode: z.string(),
  procedureName: Localized,
  unitId: Uuid,
  unitName: z.string(),
  state: DossierState,
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** due_at passed while the handling unit holds the dossier. */
  overdue: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DossierSummary = z.infer<typeof DossierSummary>;

export const DossierDetail = DossierSummary.extend({
  contact: z.object({ email: z.string().nullable(), phone: z.string().nullable() }),
  locale: z.enum(['vi', 'en']),
  form: z.unknown().nullable(),
  documents: z.array(DocumentRule),
  transitions: z.array(Transition),
  attachments: z.array(Attachment),
  /** What the handling unit may do next from this state. */
  allowedActions: z.array(StaffAction),
});
export type DossierDetail = z.infer<typeof DossierDetail>;

export const DossierQuery = Paging.extend({
  procedure: Code.optional(),
  state: DossierState.optional(),
  unitId: Uuid.optional(),
  overdue: z.stringbool().optional(),
  receivedFrom: IsoDate.optional(),
  receivedTo: IsoDate.optional(),
  q: z.string().trim().min(1).max(40).optional(),
});
export const DossierPage = pageOf(DossierSummary);
export type DossierPage = z.infer<typeof DossierPage>;

export const DossierActionBody = z.object({
  action: StaffAction,
  /** Required for request_supplement and reject; shown to the applicant. */
  reason: Text(1, 2000).optional(),
  details: TransitionDetailsInput.optional(),
  expectedVersion: z.number().int().min(1),
});
export const AttachmentParams = z.object({ id: Uuid, attachmentId: Uuid });
export const AttachmentUploadQuery = z.object({ documentCode: Code });

/** What the applicant gets on submission; the same idempotency key gives the same receipt. */
export const Receipt = z.object({
  dossierId: Uuid,
  code: z.string(),
  procedureCode: z.string(),
  state: DossierState,
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  version: z.number().int(),
});
export type Receipt = z.infer<typeof Receipt>;

/** The applicant's view: no staff names, the unit speaks as "Trường/Đơn vị xử lý". */
export const PublicTimeline = z.object({
  dossierId: Uuid,
  code: z.string().nullable(),
  procedure: z.object({ code: z.string(), name: Localized }),
  state: DossierState,
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  events: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      fromState: DossierState.nullable(),
      toState: DossierState,
      by: z.enum(['applicant', 'unit', 'system']),
      byLabel: Localized,
      reason: z.string().nullable(),
      details: TransitionDetails.nullable(),
    }),
  ),
});
export type PublicTimeline = z.infer<typeof PublicTimeline>;

/** Vietnamese phone numbers: 0 or +84, then 9–10 digits. */
export const VnPhone = z.string().regex(/^(0|\+84)\d{9,10}$/, '0xxxxxxxxx');
export const ApplicantContact = z
  .object({ email: z.email().max(200).nullish(), phone: VnPhone.nullish() })
  .refine((c) => Boolean(c.email || c.phone), 'An e-mail address or a phone number is needed');

/** What a module passes to create a dossier for an applicant without an account. */
export const DossierDraftInput = z.object({
  procedureCode: Code,
  unitId: Uuid,
  /** A keyed hash of the applicant's identifier (never the identifier itself). */
  applicantKey: z.string().min(8).max(200),
  contact: ApplicantContact,
  locale: z.enum(['vi', 'en']).default('vi'),
  /** The module's own form data, only if it wants the engine to keep it. */
  form: z.unknown().optional(),
  /** One active (not withdrawn or rejected) dossier per unique key and procedure. */
  uniqueKey: z.string().min(1).max(300).optional(),
});
export type DossierDraftInput = z.input<typeof DossierDraftInput>;

export const Holiday = z.object({ day: IsoDate, name: Localized, kind: z.enum(['holiday', 'working_day']) });
export const HolidayUpsert = z.object({
  nameVi: Text(1, 200),
  nameEn: Text(1, 200),
  /** 'working_day': a weekend day worked to make up a swapped day ("làm bù"). */
  kind: z.enum(['holiday', 'working_day']).default('holiday'),
});
export const HolidayQuery = z.object({ year: z.coerce.number().int().min(2000).max(2999) });
export const HolidayParams = z.object({ day: IsoDate });

export const OutboxEntry = z.object({
  id: z.string(),
  createdAt: z.string(),
  channel: z.enum(['email', 'sms']),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  template: z.string(),
  locale: z.string(),
  dossierId: Uuid.nullable(),
  attempts: z.number().int(),
  sentAt: z.string().nullable(),
  deliveredBy: z.string().nullable(),
  error: z.string().nullable(),
});
export const OutboxQuery = Paging.extend({ dossierId: Uuid.optional() });
export const OutboxPage = pageOf(OutboxEntry);
export type OutboxPage = z.infer<typeof OutboxPage>;
