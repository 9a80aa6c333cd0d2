import type {
  CandidateList,
  CopyOptions,
  CopyQueuePage,
  CopyReceipt,
  CopyRequestDetail,
  CopyStatus,
  DeliveryStatus,
  VerifyCopyAnswer,
} from '../../../shared/diploma-copies.schema.ts';
import type { ErrorBody } from '../../../shared/errors.ts';
import type { OtpChannel, OtpRequested, OtpVerified } from '../../../shared/population.schema.ts';
import { ApiError, apiGet, apiSend } from '../../lib/api.ts';
import { currentLanguage } from '../../lib/i18n.ts';

/*
 * Certified copies' API. The citizen's calls need `x-otp-token` and `idempotency-key`, which
 * the shell's apiFetch does not send: a small client beside it throws the same ApiError.
 * Only types come from src/shared (zod stays out of the public bundle).
 */

export type { CandidateList, CopyOptions, CopyQueuePage, CopyReceipt, CopyRequestDetail, CopyStatus, OtpChannel };

/** The one-time-code purpose of these pages (server: copy-context.ts). */
const PURPOSE = 'dossiers.track';

const NETWORK = {
  vi: 'Không kết nối được máy chủ. Vui lòng thử lại.',
  en: 'Cannot reach the server. Please try again.',
};
const UNEXPECTED = { vi: 'Máy chủ trả lời không như mong đợi.', en: 'The server sent an unexpected answer.' };

interface Call {
  method?: 'GET' | 'POST';
  body?: unknown;
  token?: string;
  idempotencyKey?: string;
}

async function send(path: string, call: Call = {}): Promise<Response> {
  const method = call.method ?? 'GET';
  const lang = currentLanguage();
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang };
  if (call.token) headers['x-otp-token'] = call.token;
  if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
  let body: BodyInit | undefined;
  if (call.body instanceof FormData) body = call.body;
  else if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.body ?? {});
  }
  try {
    return await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { code: 'network', message: NETWORK.vi, messages: NETWORK });
  }
}

async function json<T>(response: Response): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  const data = (await response.json().catch(() => undefined)) as Partial<ErrorBody> | undefined;
  if (!data?.error?.code)
    throw new ApiError(response.status, { code: 'unexpected', message: UNEXPECTED.vi, messages: UNEXPECTED });
  throw new ApiError(response.status, data.error);
}

export const requestCode = async (channel: OtpChannel, address: string) =>
  json<OtpRequested>(
    await send('/api/public/otp/request', { method: 'POST', body: { channel, address, purpose: PURPOSE } }),
  );

export const verifyCode = async (channel: OtpChannel, address: string, code: string) =>
  json<OtpVerified>(
    await send('/api/public/otp/verify', { method: 'POST', body: { channel, address, code, purpose: PURPOSE } }),
  );

export const fetchOptions = async () => json<CopyOptions>(await send('/api/public/diploma-copies/options'));

/** Files the request: JSON, or multipart with the proof of the right to ask. */
export async function fileRequest(token: string, idempotencyKey: string, data: object, proof: File | null) {
  let body: unknown = data;
  if (proof) {
    const form = new FormData();
    form.append('data', JSON.stringify(data));
    form.append('proof', proof);
    body = form;
  }
  return json<CopyReceipt>(
    await send('/api/public/diploma-copies/requests', { method: 'POST', body, token, idempotencyKey }),
  );
}

export const fetchStatus = async (token: string, code: string) =>
  json<CopyStatus>(await send(`/api/public/diploma-copies/requests/${encodeURIComponent(code)}`, { token }));

/** The signed PDF as a blob (fetched: the token goes in a header, never in an address). */
export async function fetchCopyPdf(token: string, code: string): Promise<Blob> {
  const response = await send(`/api/public/diploma-copies/requests/${encodeURIComponent(code)}/copy.pdf`, { token });
  if (!response.ok) await json(response);
  return response.blob();
}

export const verifyCopy = (so: string, ma: string) =>
  apiGet<VerifyCopyAnswer>('/api/public/diplomas/copies/verify', { so, ma });

// ── Staff ──
export const fetchQueue = (state: string, page: number) =>
  apiGet<CopyQueuePage>('/api/diploma-copies/requests', { state, page, pageSize: 20 });
export const fetchDetail = (id: string) => apiGet<CopyRequestDetail>(`/api/diploma-copies/requests/${id}`);
export const fetchCandidates = (id: string) => apiGet<CandidateList>(`/api/diploma-copies/requests/${id}/candidates`);
export const issueCopy = (id: string, entryId: string, expectedVersion: number) =>
  apiSend<CopyRequestDetail>('POST', `/api/diploma-copies/requests/${id}/issue`, { entryId, expectedVersion });
export const rejectRequest = (id: string, reason: string, expectedVersion: number) =>
  apiSend<CopyRequestDetail>('POST', `/api/diploma-copies/requests/${id}/reject`, { reason, expectedVersion });
export const markDelivery = (id: string, status: DeliveryStatus) =>
  apiSend<CopyRequestDetail>('POST', `/api/diploma-copies/requests/${id}/delivery`, { status });

/** The verified contact of this tab (sessionStorage: gone with the tab, not kept on a shared phone). */
const SESSION = 'gds.bansao.session';
export interface CopySession {
  channel: OtpChannel;
  address: string;
  token: string;
  expiresAt: string;
}
export function loadSession(): CopySession | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(SESSION) ?? 'null') as CopySession | null;
    return s && Date.parse(s.expiresAt) > Date.now() ? s : null;
  } catch {
    return null;
  }
}
export function saveSession(s: CopySession): void {
  sessionStorage.setItem(SESSION, JSON.stringify(s));
}
