import { describe, expect, it } from 'vitest';
import { processingActions, stepsFor } from './processing-steps.ts';

describe('stepsFor', () => {
  it('opens a received application before verifying it', () => {
    expect(stepsFor('submitted', 'verify')).toEqual(['start_review', 'approve']);
    expect(stepsFor('resubmitted', 'reject')).toEqual(['start_review', 'reject']);
  });

  it('decides directly on an application already in review', () => {
    expect(stepsFor('in_review', 'verify')).toEqual(['approve']);
    expect(stepsFor('in_review', 'request_supplement')).toEqual(['request_supplement']);
    expect(stepsFor('in_review', 'start_review')).toBeNull();
  });

  it('refuses every action while the parent supplements and after a decision', () => {
    for (const state of ['supplement_requested', 'approved', 'rejected', 'withdrawn', 'draft'] as const)
      expect(processingActions(state)).toEqual([]);
  });
});
