import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { QueuePage } from '../../../shared/admission-applications.schema.ts';
import type {
  ApplicationDetail,
  BulkBody,
  BulkResult,
  ProcessingAction,
} from '../../../shared/admission-processing.schema.ts';
import type { RoundDetail, RoundPage } from '../../../shared/admissions.schema.ts';
import type { OutboxPage } from '../../../shared/dossiers.schema.ts';
import { apiGet, apiSend } from '../../lib/api.ts';
import { type QueueFilters, toApiQuery } from './queue-params.ts';

/** Every query of this module starts with this key, so that a decision refreshes them all. */
export const REVIEW_KEY = 'admissionsReview';

export const queuePath = (roundId: string) => `/api/admissions/rounds/${encodeURIComponent(roundId)}/applications`;

export function useRound(roundId: string) {
  return useQuery({
    queryKey: [REVIEW_KEY, 'round', roundId],
    queryFn: ({ signal }) => apiGet<RoundDetail>(`/api/admissions/rounds/${encodeURIComponent(roundId)}`, {}, signal),
    staleTime: 5 * 60_000,
    enabled: roundId !== '',
  });
}

/** Rounds the user may see (newest first, as the server sorts them). */
export function useRounds(page: number) {
  return useQuery({
    queryKey: [REVIEW_KEY, 'rounds', page],
    queryFn: ({ signal }) => apiGet<RoundPage>('/api/admissions/rounds', { page, pageSize: 50 }, signal),
    placeholderData: keepPreviousData,
  });
}

export const queueKey = (roundId: string, filters: QueueFilters) => [REVIEW_KEY, 'queue', roundId, filters] as const;

/**
 * A page of the queue. Every row shown is audited as viewed by the server (Decree 13/2023), so
 * the page is kept for a minute rather than fetched again by each component that needs it
 * (the dossier page reads it for "previous / next").
 */
export function useQueue(roundId: string, filters: QueueFilters, enabled = true) {
  return useQuery({
    queryKey: queueKey(roundId, filters),
    queryFn: ({ signal }) => apiGet<QueuePage>(queuePath(roundId), toApiQuery(filters), signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled: enabled && roundId !== '',
  });
}

export const applicationKey = (dossierId: string) => [REVIEW_KEY, 'application', dossierId] as const;
export const applicationPath = (dossierId: string) => `/api/admissions/applications/${encodeURIComponent(dossierId)}`;

/** One application as a reviewer sees it (engineer C's staff detail; the view is audited). */
export function useApplication(dossierId: string) {
  return useQuery({
    queryKey: applicationKey(dossierId),
    queryFn: ({ signal }) => apiGet<ApplicationDetail>(applicationPath(dossierId), {}, signal),
    enabled: dossierId !== '',
  });
}

/** The body of a review step (ProcessingAction of src/shared/admission-processing.schema.ts). */
export type DecisionInput = z.input<typeof ProcessingAction>;

/**
 * A review step on the version the clerk saw: `resource.stale` when somebody else changed the
 * dossier meanwhile, `dossier.invalid_transition` when it is no longer in a state that allows it.
 */
export function useDecision(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DecisionInput) =>
      apiSend<ApplicationDetail>('POST', `${applicationPath(dossierId)}/actions`, input),
    onSuccess: (detail) => {
      queryClient.setQueryData(applicationKey(dossierId), detail);
      // The queue is refreshed when the clerk returns to it, not now: "next" reads the page as it was.
      void queryClient.invalidateQueries({ queryKey: [REVIEW_KEY, 'queue'], refetchType: 'none' });
    },
  });
}

export type BulkAction = BulkBody['action'];

export function useBulk(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { dossierIds: string[]; action: BulkAction; reason?: string }) =>
      apiSend<BulkResult>('POST', `${queuePath(roundId)}/bulk`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [REVIEW_KEY] }),
  });
}

export function useOutbox(page: number, dossierId?: string) {
  return useQuery({
    queryKey: [REVIEW_KEY, 'outbox', page, dossierId ?? null],
    queryFn: ({ signal }) => apiGet<OutboxPage>('/api/notify/outbox', { page, pageSize: 50, dossierId }, signal),
    placeholderData: keepPreviousData,
  });
}
