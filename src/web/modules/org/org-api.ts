import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SchoolLevel, SchoolPage, UnitDetail, UnitSummary, UnitType } from '../../../shared/org.schema.ts';
import { apiGet } from '../../lib/api.ts';

/** Query parameters of GET /api/org/schools, as kept in the page URL. */
export interface SchoolSearch {
  q?: string;
  level?: SchoolLevel | '';
  communeId?: string;
  ownership?: 'public' | 'private' | '';
  includeExpired?: boolean;
  page?: number;
  pageSize?: number;
}

/**
 * Children of a unit (the roots when parentId is null), loaded when a node is expanded.
 * `includeExpired` is sent only when true: the server parses it with z.coerce.boolean(),
 * which reads the string "false" as true.
 */
export function useUnits(parentId: string | null, includeExpired: boolean) {
  return useQuery({
    queryKey: ['org', 'units', parentId, includeExpired],
    queryFn: ({ signal }) =>
      apiGet<UnitSummary[]>(
        '/api/org/units',
        { parentId: parentId ?? undefined, includeExpired: includeExpired || undefined },
        signal,
      ),
  });
}

export function useUnit(id: string | null | undefined) {
  return useQuery({
    queryKey: ['org', 'unit', id],
    queryFn: ({ signal }) => apiGet<UnitDetail>(`/api/org/units/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
  });
}

/** Unit types rarely change: fetched once per visit. */
export function useUnitTypes() {
  return useQuery({
    queryKey: ['org', 'unit-types'],
    queryFn: ({ signal }) => apiGet<UnitType[]>('/api/org/unit-types', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCommunes() {
  return useQuery({
    queryKey: ['org', 'communes'],
    queryFn: ({ signal }) => apiGet<UnitSummary[]>('/api/org/communes', undefined, signal),
    staleTime: 10 * 60_000,
  });
}

/** School search; keeps the previous page on screen while the next one loads. */
export function useSchools(search: SchoolSearch, enabled = true) {
  return useQuery({
    queryKey: ['org', 'schools', search],
    queryFn: ({ signal }) => apiGet<SchoolPage>('/api/org/schools', { ...search }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
