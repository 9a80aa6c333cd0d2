import { z } from 'zod';
import { IsoDate, Paging, pageOf, Text, Uuid } from './common.schema.ts';
import { DossierState, PublicTimeline, VnPhone } from './dossiers.schema.ts';
import { Gender, GuardianRelation, PersonalId } from './population.schema.ts';

/**
 * The public admission application (issue 3, item 2) and the staff queue (item 3). The child is
 * identified by the 12-digit personal ID number and the date of birth; the server keeps only a
 * keyed hash of the ID (Decree 13/2023/NĐ-CP).
 */

export const ChildIdentity = z.object({ personalId: PersonalId, dateOfBirth: IsoDate });
export type ChildIdentity = z.infer<typeof ChildIdentity>;

/**
 * The child's identity on a GET (status, draft, receipt, result): in headers, never in the
 * address, which proxies, browsers and analytics keep (Decree 13/2023/NĐ-CP).
 */
export const ChildIdentityHeaders = z.looseObject({ 'x-child-id': PersonalId, 'x-child-dob': IsoDate });
export type ChildIdentityHeaders = z.infer<typeof ChildIdentityHeaders>;
export const childFromHeaders = (h: ChildIdentityHeaders): ChildIdentity => ({
  personalId: h['x-child-id'],
  dateOfBirth: h['x-child-dob'],
});

/**
 * Where the child lives. Without `correctionReason` the parent confirms the registry's residence
 * (it must match it); with one, the parent asks for a correction (evidence through the dossier's
 * CU_TRU document).
 */
export const ResidenceInput = z.object({
  communeId: Uuid,
  village: Text(1, 120).nullable().default(null),
  correctionReason: Text(1, 2000).optional(),
});
export type ResidenceInput = z.infer<typeof ResidenceInput>;

/** A parent or guardian as the family gives them (the phone only if the family wants to). */
export const GuardianInput = z.object({
  fullName: Text(2, 120),
  relation: GuardianRelation,
  phone: VnPhone.nullable().default(null),
});
export type GuardianInput = z.infer<typeof GuardianInput>;
/** Up to four; none given: the registry's parents of the child are kept. */
export const Guardians = z.array(GuardianInput).max(4);

/** Ordered school ids (NV1 first), checked against the round's schools and its wishCount. */
export const Wishes = z.array(Uuid).min(1).max(5);
export const PriorityCode = z.string().regex(/^[A-Z0-9_]{1,40}$/);

export const ApplicationForm = z.object({
  fullName: Text(2, 120),
  gender: Gender,
  guardians: Guardians.default([]),
  residence: ResidenceInput,
  wishes: Wishes,
  priorityGroup: PriorityCode.nullable().default(null),
});

export const ApplicationSubmit = ChildIdentity.extend(ApplicationForm.shape);
export type ApplicationSubmit = z.infer<typeof ApplicationSubmit>;

/**
 * Assisted entry: a clerk files for a parent who came in person. The parent's phone or e-mail
 * is typed in (no one-time code), and the parent's consent to the processing of the child's
 * data (Decree 13/2023/NĐ-CP) is confirmed by the clerk and kept with the dossier.
 */
export const AssistedSubmit = ApplicationSubmit.extend({
  contact: z.object({ channel: z.enum(['sms', 'email']), address: z.string().trim().min(3).max(200) }),
  consent: z.literal(true, { error: 'cần sự đồng ý của phụ huynh / the parent must consent' }),
});
export type AssistedSubmit = z.infer<typeof AssistedSubmit>;

/** A draft may be incomplete: every form field is optional. */
export const DraftForm = z.object({
  fullName: Text(0, 120).optional(),
  gender: Gender.optional(),
  guardians: z
    .array(
      z.object({
        fullName: Text(0, 120).optional(),
        relation: GuardianRelation.optional(),
        phone: z.string().max(20).nullable().optional(),
      }),
    )
    .max(4)
    .optional(),
  residence: z
    .object({
      communeId: Uuid.optional(),
      village: Text(0, 120).nullable().optional(),
      correctionReason: Text(0, 2000).optional(),
    })
    .optional(),
  wishes: z.array(Uuid).max(5).optional(),
  priorityGroup: PriorityCode.nullable().optional(),
});
export const DraftSave = ChildIdentity.extend({ form: DraftForm });
/** The draft as stored (responses carry no transforms: they are encoded, not parsed). */
export const DraftFormOut = z.object({
  fullName: z.string().optional(),
  gender: Gender.optional(),
  guardians: z
    .array(
      z.object({
        fullName: z.string().optional(),
        relation: GuardianRelation.optional(),
        phone: z.string().nullable().optional(),
      }),
    )
    .optional(),
  residence: z
    .object({
      communeId: Uuid.optional(),
      village: z.string().nullable().optional(),
      correctionReason: z.string().optional(),
    })
    .optional(),
  wishes: z.array(Uuid).optional(),
  priorityGroup: z.string().nullable().optional(),
});
export const DraftView = z.object({ roundId: Uuid, dateOfBirth: IsoDate, form: DraftFormOut, updatedAt: z.string() });
export type DraftView = z.infer<typeof DraftView>;

export const ApplicationPatch = ChildIdentity.extend({
  wishes: Wishes.optional(),
  guardians: Guardians.min(1).optional(),
  priorityGroup: PriorityCode.nullable().optional(),
  residence: ResidenceInput.optional(),
});
export type ApplicationPatch = z.infer<typeof ApplicationPatch>;

export const ApplicationWithdraw = ChildIdentity.extend({ reason: Text(1, 2000) });

export const RoundParams = z.object({ roundId: Uuid });
export const CodeParams = z.object({ code: z.string().min(3).max(40) });

export const SchoolRef = z.object({ id: Uuid, name: z.string() });

/** What the parent is shown (and can show again) right after filing. */
export const ApplicationReceipt = z.object({
  dossierCode: z.string(),
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  roundName: z.string(),
  schoolWishes: z.array(z.string()),
  /** False when the population registry did not know the child: staff check the documents. */
  registryMatch: z.boolean(),
});
export type ApplicationReceipt = z.infer<typeof ApplicationReceipt>;

export const ApplicationStatus = z.object({
  dossierCode: z.string(),
  roundId: Uuid,
  roundName: z.string(),
  /** Until when wishes may be edited (the end of registration, ISO). */
  registerTo: z.string(),
  childName: z.string(),
  state: DossierState,
  version: z.number().int(),
  schoolWishes: z.array(SchoolRef),
  priorityGroup: z.string().nullable(),
  guardians: z.array(z.object({ fullName: z.string(), relation: GuardianRelation, phone: z.string().nullable() })),
  registryMatch: z.boolean(),
  residenceStatus: z.enum(['confirmed', 'correction', 'unregistered']),
  timeline: PublicTimeline,
});
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const QueueQuery = Paging.extend({
  schoolId: Uuid.optional(),
  state: DossierState.optional(),
  q: z.string().max(100).optional(),
  /** Past the deadline while the unit's clock runs (submitted, in review, resubmitted). */
  overdue: z.stringbool().optional(),
  /** A priority group's code, or `none` for applications claiming none. */
  priorityGroup: z.string().max(40).optional(),
  registryMatch: z.stringbool().optional(),
});
export type QueueQuery = z.infer<typeof QueueQuery>;

export const QueueItem = z.object({
  dossierId: Uuid,
  dossierCode: z.string(),
  state: DossierState,
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  childName: z.string(),
  dateOfBirth: IsoDate,
  gender: Gender,
  firstWish: SchoolRef,
  wishes: z.array(Uuid),
  priorityGroup: z.string().nullable(),
  registryMatch: z.boolean(),
  residenceStatus: z.enum(['confirmed', 'correction', 'unregistered']),
});
export type QueueItem = z.infer<typeof QueueItem>;
export const QueuePage = pageOf(QueueItem).extend({
  /** Applications per state with every other filter applied (the queue's tabs). */
  countsByState: z.record(z.string(), z.number().int()),
});
export type QueuePage = z.infer<typeof QueuePage>;
