import { z } from 'zod';
import { ChildIdentity, QueueQuery, SchoolRef } from './admission-applications.schema.ts';
import { IsoDate, Text, Uuid } from './common.schema.ts';
import { Attachment, DocumentRule, DossierState, PublicTimeline, Transition } from './dossiers.schema.ts';
import { Gender } from './population.schema.ts';

/**
 * Processing of admission applications by schools and communes (issue 3, item 3): the staff
 * detail, review actions, bulk actions, the Excel export; the parent's supplement and the PDF
 * receipt. The steps are the dossier engine's (src/server/modules/dossiers/dossier-state.ts).
 */

export const DossierParams = z.object({ dossierId: Uuid });

const DocumentCode = z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'A–Z, 0–9, _ (e.g. GIAY_KHAI_SINH)');

/**
 * A review step from admissions. `verify` is start_review then approve (the documents are in
 * order); `request_supplement` says what is missing (document codes of the procedure and/or a
 * note) and why; `reject` says why. `expectedVersion` is the dossier version the clerk saw.
 */
export const ProcessingAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start_review'), expectedVersion: z.number().int().min(1) }),
  z.object({ action: z.literal('verify'), expectedVersion: z.number().int().min(1) }),
  z
    .object({
      action: z.literal('request_supplement'),
      expectedVersion: z.number().int().min(1),
      reason: Text(5, 2000),
      documents: z.array(DocumentCode).max(20).default([]),
      note: Text(1, 2000).optional(),
    })
    .refine((b) => b.documents.length > 0 || b.note !== undefined, {
      path: ['documents'],
      message:
        'nêu giấy tờ cần bổ sung hoặc ghi chú điều cần bổ sung / name the documents or describe what to supplement',
    }),
  z.object({ action: z.literal('reject'), expectedVersion: z.number().int().min(1), reason: Text(5, 2000) }),
]);
export type ProcessingAction = z.output<typeof ProcessingAction>;

export const WishRef = SchoolRef.extend({ rank: z.number().int() });

export const VersionEntry = z.object({
  version: z.number().int(),
  editedAt: z.string(),
  /** 'applicant' or the staff user's id. */
  editedBy: z.string(),
  data: z.unknown(),
});

export const AuditEntry = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  after: z.unknown().nullable(),
});

/** What a reviewer sees of one application; never the personal ID (only its keyed hash is kept). */
export const ApplicationDetail = z.object({
  dossierId: Uuid,
  dossierCode: z.string(),
  round: z.object({ id: Uuid, name: z.string(), level: z.number().int() }),
  child: z.object({ fullName: z.string(), dateOfBirth: IsoDate, gender: Gender }),
  /** Parents or guardians as the family gave them (or the registry's, without phones). */
  guardians: z.array(
    z.object({
      fullName: z.string(),
      relation: z.enum(['father', 'mother', 'guardian']),
      phone: z.string().nullable(),
    }),
  ),
  residence: z.object({
    commune: SchoolRef,
    village: z.string().nullable(),
    status: z.enum(['confirmed', 'correction', 'unregistered']),
    correctionReason: z.string().nullable(),
    /** Whether the national population database knew the child at filing. */
    registryMatch: z.boolean(),
  }),
  priorityGroup: z.object({ code: z.string(), name: z.string() }).nullable(),
  wishes: z.array(WishRef),
  contactChannel: z.enum(['sms', 'email']),
  formVersion: z.number().int(),
  state: DossierState,
  dossierVersion: z.number().int(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  allowedActions: z.array(z.enum(['start_review', 'verify', 'request_supplement', 'reject'])),
  documents: z.array(DocumentRule),
  attachments: z.array(Attachment.extend({ downloadUrl: z.string() })),
  timeline: z.array(Transition),
  versions: z.array(VersionEntry),
  /** The dossier's audit trail (its reviewer may read it; null is no longer sent). */
  audit: z.array(AuditEntry).nullable(),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;

export const BULK_ACTIONS = ['start_review', 'approve', 'reject'] as const;
export const BulkBody = z
  .object({
    dossierIds: z.array(Uuid).min(1).max(500),
    action: z.enum(BULK_ACTIONS),
    reason: Text(5, 2000).optional(),
  })
  .refine((b) => b.action !== 'reject' || b.reason !== undefined, {
    path: ['reason'],
    message: 'cần lý do từ chối / a reason is required to reject',
  });
export type BulkBody = z.output<typeof BulkBody>;

export const BulkItem = z.object({
  dossierId: Uuid,
  ok: z.boolean(),
  state: DossierState.nullable(),
  /** An error code of src/shared/errors.ts when not ok. */
  error: z.string().nullable(),
});
export const BulkResult = z.object({
  action: z.enum(BULK_ACTIONS),
  succeeded: z.number().int(),
  failed: z.number().int(),
  items: z.array(BulkItem),
});
export type BulkResult = z.infer<typeof BulkResult>;

/** The queue's filters without paging: the export holds every matching application. */
export const ExportQuery = QueueQuery.omit({ page: true, pageSize: true });
export type ExportQuery = z.infer<typeof ExportQuery>;

/** The parent's resubmission after a supplement request. */
export const ResubmitBody = ChildIdentity.extend({ note: Text(0, 2000).default('') });
export type ResubmitBody = z.output<typeof ResubmitBody>;

/** Where the application stands after the parent's step. */
export const SupplementStatus = z.object({ dossierCode: z.string(), state: DossierState, timeline: PublicTimeline });
export type SupplementStatus = z.infer<typeof SupplementStatus>;

/** Multipart fields sent with the file (the file itself in the field `file`, last). */
export const SupplementFields = ChildIdentity.extend({ documentCode: DocumentCode });
