import type { ErrorBody, ErrorDetail } from '../../shared/errors.ts';

type Messages = { vi: string; en: string };
type ErrorPayload = ErrorBody['error'];

/** Client-side failures that never reach the server's error catalogue. */
const CLIENT_ERRORS: Record<'network' | 'unexpected', Messages> = {
  network: { vi: 'Không kết nối được máy chủ. Vui lòng thử lại.', en: 'Cannot reach the server. Please try again.' },
  unexpected: { vi: 'Máy chủ trả lời không như mong đợi.', en: 'The server sent an unexpected answer.' },
};

/** An error answered by the API in its one error shape (src/shared/errors.ts), or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: Messages;
  readonly requestId: string | null;
  readonly details: ErrorDetail[];

  constructor(status: number, payload: ErrorPayload | { code: string; message: string; messages: Messages }) {
    super(payload.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = payload.code;
    this.messages = payload.messages;
    this.requestId = 'requestId' in payload ? payload.requestId : null;
    this.details = 'details' in payload && payload.details ? payload.details : [];
  }

  /** The message in the UI language; other language packs get the server's own (negotiated) message. */
  messageFor(lang: string | undefined): string {
    if (lang === 'vi' || lang === 'en') return this.messages[lang] || this.message;
    return this.message;
  }
}

function clientError(status: number, code: 'network' | 'unexpected'): ApiError {
  const messages = CLIENT_ERRORS[code];
  return new ApiError(status, { code, message: messages.vi, messages });
}

interface Hooks {
  /** Called on 401 auth.required (session missing or expired). */
  onAuthRequired: () => void;
  /** Called on 403 auth.password_change_required. */
  onPasswordChangeRequired: () => void;
  /** The current UI language, sent as accept-language. */
  language: () => string;
}

let hooks: Hooks = { onAuthRequired: () => {}, onPasswordChangeRequired: () => {}, language: () => 'vi' };
let csrfToken: string | null = null;

/** Wires the API client to the app (session cache, router, i18n) without importing them here. */
export function configureApi(next: Partial<Hooks>): void {
  hooks = { ...hooks, ...next };
}

/** Stores the anti-forgery token from login or /api/auth/me; sent as `x-csrf-token` on writes. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type Query = Record<string, string | number | boolean | null | undefined>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  query?: Query;
  /** JSON-serialisable value, or FormData for uploads. */
  body?: unknown;
  signal?: AbortSignal;
  /** Do not run the global 401 hook (the session probe and login handle 401 themselves). */
  quietAuth?: boolean;
}

/** Builds `/path?a=1` leaving out empty values. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function acceptLanguage(): string {
  const lang = hooks.language();
  return lang === 'vi' ? 'vi' : `${lang}, vi;q=0.8`;
}

/** Calls the API and returns its JSON (undefined on 204); throws ApiError on any failure. */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': acceptLanguage() };
  let body: BodyInit | undefined;
  if (method !== 'GET') {
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    if (options.body instanceof FormData) body = options.body;
    else {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body ?? {});
    }
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw clientError(0, 'network');
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => undefined);
  if (response.ok) return data as T;
  const payload = (data as Partial<ErrorBody> | undefined)?.error;
  if (!payload?.code) throw clientError(response.status, 'unexpected');
  const error = new ApiError(response.status, payload);
  if (error.code === 'auth.required' && !options.quietAuth) hooks.onAuthRequired();
  if (error.code === 'auth.password_change_required') hooks.onPasswordChangeRequired();
  throw error;
}

/** GET with query parameters, for TanStack Query `queryFn`s. */
export function apiGet<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return apiFetch<T>(path, { query, signal });
}

/** A write (POST/PUT/PATCH/DELETE) with a JSON or FormData body. */
export function apiSend<T>(method: Exclude<Method, 'GET'>, path: string, body?: unknown, query?: Query): Promise<T> {
  return apiFetch<T>(path, { method, body, query });
}
