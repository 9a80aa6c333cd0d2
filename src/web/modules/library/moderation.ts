import type { ModerationAction, ResourceDetail, ResourceStatus } from '../../../shared/library.schema.ts';

/*
 * What the pages show of the moderation workflow (server: src/server/modules/library/library-state.ts):
 *
 *   draft → submitted → in_review → published → taken_down → published (restored)
 *                ↘            ↘ returned (with comments) → submitted …
 *
 * The buttons are the steps the server lists in `actions` for the caller (it checks again, and
 * its refusal is shown).
 */

export type Side = 'contributor' | 'moderator';
export type Transition = ResourceDetail['transitions'][number];
export type Version = ResourceDetail['versions'][number];

/** Statuses in which a contributor edits metadata and adds versions before a first publication. */
export const EDITABLE: readonly ResourceStatus[] = ['draft', 'returned'];
/** The moderator's steps, in the order of the buttons. */
export const MODERATOR_ORDER: readonly ModerationAction[] = [
  'start_review',
  'publish',
  'return',
  'take_down',
  'restore',
];
/** Steps that need a comment: what to fix (return), why (take down). */
export const COMMENT_REQUIRED: readonly ModerationAction[] = ['return', 'take_down'];

/**
 * The steps a side may take: those the server lists in `actions` for the caller (the same rules
 * as its checks: status, role, the moderator's subjects and levels, a take-down only of what was
 * published), in the order of the buttons.
 */
export function allowedSteps(r: Pick<ResourceDetail, 'actions'>, side: Side): ModerationAction[] {
  const mine: readonly ModerationAction[] = side === 'contributor' ? ['submit'] : MODERATOR_ORDER;
  return mine.filter((a) => r.actions.includes(a));
}

/** The latest moderator's comment of the given steps (a return's "what to fix", a take-down's reason). */
export function lastComment(
  transitions: readonly Transition[],
  actions: readonly string[] = ['return', 'take_down'],
): Transition | null {
  for (let i = transitions.length - 1; i >= 0; i--) {
    const t = transitions[i] as Transition;
    if (actions.includes(t.action) && t.comment) return t;
  }
  return null;
}

/** The return comment still to be acted on: the resource is returned and this was the last return. */
export function openReturn(r: Pick<ResourceDetail, 'status' | 'transitions'>): Transition | null {
  return r.status === 'returned' ? lastComment(r.transitions, ['return']) : null;
}

/** The working version (what a moderator reviews), or the published one when nothing is pending. */
export function workingVersion(r: Pick<ResourceDetail, 'versions' | 'currentVersionId' | 'publishedVersionId'>) {
  const id = r.currentVersionId ?? r.publishedVersionId;
  return r.versions.find((v) => v.id === id) ?? null;
}

/** Whether a contributor may still change the resource (metadata, a new version) now. */
export function contributorCanEdit(status: ResourceStatus): boolean {
  return EDITABLE.includes(status) || status === 'published';
}
