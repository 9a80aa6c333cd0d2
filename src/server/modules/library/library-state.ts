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
}

/**
 * The moderation workflow of a resource, as data:
 *
 *   draft → submitted → in_review → published → taken_down → published (restored)
 *                ↘            ↘ returned (with comments) → submitted …
 *
 * A new version of a published resource sets the status back to draft while the published
 * version stays visible (`published_version_id`), so it follows the same path.
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
  take_down: {
    from: ['published'],
    to: 'taken_down',
    by: 'moderator',
    commentRequired: true,
    assignmentRequired: false,
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

/** The state `action` leads to from `status`, or null when the step is not allowed. */
export function nextStatus(status: ResourceStatus, action: ModerationAction): ResourceStatus | null {
  const rule = STEPS[action];
  return rule.from.includes(status) ? rule.to : null;
}

/** The steps one side may take from `status` (the UI's buttons). */
export function stepsFrom(status: ResourceStatus, by: StepBy): ModerationAction[] {
  return (Object.keys(STEPS) as ModerationAction[]).filter((a) => STEPS[a].by === by && STEPS[a].from.includes(status));
}

/** Whether a contributor may add a version now: while editable, or to a published resource (reviewed again). */
export function canAddVersion(status: ResourceStatus): boolean {
  return EDITABLE.includes(status) || status === 'published';
}
