import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Holiday,
  HolidayUpsert,
  Procedure,
  ProcedureCreate,
  ProcedureUpdate,
} from '../../../shared/dossiers.schema.ts';
import type { UnitType } from '../../../shared/org.schema.ts';
import { apiGet, apiSend } from '../../lib/api.ts';

export type HolidayDay = z.infer<typeof Holiday>;
export type ProcedureCreateBody = z.input<typeof ProcedureCreate>;
export type ProcedureUpdateBody = z.input<typeof ProcedureUpdate>;
export type HolidayBody = z.input<typeof HolidayUpsert>;

const proceduresKey = ['dossiers', 'procedures'] as const;
const holidaysKey = ['dossiers', 'holidays'] as const;

export function useProcedures() {
  return useQuery({
    queryKey: proceduresKey,
    queryFn: ({ signal }) => apiGet<Procedure[]>('/api/dossiers/procedures', undefined, signal),
  });
}

export function useProcedure(code: string) {
  return useQuery({
    queryKey: [...proceduresKey, code],
    queryFn: ({ signal }) =>
      apiGet<Procedure>(`/api/dossiers/procedures/${encodeURIComponent(code)}`, undefined, signal),
  });
}

/** Every unit type (the same cache entry as the org module's). */
export function useUnitTypes() {
  return useQuery({
    queryKey: ['org', 'unit-types'],
    queryFn: ({ signal }) => apiGet<UnitType[]>('/api/org/unit-types', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCreateProcedure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProcedureCreateBody) => apiSend<Procedure>('POST', '/api/dossiers/procedures', body),
    onSuccess: (p) => {
      queryClient.setQueryData([...proceduresKey, p.code], p);
      return queryClient.invalidateQueries({ queryKey: proceduresKey, exact: true });
    },
  });
}

/** PATCH on the version read: someone else's save in between gives `resource.stale`. */
export function useUpdateProcedure(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProcedureUpdateBody) =>
      apiSend<Procedure>('PATCH', `/api/dossiers/procedures/${encodeURIComponent(code)}`, body),
    onSuccess: (p) => {
      queryClient.setQueryData([...proceduresKey, p.code], p);
      return queryClient.invalidateQueries({ queryKey: proceduresKey, exact: true });
    },
  });
}

export function useHolidays(year: number) {
  return useQuery({
    queryKey: [...holidaysKey, year],
    queryFn: ({ signal }) => apiGet<HolidayDay[]>('/api/dossiers/holidays', { year }, signal),
  });
}

/**
 * Saves a day (PUT is an upsert keyed by the day). Moving an entry to another day writes the
 * new day first and then deletes the former one, so a failure never loses the entry.
 */
export function useSaveHoliday() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ day, body, replaces }: { day: string; body: HolidayBody; replaces?: string | null }) => {
      const saved = await apiSend<HolidayDay>('PUT', `/api/dossiers/holidays/${day}`, body);
      if (replaces && replaces !== day) await apiSend<void>('DELETE', `/api/dossiers/holidays/${replaces}`);
      return saved;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: holidaysKey }),
  });
}

export function useDeleteHoliday() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (day: string) => apiSend<void>('DELETE', `/api/dossiers/holidays/${day}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: holidaysKey }),
  });
}
