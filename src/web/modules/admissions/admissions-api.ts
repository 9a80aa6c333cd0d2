import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublishOutcome } from '../../../shared/admission-results.schema.ts';
import type {
  AdmissionRules,
  CatchmentInput,
  PriorityGroup,
  RoundCopyResult,
  RoundDetail,
  RoundPage,
  RoundSchoolInput,
  RoundStatus,
  Timeline,
  TimelineInput,
} from '../../../shared/admissions.schema.ts';
import type { SchoolPage, UnitSummary } from '../../../shared/org.schema.ts';
import { apiGet, apiSend } from '../../lib/api.ts';

const roundsUrl = '/api/admissions/rounds';

export interface RoundFilter {
  level?: string;
  schoolYear?: string;
  status?: string;
  page: number;
}

/** GET /api/admissions/rounds: the rounds the user may read (running unit in their scope). */
export function useRounds(filter: RoundFilter) {
  return useQuery({
    queryKey: ['admission-rounds', filter],
    queryFn: ({ signal }) => apiGet<RoundPage>(roundsUrl, { ...filter, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
}

export const roundKey = (id: string) => ['admission-round', id] as const;

export function useRound(id: string) {
  return useQuery({
    queryKey: roundKey(id),
    queryFn: ({ signal }) => apiGet<RoundDetail>(`${roundsUrl}/${id}`, undefined, signal),
  });
}

/** After a write the server returns the whole round: keep it, and let lists refetch. */
function useStoreRound() {
  const qc = useQueryClient();
  return (round: RoundDetail) => {
    qc.setQueryData(roundKey(round.id), round);
    void qc.invalidateQueries({ queryKey: ['admission-rounds'] });
    void qc.invalidateQueries({ queryKey: ['admission-allocation', round.id] });
  };
}

export interface NewRound {
  code: string;
  name: string;
  level: 1 | 6 | 10;
  schoolYear: string;
  runningUnitId: string;
  timeline: TimelineInput;
  rules: AdmissionRules;
  priorityGroups: PriorityGroup[];
}

export function useCreateRound() {
  const store = useStoreRound();
  return useMutation({
    mutationFn: (round: NewRound) => apiSend<RoundDetail>('POST', roundsUrl, round),
    onSuccess: store,
  });
}

export function useCopyRound() {
  const store = useStoreRound();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; code: string; name: string; schoolYear: string }) =>
      apiSend<RoundCopyResult>('POST', `${roundsUrl}/${id}/copy`, body),
    onSuccess: (r) => store(r.round),
  });
}

export interface RoundPatch {
  name?: string;
  /** Moments to change; null clears an optional one. */
  timeline?: Partial<Record<keyof Timeline, string | null>>;
  rules?: AdmissionRules;
  priorityGroups?: PriorityGroup[];
}

/**
 * The writes of one round, each sent with the version last read (409 resource.stale when
 * somebody saved in between; the error says so and the page shows the fresh round).
 */
export function useRoundWrites(round: RoundDetail) {
  const store = useStoreRound();
  const qc = useQueryClient();
  const url = `${roundsUrl}/${round.id}`;
  const version = () => qc.getQueryData<RoundDetail>(roundKey(round.id))?.version ?? round.version;
  const options = {
    onSuccess: store,
    onError: () => void qc.invalidateQueries({ queryKey: roundKey(round.id) }),
  };
  return {
    patch: useMutation({
      mutationFn: (patch: RoundPatch) => apiSend<RoundDetail>('PATCH', url, { ...patch, expectedVersion: version() }),
      ...options,
    }),
    schools: useMutation({
      mutationFn: (schools: RoundSchoolInput[]) =>
        apiSend<RoundDetail>('PUT', `${url}/schools`, { schools, expectedVersion: version() }),
      ...options,
    }),
    catchments: useMutation({
      mutationFn: (catchments: CatchmentInput[]) =>
        apiSend<RoundDetail>('PUT', `${url}/catchments`, { catchments, expectedVersion: version() }),
      ...options,
    }),
    status: useMutation({
      mutationFn: (status: Exclude<RoundStatus, 'draft'>) =>
        apiSend<RoundDetail>('POST', `${url}/status`, { status, expectedVersion: version() }),
      ...options,
    }),
    /** Publication goes through the results module: round → published and the results snapshot at once. */
    publish: useMutation({
      mutationFn: () => apiSend<PublishOutcome>('POST', `${url}/results/publish`, { expectedVersion: version() }),
      onSettled: () => qc.invalidateQueries({ queryKey: roundKey(round.id) }),
    }),
    seed: useMutation({
      mutationFn: (seed: string | undefined) =>
        apiSend<RoundDetail>('POST', `${url}/lottery-seed`, { seed, expectedVersion: version() }),
      ...options,
    }),
  };
}

/** Communes (and wards, special zones) of the province, for running units and catchments. */
export function useCommunes() {
  return useQuery({
    queryKey: ['org-communes'],
    queryFn: ({ signal }) => apiGet<UnitSummary[]>('/api/org/communes', undefined, signal),
    staleTime: 10 * 60_000,
  });
}

/** Schools found by name (diacritic-insensitive), optionally in one commune, to add to a round. */
export function useSchoolSearch(query: { q?: string; communeId?: string; level?: string }, enabled: boolean) {
  return useQuery({
    queryKey: ['org-schools', 'admissions', query],
    queryFn: ({ signal }) => apiGet<SchoolPage>('/api/org/schools', { ...query, pageSize: 50 }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}
