import { z } from 'zod';
import { IsoDate } from './common.schema.ts';

/**
 * The public application's first steps, shared by server and web: a one-time code proves a
 * parent controls a phone or e-mail, then the child is looked up in the population registry
 * by personal identification number and date of birth (never by name).
 */

/** How a one-time code travels. */
export const OtpChannel = z.enum(['sms', 'email']);
export type OtpChannel = z.infer<typeof OtpChannel>;

/**
 * What a verified contact may then do: `admissions.apply` (look the child up, submit an
 * application), `dossiers.track` (follow or change a dossier already filed).
 */
export const OtpPurpose = z.enum(['admissions.apply', 'dossiers.track']);
export type OtpPurpose = z.infer<typeof OtpPurpose>;

const withoutSpaces = (s: string) => s.replace(/\s+/g, '');

/** Phone (0xxxxxxxxx or +84xxxxxxxxx) or e-mail; the server normalises and validates it. */
const Address = z.string().trim().min(3).max(254);

export const OtpRequestBody = z.object({ channel: OtpChannel, address: Address, purpose: OtpPurpose });
export type OtpRequestBody = z.infer<typeof OtpRequestBody>;

export const OtpRequested = z.object({
  /** The address the code went to, partly hidden: `091****678`, `n***@gmail.com`. */
  maskedAddress: z.string(),
  expiresInSeconds: z.number().int(),
  /** Demo installation: a fixed demo code is also accepted (never in production). */
  demo: z.boolean(),
  /** That code, on a demo installation only (its sign-in page shows its passwords too). */
  demoCode: z.string().optional(),
});
export type OtpRequested = z.infer<typeof OtpRequested>;

export const OtpCode = z
  .string()
  .transform(withoutSpaces)
  .pipe(z.string().regex(/^\d{6}$/, 'Mã gồm 6 chữ số / The code has 6 digits'));

export const OtpVerifyBody = OtpRequestBody.extend({ code: OtpCode });
export type OtpVerifyBody = z.infer<typeof OtpVerifyBody>;

/** Proof of a verified contact: sent as `otpToken` to the public application endpoints. */
export const OtpVerified = z.object({ token: z.string(), expiresAt: z.iso.datetime() });
export type OtpVerified = z.infer<typeof OtpVerified>;

/** Số định danh cá nhân: 12 digits (Thông tư 59/2021/TT-BCA). Spaces are ignored. */
export const PersonalId = z
  .string()
  .transform(withoutSpaces)
  .pipe(z.string().regex(/^\d{12}$/, 'Số định danh cá nhân gồm 12 chữ số / The personal ID number has 12 digits'));

export const PopulationLookupBody = z.object({
  personalId: PersonalId,
  dateOfBirth: IsoDate,
  /** From POST /api/public/otp/verify; missing or invalid gives 401. */
  otpToken: z.string().max(200).optional(),
});
export type PopulationLookupBody = z.infer<typeof PopulationLookupBody>;

export const Gender = z.enum(['male', 'female']);
export type Gender = z.infer<typeof Gender>;

export const GuardianRelation = z.enum(['father', 'mother', 'guardian']);
export type GuardianRelation = z.infer<typeof GuardianRelation>;

export const ResidencePrefill = z.object({
  communeId: z.uuid(),
  communeName: z.string(),
  /** Thôn / tổ dân phố; null when the registry has none (the parent fills it in). */
  village: z.string().nullable(),
  /** House and street; only with `disclosure: 'guardian'`, otherwise null. */
  addressLine: z.string().nullable(),
});
export type ResidencePrefill = z.infer<typeof ResidencePrefill>;

/**
 * What the form is pre-filled with, and no more (Decree 13/2023/NĐ-CP). `basic`: name, date of
 * birth, gender, commune and village of residence. `guardian` (the verified phone is one the
 * registry holds for a parent or guardian of this child): also the house address and the
 * guardians' names and relations. Phone numbers are never returned; ethnicity is not either.
 */
export const ChildPrefill = z.object({
  personalId: z.string(),
  fullName: z.string(),
  dateOfBirth: IsoDate,
  gender: Gender,
  permanentResidence: ResidencePrefill,
  currentResidence: ResidencePrefill,
  disclosure: z.enum(['basic', 'guardian']),
  guardians: z.array(z.object({ fullName: z.string(), relation: GuardianRelation, isVerifiedContact: z.boolean() })),
  /** True when the data comes from the synthetic demo registry, not the national database. */
  synthetic: z.boolean(),
});
export type ChildPrefill = z.infer<typeof ChildPrefill>;
