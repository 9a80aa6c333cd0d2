import type { DossierState } from '../../shared/dossiers.schema.ts';

/**
 * A dossier's state as a badge: the words carry it, the colour only repeats it (WCAG 1.4.1).
 * The words differ by audience (a parent reads "Đã tiếp nhận", a clerk "Đã nộp, chờ tiếp
 * nhận"), so each module passes its own label.
 */
export function StateBadge({ state, label }: { state: DossierState; label: string }) {
  return <span className={`state-badge state-badge-${state}`}>{label}</span>;
}
