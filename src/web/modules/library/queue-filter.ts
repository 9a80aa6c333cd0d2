import type { LibraryLevel, ResourceStatus } from '../../../shared/library.schema.ts';
import type { ResourceSummary } from './library-api.ts';

/*
 * The moderation queue's filters (status, level, subject), kept in the URL, applied to the
 * queue as read (the API filters by the moderator's assignments only), with the counts each
 * choice would give.
 */

export const QUEUE_STATUSES = ['submitted', 'in_review'] as const satisfies readonly ResourceStatus[];
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export interface QueueFilters {
  status: QueueStatus | '';
  level: LibraryLevel | '';
  subject: string;
}

const LEVELS: readonly string[] = ['tieu_hoc', 'thcs', 'thpt'];

export function filtersFromParams(p: URLSearchParams): QueueFilters {
  const status = p.get('status') ?? '';
  const level = p.get('level') ?? '';
  return {
    status: (QUEUE_STATUSES as readonly string[]).includes(status) ? (status as QueueStatus) : '',
    level: LEVELS.includes(level) ? (level as LibraryLevel) : '',
    subject: /^[a-z0-9_]{2,40}$/.test(p.get('subject') ?? '') ? (p.get('subject') as string) : '',
  };
}

export function paramsFromFilters(f: QueueFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.level) p.set('level', f.level);
  if (f.subject) p.set('subject', f.subject);
  return p;
}

function matches(r: ResourceSummary, f: QueueFilters, except?: keyof QueueFilters): boolean {
  if (except !== 'status' && f.status && r.status !== f.status) return false;
  if (except !== 'level' && f.level && !r.levels.includes(f.level)) return false;
  if (except !== 'subject' && f.subject && !r.subjects.includes(f.subject)) return false;
  return true;
}

export function applyFilters(items: readonly ResourceSummary[], f: QueueFilters): ResourceSummary[] {
  return items.filter((r) => matches(r, f));
}

/**
 * How many items each value of a filter would give, with the other filters applied (the usual
 * facet counting: a filter does not count against its own values).
 */
export function countsBy(
  items: readonly ResourceSummary[],
  f: QueueFilters,
  facet: keyof QueueFilters,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of items) {
    if (!matches(r, f, facet)) continue;
    const values = facet === 'status' ? [r.status] : facet === 'level' ? r.levels : r.subjects;
    for (const v of new Set<string>(values)) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}
