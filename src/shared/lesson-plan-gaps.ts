import { type LessonPlan, ORGANISATION_STEPS } from './lesson-plan.schema.ts';

/*
 * What a lesson plan still lacks, shared by the server (the send for review refuses a plan with
 * gaps) and the editor (the checklist, live while the teacher types).
 */

/**
 * What a plan still lacks before it can be submitted for review, as paths into the document
 * (e.g. `activities.1.product`): the frame asks for knowledge, competence and quality
 * objectives, equipment, and for every activity its objective, content, product and steps.
 */
export function lessonPlanGaps(plan: LessonPlan): string[] {
  const gaps: string[] = [];
  const { knowledge, competences, qualities } = plan.objectives;
  if (knowledge.length === 0) gaps.push('objectives.knowledge');
  const general = competences.general;
  if (general.selfStudy.length + general.communication.length + general.problemSolving.length === 0)
    gaps.push('objectives.competences.general');
  if (qualities.length === 0) gaps.push('objectives.qualities');
  if (plan.materials.teacher.length + plan.materials.students.length === 0) gaps.push('materials');
  plan.activities.forEach((a, i) => {
    for (const field of ['objective', 'content', 'product'] as const)
      if (!a[field]) gaps.push(`activities.${i}.${field}`);
    for (const step of ORGANISATION_STEPS) if (!a.organisation[step]) gaps.push(`activities.${i}.organisation.${step}`);
  });
  return gaps;
}
