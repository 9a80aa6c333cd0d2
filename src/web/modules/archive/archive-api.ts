import type { FileDetail, FilePage, FixityReport, ReadRequest } from '../../../shared/archive.schema.ts';
import { apiGet, apiSend } from '../../lib/api.ts';

export type { FileDetail, FilePage, FixityReport, ReadRequest };

export const PAGE_SIZE = 20;

export const searchFiles = (q: string, page: number, signal?: AbortSignal) =>
  apiGet<FilePage>('/api/archive/files', { q: q || undefined, page, pageSize: PAGE_SIZE }, signal);

export const getFile = (id: string, signal?: AbortSignal) =>
  apiGet<FileDetail>(`/api/archive/files/${id}`, undefined, signal);

export const requestRead = (fileId: string, purpose: string) =>
  apiSend<{ id: string }>('POST', `/api/archive/files/${fileId}/read-requests`, { purpose });

export const listRequests = (scope: 'mine' | 'to_decide', signal?: AbortSignal) =>
  apiGet<{ items: ReadRequest[] }>('/api/archive/read-requests', { scope }, signal);

export const decideRequest = (id: string, body: { approve: boolean; reason: string; validUntil?: string }) =>
  apiSend<void>('POST', `/api/archive/read-requests/${id}/decision`, body);

export const getFixity = (signal?: AbortSignal) => apiGet<FixityReport>('/api/archive/fixity', undefined, signal);
export const runFixity = () =>
  apiSend<{ runId: string; checked: number; problems: number }>('POST', '/api/archive/fixity/run');

export const documentUrl = (fileId: string, documentId: string) =>
  `/api/archive/files/${fileId}/documents/${documentId}/content`;
