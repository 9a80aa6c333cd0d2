import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LessonPlan } from '../../../shared/lesson-plan.schema.ts';
import type { LessonPlanDetail, LessonPlanSent, LessonPlanSummary } from '../../../shared/lesson-plans.schema.ts';
import type { Reference, ResourceDetail, SearchResult } from '../../../shared/library.schema.ts';
import { apiFetch, apiGet, apiSend } from '../../lib/api.ts';

export type { LessonPlan, LessonPlanDetail, LessonPlanSummary, Reference, ResourceDetail };

const base = '/api/lesson-plans';

export type ListScope = 'mine' | 'school';

export function usePlans(scope: ListScope, page: number) {
  return useQuery({
    queryKey: ['lesson-plans', scope, page],
    queryFn: ({ signal }) =>
      apiGet<{ items: LessonPlanSummary[]; total: number; page: number; pageSize: number }>(
        base,
        { scope, page, pageSize: 20 },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export const planKey = (id: string) => ['lesson-plan', id] as const;

export function usePlan(id: string) {
  return useQuery({
    queryKey: planKey(id),
    queryFn: ({ signal }) => apiGet<LessonPlanDetail>(`${base}/${encodeURIComponent(id)}`, undefined, signal),
    // The editor keeps its own copy; a refetch on focus would not replace it anyway.
    refetchOnWindowFocus: false,
  });
}

/** Keeps the plan the server answered with, and lets the lists refetch. */
function useStorePlan() {
  const qc = useQueryClient();
  return (plan: LessonPlanDetail) => {
    qc.setQueryData(planKey(plan.id), plan);
    void qc.invalidateQueries({ queryKey: ['lesson-plans'] });
  };
}

export interface NewPlan {
  from: 'empty' | 'sample';
  header?: {
    subject: { code: string; name: string };
    grade: number;
    title: string;
    periods: number;
    series?: { code: string; name: string } | null;
  };
}

export function useCreatePlan() {
  const store = useStorePlan();
  return useMutation({
    mutationFn: (body: NewPlan) => apiSend<LessonPlanDetail>('POST', base, body),
    onSuccess: store,
  });
}

export function useSavePlan(id: string) {
  const store = useStorePlan();
  return useMutation({
    mutationFn: (body: { expectedVersion: number; content: LessonPlan }) =>
      apiSend<LessonPlanDetail>('PUT', `${base}/${encodeURIComponent(id)}`, body),
    onSuccess: store,
  });
}

export function useDeletePlan(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(`${base}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => {
      qc.removeQueries({ queryKey: planKey(id) });
      void qc.invalidateQueries({ queryKey: ['lesson-plans'] });
    },
  });
}

export interface SendOptions {
  expectedVersion: number;
  visibility: 'public' | 'province' | 'school';
  licenceCode: string;
  submit: boolean;
}

export function useSendPlan(id: string) {
  const store = useStorePlan();
  return useMutation({
    mutationFn: (body: SendOptions) => apiSend<LessonPlanSent>('POST', `${base}/${encodeURIComponent(id)}/send`, body),
    onSuccess: (sent) => store(sent.plan),
  });
}

export function useAdaptPlan() {
  const store = useStorePlan();
  return useMutation({
    mutationFn: (resourceId: string) => apiSend<LessonPlanDetail>('POST', `${base}/adapt`, { resourceId }),
    onSuccess: store,
  });
}

export const exportUrl = (id: string, format: 'pdf' | 'docx') => `${base}/${encodeURIComponent(id)}/export.${format}`;

/** The library's reference data (subjects per level, series, licences); same cache as the library pages. */
export function useReference() {
  return useQuery({
    queryKey: ['library-reference'],
    queryFn: ({ signal }) => apiGet<Reference>('/api/library/reference', undefined, signal),
    staleTime: 60 * 60_000,
  });
}

/** Library resources the teacher may see, by title (for attaching to a plan). */
export function useResourceSearch(q: string) {
  return useQuery({
    queryKey: ['lesson-plan-resource-search', q],
    queryFn: ({ signal }) => apiGet<SearchResult>('/api/library/resources', { q, pageSize: 8 }, signal),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useLibraryResource(id: string) {
  return useQuery({
    queryKey: ['library-resource', id],
    queryFn: ({ signal }) =>
      apiGet<ResourceDetail>(`/api/library/resources/${encodeURIComponent(id)}`, undefined, signal),
    retry: false,
  });
}
