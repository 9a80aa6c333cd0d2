import type {
  DxAnswerInput,
  DxAssessmentView,
  DxCampaign,
  DxRanking,
  DxResultPage,
} from '../../../shared/dx-index.schema.ts';
import { apiGet, apiSend } from '../../lib/api.ts';

export type { DxAssessmentView, DxCampaign, DxRanking, DxResultPage };

export const PAGE_SIZE = 20;

const assessment = (year: number, schoolId: string) => `/api/dx/campaigns/${year}/schools/${schoolId}/assessment`;

export const listCampaigns = (signal?: AbortSignal) =>
  apiGet<{ items: DxCampaign[]; canManage: boolean }>('/api/dx/campaigns', undefined, signal);
export const mySchools = (signal?: AbortSignal) =>
  apiGet<{ items: { id: string; name: string; canSubmit: boolean }[] }>('/api/dx/my-schools', undefined, signal);
export const getAssessment = (year: number, schoolId: string, signal?: AbortSignal) =>
  apiGet<DxAssessmentView>(assessment(year, schoolId), undefined, signal);
export const saveAssessment = (year: number, schoolId: string, body: { answers: DxAnswerInput[]; version: number }) =>
  apiSend<DxAssessmentView>('PUT', assessment(year, schoolId), body);
export const submitAssessment = (year: number, schoolId: string, version: number) =>
  apiSend<DxAssessmentView>('POST', `${assessment(year, schoolId)}/submit`, { version });
export const addEvidence = (year: number, schoolId: string, criterionCode: string, storedFileId: string) =>
  apiSend<DxAssessmentView>('POST', `${assessment(year, schoolId)}/evidence`, { criterionCode, storedFileId });
export const removeEvidence = (year: number, schoolId: string, fileId: string) =>
  apiSend<DxAssessmentView>('DELETE', `${assessment(year, schoolId)}/evidence/${fileId}`);
export const evidenceUrl = (year: number, schoolId: string, fileId: string) =>
  `${assessment(year, schoolId)}/evidence/${fileId}`;

export interface EvaluationAnswer {
  criterionCode: string;
  option: string | null;
  points: number | null;
  comment: string | null;
}
export const saveEvaluation = (
  year: number,
  schoolId: string,
  body: { answers: EvaluationAnswer[]; version: number },
) => apiSend<DxAssessmentView>('PUT', `${assessment(year, schoolId)}/evaluation`, body);
export const returnAssessment = (
  year: number,
  schoolId: string,
  body: {
    reason: string;
    requests: { criterionCode: string; comment: string }[];
    resubmitBy: string | null;
    version: number;
  },
) => apiSend<DxAssessmentView>('POST', `${assessment(year, schoolId)}/return`, body);
export const recognise = (year: number, schoolId: string, version: number) =>
  apiSend<DxAssessmentView>('POST', `${assessment(year, schoolId)}/recognise`, { version });
export const reopen = (year: number, schoolId: string, until: string, version: number) =>
  apiSend<DxAssessmentView>('POST', `${assessment(year, schoolId)}/reopen`, { until, version });
export const publishCampaign = (year: number, version: number) =>
  apiSend<DxCampaign>('POST', `/api/dx/campaigns/${year}/publish`, { version });

export interface ListFilters {
  page: number;
  state?: string | undefined;
  communeId?: string | undefined;
  level?: number | undefined;
  group?: string | undefined;
  q?: string | undefined;
}
export const listQueue = (year: number, f: ListFilters, signal?: AbortSignal) =>
  apiGet<DxResultPage>(`/api/dx/campaigns/${year}/queue`, { ...f, pageSize: PAGE_SIZE }, signal);
export const listResults = (year: number, f: ListFilters, signal?: AbortSignal) =>
  apiGet<DxResultPage>(`/api/dx/campaigns/${year}/results`, { ...f, pageSize: PAGE_SIZE }, signal);
export const getRanking = (year: number, recognisedOnly: boolean, signal?: AbortSignal) =>
  apiGet<DxRanking>(`/api/dx/campaigns/${year}/ranking`, { recognisedOnly }, signal);

export const publicYears = (signal?: AbortSignal) =>
  apiGet<{ items: { year: number; publishedAt: string }[] }>('/api/public/dx/years', undefined, signal);
export const publicResults = (year: number, f: ListFilters, signal?: AbortSignal) =>
  apiGet<DxResultPage>(`/api/public/dx/${year}/results`, { ...f, pageSize: PAGE_SIZE }, signal);
export const publicRanking = (year: number, signal?: AbortSignal) =>
  apiGet<DxRanking>(`/api/public/dx/${year}/ranking`, undefined, signal);

export interface CampaignDates {
  opensOn: string;
  submitBy: string;
  evaluateBy: string;
}
export const createCampaign = (body: CampaignDates & { year: number; criteriaSetCode: string }) =>
  apiSend<DxCampaign>('POST', '/api/dx/campaigns', body);
export const updateCampaign = (year: number, body: CampaignDates & { version: number }) =>
  apiSend<DxCampaign>('PATCH', `/api/dx/campaigns/${year}`, body);

export const listCriteriaSets = (signal?: AbortSignal) =>
  apiGet<{ items: { code: string; title: string; decision: string; target: 'school' | 'authority' }[] }>(
    '/api/dx/criteria-sets',
    undefined,
    signal,
  );
