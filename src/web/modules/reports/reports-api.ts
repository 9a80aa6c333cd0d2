import type { UnitDetail } from '../../../shared/org.schema.ts';
import type {
  AggregateView,
  CompletenessView,
  FormDetail,
  FormSummary,
  PeriodView,
  SubmissionDetail,
  SubmissionStatus,
  SubmissionSummary,
  Values,
} from '../../../shared/reports.schema.ts';
import { apiGet, apiSend, withQuery } from '../../lib/api.ts';

/* The web side of /api/reports (routes listed in src/server/modules/reports/reports.routes.ts). */

export type {
  AggregateView,
  CompletenessView,
  FormDetail,
  FormSummary,
  PeriodView,
  SubmissionDetail,
  SubmissionStatus,
  SubmissionSummary,
  Values,
};

export const PAGE_SIZE = 20;

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const listForms = (query: { q?: string; status?: string; page: number }, signal?: AbortSignal) =>
  apiGet<Page<FormSummary>>('/api/reports/forms', { ...query, pageSize: PAGE_SIZE }, signal);
export const getForm = (id: string, signal?: AbortSignal) =>
  apiGet<FormDetail>(`/api/reports/forms/${id}`, undefined, signal);
export const createForm = (body: object) => apiSend<FormDetail>('POST', '/api/reports/forms', body);
export const updateForm = (id: string, body: object) => apiSend<FormDetail>('PUT', `/api/reports/forms/${id}`, body);
export const publishForm = (id: string, version: number) =>
  apiSend<FormDetail>('POST', `/api/reports/forms/${id}/publish`, { version });

export const listPeriods = (formId: string, signal?: AbortSignal) =>
  apiGet<{ items: PeriodView[] }>(`/api/reports/forms/${formId}/periods`, undefined, signal);
export const createPeriod = (formId: string, body: { periodKey: string; opensOn?: string; closesOn?: string }) =>
  apiSend<PeriodView>('POST', `/api/reports/forms/${formId}/periods`, body);

/** The period of a form with this key (the web's paths name periods by key). */
export async function findPeriod(formId: string, periodKey: string, signal?: AbortSignal): Promise<PeriodView | null> {
  const { items } = await listPeriods(formId, signal);
  return items.find((p) => p.periodKey === periodKey) ?? null;
}

export const getCompleteness = (periodId: string, rootUnitId: string | undefined, signal?: AbortSignal) =>
  apiGet<CompletenessView>(`/api/reports/periods/${periodId}/completeness`, { rootUnitId }, signal);
/** Remind now the units of the period that have not reported (inside rootUnitId if given), once a day each. */
export const remindPeriod = (periodId: string, rootUnitId: string | undefined) =>
  apiSend<{ reminded: number; skipped: number }>('POST', `/api/reports/periods/${periodId}/remind`, {
    ...(rootUnitId ? { rootUnitId } : {}),
  });
export const listPeriodSubmissions = (
  periodId: string,
  query: { missing?: boolean; rootUnitId?: string; page: number },
  signal?: AbortSignal,
) =>
  apiGet<Page<SubmissionSummary>>(
    `/api/reports/periods/${periodId}/submissions`,
    { ...query, pageSize: PAGE_SIZE },
    signal,
  );
export const getAggregate = (
  periodId: string,
  query: { rootUnitId?: string; approvedOnly?: boolean },
  signal?: AbortSignal,
) => apiGet<AggregateView>(`/api/reports/periods/${periodId}/aggregate`, query, signal);
export const exportUrl = (periodId: string, kind: 'raw' | 'aggregate', rootUnitId?: string, approvedOnly?: boolean) =>
  withQuery(`/api/reports/periods/${periodId}/export.xlsx`, {
    kind,
    rootUnitId,
    approvedOnly: approvedOnly || undefined,
  });

export const listInbox = (query: { page: number; status?: string }, signal?: AbortSignal) =>
  apiGet<Page<SubmissionSummary>>('/api/reports/inbox', { ...query, pageSize: PAGE_SIZE }, signal);
export const listReview = (query: { page: number; status: string }, signal?: AbortSignal) =>
  apiGet<Page<SubmissionSummary>>('/api/reports/review', { ...query, pageSize: PAGE_SIZE }, signal);

export const getSubmission = (id: string, signal?: AbortSignal) =>
  apiGet<SubmissionDetail>(`/api/reports/submissions/${id}`, undefined, signal);
export const saveValues = (id: string, values: Values, version: number) =>
  apiSend<SubmissionDetail>('PUT', `/api/reports/submissions/${id}/values`, { values, version });
export const completeSubmission = (id: string, version: number) =>
  apiSend<SubmissionDetail>('POST', `/api/reports/submissions/${id}/complete`, { version });
export const approveSubmission = (id: string, version: number) =>
  apiSend<SubmissionDetail>('POST', `/api/reports/submissions/${id}/approve`, { version });
export const returnSubmission = (id: string, reason: string, version: number) =>
  apiSend<SubmissionDetail>('POST', `/api/reports/submissions/${id}/return`, { reason, version });
export const reopenSubmission = (id: string, reason: string, newDeadline: string, version: number) =>
  apiSend<SubmissionDetail>('POST', `/api/reports/submissions/${id}/reopen`, { reason, newDeadline, version });
export const submissionFileUrl = (id: string, fileId: string) => `/api/reports/submissions/${id}/files/${fileId}`;

/** A unit's name and ancestors, for the heading and the "up" link of a drill-down. */
export const getUnit = (id: string, signal?: AbortSignal) =>
  apiGet<UnitDetail>(`/api/org/units/${id}`, undefined, signal);
