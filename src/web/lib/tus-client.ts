import type { ErrorBody } from '../../shared/errors.ts';
import { ApiError } from './api.ts';

/*
 * A small client of the tus resumable upload protocol 1.0.0 (https://tus.io/protocols/resumable-upload),
 * core protocol with the Creation extension, as the server speaks it (src/server/platform/uploads):
 * POST creates the upload (Upload-Length, Upload-Metadata), PATCH appends chunks at Upload-Offset,
 * HEAD tells the offset the server holds. After a failure the client asks with HEAD and sends
 * from there ("the Client SHOULD send a HEAD request … to determine the offset"), with growing
 * pauses between attempts. The upload's URL is remembered per file (name, size, last change)
 * so that a reloaded page resumes instead of starting again.
 */

export const TUS_VERSION = '1.0.0';
/** 2 MB: progress every few seconds on a slow phone connection, few requests on a fast one. */
export const DEFAULT_CHUNK = 2 * 1024 * 1024;
/** Pauses before each new attempt after a failure; one more failure than there are pauses gives up. */
export const DEFAULT_RETRY_DELAYS: readonly number[] = [0, 1000, 3000, 5000, 10000];
const KEY_PREFIX = 'gds.tus.';

/** What a file to upload must offer (a File; tests pass a Blob with these fields). */
export interface UploadFile {
  readonly name: string;
  readonly size: number;
  readonly type: string;
  readonly lastModified?: number;
  slice(start: number, end: number): Blob;
}

/** Where upload URLs are remembered between page loads (localStorage in the browser). */
export type UploadMemory = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface TusOptions {
  /** The creation URL, e.g. `/api/uploads`. */
  endpoint: string;
  file: UploadFile;
  /** Upload-Metadata pairs (each value is sent in base64 of its UTF-8), e.g. `{ purpose: 'library' }`. */
  metadata: Record<string, string>;
  chunkSize?: number;
  retryDelays?: readonly number[];
  /** Extra headers for every request (the CSRF token, the language). */
  headers?: () => Record<string, string>;
  signal?: AbortSignal;
  onProgress?: (sent: number, total: number) => void;
  /** Told when an upload started in an earlier page is taken up again, with the offset it had. */
  onResume?: (offset: number) => void;
  /** null: remember nothing. Defaults to localStorage when there is one. */
  memory?: UploadMemory | null;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface TusResult {
  /** The upload's URL (`/api/uploads/<id>`). */
  url: string;
  /** The stored file, for `version.fileId`. */
  fileId: string;
  /** The same bytes were stored before: the server kept one copy. */
  duplicate: boolean;
}

const CLIENT_MESSAGES = {
  network: {
    vi: 'Mất kết nối khi tải tệp lên. Hãy kiểm tra mạng rồi bấm “Tải tiếp”: phần đã gửi được giữ lại.',
    en: 'The connection was lost during the upload. Check the network, then press “Resume”: what was sent is kept.',
  },
  unexpected: { vi: 'Máy chủ trả lời không như mong đợi.', en: 'The server sent an unexpected answer.' },
};

/** A failure worth another attempt: no answer, a server error, a busy or mismatched upload. */
function retryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status >= 500 || error.status === 409 || error.status === 423;
}

/** The remembered upload is gone (expired and purged, or not this user's): start a new one. */
function gone(error: unknown): boolean {
  return error instanceof ApiError && [403, 404, 410].includes(error.status);
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function clientError(code: keyof typeof CLIENT_MESSAGES, status = 0): ApiError {
  const messages = CLIENT_MESSAGES[code];
  return new ApiError(status, { code, message: messages.vi, messages });
}

/** base64 of the UTF-8 bytes of a string (Upload-Metadata values). */
export function base64Utf8(value: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** `key base64,key base64`: the Upload-Metadata header (Creation extension). */
export function encodeMetadata(metadata: Record<string, string>): string {
  return Object.entries(metadata)
    .map(([k, v]) => `${k} ${base64Utf8(v)}`)
    .join(',');
}

/** The key under which a file's upload URL is remembered: purpose, name, size and last change. */
export function fingerprint(file: UploadFile, purpose = ''): string {
  return `${KEY_PREFIX}${purpose}:${file.name}:${file.size}:${file.lastModified ?? 0}`;
}

function defaultMemory(): UploadMemory | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled (private mode, policies)
  }
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Aborted', 'AbortError'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('Aborted', 'AbortError'));
      },
      { once: true },
    );
  });
}

/**
 * Uploads `file` with tus, resuming a remembered upload of the same file when there is one.
 * Resolves with the stored file's id; rejects with an ApiError (the server's bilingual message,
 * or a network message once the attempts are spent), or an AbortError when `signal` aborts
 * (the upload stays remembered, so that a later call continues it).
 */
export async function tusUpload(options: TusOptions): Promise<TusResult> {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? defaultSleep;
  const memory = options.memory === undefined ? defaultMemory() : options.memory;
  const delays = options.retryDelays ?? DEFAULT_RETRY_DELAYS;
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK);
  const { file, signal } = options;
  const key = fingerprint(file, options.metadata.purpose);

  const request = async (url: string, method: string, headers: Record<string, string> = {}, body?: Blob) => {
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers: { 'tus-resumable': TUS_VERSION, ...options.headers?.(), ...headers },
        body,
        signal,
        credentials: 'same-origin',
      });
    } catch (error) {
      if (isAbort(error) || signal?.aborted) throw new DOMException('Aborted', 'AbortError');
      throw clientError('network');
    }
    if (response.ok) return response;
    const payload = ((await response.json().catch(() => undefined)) as Partial<ErrorBody> | undefined)?.error;
    throw payload?.code ? new ApiError(response.status, payload) : clientError('unexpected', response.status);
  };

  const create = async (): Promise<string> => {
    const r = await request(options.endpoint, 'POST', {
      'upload-length': String(file.size),
      'upload-metadata': encodeMetadata(options.metadata),
    });
    const location = r.headers.get('location');
    if (!location) throw clientError('unexpected', r.status);
    memory?.setItem(key, location);
    return location;
  };

  const offsetOf = async (url: string): Promise<number> => {
    const r = await request(url, 'HEAD');
    const offset = Number(r.headers.get('upload-offset'));
    if (!Number.isSafeInteger(offset) || offset < 0 || offset > file.size) throw clientError('unexpected', r.status);
    return offset;
  };

  /** The stored file of a finished upload (when the PATCH that finished it was not seen). */
  const finished = async (url: string): Promise<TusResult> => {
    const r = await request(url, 'GET', { accept: 'application/json' });
    const status = (await r.json().catch(() => null)) as { fileId?: string | null; duplicate?: boolean } | null;
    if (!status?.fileId) throw clientError('unexpected', r.status);
    return { url, fileId: status.fileId, duplicate: Boolean(status.duplicate) };
  };

  let url = memory?.getItem(key) ?? null;
  let remembered = url !== null;
  let offset: number | null = url === null ? 0 : null;
  let failures = 0;
  for (;;) {
    try {
      if (url === null) {
        url = await create();
        offset = 0;
      }
      if (offset === null) {
        offset = await offsetOf(url);
        if (remembered) options.onResume?.(offset);
        remembered = false;
      }
      options.onProgress?.(offset, file.size);
      let result: TusResult | null = null;
      while (offset < file.size || (file.size === 0 && result === null)) {
        const end = Math.min(file.size, offset + chunkSize);
        const r = await request(
          url,
          'PATCH',
          { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) },
          file.slice(offset, end),
        );
        const next = Number(r.headers.get('upload-offset'));
        offset = Number.isSafeInteger(next) && next > offset ? next : end;
        failures = 0;
        options.onProgress?.(offset, file.size);
        const fileId = r.headers.get('upload-file-id');
        if (fileId) result = { url, fileId, duplicate: r.headers.get('upload-duplicate') === 'true' };
        if (file.size === 0) break;
      }
      const done = result ?? (await finished(url));
      memory?.removeItem(key);
      return done;
    } catch (error) {
      if (isAbort(error)) throw error;
      if (remembered && gone(error)) {
        // The remembered upload is no more: a fresh one, once.
        memory?.removeItem(key);
        url = null;
        remembered = false;
        continue;
      }
      if (!retryable(error) || failures >= delays.length) {
        // A refused file (type, size, malformed) will not be taken later either: forget it.
        if (error instanceof ApiError && [400, 413, 415].includes(error.status)) memory?.removeItem(key);
        throw error;
      }
      await sleep(delays[failures] ?? 0, signal);
      failures += 1;
      // Where did the server's copy end? Ask before sending more (core protocol, HEAD).
      if (url !== null) offset = null;
    }
  }
}
