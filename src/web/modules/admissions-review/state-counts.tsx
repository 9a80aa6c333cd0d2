import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { DossierState } from '../../../shared/dossiers.schema.ts';
import { formatNumber } from '../../lib/format.ts';
import { paramsFromFilters, QUEUE_STATES, type QueueFilters } from './queue-params.ts';

/**
 * The queue's states as one-click filters, each with its count when the server gives them
 * (`countsByState` of the queue answer, computed with every filter but the state).
 */
export function StateCounts({
  filters,
  counts,
}: {
  filters: QueueFilters;
  counts: Partial<Record<DossierState, number>> | undefined;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const total = counts ? QUEUE_STATES.reduce((sum, s) => sum + (counts[s] ?? 0), 0) : undefined;
  const href = (state: DossierState | undefined) => {
    const qs = paramsFromFilters({ ...filters, state, page: 1 }).toString();
    return qs ? `${pathname}?${qs}` : pathname;
  };
  const entry = (state: DossierState | undefined, label: string, n: number | undefined) => (
    <li key={state ?? 'all'}>
      <Link to={href(state)} aria-current={filters.state === state ? 'true' : undefined} className="review-count">
        <span>{label}</span>
        {n !== undefined && <span className="review-count-n">{formatNumber(n)}</span>}
      </Link>
    </li>
  );
  return (
    <nav aria-label={t('admissionsReview.queue.byState')}>
      <ul className="review-counts">
        {entry(undefined, t('admissionsReview.filter.all'), total)}
        {QUEUE_STATES.map((s) => entry(s, t(`admissionsReview.state.${s}`), counts ? (counts[s] ?? 0) : undefined))}
      </ul>
    </nav>
  );
}

/** `countsByState` from a queue answer, when the server sends it. */
export function countsOf(data: unknown): Partial<Record<DossierState, number>> | undefined {
  const counts = (data as { countsByState?: unknown } | undefined)?.countsByState;
  if (!counts || typeof counts !== 'object') return undefined;
  return counts as Partial<Record<DossierState, number>>;
}
