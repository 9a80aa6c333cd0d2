import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChildrenWithoutApplicationPage,
  ReleaseOutcome,
  StaffResult,
  StaffResultPage,
  SupplementaryOutcome,
} from '../../../shared/admission-results.schema.ts';
import { apiGet, apiSend } from '../../lib/api.ts';

/*
 * Engineer B's staff API of results (src/shared/admission-results.schema.ts): the list with
 * confirmation state, a confirmation recorded by a school, release of unconfirmed seats after
 * the deadline, and the supplementary round.
 */
const round = (id: string) => `/api/admissions/rounds/${id}`;

export function useResults(roundId: string, query: { confirmation?: string; page: number }) {
  return useQuery({
    queryKey: ['admission-results', roundId, query],
    queryFn: ({ signal }) => apiGet<StaffResultPage>(`${round(roundId)}/results`, { ...query, pageSize: 50 }, signal),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate(roundId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['admission-results', roundId] });
    void qc.invalidateQueries({ queryKey: ['admission-round', roundId] });
  };
}

export function useConfirmByStaff(roundId: string) {
  const invalidate = useInvalidate(roundId);
  return useMutation({
    mutationFn: (resultId: string) => apiSend<StaffResult>('POST', `/api/admissions/results/${resultId}/confirm`),
    onSuccess: invalidate,
  });
}

export function useRelease(roundId: string) {
  const invalidate = useInvalidate(roundId);
  return useMutation({
    mutationFn: () => apiSend<ReleaseOutcome>('POST', `${round(roundId)}/results/release`),
    onSuccess: invalidate,
  });
}

export function useSupplementary(roundId: string) {
  const invalidate = useInvalidate(roundId);
  return useMutation({
    mutationFn: (body: { code?: string; name?: string }) =>
      apiSend<SupplementaryOutcome>('POST', `${round(roundId)}/supplementary`, body),
    onSuccess: invalidate,
  });
}

/** GET …/communes/:unitId/children-without-application: the commune's children of the age with no application (audited). */
export function useChildrenWithoutApplication(
  communeId: string | undefined,
  query: { level: number; roundId: string; page: number },
) {
  return useQuery({
    queryKey: ['admission-children-without', communeId, query],
    queryFn: ({ signal }) =>
      apiGet<ChildrenWithoutApplicationPage>(
        `/api/admissions/communes/${communeId}/children-without-application`,
        { ...query, pageSize: CHILDREN_PAGE_SIZE },
        signal,
      ),
    enabled: !!communeId,
    placeholderData: keepPreviousData,
  });
}

export const CHILDREN_PAGE_SIZE = 50;
