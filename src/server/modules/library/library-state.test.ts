import { describe, expect, it } from 'vitest';
import { ModerationAction, RESOURCE_STATUSES, type ResourceStatus } from '../../../shared/library.schema.ts';
import { canAddVersion, nextStatus, STEPS, stepsFrom } from './library-state.ts';

/** Every allowed (status, action) → next status; everything else must be refused. */
const ALLOWED: Record<string, ResourceStatus> = {
  'draft/submit': 'submitted',
  'returned/submit': 'submitted',
  'submitted/start_review': 'in_review',
  'submitted/return': 'returned',
  'in_review/return': 'returned',
  'in_review/publish': 'published',
  'published/take_down': 'taken_down',
  'taken_down/restore': 'published',
};

describe('nextStatus', () => {
  const cases = RESOURCE_STATUSES.flatMap((s) => ModerationAction.options.map((a) => [s, a] as const));

  it.each(cases)('from %s, %s goes where the table says (or nowhere)', (status, action) => {
    expect(nextStatus(status, action)).toBe(ALLOWED[`${status}/${action}`] ?? null);
  });

  it('walks a return and a resubmission to publication', () => {
    let s: ResourceStatus = 'draft';
    for (const a of ['submit', 'start_review', 'return', 'submit', 'start_review', 'publish'] as const)
      s = nextStatus(s, a) ?? 'draft';
    expect(s).toBe('published');
  });

  it('takes down a published resource while its new version or metadata edit is pending', () => {
    for (const s of ['draft', 'submitted', 'in_review', 'returned'] as const) {
      expect(nextStatus(s, 'take_down', true)).toBe('taken_down');
      expect(nextStatus(s, 'take_down', false)).toBeNull();
    }
    expect(stepsFrom('in_review', 'moderator', true).sort()).toEqual(['publish', 'return', 'take_down']);
  });

  it('cannot publish without a review, nor from a draft', () => {
    expect(nextStatus('submitted', 'publish')).toBeNull();
    expect(nextStatus('draft', 'publish')).toBeNull();
  });
});

describe('rules', () => {
  it('require a comment to return and to take down', () => {
    const needing = ModerationAction.options.filter((a) => STEPS[a].commentRequired).sort();
    expect(needing).toEqual(['return', 'take_down']);
  });

  it('require an assignment for review steps only', () => {
    const needing = ModerationAction.options.filter((a) => STEPS[a].assignmentRequired).sort();
    expect(needing).toEqual(['publish', 'return', 'start_review']);
  });

  it('offer contributors submission and moderators the review steps', () => {
    expect(stepsFrom('returned', 'contributor')).toEqual(['submit']);
    expect(stepsFrom('in_review', 'moderator').sort()).toEqual(['publish', 'return']);
    expect(stepsFrom('published', 'contributor')).toEqual([]);
  });

  it('accept new versions of drafts, returned and published resources only', () => {
    expect(RESOURCE_STATUSES.filter(canAddVersion)).toEqual(['draft', 'returned', 'published']);
  });
});
