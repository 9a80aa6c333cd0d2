import { DOSSIER_STATES, type DossierState } from '../../../shared/dossiers.schema.ts';
import type { Query } from '../../lib/api.ts';

/**
 * The queue's filters as kept in the page URL, so that a filtered queue can be bookmarked,
 * survives a reload, and travels with the clerk to a dossier and back ("filters that stick").
 * URL names are short and stable; `toApiQuery` maps them to the API's query parameters.
 */
export interface QueueFilters {
  state?: DossierState;
  schoolId?: string;
  overdue?: boolean;
  priorityGroup?: string;
  /** true: the registry knew the child; false: staff must check the documents. */
  registryMatch?: boolean;
  q?: string;
  page: number;
}

/** The URL parameters of the queue, in the order they are written. */
export const QUEUE_PARAMS = ['state', 'school', 'overdue', 'priority', 'registry', 'q', 'page'] as const;

export const QUEUE_PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PRIORITY = /^[A-Z0-9_]{1,40}$/;
/** States the queue shows: a draft is not filed yet. */
export const QUEUE_STATES: readonly DossierState[] = DOSSIER_STATES.filter((s) => s !== 'draft');

function isQueueState(value: string | null): value is DossierState {
  return value !== null && (QUEUE_STATES as readonly string[]).includes(value);
}

/** Reads the filters from the URL; a value that is not valid is ignored rather than sent. */
export function filtersFromParams(params: URLSearchParams): QueueFilters {
  const state = params.get('state');
  const school = params.get('school');
  const priority = params.get('priority');
  const registry = params.get('registry');
  const q = params.get('q')?.trim().slice(0, 100);
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const filters: QueueFilters = { page: Number.isFinite(page) && page > 0 ? page : 1 };
  if (isQueueState(state)) filters.state = state;
  if (school && UUID.test(school)) filters.schoolId = school;
  if (params.get('overdue') === '1') filters.overdue = true;
  if (priority && PRIORITY.test(priority)) filters.priorityGroup = priority;
  if (registry === 'match') filters.registryMatch = true;
  if (registry === 'nomatch') filters.registryMatch = false;
  if (q) filters.q = q;
  return filters;
}

/** The URL parameters for a set of filters (the inverse of filtersFromParams). */
export function paramsFromFilters(f: QueueFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.state) p.set('state', f.state);
  if (f.schoolId) p.set('school', f.schoolId);
  if (f.overdue) p.set('overdue', '1');
  if (f.priorityGroup) p.set('priority', f.priorityGroup);
  if (f.registryMatch !== undefined) p.set('registry', f.registryMatch ? 'match' : 'nomatch');
  if (f.q) p.set('q', f.q);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

/**
 * Query parameters of GET /api/admissions/rounds/:roundId/applications and of its export.xlsx.
 * Booleans are sent as 'true'/'false' only when set (the server reads them with z.stringbool()).
 */
export function toApiQuery(f: QueueFilters, paging = true): Query {
  const query: Query = {
    state: f.state,
    schoolId: f.schoolId,
    overdue: f.overdue ? 'true' : undefined,
    priorityGroup: f.priorityGroup,
    registryMatch: f.registryMatch === undefined ? undefined : String(f.registryMatch),
    q: f.q,
  };
  if (paging) {
    query.page = f.page;
    query.pageSize = QUEUE_PAGE_SIZE;
  }
  return query;
}

/** Whether any filter other than the page is set (to offer "clear filters"). */
export function hasFilters(f: QueueFilters): boolean {
  return Boolean(f.state || f.schoolId || f.overdue || f.priorityGroup || f.registryMatch !== undefined || f.q);
}
