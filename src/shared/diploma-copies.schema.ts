import { z } from 'zod';
import { Text, Uuid } from './common.schema.ts';
import { EntrySummary, parsePartialDate } from './diplomas.schema.ts';
import { Attachment, DossierDetail, DossierState, PublicTimeline } from './dossiers.schema.ts';

/**
 * Certified copies from the master register (issue 5 item 5): the citizen's request, the fee,
 * the staff's queue, issue and delivery, the citizen's status and download, the public check of
 * a copy. Shared by the server and the web pages.
 */

export const RequesterKind = z.enum(['holder', 'authorised', 'relative']);
export type RequesterKind = z.infer<typeof RequesterKind>;
export const Delivery = z.enum(['pickup', 'post']);
export type Delivery = z.infer<typeof Delivery>;
export const DeliveryStatus = z.enum(['ready_for_pickup', 'picked_up', 'posted', 'delivered']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** The document code of the proof of the right to ask (procedure BANSAO_VB). */
export const PROOF_DOCUMENT = 'UY_QUYEN';
/** The document code of the applicant's identity paper (optional). */
export const IDENTITY_DOCUMENT = 'GIAY_TO_TUY_THAN';

export interface FeeTable {
  perCopyVnd: number;
  postalVnd: number;
}

export interface Fee {
  perCopyVnd: number;
  postalVnd: number;
  totalVnd: number;
}

/** The fee of a request: per copy, plus the postal fee when sent by post. Pure: the form shows it, the server charges it. */
export function computeFee(table: FeeTable, copies: number, delivery: Delivery): Fee {
  const postalVnd = delivery === 'post' ? table.postalVnd : 0;
  return { perCopyVnd: table.perCopyVnd, postalVnd, totalVnd: table.perCopyVnd * copies + postalVnd };
}

export const FeeSchema = z.object({
  perCopyVnd: z.number().int(),
  postalVnd: z.number().int(),
  totalVnd: z.number().int(),
});

/** What the public form needs before the citizen starts. */
export const CopyOptions = z.object({
  fees: z.object({ perCopyVnd: z.number().int(), postalVnd: z.number().int() }),
  maxCopies: z.number().int(),
  /** Requests received before this time on a working day are issued the same day. */
  cutoff: z.string(),
  types: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
  handlingUnitName: z.string(),
});
export type CopyOptions = z.infer<typeof CopyOptions>;

const BirthDate = z
  .string()
  .trim()
  .refine((s) => parsePartialDate(s) !== null, {
    message: 'Ngày sinh ghi theo dạng ngày/tháng/năm hoặc năm / Give the date of birth as dd/mm/yyyy or a year',
  });

/** The citizen's request (the contact comes from the one-time code). */
export const CopyRequestInput = z
  .object({
    requesterKind: RequesterKind,
    requesterName: Text(2, 150),
    /** For a relative: the tie to the holder ("mẹ", "con", "vợ"). */
    relationship: Text(0, 100).optional(),
    holderName: Text(2, 150),
    birthDate: BirthDate,
    typeCode: z.string().min(1).max(40),
    graduationYear: z.number().int().min(1945).max(2100),
    schoolName: Text(2, 200),
    serial: Text(0, 50).optional(),
    copies: z.number().int().min(1).max(100),
    delivery: Delivery,
    postalAddress: Text(0, 300).optional(),
    /** The fee the form showed; refused when the table changed meanwhile (the citizen sees the new one). */
    expectedTotalVnd: z.number().int().min(0),
  })
  .superRefine((v, ctx) => {
    if (v.delivery === 'post' && (v.postalAddress ?? '').length < 10)
      ctx.addIssue({
        code: 'custom',
        path: ['postalAddress'],
        message: 'Ghi địa chỉ nhận qua bưu điện (ít nhất 10 ký tự) / Give the postal address (10 characters or more)',
      });
    if (v.requesterKind === 'relative' && !v.relationship)
      ctx.addIssue({
        code: 'custom',
        path: ['relationship'],
        message: 'Ghi quan hệ với người được cấp văn bằng / Give your relationship to the holder',
      });
  });
export type CopyRequestInput = z.output<typeof CopyRequestInput>;

export const CopyReceipt = z.object({
  dossierId: Uuid,
  code: z.string(),
  state: DossierState,
  receivedAt: z.string(),
  /** Same working day before the cut-off, else the next working day (end of that day). */
  dueAt: z.string().nullable(),
  fee: FeeSchema,
  copies: z.number().int(),
  delivery: Delivery,
  proofAttached: z.boolean(),
});
export type CopyReceipt = z.infer<typeof CopyReceipt>;

/** The issued copy as its holder and the staff see it. */
export const IssuedCopy = z.object({
  copyNumber: z.string(),
  checkCode: z.string(),
  issuedAt: z.string(),
  sha256: z.string(),
  verificationUrl: z.string(),
});
export type IssuedCopy = z.infer<typeof IssuedCopy>;

/** The citizen's view of a request (code + the verified contact). */
export const CopyStatus = z.object({
  code: z.string(),
  state: DossierState,
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  holderName: z.string(),
  copies: z.number().int(),
  delivery: Delivery,
  deliveryStatus: DeliveryStatus.nullable(),
  fee: FeeSchema,
  timeline: PublicTimeline,
  copy: IssuedCopy.omit({ checkCode: true }).nullable(),
});
export type CopyStatus = z.infer<typeof CopyStatus>;

export const CodeParams = z.object({ code: z.string().regex(/^[A-Z][A-Z0-9]{0,7}-\d{4}-\d{1,9}$/) });

// ── Staff ────────────────────────────────────────────────────────────────────────────────────

export const CopyQueueQuery = z.object({
  state: z.enum(['open', 'approved', 'rejected', 'all']).default('open'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type CopyQueueQuery = z.output<typeof CopyQueueQuery>;

export const CopyQueueItem = z.object({
  dossierId: Uuid,
  code: z.string(),
  state: DossierState,
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  holderName: z.string(),
  graduationYear: z.number().int(),
  copies: z.number().int(),
  delivery: Delivery,
  deliveryStatus: DeliveryStatus.nullable(),
  copyNumber: z.string().nullable(),
});
export type CopyQueueItem = z.infer<typeof CopyQueueItem>;
export const CopyQueuePage = z.object({
  items: z.array(CopyQueueItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CopyQueuePage = z.infer<typeof CopyQueuePage>;

export const CopyForm = z.object({
  requesterKind: RequesterKind,
  requesterName: z.string(),
  relationship: z.string().nullable(),
  holderName: z.string(),
  birthDate: z.string(),
  typeCode: z.string(),
  graduationYear: z.number().int(),
  schoolName: z.string(),
  serial: z.string().nullable(),
  copies: z.number().int(),
  delivery: Delivery,
  postalAddress: z.string().nullable(),
  fee: FeeSchema,
  contactChannel: z.enum(['sms', 'email']),
  contactAddress: z.string(),
});
export type CopyForm = z.infer<typeof CopyForm>;

/** A register entry that may be the requested diploma, with why. */
export const Candidate = EntrySummary.extend({
  score: z.number().int(),
  reasons: z.array(z.enum(['serial', 'name', 'birth', 'year', 'school', 'type'])),
});
export type Candidate = z.infer<typeof Candidate>;

export const CopyRequestDetail = z.object({
  dossier: DossierDetail,
  form: CopyForm,
  proofRequired: z.boolean(),
  proof: z.array(Attachment),
  entryId: Uuid.nullable(),
  deliveryStatus: DeliveryStatus.nullable(),
  deliveryNote: z.string().nullable(),
  copy: IssuedCopy.nullable(),
});
export type CopyRequestDetail = z.infer<typeof CopyRequestDetail>;

export const CandidateList = z.object({ items: z.array(Candidate) });
export type CandidateList = z.infer<typeof CandidateList>;

export const IssueBody = z.object({ entryId: Uuid, expectedVersion: z.number().int().min(1) });
export const RejectBody = z.object({ reason: Text(5, 2000), expectedVersion: z.number().int().min(1) });
export const DeliveryBody = z.object({ status: DeliveryStatus, note: Text(0, 300).optional() });

export const CopySettings = z.object({
  perCopyVnd: z.number().int().min(0).max(10_000_000),
  postalVnd: z.number().int().min(0).max(10_000_000),
  maxCopies: z.number().int().min(1).max(100),
  place: Text(2, 100),
  signerTitle: z.array(Text(1, 80)).min(1).max(3),
  signerName: Text(2, 150).nullable(),
  version: z.number().int(),
});
export type CopySettings = z.output<typeof CopySettings>;

// ── Public check of a copy ───────────────────────────────────────────────────────────────────

/** `so`: the copy number as printed ("12/2026/BS"); `ma`: the check code printed beside it. */
export const VerifyCopyQuery = z.object({
  so: z.string().trim().min(1).max(30),
  ma: z.string().trim().min(1).max(20),
});
export type VerifyCopyQuery = z.output<typeof VerifyCopyQuery>;

export const VerifyCopyAnswer = z.object({
  found: z.boolean(),
  copy: z
    .object({
      copyNumber: z.string(),
      issuedOn: z.string(),
      holderName: z.string(),
      typeName: z.string(),
      year: z.number().int(),
      serial: z.string(),
      issuingUnitName: z.string(),
      issuer: z.string(),
    })
    .nullable(),
  signature: z
    .object({
      /** The stored file is the one issued (SHA-256) and its PAdES signature checks out. */
      valid: z.boolean(),
      intact: z.boolean(),
      signatureValid: z.boolean(),
      trusted: z.boolean(),
      signer: z.string(),
      signedAt: z.string().nullable(),
      demo: z.boolean(),
    })
    .nullable(),
});
export type VerifyCopyAnswer = z.infer<typeof VerifyCopyAnswer>;
