import type { FileDetail, FilePage, FixityReport, Fonds, ReadRequest } from '../../../shared/archive.schema.ts';
import { apiGet, apiSend } from '../../lib/api.ts';

export type { FileDetail, FilePage, FixityReport, Fonds, ReadRequest };

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

// Description (archivists): fonds, files, documents.

export const listFonds = (signal?: AbortSignal) => apiGet<{ items: Fonds[] }>('/api/archive/fonds', undefined, signal);

export interface FondsBody {
  orgIdentifier: string;
  name: string;
  unitId: string;
  startYear: number | string;
  endYear: number | string | null;
  description: string | null;
}
export const createFonds = (body: FondsBody) => apiSend<Fonds>('POST', '/api/archive/fonds', body);
export const updateFonds = (
  id: string,
  body: { name: string; endYear: number | string | null; description: string | null; version: number },
) => apiSend<Fonds>('PUT', `/api/archive/fonds/${id}`, body);

export const createFile = (body: object) => apiSend<FileDetail>('POST', '/api/archive/files', body);
export const updateFile = (id: string, body: object) => apiSend<FileDetail>('PATCH', `/api/archive/files/${id}`, body);

export interface DocumentBody {
  title: string;
  docNumber: string | null;
  docDate: string | null;
  author: string | null;
  pageCount: number | string | null;
  storedFileId: string | null;
}
export const addDocument = (fileId: string, body: DocumentBody) =>
  apiSend<FileDetail>('POST', `/api/archive/files/${fileId}/documents`, body);

/** A change to a document's description (only the fields sent change). */
export interface DocumentPatchBody {
  title?: string;
  docNumber?: string | null;
  docDate?: string | null;
  author?: string | null;
  pageCount?: number | string | null;
}
export const updateDocument = (fileId: string, documentId: string, body: DocumentPatchBody) =>
  apiSend<FileDetail>('PATCH', `/api/archive/files/${fileId}/documents/${documentId}`, body);

/** Withdraws a document with the reason (it stays recorded, hidden from readers). */
export const withdrawDocument = (fileId: string, documentId: string, reason: string) =>
  apiSend<FileDetail>('POST', `/api/archive/files/${fileId}/documents/${documentId}/withdraw`, { reason });
