import {
  ACTIVITY_STAGE_LABELS,
  type ActivityStage,
  type LessonPlan,
  type LessonPlanActivity,
} from '../../../shared/lesson-plan.schema.ts';

/**
 * Pure helpers of the editor: the id of each field (so that the server's error paths land on
 * them), the document as sent (blank lines dropped), activity numbers as printed, moves.
 */

/** `objectives.knowledge.2` → `lp-objectives-knowledge-2`: the id of the field at that path. */
export function fieldId(path: string): string {
  return `lp-${path.replaceAll('.', '-')}`;
}

/** The field an API error detail names (`body.content.activities.0.name`), if it is one of the document's. */
export function fieldOfErrorPath(path: string): string | null {
  const m = /^body\.content\.(.+)$/.exec(path);
  return m ? fieldId(m[1]!) : null;
}

const clean = (items: readonly string[]) => items.map((s) => s.trim()).filter((s) => s !== '');

/** The document as saved: lines left blank in the lists are dropped (the server refuses empty items). */
export function planToSave(plan: LessonPlan): LessonPlan {
  const o = plan.objectives;
  return {
    ...plan,
    header: { ...plan.header, teachers: clean(plan.header.teachers) },
    objectives: {
      knowledge: clean(o.knowledge),
      competences: {
        general: {
          selfStudy: clean(o.competences.general.selfStudy),
          communication: clean(o.competences.general.communication),
          problemSolving: clean(o.competences.general.problemSolving),
        },
        specific: clean(o.competences.specific),
      },
      qualities: clean(o.qualities),
    },
    materials: { teacher: clean(plan.materials.teacher), students: clean(plan.materials.students) },
    activities: plan.activities.map((a) => ({
      ...a,
      objective: a.objective.trim(),
      content: a.content.trim(),
      product: a.product.trim(),
      organisation: {
        assign: a.organisation.assign.trim(),
        perform: a.organisation.perform.trim(),
        report: a.organisation.report.trim(),
        conclude: a.organisation.conclude.trim(),
      },
    })),
  };
}

/**
 * The printed numbers of the activities (as the exports number them): a run of consecutive
 * activities of one stage is "N", or "N.1", "N.2" when it holds several.
 */
export function activityNumbers(activities: readonly Pick<LessonPlanActivity, 'stage'>[]): string[] {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; i < activities.length; ) {
    let end = i;
    while (end < activities.length && activities[end]!.stage === activities[i]!.stage) end++;
    n++;
    for (let k = i; k < end; k++) out.push(end - i > 1 ? `${n}.${k - i + 1}` : `${n}`);
    i = end;
  }
  return out;
}

/** A new activity of a stage, named after it as in the frame. */
export function newActivity(stage: ActivityStage): LessonPlanActivity {
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

/** The list with item `i` moved by `delta` places (unchanged at either end). */
export function moved<T>(list: readonly T[], i: number, delta: -1 | 1): T[] {
  const j = i + delta;
  if (j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}
