import { z } from 'zod';
import { Text, Uuid } from './common.schema.ts';

/**
 * A lesson plan (kế hoạch bài dạy, issue 4 item 6) as a structured document following the frame
 * of Phụ lục IV, Công văn 5512/BGDĐT-GDTrH (18/12/2020): a header, I. Mục tiêu (kiến thức, năng
 * lực, phẩm chất), II. Thiết bị dạy học và học liệu, III. Tiến trình dạy học (activities, each
 * with a) Mục tiêu, b) Nội dung, c) Sản phẩm, d) Tổ chức thực hiện in four steps).
 * Free text may be empty while the teacher drafts; `lessonPlanGaps` says what is still missing.
 */

/** A curriculum subject code as in `library_subjects` (e.g. `khtn`, `vat_li`). */
const Code = z.string().regex(/^[a-z0-9_]{2,40}$/, { message: 'mã không hợp lệ / invalid code' });
/** One statement of a list (an objective, an item of equipment). */
const Item = Text(1, 1000);
const Items = (max = 30) => z.array(Item).max(max).default([]);
/** Long free text of an activity (may contain line breaks; empty while drafting). */
const Prose = (max = 8000) => Text(0, max).default('');

export const LessonPlanSubject = z.object({ code: Code, name: Text(2, 120) });
export const TextbookSeries = z.object({ code: Code, name: Text(2, 120) });

export const LessonPlanHeader = z.object({
  /** Trường. */
  school: Text(2, 200),
  /** Tổ chuyên môn (e.g. "Tổ Khoa học tự nhiên"), optional. */
  department: Text(0, 200).nullable().default(null),
  subject: LessonPlanSubject,
  grade: z.number().int().min(1).max(12),
  /** Tên bài dạy or chủ đề, e.g. "Bài 5: Lực ma sát". */
  title: Text(2, 300),
  /** Thời gian thực hiện, in periods (tiết). */
  periods: z.number().int().min(1).max(30),
  /** Họ và tên giáo viên: the authors of this plan. */
  teachers: z.array(Text(2, 120)).min(1).max(10),
  /** Bộ sách (Kết nối tri thức với cuộc sống, Chân trời sáng tạo, Cánh Diều), when the plan follows one. */
  series: TextbookSeries.nullable().default(null),
});
export type LessonPlanHeader = z.output<typeof LessonPlanHeader>;
export type LessonPlanHeaderInput = z.input<typeof LessonPlanHeader>;

/** The three general competences of the 2018 curriculum (Chương trình tổng thể, Thông tư 32/2018/TT-BGDĐT). */
export const GENERAL_COMPETENCES = ['selfStudy', 'communication', 'problemSolving'] as const;
export type GeneralCompetence = (typeof GENERAL_COMPETENCES)[number];
export const GENERAL_COMPETENCE_LABELS: Readonly<Record<GeneralCompetence, string>> = {
  selfStudy: 'Năng lực tự chủ và tự học',
  communication: 'Năng lực giao tiếp và hợp tác',
  problemSolving: 'Năng lực giải quyết vấn đề và sáng tạo',
};

export const LessonPlanObjectives = z.object({
  /** 1. Về kiến thức. */
  knowledge: Items(),
  /** 2. Về năng lực: the general ones, then the subject's own (e.g. "Nhận thức khoa học tự nhiên: …"). */
  competences: z
    .object({
      general: z
        .object({ selfStudy: Items(10), communication: Items(10), problemSolving: Items(10) })
        .default({ selfStudy: [], communication: [], problemSolving: [] }),
      specific: Items(),
    })
    .default({ general: { selfStudy: [], communication: [], problemSolving: [] }, specific: [] }),
  /** 3. Về phẩm chất (yêu nước, nhân ái, chăm chỉ, trung thực, trách nhiệm). */
  qualities: Items(),
});

/** II. Thiết bị dạy học và học liệu: what the teacher brings, what the students prepare. */
export const LessonPlanMaterials = z.object({ teacher: Items(), students: Items() });

/**
 * The four stages of the lesson in CV 5512. A stage may hold several activities (e.g.
 * "Hoạt động 2.1", "2.2" of new knowledge); consecutive activities of one stage share its number.
 */
export const ACTIVITY_STAGES = ['opening', 'newKnowledge', 'practice', 'application'] as const;
export const ActivityStage = z.enum(ACTIVITY_STAGES);
export type ActivityStage = z.infer<typeof ActivityStage>;
export const ACTIVITY_STAGE_LABELS: Readonly<Record<ActivityStage, string>> = {
  opening: 'Xác định vấn đề/nhiệm vụ học tập/Mở đầu',
  newKnowledge: 'Hình thành kiến thức mới',
  practice: 'Luyện tập',
  application: 'Vận dụng',
};

/** d) Tổ chức thực hiện: the four steps of a learning activity. */
export const ORGANISATION_STEPS = ['assign', 'perform', 'report', 'conclude'] as const;
export type OrganisationStep = (typeof ORGANISATION_STEPS)[number];
export const ORGANISATION_STEP_LABELS: Readonly<Record<OrganisationStep, string>> = {
  assign: 'Chuyển giao nhiệm vụ',
  perform: 'Thực hiện nhiệm vụ',
  report: 'Báo cáo, thảo luận',
  conclude: 'Kết luận, nhận định',
};

export const LessonPlanActivity = z.object({
  stage: ActivityStage,
  /** The activity's name, which says what it achieves ("Tìm hiểu lực ma sát trượt"). */
  name: Text(2, 300),
  /** Planned time in minutes, shown as "(10 phút)". */
  minutes: z.number().int().min(1).max(600).nullable().default(null),
  /** a) Mục tiêu. */
  objective: Prose(3000),
  /** b) Nội dung. */
  content: Prose(),
  /** c) Sản phẩm. */
  product: Prose(),
  /** d) Tổ chức thực hiện. */
  organisation: z
    .object({ assign: Prose(), perform: Prose(), report: Prose(), conclude: Prose() })
    .default({ assign: '', perform: '', report: '', conclude: '' }),
});
export type LessonPlanActivity = z.output<typeof LessonPlanActivity>;

/** Where a copied-and-adapted plan came from (the source's authors keep the credit). */
export const LessonPlanAttribution = z.object({
  adaptedFrom: z.object({
    planId: Uuid,
    title: Text(2, 300),
    authors: z.array(Text(2, 120)).min(1).max(10),
  }),
});
export type LessonPlanAttribution = z.output<typeof LessonPlanAttribution>;

export const LessonPlan = z.object({
  header: LessonPlanHeader,
  objectives: LessonPlanObjectives,
  materials: LessonPlanMaterials,
  activities: z.array(LessonPlanActivity).min(1).max(20),
  /** Library resources used in the lesson (videos, simulations, worksheets), in order of use. */
  resourceIds: z
    .array(Uuid)
    .max(50)
    .default([])
    .refine((ids) => new Set(ids).size === ids.length, {
      message: 'học liệu bị trùng / a resource is listed twice',
    }),
  attribution: LessonPlanAttribution.nullable().default(null),
});
export type LessonPlan = z.output<typeof LessonPlan>;
export type LessonPlanInput = z.input<typeof LessonPlan>;
