import type {
  DirectiveDetail,
  InboxPage,
  MyRecipient,
  RecipientFilter,
  RecipientPage,
  RecipientPreview,
  RecipientStatus,
  RemindOutcome,
  Response,
  SentPage,
  UnitOption,
} from '../../../shared/directives.schema.ts';
import { apiGet, apiSend } from '../../lib/api.ts';

export type {
  DirectiveDetail,
  InboxPage,
  MyRecipient,
  RecipientFilter,
  RecipientPage,
  RecipientPreview,
  RecipientStatus,
  Response,
  SentPage,
  UnitOption,
};

export const PAGE_SIZE = 20;

export const getInbox = (q: { status?: string | undefined; page: number }, signal?: AbortSignal) =>
  apiGet<InboxPage>('/api/directives/inbox', { status: q.status, page: q.page, pageSize: PAGE_SIZE }, signal);

export const getSent = (q: { state?: string | undefined; page: number }, signal?: AbortSignal) =>
  apiGet<SentPage>('/api/directives/sent', { state: q.state, page: q.page, pageSize: PAGE_SIZE }, signal);

export const getDirective = (id: string, signal?: AbortSignal) =>
  apiGet<DirectiveDetail>(`/api/directives/${id}`, undefined, signal);

export const getIssuerUnits = (signal?: AbortSignal) =>
  apiGet<{ items: UnitOption[] }>('/api/directives/issuer-units', undefined, signal);
export const getCommunes = (signal?: AbortSignal) =>
  apiGet<{ items: UnitOption[] }>('/api/directives/communes', undefined, signal);
export const searchUnits = (q: string, signal?: AbortSignal) =>
  apiGet<{ items: UnitOption[] }>('/api/directives/units', { q }, signal);

export const previewRecipients = (body: object) =>
  apiSend<RecipientPreview>('POST', '/api/directives/recipient-preview', body);

export const createDirective = (body: object) => apiSend<DirectiveDetail>('POST', '/api/directives', body);
export const updateDirective = (id: string, body: object) =>
  apiSend<DirectiveDetail>('PUT', `/api/directives/${id}`, body);
export const issueDirective = (id: string) => apiSend<DirectiveDetail>('POST', `/api/directives/${id}/issue`);
export const closeDirective = (id: string) => apiSend<DirectiveDetail>('POST', `/api/directives/${id}/close`);

export const markRead = (id: string) => apiSend<{ marked: string[] }>('POST', `/api/directives/${id}/read`, {});
export const respond = (id: string, body: { unitId: string; text: string; fileIds: string[] }) =>
  apiSend<MyRecipient>('POST', `/api/directives/${id}/responses`, body);

export const getRecipients = (id: string, q: { filter: RecipientFilter; page: number }, signal?: AbortSignal) =>
  apiGet<RecipientPage>(
    `/api/directives/${id}/recipients`,
    { filter: q.filter, page: q.page, pageSize: PAGE_SIZE },
    signal,
  );
export const getHistory = (id: string, unitId: string, signal?: AbortSignal) =>
  apiGet<{ items: Response[] }>(`/api/directives/${id}/recipients/${unitId}/responses`, undefined, signal);
export const remind = (id: string) => apiSend<RemindOutcome>('POST', `/api/directives/${id}/remind`);

export const fileUrl = (id: string, fileId: string) => `/api/directives/${id}/files/${fileId}`;
export const exportUrl = (id: string, format: 'csv' | 'xlsx') => `/api/directives/${id}/export?format=${format}`;

/** "vi / en" server detail messages: the part in the UI language. */
export function messageIn(message: string, lang: string | undefined): string {
  const parts = message.split(' / ');
  if (parts.length !== 2) return message;
  return lang === 'en' ? parts[1]!.trim() : parts[0]!.trim();
}
