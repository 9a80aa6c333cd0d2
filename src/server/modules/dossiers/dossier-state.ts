import type { DossierAction, DossierState } from '../../../shared/dossiers.schema.ts';

export type { DossierAction, DossierState };

/** Who may take a step: the applicant (or staff in assisted entry) or the handling unit. */
export type Side = 'applicant' | 'unit';

export interface TransitionRule {
  from: readonly DossierState[];
  to: DossierState;
  by: Side;
  /** The applicant must be told why (Nghị định 61/2018/NĐ-CP: a supplement request or a refusal gives its reason). */
  reasonRequired: boolean;
}

/**
 * The state machine of every dossier, as data:
 *
 *   draft → submitted (received) → in_review → supplement_requested → resubmitted → in_review …
 *         → approved | rejected;  withdrawn from any state before a decision.
 *
 * Approval and refusal need a review first, so a decision is always made by someone who
 * opened the dossier. Withdrawal is the applicant's right until a decision is made.
 */
export const TRANSITIONS: Readonly<Record<DossierAction, TransitionRule>> = {
  submit: { from: ['draft'], to: 'submitted', by: 'applicant', reasonRequired: false },
  start_review: { from: ['submitted', 'resubmitted'], to: 'in_review', by: 'unit', reasonRequired: false },
  request_supplement: { from: ['in_review'], to: 'supplement_requested', by: 'unit', reasonRequired: true },
  resubmit: { from: ['supplement_requested'], to: 'resubmitted', by: 'applicant', reasonRequired: false },
  approve: { from: ['in_review'], to: 'approved', by: 'unit', reasonRequired: false },
  reject: { from: ['in_review'], to: 'rejected', by: 'unit', reasonRequired: true },
  withdraw: {
    from: ['draft', 'submitted', 'in_review', 'supplement_requested', 'resubmitted'],
    to: 'withdrawn',
    by: 'applicant',
    reasonRequired: true,
  },
};

/** No step leads out of these. */
export const FINAL_STATES: readonly DossierState[] = ['approved', 'rejected', 'withdrawn'];

/** States in which the handling unit holds the dossier and its deadline runs. */
export const CLOCK_RUNNING: readonly DossierState[] = ['submitted', 'in_review', 'resubmitted'];

/** The state `action` leads to from `state`, or null when the step is not allowed. */
export function nextState(state: DossierState, action: DossierAction): DossierState | null {
  const rule = TRANSITIONS[action];
  return rule.from.includes(state) ? rule.to : null;
}

export function isFinal(state: DossierState): boolean {
  return FINAL_STATES.includes(state);
}

/** The steps one side may take from `state` (for the UI's buttons). */
export function actionsFrom(state: DossierState, by: Side): DossierAction[] {
  return (Object.keys(TRANSITIONS) as DossierAction[]).filter(
    (a) => TRANSITIONS[a].by === by && TRANSITIONS[a].from.includes(state),
  );
}

/** Whether the deadline has passed while the unit holds the dossier. */
export function isOverdue(state: DossierState, dueAt: Date | null, now: Date = new Date()): boolean {
  return dueAt !== null && CLOCK_RUNNING.includes(state) && dueAt.getTime() < now.getTime();
}
