import type {
  FundingSource,
  MyTaskPage,
  PlanDetail,
  PlanImportReport,
  PlanPage,
  TaskDetail,
  TaskSummary,
} from '../../../shared/plans.schema.ts';
import { apiFetch, apiGet, apiSend } from '../../lib/api.ts';

export type { FundingSource, MyTaskPage, PlanDetail, PlanImportReport, PlanPage, TaskDetail, TaskSummary };

export const PAGE_SIZE = 20;

export interface PlanFilter {
  q: string;
  year: string;
  unitId: string;
  status: string;
  page: number;
}

export const searchPlans = (f: PlanFilter, signal?: AbortSignal) =>
  apiGet<PlanPage>(
    '/api/plans',
    {
      q: f.q || undefined,
      year: f.year || undefined,
      unitId: f.unitId || undefined,
      status: f.status || undefined,
      page: f.page,
      pageSize: PAGE_SIZE,
    },
    signal,
  );

export const getPlan = (id: string, signal?: AbortSignal) => apiGet<PlanDetail>(`/api/plans/${id}`, undefined, signal);
export const getTask = (id: string, signal?: AbortSignal) =>
  apiGet<TaskDetail>(`/api/plan-tasks/${id}`, undefined, signal);
export const myTasks = (page: number, lateOnly: boolean, signal?: AbortSignal) =>
  apiGet<MyTaskPage>('/api/plan-tasks/mine', { page, pageSize: PAGE_SIZE, lateOnly: lateOnly || undefined }, signal);
export const listSources = (signal?: AbortSignal) =>
  apiGet<{ items: FundingSource[] }>('/api/plans/funding-sources', undefined, signal);
export const searchUnits = (q: string, signal?: AbortSignal) =>
  apiGet<{ items: { id: string; code: string; name: string }[] }>('/api/plans/units', { q }, signal);

export interface ReportBody {
  status: string;
  progress: number | string;
  note: string;
  unitId: string | null;
  storedFileIds: string[];
}
export const reportProgress = (taskId: string, body: ReportBody) =>
  apiSend<TaskDetail>('POST', `/api/plan-tasks/${taskId}/reports`, body);

export const createPlan = (body: unknown) => apiSend<PlanDetail>('POST', '/api/plans', body);
export const updatePlan = (id: string, body: unknown) => apiSend<PlanDetail>('PATCH', `/api/plans/${id}`, body);
export const createTask = (planId: string, body: unknown) =>
  apiSend<TaskDetail>('POST', `/api/plans/${planId}/tasks`, body);
export const updateTask = (taskId: string, body: unknown) =>
  apiSend<TaskDetail>('PATCH', `/api/plan-tasks/${taskId}`, body);

export const exportUrl = (planId: string) => `/api/plans/${planId}/export.xlsx`;
export const evidenceUrl = (taskId: string, reportId: string, fileId: string) =>
  `/api/plan-tasks/${taskId}/reports/${reportId}/files/${fileId}`;

/** Sends an .xlsx to the import endpoint (multipart field `file`). */
export function importTasks(planId: string, file: File, dryRun: boolean) {
  const body = new FormData();
  body.append('file', file);
  return apiFetch<PlanImportReport>(`/api/plans/${planId}/import.xlsx`, {
    method: 'POST',
    body,
    query: { dryRun: dryRun ? 'true' : 'false' },
  });
}

/** Million VND with Vietnamese separators: 19382.4 → "19.382,4". */
export function formatMillion(v: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(v);
}

/** The task's period: its dates when both are known, else the plan's wording. */
export function periodOf(t: Pick<TaskSummary, 'startOn' | 'endOn' | 'periodText'>, fmt: (d: string) => string): string {
  const dates = t.startOn && t.endOn ? `${fmt(t.startOn)} – ${fmt(t.endOn)}` : t.endOn ? `→ ${fmt(t.endOn)}` : '';
  if (t.periodText && dates) return `${t.periodText} (${dates})`;
  return t.periodText || dates || '—';
}
