import type { DxAssessmentView, DxCriteriaSet } from '../../../shared/dx-index.schema.ts';
import type * as repo from './dx.repository.ts';
import { deadlineOf, type LoadedSet, scoresOf } from './dx-rules.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The criteria set as the API shows it (without the lookup map). */
export function presentSet(set: LoadedSet): DxCriteriaSet {
  return {
    code: set.code,
    title: set.title,
    decision: set.decision,
    target: set.target,
    mandatoryRule: set.mandatoryRule,
    definition: set.definition,
  };
}

export function presentAssessment(x: {
  campaign: repo.CampaignRow;
  school: { id: string; name: string; commune_name: string | null };
  set: LoadedSet;
  row: repo.AssessmentRow | undefined;
  answers: repo.AnswerRow[];
  files: Awaited<ReturnType<typeof repo.listEvidence>>;
  can: { assess: boolean; submit: boolean; evaluate: boolean };
  today: string;
}): DxAssessmentView {
  const { campaign, row, set, can, today } = x;
  const state = row?.state ?? 'draft';
  const deadline = deadlineOf(campaign, row?.reopened_until ?? null);
  const open = !campaign.published_at && today >= campaign.opens_on && today <= deadline;
  const schoolTurn = state === 'draft' || state === 'returned';
  const scores = scoresOf(set, x.answers);
  // A criterion with files but no answer yet still shows its files.
  const answers = [...x.answers];
  for (const f of x.files)
    if (!answers.some((a) => a.criterion_code === f.criterion_code))
      answers.push({
        assessment_id: f.assessment_id,
        criterion_code: f.criterion_code,
        self_option: null,
        self_points: null,
        evidence_text: null,
        evidence_links: [],
        eval_option: null,
        eval_points: null,
        eval_comment: null,
        evidence_request: null,
        updated_at: f.added_at,
      });
  return {
    id: row?.id ?? null,
    year: campaign.year,
    schoolId: x.school.id,
    schoolName: x.school.name,
    communeName: x.school.commune_name,
    state,
    deadline,
    canEdit: can.assess && schoolTurn && open,
    canSubmit: can.submit && schoolTurn && open,
    canEvaluate: can.evaluate && state === 'submitted' && !campaign.published_at,
    returnReason: state === 'returned' ? (row?.return_reason ?? null) : null,
    submittedAt: iso(row?.submitted_at ?? null),
    recognisedAt: iso(row?.recognised_at ?? null),
    published: campaign.published_at !== null,
    self: scores.self,
    final: scores.final,
    answers: answers.map((a) => ({
      criterionCode: a.criterion_code,
      option: a.self_option,
      points: a.self_points === null ? null : Number(a.self_points),
      evidenceText: a.evidence_text,
      evidenceLinks: a.evidence_links,
      files: x.files
        .filter((f) => f.criterion_code === a.criterion_code)
        .map((f) => ({ id: f.id, filename: f.filename, addedAt: iso(f.added_at)! })),
      evalOption: a.eval_option,
      evalPoints: a.eval_points === null ? null : Number(a.eval_points),
      evalComment: a.eval_comment,
      evidenceRequest: a.evidence_request,
    })),
    version: row?.version ?? 0,
    criteriaSet: presentSet(set),
  };
}
