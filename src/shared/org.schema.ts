import { z } from 'zod';
import { IsoDate, Localized, Paging, pageOf, Text, Uuid } from './common.schema.ts';

export const UnitCategory = z.enum(['administrative', 'organisation']);
export const SchoolLevel = z.enum(['mam_non', 'tieu_hoc', 'thcs', 'thpt', 'lien_cap', 'gdtx']);
export type SchoolLevel = z.infer<typeof SchoolLevel>;
export const Ownership = z.enum(['public', 'private']);

export const UnitType = z.object({
  code: z.string(),
  name: Localized,
  category: UnitCategory,
  /** Unit types this one may be placed under. Empty: a root. */
  parentTypes: z.array(z.string()),
});
export type UnitType = z.infer<typeof UnitType>;

export const UnitSummary = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  typeCode: z.string(),
  parentId: Uuid.nullable(),
  validFrom: IsoDate.nullable(),
  validTo: IsoDate.nullable(),
  /** True while validTo is empty or in the future. */
  active: z.boolean(),
  childCount: z.number().int(),
});
export type UnitSummary = z.infer<typeof UnitSummary>;

export const UnitEvent = z.object({
  id: Uuid,
  kind: z.enum(['created', 'renamed', 'merged', 'split', 'moved', 'dissolved']),
  effectiveDate: IsoDate,
  decisionRef: z.string().nullable(),
  note: z.string().nullable(),
  /** Units that ceased or changed in this event. */
  from: z.array(z.object({ id: Uuid, name: z.string() })),
  /** Units that resulted. */
  to: z.array(z.object({ id: Uuid, name: z.string() })),
});
export type UnitEvent = z.infer<typeof UnitEvent>;

export const UnitDetail = UnitSummary.extend({
  /** Root-first chain of ancestors, as they are now. */
  ancestors: z.array(z.object({ id: Uuid, name: z.string(), typeCode: z.string() })),
  names: z.array(z.object({ name: z.string(), validFrom: IsoDate.nullable(), validTo: IsoDate.nullable() })),
  events: z.array(UnitEvent),
  school: z.lazy(() => SchoolProfile).nullable(),
});
export type UnitDetail = z.infer<typeof UnitDetail>;

export const UnitListQuery = z.object({
  parentId: Uuid.optional(),
  /** Show units that have ceased to exist (historical districts, merged communes). */
  includeExpired: z.stringbool().default(false),
});

export const UnitCreate = z.object({
  code: Text(1, 40),
  name: Text(2, 200),
  typeCode: z.string().min(1),
  parentId: Uuid.nullable(),
  validFrom: IsoDate,
});

export const UnitRename = z.object({
  name: Text(2, 200),
  effectiveDate: IsoDate,
  decisionRef: Text(0, 200).optional(),
});

export const UnitMerge = z.object({
  sourceIds: z.array(Uuid).min(2),
  /** Merge into a new unit (all sources expire) or into one of the sources (it survives). */
  into: z.union([z.object({ existingId: Uuid }), UnitCreate.omit({ validFrom: true })]),
  effectiveDate: IsoDate,
  decisionRef: Text(0, 200).optional(),
});

export const UnitSplit = z.object({
  parts: z.array(UnitCreate.omit({ validFrom: true })).min(2),
  effectiveDate: IsoDate,
  decisionRef: Text(0, 200).optional(),
});

export const SchoolProfile = z.object({
  unitId: Uuid,
  code: z.string(),
  name: z.string(),
  levels: z.array(SchoolLevel),
  ownership: Ownership,
  communeId: Uuid,
  communeName: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
});
export type SchoolProfile = z.infer<typeof SchoolProfile>;

export const SchoolSearchQuery = Paging.extend({
  /** Diacritic-insensitive: "truong thpt tran quoc tuan" finds "Trường THPT Trần Quốc Tuấn"; "d" finds "đ". */
  q: z.string().max(200).optional(),
  level: SchoolLevel.optional(),
  communeId: Uuid.optional(),
  ownership: Ownership.optional(),
  includeExpired: z.stringbool().default(false),
});

export const SchoolPage = pageOf(SchoolProfile);
export type SchoolPage = z.infer<typeof SchoolPage>;

export const SchoolUpdate = z.object({
  address: Text(0, 300).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9 +().-]{0,20}$/)
    .nullable()
    .optional(),
  email: z.email().nullable().optional(),
  levels: z.array(SchoolLevel).min(1).optional(),
  ownership: Ownership.optional(),
});

export const ImportReport = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
});
export type ImportReport = z.infer<typeof ImportReport>;
