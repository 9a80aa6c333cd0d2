import type { ModerationAction, ResourceStatus } from '../../../shared/library.schema.ts';

/** Who takes a step: a contributor of the owning school or a moderator of the Sở. */
export type StepBy = 'contributor' | 'moderator';

export interface StepRule {
  from: readonly ResourceStatus[];
  to: ResourceStatus;
  by: StepBy;
  /** A return says what to fix; a take-down says why (DSpace keeps the same on its workflow). */
  commentRequired: boolean;
  /** Start, publish and return need an assignment for one of the resource's subjects and levels. */
  assignmentRequired: boolean;
  /** Only for a resource that has a published version (take-down). */
  publishedRequired?: boolean;
}

/**
 * The moderation workflow of a resource, as data:
 *
 *   draft → submitted → in_review → published → taken_down → published (restored)
 *                ↘            ↘ returned (with comments) → submitted …
 *
 * A new version of a published resource, or an edit of its metadata, sets the status back to
 * draft while the published version and metadata stay visible (`published_version_id`,
 * `proposed_metadata`), so it follows the same path.
 */
export const STEPS: Readonly<Record<ModerationAction, StepRule>> = {
  submit: {
    from: ['draft', 'returned'],
    to: 'submitted',
    by: 'contributor',
    commentRequired: false,
    assignmentRequired: false,
  },
  start_review: {
    from: ['submitted'],
    to: 'in_review',
    by: 'moderator',
    commentRequired: false,
    assignmentRequired: true,
  },
  publish: { from: ['in_review'], to: 'published', by: 'moderator', commentRequired: false, assignmentRequired: true },
  return: {
    from: ['submitted', 'in_review'],
    to: 'returned',
    by: 'moderator',
    commentRequired: true,
    assignmentRequired: true,
  },
  // Also while a new version or a metadata edit of a published resource waits for review (the
  // service requires a published version): the pending work is dropped with the take-down.
  take_down: {
    from: ['published', 'draft', 'submitted', 'in_review', 'returned'],
    to: 'taken_down',
    by: 'moderator',
    commentRequired: true,
    assignmentRequired: false,
    publishedRequired: true,
  },
  restore: {
    from: ['taken_down'],
    to: 'published',
    by: 'moderator',
    commentRequired: false,
    assignmentRequired: false,
  },
};

/** States whose working version a contributor may still change (metadata, new content). */
export const EDITABLE: readonly ResourceStatus[] = ['draft', 'returned'];

/**
 * The state `action` leads to from `status`, or null when the step is not allowed.
 * `hasPublished`: whether a version of the resource has been published (default: the status says so).
 */
export function nextStatus(
  status: ResourceStatus,
  action: ModerationAction,
  hasPublished = status === 'published' || status === 'taken_down',
): ResourceStatus | null {
  const rule = STEPS[action];
  if (rule.publishedRequired && !hasPublished) return null;
  return rule.from.includes(status) ? rule.to : null;
}

/** The steps one side may take from `status` (the UI's buttons). */
export function stepsFrom(
  status: ResourceStatus,
  by: StepBy,
  hasPublished = status === 'published' || status === 'taken_down',
): ModerationAction[] {
  return (Object.keys(STEPS) as ModerationAction[]).filter(
    (a) => STEPS[a].by === by && nextStatus(status, a, hasPublished) !== null,
  );
}

/** Whether a contributor may add a version now: while editable, or to a published resource (reviewed again). */
export function canAddVersion(status: ResourceStatus): boolean {
  return EDITABLE.includes(status) || status === 'published';
}
