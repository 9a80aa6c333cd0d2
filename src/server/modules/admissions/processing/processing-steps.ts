import type { DossierState, StaffAction } from '../../../../shared/dossiers.schema.ts';

/** What a reviewer may ask for from admissions (the detail's buttons, the action endpoint). */
export type ProcessingStep = 'start_review' | 'verify' | 'request_supplement' | 'reject';

/** States in which the handling school holds the application and may decide. */
const HELD: readonly DossierState[] = ['submitted', 'resubmitted', 'in_review'];

/**
 * The engine's steps one admissions action takes from `state`, in order. The engine decides
 * only on a dossier in review (dossier-state.ts: a decision is made by someone who opened it),
 * so a decision on a received or supplemented application opens it first: "verify" is
 * start_review then approve. Null when the action is not possible from `state`.
 */
export function stepsFor(state: DossierState, action: ProcessingStep): StaffAction[] | null {
  if (!HELD.includes(state)) return null;
  const open: StaffAction[] = state === 'in_review' ? [] : ['start_review'];
  if (action === 'start_review') return state === 'in_review' ? null : open;
  if (action === 'verify') return [...open, 'approve'];
  return [...open, action];
}

/** The admissions actions possible from `state`, in the order the UI shows them. */
export function processingActions(state: DossierState): ProcessingStep[] {
  const all: ProcessingStep[] = ['start_review', 'verify', 'request_supplement', 'reject'];
  return all.filter((a) => stepsFor(state, a) !== null);
}
