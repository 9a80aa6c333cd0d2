import type {
  Indicator,
  IndicatorInput,
  IndicatorPatch,
  KpiDetail,
  KpiList,
  ManualActualInput,
  TargetInput,
} from '../../../shared/kpis.schema.ts';
import { apiGet, apiSend } from '../../lib/api.ts';

type In<T> = { [K in keyof T]?: T[K] | undefined };

export const kpiKeys = { all: ['kpis'] as const };

export const getKpis = (q: { year?: number; unitId?: string }, signal?: AbortSignal) =>
  apiGet<KpiList>('/api/kpis', q, signal);
export const getPublicKpis = (q: { year?: number }, signal?: AbortSignal) =>
  apiGet<KpiList>('/api/kpis/public', q, signal);
export const getKpi = (
  code: string,
  q: { year?: number; unitId?: string; page?: number; pageSize?: number },
  signal?: AbortSignal,
) => apiGet<KpiDetail>(`/api/kpis/${encodeURIComponent(code)}`, q, signal);
export const getIndicators = (signal?: AbortSignal) =>
  apiGet<{ items: Indicator[] }>('/api/kpis/indicators', undefined, signal);
export const createIndicator = (body: In<IndicatorInput>) => apiSend<Indicator>('POST', '/api/kpis/indicators', body);
export const updateIndicator = (code: string, body: In<IndicatorPatch>) =>
  apiSend<Indicator>('PUT', `/api/kpis/indicators/${encodeURIComponent(code)}`, body);
export const setTarget = (code: string, body: In<TargetInput>) =>
  apiSend<void>('PUT', `/api/kpis/${encodeURIComponent(code)}/targets`, body);
export const deleteTarget = (code: string, year: number, unitId: string) =>
  apiSend<void>('DELETE', `/api/kpis/${encodeURIComponent(code)}/targets/${year}/${unitId}`);
export const enterActual = (code: string, body: In<ManualActualInput>) =>
  apiSend<void>('PUT', `/api/kpis/${encodeURIComponent(code)}/actuals`, body);
