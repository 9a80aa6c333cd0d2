import type { QueueItem } from '../../../shared/admission-applications.schema.ts';
import { QUEUE_PAGE_SIZE, type QueueFilters } from './queue-params.ts';
import { useQueue } from './review-api.ts';

export interface Neighbours {
  /** Where the dossier stands in the whole filtered queue (1-based), when it is on the page. */
  position: number | null;
  total: number;
  previous: QueueItem | null;
  next: QueueItem | null;
  /** The queue page of `previous` / `next` (they may sit on the adjacent page). */
  previousPage: number;
  nextPage: number;
}

/**
 * The dossiers before and after this one in the queue the clerk came from (same filters, same
 * order), reading the page already loaded by the queue; at a page's edge the adjacent page is
 * fetched too. A dossier that is not on the page (opened from a link) has no neighbours.
 */
export function useNeighbours(roundId: string, filters: QueueFilters, dossierId: string): Neighbours {
  const page = useQueue(roundId, filters);
  const items = page.data?.items ?? [];
  const index = items.findIndex((i) => i.dossierId === dossierId);
  const total = page.data?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const atStart = index === 0 && filters.page > 1;
  const atEnd = index >= 0 && index === items.length - 1 && filters.page < lastPage;
  const before = useQueue(roundId, { ...filters, page: filters.page - 1 }, atStart);
  const after = useQueue(roundId, { ...filters, page: filters.page + 1 }, atEnd);
  if (index < 0) return { position: null, total, previous: null, next: null, previousPage: 1, nextPage: 1 };
  const previous = index > 0 ? (items[index - 1] ?? null) : atStart ? (before.data?.items.at(-1) ?? null) : null;
  const next = index < items.length - 1 ? (items[index + 1] ?? null) : atEnd ? (after.data?.items[0] ?? null) : null;
  return {
    position: (filters.page - 1) * QUEUE_PAGE_SIZE + index + 1,
    total,
    previous,
    next,
    previousPage: index > 0 ? filters.page : filters.page - 1,
    nextPage: index < items.length - 1 ? filters.page : filters.page + 1,
  };
}
