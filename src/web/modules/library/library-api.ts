import type {
  FacetName,
  Reference,
  ResourceDetail,
  ResourceSummary,
  SearchResult,
} from '../../../shared/library.schema.ts';
import { ApiError, apiFetch, apiGet, type Query } from '../../lib/api.ts';

export type { FacetName, Reference, ResourceDetail, ResourceSummary, SearchResult };

export const FACET_NAMES: readonly FacetName[] = ['level', 'grade', 'subject', 'kind', 'licence', 'series'];
export const SORTS = ['relevance', 'newest', 'most_used'] as const;
export type Sort = (typeof SORTS)[number];
export const PAGE_SIZE = 20;

/** The search as kept in the URL: `?q=…&subject=vat_li,hoa_hoc&sort=newest&page=2`. */
export interface SearchState {
  q: string;
  filters: Record<FacetName, string[]>;
  sort: Sort | '';
  page: number;
}

export function stateFromParams(params: URLSearchParams): SearchState {
  const list = (name: string) =>
    (params.get(name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const filters = Object.fromEntries(FACET_NAMES.map((f) => [f, list(f)])) as Record<FacetName, string[]>;
  const sort = params.get('sort') ?? '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: params.get('q') ?? '',
    filters,
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export function paramsFromState(s: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q.trim());
  for (const f of FACET_NAMES) if (s.filters[f].length) p.set(f, s.filters[f].join(','));
  if (s.sort) p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  return p;
}

export function searchQuery(s: SearchState): Query {
  const q: Query = { q: s.q.trim() || undefined, sort: s.sort || undefined, page: s.page, pageSize: PAGE_SIZE };
  for (const f of FACET_NAMES) if (s.filters[f].length) q[f] = s.filters[f].join(',');
  return q;
}

export const searchResources = (s: SearchState, signal?: AbortSignal) =>
  apiGet<SearchResult>('/api/library/resources', searchQuery(s), signal);

export const referenceQuery = {
  queryKey: ['library-reference'],
  queryFn: ({ signal }: { signal?: AbortSignal }) => apiGet<Reference>('/api/library/reference', undefined, signal),
  staleTime: 60 * 60_000,
};

export const getResource = (id: string, signal?: AbortSignal) =>
  apiGet<ResourceDetail>(`/api/library/resources/${encodeURIComponent(id)}`, undefined, signal);

/** The owning school's name (the school directory is public). */
export const schoolQuery = (id: string) => ({
  queryKey: ['library-school', id],
  queryFn: ({ signal }: { signal?: AbortSignal }) =>
    apiGet<{ name: string }>(`/api/org/schools/${encodeURIComponent(id)}`, undefined, signal),
  staleTime: 60 * 60_000,
  retry: false,
});

/** The file of the version readers get, or (authors, school staff, moderators) of version `version`. */
export const fileUrl = (id: string, version?: number) =>
  `/api/library/resources/${encodeURIComponent(id)}/file${version === undefined ? '' : `?version=${version}`}`;

/**
 * Whether the server offers the file (HEAD on the file endpoint): false on 404 or when the
 * endpoint does not exist yet, so that the page degrades to a download link.
 */
export async function fileAvailable(
  id: string,
  signal?: AbortSignal,
  version?: number,
): Promise<{ ok: boolean; type: string }> {
  try {
    const r = await fetch(fileUrl(id, version), { method: 'HEAD', credentials: 'same-origin', signal });
    return { ok: r.ok, type: r.headers.get('content-type') ?? '' };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { ok: false, type: '' };
  }
}

/** The sandboxed simulation's address from `GET …/sim-token`; null when the server offers none. */
export async function simulationUrl(id: string, signal?: AbortSignal, version?: number): Promise<string | null> {
  try {
    const r = await apiGet<{ url?: string; src?: string; path?: string }>(
      `/api/library/resources/${encodeURIComponent(id)}/sim-token`,
      { version },
      signal,
    );
    const url = r.url ?? r.src ?? r.path;
    // Same-site addresses only: the iframe is sandboxed, but its source must be ours.
    return url?.startsWith('/') && !url.startsWith('//') ? url : null;
  } catch (error) {
    if (error instanceof ApiError) return null;
    throw error;
  }
}

export const collectionsQuery = {
  queryKey: ['library-collections'],
  queryFn: ({ signal }: { signal?: AbortSignal }) =>
    apiGet<{ items: { id: string; title: string; description: string; size: number }[] }>(
      '/api/library/collections',
      undefined,
      signal,
    ),
};

export const collectionQuery = (id: string) => ({
  queryKey: ['library-collection', id],
  queryFn: ({ signal }: { signal?: AbortSignal }) =>
    apiGet<{ id: string; title: string; description: string; items: ResourceSummary[] }>(
      `/api/library/collections/${encodeURIComponent(id)}`,
      undefined,
      signal,
    ),
});

export const favouritesQuery = {
  queryKey: ['library-favourites'],
  queryFn: ({ signal }: { signal?: AbortSignal }) =>
    apiGet<{ items: ResourceSummary[] }>('/api/library/favourites', undefined, signal),
};

export const setFavourite = (id: string, on: boolean) =>
  apiFetch<void>(`/api/library/favourites/${encodeURIComponent(id)}`, { method: on ? 'PUT' : 'DELETE' });

/** Names of codes in the UI language, from the reference data. */
export function labeller(
  ref: Reference | undefined,
  lang: string | undefined,
  t: (key: string, options?: Record<string, unknown>) => string,
) {
  const en = lang === 'en';
  return (facet: FacetName, value: string): string => {
    switch (facet) {
      case 'level':
        return t(`library.levels.${value}`);
      case 'grade':
        return t('library.gradeN', { n: value });
      case 'kind':
        return t(`library.kinds.${value}`);
      case 'subject': {
        const s = ref?.subjects.find((x) => x.code === value);
        return s ? (en ? s.nameEn : s.nameVi) : value;
      }
      case 'licence': {
        const l = ref?.licences.find((x) => x.code === value);
        return l ? (en ? l.nameEn : l.nameVi) : value;
      }
      case 'series':
        return ref?.series.find((x) => x.code === value)?.nameVi ?? value;
    }
  };
}
