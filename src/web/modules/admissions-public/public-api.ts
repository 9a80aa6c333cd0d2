import type {
  ApplicationReceipt,
  ApplicationStatus,
  DraftView,
} from '../../../shared/admission-applications.schema.ts';
import type { PublicCutoffs, PublicResult } from '../../../shared/admission-results.schema.ts';
import type { PublicRound } from '../../../shared/admissions.schema.ts';
import type { Attachment } from '../../../shared/dossiers.schema.ts';
import type { ErrorBody } from '../../../shared/errors.ts';
import type { ChildPrefill, OtpChannel, OtpRequested, OtpVerified } from '../../../shared/population.schema.ts';
import { ApiError, withQuery } from '../../lib/api.ts';
import { currentLanguage } from '../../lib/i18n.ts';

/*
 * The parent's API calls. The shell's apiFetch sends no custom headers, and these endpoints need
 * `x-otp-token` and `idempotency-key`, so this small client sits beside it and throws the same
 * ApiError. Only types are imported from src/shared: zod stays out of the parent's bundle.
 */

export type {
  ApplicationReceipt,
  ApplicationStatus,
  ChildPrefill,
  DraftView,
  OtpChannel,
  PublicCutoffs,
  PublicResult,
  PublicRound,
};

/** What proves a child's dossier is the caller's: never put in a page URL (Decree 13/2023/NĐ-CP). */
export interface ChildIdentity {
  personalId: string;
  dateOfBirth: string;
}

const NETWORK = {
  vi: 'Không kết nối được máy chủ. Vui lòng thử lại.',
  en: 'Cannot reach the server. Please try again.',
};
const UNEXPECTED = { vi: 'Máy chủ trả lời không như mong đợi.', en: 'The server sent an unexpected answer.' };

interface Call {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  body?: unknown;
  token?: string | null;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** 'no-cache': revalidate (ETag, a cheap 304) instead of trusting the browser's cached copy. */
  cache?: RequestCache;
  /** The child of a GET: sent in headers, never in the address (proxies and browsers keep those). */
  child?: ChildIdentity;
}

async function send(path: string, call: Call = {}): Promise<Response> {
  const method = call.method ?? 'GET';
  const lang = currentLanguage();
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': lang === 'vi' ? 'vi' : `${lang}, vi;q=0.8`,
  };
  if (call.token) headers['x-otp-token'] = call.token;
  if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
  if (call.child) {
    headers['x-child-id'] = call.child.personalId;
    headers['x-child-dob'] = call.child.dateOfBirth;
  }
  let body: BodyInit | undefined;
  if (call.body instanceof FormData) body = call.body;
  else if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.body ?? {});
  }
  try {
    return await fetch(path, {
      method,
      headers,
      body,
      signal: call.signal,
      credentials: 'same-origin',
      ...(call.cache ? { cache: call.cache } : {}),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, { code: 'network', message: NETWORK.vi, messages: NETWORK });
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  const data = (await response.json().catch(() => undefined)) as Partial<ErrorBody> | undefined;
  if (!data?.error?.code)
    return new ApiError(response.status, { code: 'unexpected', message: UNEXPECTED.vi, messages: UNEXPECTED });
  return new ApiError(response.status, data.error);
}

/** JSON of a public endpoint; ApiError (code `network` when offline) on failure. */
export async function publicFetch<T>(path: string, call: Call = {}): Promise<T> {
  const response = await send(path, call);
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A file (the PDF receipt) as a blob, fetched so that the child's ID never lands in the history. */
export async function publicBlob(path: string, child: ChildIdentity): Promise<Blob> {
  const response = await send(path, { child });
  if (!response.ok) throw await errorOf(response);
  return response.blob();
}

/** The open rounds change rarely (the server lets caches keep them a minute). */
export const roundsQuery = { queryKey: ['public-admission-rounds'], staleTime: 60_000 } as const;

export const openRounds = (signal?: AbortSignal) =>
  publicFetch<PublicRound[]>('/api/public/admissions/rounds', { signal });

export const requestCode = (channel: OtpChannel, address: string) =>
  publicFetch<OtpRequested>('/api/public/otp/request', {
    method: 'POST',
    body: { channel, address, purpose: 'admissions.apply' },
  });

export const verifyCode = (channel: OtpChannel, address: string, code: string) =>
  publicFetch<OtpVerified>('/api/public/otp/verify', {
    method: 'POST',
    body: { channel, address, code, purpose: 'admissions.apply' },
  });

export const lookupChild = (child: ChildIdentity, otpToken: string) =>
  publicFetch<ChildPrefill>('/api/public/population/lookup', { method: 'POST', body: { ...child, otpToken } });

const roundPath = (roundId: string) => `/api/public/admissions/rounds/${encodeURIComponent(roundId)}`;
export const codePath = (code: string) => `/api/public/admissions/applications/${encodeURIComponent(code)}`;

export const saveDraft = (roundId: string, token: string, child: ChildIdentity, form: DraftForm) =>
  publicFetch<DraftView>(`${roundPath(roundId)}/draft`, { method: 'PUT', token, body: { ...child, form } });

export const loadDraft = (roundId: string, token: string, child: ChildIdentity) =>
  publicFetch<DraftView>(`${roundPath(roundId)}/draft`, { token, child });

export const submitApplication = (roundId: string, token: string, idempotencyKey: string, body: SubmitBody) =>
  publicFetch<ApplicationReceipt>(`${roundPath(roundId)}/applications`, {
    method: 'POST',
    token,
    idempotencyKey,
    body,
  });

export const applicationStatus = (code: string, child: ChildIdentity, signal?: AbortSignal) =>
  publicFetch<ApplicationStatus>(codePath(code), { signal, child });

export interface GuardianBody {
  fullName: string;
  relation: 'father' | 'mother' | 'guardian';
  phone: string | null;
}

export interface DraftForm {
  fullName?: string;
  gender?: 'male' | 'female';
  guardians?: { fullName?: string; relation?: GuardianBody['relation']; phone?: string | null }[];
  residence?: { communeId?: string; village?: string | null; correctionReason?: string };
  wishes?: string[];
  priorityGroup?: string | null;
}

export interface SubmitBody extends ChildIdentity {
  fullName: string;
  gender: 'male' | 'female';
  guardians: GuardianBody[];
  residence: ResidenceBody;
  wishes: string[];
  priorityGroup: string | null;
}

export interface ResidenceBody {
  communeId: string;
  village: string | null;
  correctionReason?: string;
}

export interface ApplicationPatchBody extends ChildIdentity {
  wishes?: string[];
  priorityGroup?: string | null;
  residence?: ResidenceBody;
  guardians?: GuardianBody[];
}

export const editApplication = (code: string, token: string, body: ApplicationPatchBody) =>
  publicFetch<ApplicationStatus>(codePath(code), { method: 'PATCH', token, body });

export const withdrawApplication = (code: string, token: string, body: ChildIdentity & { reason: string }) =>
  publicFetch<ApplicationStatus>(`${codePath(code)}/withdraw`, { method: 'POST', token, body });

/**
 * One document, asked for in a supplement or (UU_TIEN, KHUYEN_KHICH, CU_TRU) added by the family
 * itself before the decision (multipart: the fields first, the file last).
 */
export function uploadSupplement(code: string, token: string, child: ChildIdentity, documentCode: string, file: File) {
  const data = new FormData();
  data.append('personalId', child.personalId);
  data.append('dateOfBirth', child.dateOfBirth);
  data.append('documentCode', documentCode);
  data.append('file', file);
  return publicFetch<Attachment>(`${codePath(code)}/attachments`, { method: 'POST', token, body: data });
}

/** Engineer C: back to the school after a supplement. */
export const resubmitApplication = (code: string, token: string, body: ChildIdentity & { note: string }) =>
  publicFetch<unknown>(`${codePath(code)}/resubmit`, { method: 'POST', token, body });

/**
 * Engineer B: the published result with its explanation (409 admissions.results_not_published
 * before). The server lets the browser keep it a minute; revalidate so a confirmation shows at once.
 */
export const lookupResult = (code: string, child: ChildIdentity, signal?: AbortSignal) =>
  publicFetch<PublicResult>(withQuery('/api/public/admissions/results', { code }), {
    signal,
    cache: 'no-cache',
    child,
  });

/** Engineer B: "Xác nhận nhập học" before the deadline. */
export const confirmEnrolment = (code: string, token: string, child: ChildIdentity) =>
  publicFetch<PublicResult>(`${codePath(code)}/confirm`, { method: 'POST', token, body: child });

/** The cut-offs (điểm chuẩn) of a published grade-10 round: 404 before publication or for grade 1/6. */
export const cutoffs = (roundId: string, signal?: AbortSignal) =>
  publicFetch<PublicCutoffs>(`${roundPath(roundId)}/cutoffs`, { signal });

/** Where anyone downloads the exact inputs of a grade-1/6 draw (404 until the round is allocated). */
export const lotteryPath = (roundId: string) => `${roundPath(roundId)}/lottery`;

/** The published draw of a grade-1/6 round: what a family needs to re-run it (no personal data). */
export interface PublicLottery {
  roundId: string;
  roundName: string;
  seed: string;
  seedPublishedAt: string;
  inputsSha256: string;
  /** The allocation inputs (dossier codes, wishes, catchment flags, priority ranks): downloaded, not shown. */
  input: unknown;
  howToCheck: { vi: string; en: string };
}

export const lottery = (roundId: string, signal?: AbortSignal) =>
  publicFetch<PublicLottery>(lotteryPath(roundId), { signal });
