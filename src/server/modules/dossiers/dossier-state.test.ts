import { describe, expect, it } from 'vitest';
import { DOSSIER_STATES, DossierAction, type DossierState } from '../../../shared/dossiers.schema.ts';
import { actionsFrom, FINAL_STATES, isFinal, isOverdue, nextState, TRANSITIONS } from './dossier-state.ts';

const ACTIONS = DossierAction.options;

/** Every allowed (state, action) → next state; everything else must be refused. */
const ALLOWED: Record<string, string> = {
  'draft/submit': 'submitted',
  'draft/withdraw': 'withdrawn',
  'submitted/start_review': 'in_review',
  'submitted/withdraw': 'withdrawn',
  'in_review/request_supplement': 'supplement_requested',
  'in_review/approve': 'approved',
  'in_review/reject': 'rejected',
  'in_review/withdraw': 'withdrawn',
  'supplement_requested/resubmit': 'resubmitted',
  'supplement_requested/withdraw': 'withdrawn',
  'resubmitted/start_review': 'in_review',
  'resubmitted/withdraw': 'withdrawn',
};

describe('nextState', () => {
  const cases = DOSSIER_STATES.flatMap((s) => ACTIONS.map((a) => [s, a] as const));

  it.each(cases)('from %s, %s goes where the table says (or nowhere)', (state, action) => {
    expect(nextState(state, action)).toBe(ALLOWED[`${state}/${action}`] ?? null);
  });

  it('covers all 56 pairs of state and action', () => {
    expect(cases).toHaveLength(DOSSIER_STATES.length * ACTIONS.length);
    expect(cases).toHaveLength(56);
  });

  it('walks the full life cycle with a supplement round', () => {
    const path: DossierAction[] = [
      'submit',
      'start_review',
      'request_supplement',
      'resubmit',
      'start_review',
      'approve',
    ];
    let state: DossierState = 'draft';
    for (const a of path) state = nextState(state, a) ?? 'draft';
    expect(state).toBe('approved');
  });
});

describe('final states', () => {
  it.each(FINAL_STATES)('%s has no way out', (state) => {
    expect(isFinal(state)).toBe(true);
    for (const a of ACTIONS) expect(nextState(state, a)).toBeNull();
  });

  it('every other state can still be withdrawn by the applicant', () => {
    for (const s of DOSSIER_STATES.filter((x) => !isFinal(x))) expect(nextState(s, 'withdraw')).toBe('withdrawn');
  });
});

describe('reasons', () => {
  it('are required exactly for supplement requests, refusals and withdrawals', () => {
    const needing = ACTIONS.filter((a) => TRANSITIONS[a].reasonRequired).sort();
    expect(needing).toEqual(['reject', 'request_supplement', 'withdraw']);
  });
});

describe('actionsFrom', () => {
  it('offers the unit review steps and the applicant submission steps', () => {
    expect(actionsFrom('in_review', 'unit').sort()).toEqual(['approve', 'reject', 'request_supplement']);
    expect(actionsFrom('submitted', 'unit')).toEqual(['start_review']);
    expect(actionsFrom('supplement_requested', 'unit')).toEqual([]);
    expect(actionsFrom('supplement_requested', 'applicant').sort()).toEqual(['resubmit', 'withdraw']);
    expect(actionsFrom('approved', 'applicant')).toEqual([]);
  });
});

describe('isOverdue', () => {
  const now = new Date('2026-03-10T05:00:00Z');
  const past = new Date('2026-03-09T16:59:59.999Z');
  it('is true only while the unit holds the dossier past its deadline', () => {
    expect(isOverdue('in_review', past, now)).toBe(true);
    expect(isOverdue('submitted', past, now)).toBe(true);
    expect(isOverdue('resubmitted', past, now)).toBe(true);
    expect(isOverdue('supplement_requested', past, now)).toBe(false);
    expect(isOverdue('approved', past, now)).toBe(false);
    expect(isOverdue('in_review', new Date('2026-03-10T16:59:59.999Z'), now)).toBe(false);
    expect(isOverdue('in_review', null, now)).toBe(false);
  });
});
