import type { DossierState } from '../../../shared/dossiers.schema.ts';
import { ERROR_CATALOGUE } from '../../../shared/errors.ts';

/** States in which the school holds the dossier and its deadline runs (dossier-state.ts CLOCK_RUNNING). */
const CLOCK_RUNNING: readonly DossierState[] = ['submitted', 'in_review', 'resubmitted'];

/** Whether the deadline has passed while the school holds the dossier (as the engine computes it). */
export function isOverdue(state: DossierState, dueAt: string | null, now: Date = new Date()): boolean {
  return dueAt !== null && CLOCK_RUNNING.includes(state) && Date.parse(dueAt) < now.getTime();
}

/** Whether the dossier is waiting for the school (to show first and to pick for bulk steps). */
export function isWaiting(state: DossierState): boolean {
  return CLOCK_RUNNING.includes(state);
}

/** The message of an error code in the UI language, from the shared catalogue; the code itself otherwise. */
export function errorMessage(code: string, lang: string | undefined): string {
  const entry = (ERROR_CATALOGUE as Record<string, { vi: string; en: string }>)[code];
  if (!entry) return code;
  return lang === 'en' ? entry.en : entry.vi;
}
