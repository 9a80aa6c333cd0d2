import { z } from 'zod';
import { ChildIdentity } from './admission-applications.schema.ts';
import { RoundCode } from './admission-rules.schema.ts';
import { IsoDate, Localized, Paging, pageOf, Text, Uuid } from './common.schema.ts';

/**
 * Published admission results (issue 3, item 5): the public lookup by dossier code, personal ID
 * and date of birth; confirmation of enrolment; release of unconfirmed seats; the supplementary
 * round; the commune's list of children of the age without an application.
 */

export const ResultOutcome = z.enum(['admitted', 'not_admitted', 'not_considered']);
export type ResultOutcome = z.infer<typeof ResultOutcome>;
/** pending → confirmed | released; not admitted: not_applicable. */
export const ResultConfirmation = z.enum(['pending', 'confirmed', 'released', 'not_applicable']);
export type ResultConfirmation = z.infer<typeof ResultConfirmation>;

/** The dossier code in the query (cacheable per code); the child's identity in headers. */
export const ResultLookupQuery = z.object({ code: z.string().min(3).max(40) });
export type ResultLookupQuery = z.infer<typeof ResultLookupQuery>;

/** What the family sees: the result explained in the request's language, and what to do next. */
export const PublicResult = z.object({
  dossierCode: z.string(),
  round: z.object({ id: Uuid, code: z.string(), name: z.string(), level: z.number().int(), schoolYear: z.string() }),
  outcome: ResultOutcome,
  school: z.object({ id: Uuid, name: z.string() }).nullable(),
  /** The rank of the admitted wish (NV1 = 1). */
  wish: z.number().int().nullable(),
  explanation: z.string(),
  confirmation: ResultConfirmation,
  confirmedAt: z.string().nullable(),
  /** ISO instant of the confirmation deadline, and the same as dd/mm/yyyy (Vietnam time). */
  confirmTo: z.string(),
  confirmToText: z.string(),
  publishedAt: z.string(),
});
export type PublicResult = z.infer<typeof PublicResult>;

export const ResultConfirm = ChildIdentity;

export const PublishBody = z.object({ expectedVersion: z.number().int().min(1) });
export const PublishOutcome = z.object({
  roundId: Uuid,
  runId: Uuid,
  publishedAt: z.string(),
  admitted: z.number().int(),
  notAdmitted: z.number().int(),
  notConsidered: z.number().int(),
  notified: z.number().int(),
});
export type PublishOutcome = z.infer<typeof PublishOutcome>;

export const ReleasedSchool = z.object({ schoolId: Uuid, name: z.string(), released: z.number().int() });
export const ReleaseOutcome = z.object({
  roundId: Uuid,
  releasedAt: z.string(),
  /** Released by this call; a second call releases nothing more. */
  releasedNow: z.number().int(),
  /** All seats released in the round, per school. */
  schools: z.array(ReleasedSchool),
  total: z.number().int(),
});
export type ReleaseOutcome = z.infer<typeof ReleaseOutcome>;

export const SupplementaryCreate = z.object({
  /** Default: the parent's code + "-BS" (bổ sung). */
  code: RoundCode.optional(),
  name: Text(2, 200).optional(),
});
export const SupplementarySeat = z.object({
  schoolId: Uuid,
  name: z.string(),
  released: z.number().int(),
  /** Seats given to the school in the new round (classes × pupils per class). */
  seats: z.number().int(),
});
export const SupplementaryOutcome = z.object({
  roundId: Uuid,
  code: z.string(),
  parentRoundId: Uuid,
  status: z.string(),
  seats: z.array(SupplementarySeat),
});
export type SupplementaryOutcome = z.infer<typeof SupplementaryOutcome>;

export const StaffResultQuery = Paging.extend({
  schoolId: Uuid.optional(),
  confirmation: ResultConfirmation.optional(),
});
export const StaffResult = z.object({
  id: Uuid,
  dossierId: Uuid,
  dossierCode: z.string(),
  childName: z.string(),
  outcome: ResultOutcome,
  school: z.object({ id: Uuid, name: z.string() }).nullable(),
  wish: z.number().int().nullable(),
  reason: z.string(),
  explanation: Localized,
  confirmation: ResultConfirmation,
  confirmedAt: z.string().nullable(),
  confirmedChannel: z.enum(['online', 'in_person']).nullable(),
  releasedAt: z.string().nullable(),
});
export type StaffResult = z.infer<typeof StaffResult>;
export const StaffResultPage = pageOf(StaffResult);
export type StaffResultPage = z.infer<typeof StaffResultPage>;

export const ResultIdParams = z.object({ resultId: Uuid });
export const CommuneParams = z.object({ unitId: Uuid });

export const ChildrenWithoutApplicationQuery = Paging.extend({
  level: z.enum(['1', '6', '10']).transform(Number),
  roundId: Uuid.optional(),
});
/** Minimal disclosure (Decree 13/2023/NĐ-CP): no personal ID, no guardians, no address line. */
export const ChildWithoutApplication = z.object({
  fullName: z.string(),
  dateOfBirth: IsoDate,
  village: z.string().nullable(),
});
export const ChildrenWithoutApplicationPage = pageOf(ChildWithoutApplication).extend({
  level: z.number().int(),
  schoolYear: z.string(),
  birthYear: z.number().int(),
  /** Children of that birth year in the commune, with or without an application. */
  cohort: z.number().int(),
  /** 'demo': synthetic residents (say so on screen). */
  source: z.enum(['demo', 'national']),
});
export type ChildrenWithoutApplicationPage = z.infer<typeof ChildrenWithoutApplicationPage>;

/** The cut-offs of a published grade-10 round (public). */
export const PublicCutoffs = z.object({
  roundId: z.string(),
  roundName: z.string(),
  publishedAt: z.string(),
  schools: z.array(
    z.object({
      schoolId: z.string(),
      schoolName: z.string(),
      stage: z.enum(['specialised', 'ordinary']),
      seats: z.number().int(),
      admitted: z.number().int(),
      /** Total score of the last admitted applicant; null: every applicant got in. */
      cutoff: z.number().nullable(),
    }),
  ),
});
export type PublicCutoffs = z.infer<typeof PublicCutoffs>;
