import type { LibraryLevel, ResourceStatus } from '../../../shared/library.schema.ts';

/*
 * The moderation queue's filters (status, level, subject), kept in the URL and sent to the API
 * (GET /api/library/queue filters and counts them).
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
