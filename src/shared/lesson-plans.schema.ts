import { z } from 'zod';
import { pageOf, Text, Uuid } from './common.schema.ts';
import { ActivityStage, LessonPlan, LessonPlanHeader } from './lesson-plan.schema.ts';
import { ResourceKind, ResourceStatus, Visibility } from './library.schema.ts';

/**
 * The lesson-plan API (issue 4 item 6), shared by the server and the web: create, list, read,
 * save with optimistic concurrency, send to the library, copy-and-adapt. The document itself
 * is `LessonPlan` (lesson-plan.schema.ts).
 */

/**
 * The document as answered (the shape of `LessonPlan`'s output without its trimming transforms,
 * which a response cannot encode). `satisfies` keeps the two in step.
 */
const S = z.string();
const Strings = z.array(S);
const Named = z.object({ code: S, name: S });
export const LessonPlanDocument = z.object({
  header: z.object({
    school: S,
    department: S.nullable(),
    subject: Named,
    grade: z.number().int(),
    title: S,
    periods: z.number().int(),
    teachers: Strings,
    series: Named.nullable(),
  }),
  objectives: z.object({
    knowledge: Strings,
    competences: z.object({
      general: z.object({ selfStudy: Strings, communication: Strings, problemSolving: Strings }),
      specific: Strings,
    }),
    qualities: Strings,
  }),
  materials: z.object({ teacher: Strings, students: Strings }),
  activities: z.array(
    z.object({
      stage: ActivityStage,
      name: S,
      minutes: z.number().int().nullable(),
      objective: S,
      content: S,
      product: S,
      organisation: z.object({ assign: S, perform: S, report: S, conclude: S }),
    }),
  ),
  resourceIds: z.array(Uuid),
  attribution: z.object({ adaptedFrom: z.object({ planId: Uuid, title: S, authors: Strings }) }).nullable(),
}) satisfies z.ZodType<LessonPlan>;

/** A new plan's header: the school's name and the teacher default to the caller's. */
export const LessonPlanCreateHeader = LessonPlanHeader.extend({
  school: Text(2, 200).optional(),
  teachers: z.array(Text(2, 120)).min(1).max(10).optional(),
});

export const LessonPlanCreate = z.object({
  /** The owning school; the caller's one school (with library.contribute) when omitted. */
  schoolId: Uuid.optional(),
  /** `sample`: start from the synthetic sample plan (KHTN 6, "Lực ma sát") instead of the empty frame. */
  from: z.enum(['empty', 'sample']).default('empty'),
  /** Required for an empty plan; for the sample, replaces its header when given. */
  header: LessonPlanCreateHeader.optional(),
});
export type LessonPlanCreate = z.output<typeof LessonPlanCreate>;

export const LessonPlanSave = z.object({
  expectedVersion: z.number().int().min(1),
  content: LessonPlan,
});
export type LessonPlanSave = z.output<typeof LessonPlanSave>;

export const LessonPlanAdapt = z.object({
  /** A published library resource of kind lesson_plan, sent from this editor. */
  resourceId: Uuid,
  schoolId: Uuid.optional(),
});
export type LessonPlanAdapt = z.output<typeof LessonPlanAdapt>;

export const LessonPlanSend = z.object({
  expectedVersion: z.number().int().min(1),
  /** Who may read it once published (the library's visibility). */
  visibility: Visibility.default('province'),
  licenceCode: z
    .string()
    .regex(/^[a-z0-9_]{2,40}$/)
    .default('cc_by_sa'),
  /** Submit for review at once (the library's `submit` step); otherwise it stays a draft there. */
  submit: z.boolean().default(true),
  /** The new version's note in the library. */
  note: Text(0, 1000).optional(),
});
export type LessonPlanSend = z.output<typeof LessonPlanSend>;

export const LessonPlanListQuery = z.object({
  /** `mine`: plans I own; `school`: plans of the schools where I contribute (colleagues' too). */
  scope: z.enum(['mine', 'school']).default('mine'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type LessonPlanListQuery = z.output<typeof LessonPlanListQuery>;

export const LessonPlanSummary = z.object({
  id: Uuid,
  title: z.string(),
  subjectCode: z.string(),
  subjectName: z.string(),
  grade: z.number().int(),
  schoolId: Uuid,
  ownerId: Uuid,
  ownerName: z.string(),
  resourceId: Uuid.nullable(),
  adapted: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type LessonPlanSummary = z.infer<typeof LessonPlanSummary>;
export const LessonPlanPage = pageOf(LessonPlanSummary);

/** An attached library resource as the reader may see it. */
export const AttachedResource = z.object({ id: Uuid, title: z.string(), kind: ResourceKind });
export type AttachedResource = z.infer<typeof AttachedResource>;

export const LessonPlanPublication = z.object({
  id: Uuid,
  resourceId: Uuid,
  versionId: Uuid,
  planVersion: z.number().int(),
  sentAt: z.string(),
});

export const LessonPlanDetail = LessonPlanSummary.extend({
  content: LessonPlanDocument,
  /** What the frame still lacks (lessonPlanGaps): paths into the document. */
  gaps: z.array(z.string()),
  /** The attached resources the reader may see, in plan order (others are left out). */
  resources: z.array(AttachedResource),
  adaptedFrom: z.object({ resourceId: Uuid.nullable(), note: z.string() }).nullable(),
  publications: z.array(LessonPlanPublication),
  /** The caller owns the plan and may edit, send or delete it. */
  canEdit: z.boolean(),
  /** Never sent to the library: may be deleted. */
  canDelete: z.boolean(),
  createdAt: z.string(),
});
export type LessonPlanDetail = z.infer<typeof LessonPlanDetail>;

export const LessonPlanSent = z.object({
  plan: LessonPlanDetail,
  resource: z.object({ id: Uuid, status: ResourceStatus, version: z.number().int() }),
});
export type LessonPlanSent = z.infer<typeof LessonPlanSent>;
