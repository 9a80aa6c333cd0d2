import { z } from 'zod';
import {
  AdmissionLevel,
  AdmissionRules,
  CatchmentRules,
  custom,
  levelProblems,
  PriorityGroups,
  RoundCode,
  RoundStatus,
  SchoolYear,
  Timeline,
  TimelineOut,
  TimelineShape,
} from './admission-rules.schema.ts';
import { Paging, pageOf, Text, Uuid } from './common.schema.ts';

export * from './admission-rules.schema.ts';

// ── Staff API ─────────────────────────────────────────────────────────────────────────────
const Version = z.number().int().min(1);

export const RoundCreate = z
  .object({
    code: RoundCode,
    name: Text(2, 200),
    level: AdmissionLevel,
    schoolYear: SchoolYear,
    /** A commune, ward or special zone for grades 1/6; the Sở or the province for grade 10. */
    runningUnitId: Uuid,
    timeline: Timeline,
    rules: AdmissionRules,
    priorityGroups: PriorityGroups.default([]),
  })
  .superRefine((r, ctx) => {
    for (const p of levelProblems(r.level, r)) custom(ctx, p.path.split('.'), p.message);
  });
export type RoundCreate = z.output<typeof RoundCreate>;

/** Code, level, school year and running unit never change: copy the round instead. */
export const RoundPatch = z.object({
  expectedVersion: Version,
  name: Text(2, 200).optional(),
  timeline: TimelineShape.partial().optional(),
  rules: AdmissionRules.optional(),
  priorityGroups: PriorityGroups.optional(),
});
export type RoundPatch = z.output<typeof RoundPatch>;

export const RoundSchoolInput = z.object({
  schoolId: Uuid,
  classes: z.number().int().min(1).max(100),
  pupilsPerClass: z.number().int().min(1).max(60),
  specialised: z.boolean().default(false),
  note: Text(1, 300).nullable().default(null),
});
export type RoundSchoolInput = z.output<typeof RoundSchoolInput>;

export const RoundSchoolsPut = z.object({
  expectedVersion: Version,
  schools: z
    .array(RoundSchoolInput)
    .max(500)
    .superRefine((ss, ctx) => {
      ss.forEach((s, i) => {
        if (ss.findIndex((x) => x.schoolId === s.schoolId) !== i)
          custom(ctx, [i, 'schoolId'], 'trường bị trùng / duplicate school');
      });
    }),
});

export const CatchmentInput = z.object({
  schoolId: Uuid,
  communeId: Uuid,
  /** A village (thôn, tổ dân phố) of the commune; null: the whole commune. */
  village: Text(1, 120).nullable().default(null),
});
export type CatchmentInput = z.output<typeof CatchmentInput>;

export const RoundCatchmentsPut = z.object({ expectedVersion: Version, catchments: z.array(CatchmentInput).max(3000) });

export const RoundTransition = z.object({
  status: RoundStatus.exclude(['draft']),
  expectedVersion: Version,
});

export const LotterySeedPublish = z.object({
  expectedVersion: Version,
  /** A seed drawn in public (e.g. announced numbers); without it 32 random bytes in hex. */
  seed: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{8,128}$/, 'mã khởi tạo: 8–128 chữ, số, . _ : - / seed: 8–128 letters, digits, . _ : -')
    .optional(),
});

export const RoundCopy = z.object({ code: RoundCode, name: Text(2, 200), schoolYear: SchoolYear });

export const RoundListQuery = Paging.extend({
  level: z
    .enum(['1', '6', '10'])
    .transform((l) => Number(l) as AdmissionLevel)
    .optional(),
  schoolYear: SchoolYear.optional(),
  status: RoundStatus.optional(),
});

export const RoundParams = z.object({ id: Uuid });

const UnitRef = z.object({ id: Uuid, name: z.string() });

export const RoundSummary = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  level: AdmissionLevel,
  schoolYear: z.string(),
  runningUnit: UnitRef,
  status: RoundStatus,
  timeline: TimelineOut,
  schoolCount: z.number().int(),
  seats: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type RoundSummary = z.infer<typeof RoundSummary>;

export const RoundSchool = z.object({
  schoolId: Uuid,
  code: z.string(),
  name: z.string(),
  communeId: Uuid,
  communeName: z.string(),
  classes: z.number().int(),
  pupilsPerClass: z.number().int(),
  seats: z.number().int(),
  specialised: z.boolean(),
  note: z.string().nullable(),
});
export type RoundSchool = z.infer<typeof RoundSchool>;

export const Catchment = z.object({
  schoolId: Uuid,
  communeId: Uuid,
  communeName: z.string(),
  village: z.string().nullable(),
});
export type Catchment = z.infer<typeof Catchment>;

/**
 * Response shapes of rules and priority groups: plain, because responses are encoded through
 * their schema and the input schemas normalise text (a one-way transform).
 */
export const AdmissionRulesOut = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('exam'),
    subjects: z.array(z.object({ code: z.string(), name: z.string(), coefficient: z.number() })),
    wishCount: z.number().int(),
    wishOffsets: z.array(z.number()),
    specialisedFirst: z.boolean(),
    maxBonusPoints: z.number(),
    tieBreakers: z.array(z.string()),
    tieAtLastSeat: z.enum(['admit_all', 'admit_none']),
  }),
  CatchmentRules,
]);

export const PriorityGroupOut = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  points: z.number().nullable(),
  rank: z.number().int().nullable(),
  evidenceVi: z.string().nullable(),
  evidenceEn: z.string().nullable(),
});

export const RoundDetail = RoundSummary.extend({
  rules: AdmissionRulesOut,
  priorityGroups: z.array(PriorityGroupOut),
  schools: z.array(RoundSchool),
  catchments: z.array(Catchment),
  lotterySeed: z.string().nullable(),
  lotterySeedPublishedAt: z.string().nullable(),
  copiedFromId: Uuid.nullable(),
  createdAt: z.string(),
});
export type RoundDetail = z.infer<typeof RoundDetail>;

export const RoundPage = pageOf(RoundSummary);
export type RoundPage = z.infer<typeof RoundPage>;

export const RoundCopyResult = z.object({
  round: RoundDetail,
  /** Schools and catchment communes of the source that no longer qualify (closed, merged…). */
  skipped: z.array(z.object({ unitId: Uuid, name: z.string(), reason: z.string() })),
});
export type RoundCopyResult = z.infer<typeof RoundCopyResult>;

// ── Public API (no sign-in) ───────────────────────────────────────────────────────────────
export const PublicRoundQuery = z.object({
  level: RoundListQuery.shape.level,
  /** Rounds a child living in this commune can apply to. */
  communeId: Uuid.optional(),
});

/** Where the round stands now: before anything, practice, registration, registration over. */
export const RoundPhase = z.enum(['upcoming', 'trial', 'registration', 'registration_closed']);
export type RoundPhase = z.infer<typeof RoundPhase>;

export const PublicRound = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  level: AdmissionLevel,
  schoolYear: z.string(),
  runningUnit: UnitRef,
  phase: RoundPhase,
  timeline: TimelineOut,
  rules: AdmissionRulesOut,
  priorityGroups: z.array(PriorityGroupOut),
  schools: z.array(
    z.object({
      schoolId: Uuid,
      code: z.string(),
      name: z.string(),
      communeName: z.string(),
      classes: z.number().int(),
      seats: z.number().int(),
      specialised: z.boolean(),
      catchments: z.array(z.object({ communeId: Uuid, communeName: z.string(), village: z.string().nullable() })),
    }),
  ),
});
export type PublicRound = z.infer<typeof PublicRound>;
