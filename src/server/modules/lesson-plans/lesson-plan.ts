import {
  ACTIVITY_STAGE_LABELS,
  ACTIVITY_STAGES,
  type ActivityStage,
  LessonPlan,
  type LessonPlanActivity,
  LessonPlanHeader,
  type LessonPlanHeaderInput,
} from '../../../shared/lesson-plan.schema.ts';

/**
 * Pure rules of lesson plans (CV 5512/BGDĐT-GDTrH, Phụ lục IV): a new plan with the frame's
 * headings, copy-and-adapt with attribution, the numbering of activities, what is missing.
 */

/** An empty activity of a stage, named after it as in the frame. */
export function emptyActivity(stage: ActivityStage): LessonPlanActivity {
  return {
    stage,
    name: ACTIVITY_STAGE_LABELS[stage],
    minutes: null,
    objective: '',
    content: '',
    product: '',
    organisation: { assign: '', perform: '', report: '', conclude: '' },
  };
}

/**
 * A new plan: the header as given (validated, NFC) and the frame's default headings: the four
 * activities (Mở đầu, Hình thành kiến thức mới, Luyện tập, Vận dụng), each with empty a)–d).
 * Throws a ZodError when the header is invalid.
 */
export function newLessonPlan(header: LessonPlanHeaderInput): LessonPlan {
  return LessonPlan.parse({
    header: LessonPlanHeader.parse(header),
    objectives: {},
    materials: {},
    activities: ACTIVITY_STAGES.map(emptyActivity),
  });
}

export interface PublishedLessonPlan {
  id: string;
  plan: LessonPlan;
}

export interface AdaptingTeacher {
  name: string;
  /** The adapting teacher's school and department; the source's are kept when omitted. */
  school?: string;
  department?: string | null;
}

/**
 * Copy-and-adapt another teacher's published plan: a new plan (no id: the caller stores it),
 * its content copied, the authors replaced by the adapting teacher, and the source credited
 * (`attribution.adaptedFrom`, printed as "Phỏng theo …" by `attributionNote`). The credit goes
 * to the plan copied from; that plan's own attribution stays on it, so the chain can be followed.
 */
export function adaptLessonPlan(source: PublishedLessonPlan, teacher: AdaptingTeacher): LessonPlan {
  const copy = structuredClone(source.plan);
  return LessonPlan.parse({
    ...copy,
    header: {
      ...copy.header,
      teachers: [teacher.name],
      school: teacher.school ?? copy.header.school,
      department: teacher.department === undefined ? copy.header.department : teacher.department,
    },
    attribution: {
      adaptedFrom: { planId: source.id, title: copy.header.title, authors: copy.header.teachers },
    },
  });
}

/** "Phỏng theo kế hoạch bài dạy “…” của …", or null for an original plan. */
export function attributionNote(plan: LessonPlan): string | null {
  const from = plan.attribution?.adaptedFrom;
  if (!from) return null;
  return `Phỏng theo kế hoạch bài dạy “${from.title}” của ${from.authors.join(', ')}`;
}

/** One activity with its number: "2" alone, or "2.1", "2.2" when a stage holds several. */
export interface NumberedActivity {
  number: string;
  /** Set on the first activity of a stage that holds several: the stage's own heading. */
  stageHeading: { number: string; title: string } | null;
  activity: LessonPlanActivity;
}

/**
 * Numbers the activities as printed: each run of consecutive activities of one stage is
 * "Hoạt động N"; a run of several gets the stage's heading once and sub-numbers N.1, N.2, ….
 */
export function numberActivities(activities: readonly LessonPlanActivity[]): NumberedActivity[] {
  const out: NumberedActivity[] = [];
  let n = 0;
  for (let i = 0; i < activities.length; ) {
    const stage = activities[i]!.stage;
    let end = i;
    while (end < activities.length && activities[end]!.stage === stage) end++;
    n++;
    const run = activities.slice(i, end);
    run.forEach((activity, k) => {
      const several = run.length > 1;
      out.push({
        number: several ? `${n}.${k + 1}` : `${n}`,
        stageHeading: several && k === 0 ? { number: `${n}`, title: ACTIVITY_STAGE_LABELS[stage] } : null,
        activity,
      });
    });
    i = end;
  }
  return out;
}

export { lessonPlanGaps } from '../../../shared/lesson-plan-gaps.ts';
